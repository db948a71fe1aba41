import type { CatalogueEdition } from '../catalogue/types';
import type { LocalizedText, PlanModel, Range } from '../model/types';
import { planDate, planYear } from '../title';
import { describePlace, divisionByCode } from '../place/placeOfPlan';
import type { Report, Rule, RuleContext } from './rule';

/** The title line, else the evidence line, else the first line with text: never a zero-width range. */
function headRange(model: PlanModel, line: number | undefined): Range {
  const lines = model.text.split('\n', (line ?? model.titleRange.start.line) + 200);
  const width = (l: number) => lines[l].replace(/\r$/, '').length;
  const at = (l: number): Range => ({ start: { line: l, character: 0 }, end: { line: l, character: width(l) } });
  if (model.title !== null) return model.titleRange;
  if (line !== undefined && line < lines.length) return at(line);
  const from = model.frontMatter ? model.frontMatter.range.end.line + 1 : 0;
  for (let l = from; l < lines.length; l++) if (lines[l].trim() !== '') return at(l);
  return at(0);
}

const LEVEL_WORDS: Record<string, LocalizedText> = { 县: { zh: '县级', en: 'county-level (县)' }, 市: { zh: '市级', en: 'city-level (市)' } };

function levelMessage(ctx: RuleContext): LocalizedText | null {
  const { settings, model, edition } = ctx;
  if (settings.levelFrom === 'default') {
    return {
      zh: `未能从标题或发文单位判断方案级别(市/县),按「市」和${edition.title}检查;可在 front matter 中写 ecoplan: {level: 县}`,
      en: `The plan's level (市/县) could not be read from its title or issuer; checked as 市 against ${edition.id}. Set it in front matter: ecoplan: {level: 县}`,
    };
  }
  if (settings.levelFrom !== 'document' || !settings.levelEvidence || !settings.level) return null;
  const unit = settings.place && settings.placeFrom === 'document' ? divisionByCode(settings.place.code) : null;
  if (unit) {
    // the level follows from what the place is (管理规程 第三条): say what it is
    const why = describePlace(unit);
    // a name no current unit bears, read as the unit renamed from it (撤县设市, 撤县设区): a guess, said as one
    const written = settings.placeWritten;
    if (written) {
      return {
        zh: `按${LEVEL_WORDS[settings.level].zh}指标检查:「${written}」不是现行行政区划名称,按更名后的单位认定——${why.zh}(更名前为县);如不是该地,可在 front matter 中写 ecoplan: {place: 区划代码}`,
        en: `Checked against the ${LEVEL_WORDS[settings.level].en} thresholds: "${written}" is no current unit, read as the unit renamed from it: ${why.en} (a 县 before); if that is not the place, set ecoplan: {place: CODE} in front matter`,
      };
    }
    return { zh: `按${LEVEL_WORDS[settings.level].zh}指标检查:${why.zh}`, en: `Checked against the ${LEVEL_WORDS[settings.level].en} thresholds: ${why.en}` };
  }
  const { words, line } = settings.levelEvidence;
  const inTitle = model.title !== null && line === model.titleRange.start.line;
  const other = settings.level === '县' ? '市' : '县';
  const where: LocalizedText = inTitle ? { zh: '标题中的', en: 'in the title' } : { zh: `第 ${line + 1} 行的`, en: `on line ${line + 1}` };
  const hint: LocalizedText =
    settings.level === '市'
      ? { zh: `;县级市请在 front matter 中写 ecoplan: {level: 县}`, en: `; for a county-level city set ecoplan: {level: 县} in front matter` }
      : { zh: `;如不对,可在 front matter 中写 ecoplan: {level: ${other}}`, en: `; if wrong, set ecoplan: {level: ${other}} in front matter` };
  return {
    zh: `按${LEVEL_WORDS[settings.level].zh}指标检查:依据${where.zh}「${words}」${hint.zh}`,
    en: `Checked against the ${LEVEL_WORDS[settings.level].en} thresholds, inferred from "${words}" ${where.en}${hint.en}`,
  };
}

const yearOf = (e: CatalogueEdition) => (e.issued ? Number(e.issued.slice(0, 4)) : null);
const issuedText = (e: CatalogueEdition) => (e.issued ? e.issued.slice(0, 4) : '?');

const IMPORT_HINT: LocalizedText = {
  zh: '如有其指标表,可用 ecoplan catalogue import 导入(见 README「方案设置」)',
  en: 'given its table, bring it in with ecoplan catalogue import (README, Plan settings)',
};

/** `2024年2月` / `2024-02` from an edition's issue date (`2024-02-01`, or a year alone). */
function issuedMonth(e: CatalogueEdition): LocalizedText {
  const [y, m] = (e.issued ?? '?').split('-');
  return m ? { zh: `${y}年${Number(m)}月`, en: `${y}-${m}` } : { zh: `${y}年`, en: y };
}

/** Whether a plan of this date was written after the edition was issued (to the month where both are known). */
function writtenAfter(date: { year: number; month: number | null }, e: CatalogueEdition): boolean {
  if (!e.issued) return false;
  const [y, m] = e.issued.split('-').map(Number);
  return date.year > y || (date.year === y && date.month !== null && m !== undefined && date.month > m);
}

/**
 * The plan is held to the edition it cites (catalogue/citations.ts): say so when it also cites a
 * newer one the data lacks (咸宁 2022 cites 2019 and the 2021 revision), and when a newer list for
 * its level had been issued before it was written.
 */
