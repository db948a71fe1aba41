import type { CatalogueEdition } from '../catalogue/types';
import type { LocalizedText, PlanModel, Range } from '../model/types';
import { planYear } from '../title';
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
    const edition = editionMessage(ctx);
    if (edition) reports.push({ range, message: edition });
    reports.forEach(report);
  },
};