function citedEditionMessages(ctx: RuleContext): LocalizedText[] {
  const { model, settings, edition, names } = ctx;
  const out: LocalizedText[] = [];
  const all = [names.primary, ...names.others];
  const level = settings.level ?? '市';
  const citations = settings.citations ?? [];
  const own = citations.find((c) => c.editions.includes(edition.id));
  const name = `${edition.title}(${edition.document ?? edition.id})`;
  const newerCited = citations
    .flatMap((c) => c.editions.map((id) => ({ c, e: all.find((e) => e.id === id) })))
    .filter((x): x is { c: (typeof citations)[number]; e: CatalogueEdition } => !!x.e && x.e.levels.includes(level) && (x.e.issued ?? '') > (edition.issued ?? ''))[0];
  if (newerCited) {
    const { c, e } = newerCited;
    out.push({
      zh: `按本方案引用的${name}检查:同时引用的${e.title}(第 ${c.line + 1} 行「${c.words}」)在 EcoPlan 数据中尚不完整;${IMPORT_HINT.zh},再在 front matter 中写 ecoplan: {catalogue: ${e.id}}`,
      en: `Checked against ${edition.id}, which the plan cites: ${e.id}, also cited ("${c.words}", line ${c.line + 1}), is incomplete in EcoPlan's data; ${IMPORT_HINT.en}, then set ecoplan: {catalogue: ${e.id}} in front matter`,
    });
  }
  const date = planDate(model, settings.period);
  if (!date || !own) return out;
  const later = all
    .filter((e) => e.id !== edition.id && e.levels.includes(level) && (e.issued ?? '') > (edition.issued ?? '') && writtenAfter(date, e))
    .sort((a, b) => (b.issued ?? '').localeCompare(a.issued ?? ''))[0];
  if (!later || later === newerCited?.e) return out;
  const when: LocalizedText = date.month ? { zh: `${date.year}年${date.month}月`, en: `${date.year}-${String(date.month).padStart(2, '0')}` } : { zh: `${date.year}年`, en: String(date.year) };
  const issued = issuedMonth(later);
  const incomplete: LocalizedText = later.complete ? { zh: '', en: '' } : { zh: `;新版在 EcoPlan 数据中尚不完整,${IMPORT_HINT.zh}`, en: `; the newer list is incomplete in EcoPlan's data, ${IMPORT_HINT.en}` };
  out.push({
    zh: `本方案编制于${when.zh},引用的是${name}(第 ${own.line + 1} 行「${own.words}」);${issued.zh}已印发${later.title}(${later.document ?? later.id}),有更新的指标可对照${incomplete.zh}`,
    en: `The plan dates from ${when.en} and cites ${edition.id} ("${own.words}", line ${own.line + 1}); a newer list, ${later.id}, was issued in ${issued.en}${incomplete.en}`,
  });
  return out;
}

/** A plan written before its edition existed, or after a newer one for its level was issued. */
function editionMessage(ctx: RuleContext): LocalizedText | null {
  const { model, settings, edition, names } = ctx;
  const issued = yearOf(edition);
  const year = settings.period?.from ?? planYear(model)?.year;
  if (issued === null || year === undefined) return null;
  const eco = model.frontMatter?.data?.ecoplan as Record<string, unknown> | undefined;
  const chosen: LocalizedText =
    eco && typeof eco === 'object' && eco.catalogue
      ? { zh: '这是 front matter 指定的版本', en: 'the front matter names it' }
      : { zh: '未指定版本时按数据中最新的完整版本检查(可在 front matter 中写 ecoplan: {catalogue: …})', en: 'with no edition named, the newest complete edition in the data is used (set ecoplan: {catalogue: …} in front matter)' };
  const name = `${edition.title}(${edition.document ?? edition.id},${issuedText(edition)}年)`;
  if (year < issued) {
    return {
      zh: `本方案编制于 ${year} 年,早于所检查的${name};${chosen.zh}`,
      en: `The plan dates from ${year}, before ${edition.id} (issued ${issuedText(edition)}) it is checked against: ${chosen.en}`,
    };
  }
  const level = settings.level ?? '市';
  const later = [names.primary, ...names.others]
    .filter((e) => e.id !== edition.id && (yearOf(e) ?? 0) > issued && (yearOf(e) ?? Infinity) < year && e.levels.includes(level))
    .sort((a, b) => (yearOf(b) ?? 0) - (yearOf(a) ?? 0))[0];
  if (!later) return null;
  const why: LocalizedText = !later.complete ? { zh: `${issuedText(later)}年版在数据中不完整,${chosen.zh}`, en: `${later.id} is incomplete in the data, and ${chosen.en}` } : chosen;
  return {
    zh: `本方案编制于 ${year} 年,其时已有${later.title}(${later.document ?? later.id},${issuedText(later)}年);仍按${name}检查:${why.zh}`,
    en: `The plan dates from ${year}, when ${later.id} (issued ${issuedText(later)}) was in force; checked against ${edition.id}: ${why.en}`,
  };
}

/**
 * What the plan is checked with, where the plan itself did not say: the level inferred from its
 * title or issuer (or assumed), and the edition when the plan predates it or a newer one existed.
 * Information on the title line, so that editors draw it.
 */
export const assumedSettings: Rule = {
  code: 'assumed-settings',
  defaultSeverity: 'information',
  description: { zh: '方案级别或指标版本由推断或默认值而来', en: 'Plan level or catalogue edition inferred or assumed' },
  check(ctx, report) {
    const reports: Report[] = [];
    const range = headRange(ctx.model, ctx.settings.levelEvidence?.line);
    const level = levelMessage(ctx);
    if (level) reports.push({ range, message: level });
    if (ctx.settings.catalogueFrom === 'citation') for (const message of citedEditionMessages(ctx)) reports.push({ range, message });
    else {
      const edition = editionMessage(ctx);
      if (edition) reports.push({ range, message: edition });
    }
    reports.forEach(report);
  },
};
