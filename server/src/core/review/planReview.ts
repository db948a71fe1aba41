import type { PlanAnalysis } from '../analysis';
import type { CatalogueEdition } from '../catalogue/types';
import type { Diagnostic } from '../model/types';
import { foldWidth } from '../text/fold';
import { cellContext, matrixRow } from './cells';
import { DEFAULT_CRITERIA } from './criteria';
import { approvalStatement, documentKind, domainsCovered, findParts, PART_NAMES, requiredPartsOf, wholePlanKind } from './planParts';
import type { OpinionPoint, PlanReview, ReviewFinding, VerdictCriteria } from './types';

/**
 * One plan of `ecoplan review`, from its analysis: the overview's fields, its matrix row, its
 * findings with their quotes and places, the verdict by the criteria, and the opinion (审核意见) in
 * the order of the official review points. Texts are in `lang` (the analysis is expected in the
 * same locale: its findings' messages are quoted as they are).
 */

export type ReviewLang = 'zh' | 'en';

export interface PlanReviewOptions {
  lang?: ReviewLang;
  criteria?: VerdictCriteria;
  /** The Word paragraph (1-based) of a 0-based line of the analysed text, for a .docx; null or absent otherwise. */
  paragraphOf?: (line: number) => number | null;
}

const QUOTE_MAX = 80;

/** The line a finding is on, trimmed, at most QUOTE_MAX characters (cut around the finding's column). */
function quoteOf(lines: string[], d: Diagnostic): string {
  // a Markdown heading's marks are not the plan's words
  const line = (lines[d.range.start.line] ?? '').replace(/\r$/, '').replace(/^#{1,6}\s+/, '');
  const trimmed = line.trim();
  if (trimmed.length <= QUOTE_MAX) return trimmed;
  const lead = line.length - line.trimStart().length;
  const at = Math.max(0, d.range.start.character - lead - 10);
  const from = Math.min(at, trimmed.length - QUOTE_MAX + 1);
  return `${from > 0 ? '…' : ''}${trimmed.slice(from, from + QUOTE_MAX - 1)}…`;
}

// 规划期限 in the title when the settings have none: `(2021—2025年)`
const TITLE_PERIOD = /((?:19|20)\d{2})\s*[-—–~至]+\s*((?:19|20)\d{2})\s*年/;

export function periodOf(analysis: PlanAnalysis): { from: number; to: number } | null {
  if (analysis.settings.period) return analysis.settings.period;
  const m = analysis.model.title ? TITLE_PERIOD.exec(foldWidth(analysis.model.title)) : null;
  return m && Number(m[1]) <= Number(m[2]) ? { from: Number(m[1]), to: Number(m[2]) } : null;
}

/** The editions the analysis knew of (the plan's and the others its name index consults). */
function knownEditions(analysis: PlanAnalysis): CatalogueEdition[] {
  return [analysis.names.primary, ...analysis.names.others.filter((e) => e.id !== analysis.names.primary.id)];
}

/** The newest edition for the plan's level, when it is not the one the plan is checked against. */
function newerEdition(analysis: PlanAnalysis): CatalogueEdition | null {
  const level = analysis.settings.level ?? '市';
  const own = analysis.edition.issued ?? '';
  return (
    knownEditions(analysis)
      .filter((e) => e.id !== analysis.edition.id && e.levels.includes(level) && (e.issued ?? '') > own)
      .sort((a, b) => (b.issued ?? '').localeCompare(a.issued ?? ''))[0] ?? null
  );
}

const NUMERALS = '一二三四五六七八九十';

const POINT_HEADINGS: Record<OpinionPoint['point'], { zh: string; en: string }> = {
  parts: { zh: '规划(方案)结构', en: 'Structure' },
  domains: { zh: '六大领域', en: 'The six domains' },
  period: { zh: '规划期限', en: 'Period' },
  approval: { zh: '审议批准', en: 'Approval' },
  edition: { zh: '建设指标版本', en: 'Indicator edition' },
  responsibility: { zh: '责任分解', en: 'Responsibility' },
  targets: { zh: '目标与国家指标值', en: 'Targets and national thresholds' },
  findings: { zh: '逐条问题', en: 'Findings' },
};

/** The codes whose findings support each point (every finding also stands under `findings`). */
const POINT_CODES: Partial<Record<OpinionPoint['point'], string[]>> = {
  parts: ['missing-required-part', 'investment-total-mismatch'],
  period: ['target-year-outside-period'],
  edition: ['assumed-settings', 'incomplete-catalogue'],
  responsibility: ['missing-responsible-unit', 'vague-responsibility', 'unrecognised-responsible-unit', 'unknown-department'],
  targets: ['target-below-threshold', 'missing-binding-indicators', 'conflicting-targets', 'unquantified-target', 'target-direction', 'unit-mismatch'],
};

export function buildPlanReview(file: string, analysis: PlanAnalysis, options: PlanReviewOptions = {}): PlanReview {
  const lang = options.lang ?? 'zh';
  const criteria = options.criteria ?? DEFAULT_CRITERIA;
  const zh = lang === 'zh';
  const { model, settings, coverage } = analysis;
  const lines = model.text.split('\n');

  const diagnostics = [...analysis.diagnostics].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  const findings: ReviewFinding[] = diagnostics.map((d) => {
    const paragraph = options.paragraphOf?.(d.range.start.line);
    return {
      line: d.range.start.line + 1,
      column: d.range.start.character + 1,
      ...(paragraph ? { wordParagraph: paragraph } : {}),
      code: d.code,
      severity: d.severity,
      message: d.message,
      quote: quoteOf(lines, d),
      range: d.range,
    };
  });
  const count = (code: string, also: (d: Diagnostic) => boolean = () => true) => diagnostics.filter((d) => d.code === code && also(d)).length;
  const belowThreshold = count('target-below-threshold', (d) => d.data?.verified === true);
  const unverifiedBelow = count('target-below-threshold', (d) => d.data?.verified !== true);
  const conflicts = count('conflicting-targets');

  const tasksWithoutUnit = model.tasks.filter((t) => t.noUnit).length;
  const tasksVagueOnly = model.tasks.filter((t) => t.units.length === 0 && t.vague.length > 0).length;
  const parts = findParts(model);
  const whole = wholePlanKind(model);
  const missingParts = whole ? requiredPartsOf(whole).filter((k) => !parts.find((p) => p.kind === k)!.present) : [];
  const domains = domainsCovered(model);
  const approval = approvalStatement(model);
  const period = periodOf(analysis);
  const cited = [...new Set((settings.citations ?? []).flatMap((c) => c.editions))];
  const newer = newerEdition(analysis);
  const cells = matrixRow(cellContext(analysis, options.paragraphOf));

  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const verdictReasons: string[] = [];
  const exceeds = (n: number, max: number, zhWhat: string, enWhat: string, zhUnit: string) => {
    if (n > max) verdictReasons.push(zh ? `${zhWhat} ${n} ${zhUnit},超过允许的 ${max} ${zhUnit}` : `${enWhat}: ${n}, more than the ${max} allowed`);
  };
  exceeds(tasksWithoutUnit, criteria.maxTasksWithoutUnit, '未明确责任单位的任务', 'tasks without a responsible unit', '项');
  exceeds(coverage.missing.length, criteria.maxMissingBinding, '未设目标的约束性指标', 'binding indicators without a target', '项');
  exceeds(belowThreshold, criteria.maxBelowThreshold, '低于国家指标值的目标', 'targets below the national threshold', '项');
  exceeds(conflicts, criteria.maxConflicts, '前后不一致的目标表述', 'conflicting target statements', '处');
  exceeds(missingParts.length, criteria.maxMissingParts, '缺少的必备部分', 'required parts missing', '个');
  if (criteria.noErrors && errors > 0) verdictReasons.push(zh ? `有 ${errors} 个错误级问题` : `${errors} finding(s) of severity error`);

  const supporting = (point: OpinionPoint['point']) =>
    point === 'findings' ? findings.map((_, i) => i) : findings.flatMap((f, i) => ((POINT_CODES[point] ?? []).includes(f.code) ? [i] : []));
  const list = (items: string[]) => items.join(zh ? '、' : ', ');
  const partName = (k: keyof typeof PART_NAMES) => (zh ? PART_NAMES[k].zh : PART_NAMES[k].en);
  const opinion: OpinionPoint[] = [];
  const point = (p: OpinionPoint['point'], ok: boolean | null, text: string[]) =>
    opinion.push({ point: p, ok, heading: zh ? `${NUMERALS[opinion.length]}、${POINT_HEADINGS[p].zh}` : `${opinion.length + 1}. ${POINT_HEADINGS[p].en}`, text, findings: supporting(p) });

  // 一、结构
  {
    const text: string[] = [];
    const kind = documentKind(model.title);
    if (!whole) {
      text.push(
        zh
          ? `${model.title ? `标题「${model.title}」` : '未识别到标题'}${kind ? '' : ',未表明是规划或实施方案'}${kind ? ',章节不足三章' : ''},不按完整规划(方案)检查必备部分。`
          : `${model.title ? `The title "${model.title}"` : 'No title was found'}${kind ? ' heads fewer than three chapters' : ' names neither a plan nor a scheme'}: the required parts of a whole plan are not checked.`,
      );
    } else {
      const present = requiredPartsOf(whole).filter((k) => !missingParts.includes(k));
      text.push(
        zh
          ? `按${whole === 'plan' ? '规划' : '实施方案'}检查,应具备${list(requiredPartsOf(whole).map(partName))}${present.length ? `;已具备${list(present.map(partName))}` : ''}。`
          : `Checked as a ${whole === 'plan' ? 'plan (规划)' : 'scheme (实施方案)'}; it must have ${list(requiredPartsOf(whole).map(partName))}${present.length ? `; present: ${list(present.map(partName))}` : ''}.`,
      );
      if (missingParts.length) text.push(zh ? `缺少${list(missingParts.map(partName))}部分,请补充。` : `Missing: ${list(missingParts.map(partName))}; add them.`);
    }
    const projects = parts.find((p) => p.kind === 'projects')!;
    if (projects.present && projects.columns) {
      const lacking = (['investment', 'unit', 'period'] as const).filter((c) => !projects.columns![c]);
      const names = { investment: zh ? '投资' : 'investment', unit: zh ? '责任单位' : 'responsible unit', period: zh ? '建设时限' : 'period' };
      if (lacking.length) text.push(zh ? `重点工程未列明${list(lacking.map((c) => names[c]))}。` : `The key projects do not state their ${list(lacking.map((c) => names[c]))}.`);
      else text.push(zh ? '重点工程列明了投资、责任单位和建设时限。' : 'The key projects state investment, responsible unit and period.');
    }
    const sums = count('investment-total-mismatch');
    if (sums) text.push(zh ? `投资表合计与分项之和不符 ${sums} 处。` : `${sums} investment total(s) differ from the sum of their rows.`);
    const lacksColumns = projects.present && projects.columns && !(projects.columns.investment && projects.columns.unit && projects.columns.period);
    point('parts', whole ? missingParts.length === 0 && !lacksColumns && sums === 0 : null, text);
  }
  // 二、六大领域
  point(
    'domains',
    model.tasks.length === 0 ? false : domains.missing.length === 0,
    model.tasks.length === 0
      ? [zh ? '未识别到任务,无法判断六大领域的覆盖情况。' : 'No tasks were found: the six domains cannot be checked.']
      : domains.missing.length === 0
        ? [zh ? `任务覆盖生态制度、生态安全、生态空间、生态经济、生态生活、生态文化六大领域。` : 'The tasks cover all six domains.']
        : [zh ? `任务覆盖${list(domains.covered) || '零个领域'};未涉及${list(domains.missing)}。` : `The tasks cover ${list(domains.covered) || 'none of the domains'}; not covered: ${list(domains.missing)}.`],
  );
  // 三、期限
  {
    const outside = count('target-year-outside-period');
    const text: string[] = [];
    if (!period) text.push(zh ? '未写明规划期限。' : 'The period is not stated.');
    else text.push(zh ? `规划期限为 ${period.from}—${period.to} 年。` : `The period is ${period.from}–${period.to}.`);
    if (outside) text.push(zh ? `有 ${outside} 项目标的年份不在期限内。` : `${outside} target year(s) fall outside the period.`);
    point('period', period !== null && outside === 0, text);
  }
  // 四、审议批准
  point(
    'approval',
    approval.stated ? true : null,
    approval.stated
      ? [zh ? `第 ${approval.line} 行写明了审议批准程序:「${approval.body}」。` : `Line ${approval.line} states the approval: "${approval.body}".`]
      : [zh ? '文中未写明由同级人大(或其常委会)或本级人民政府审议批准,需核实。' : 'The text does not say that the people\'s congress (or its standing committee) or the government approves it: to be verified.'],
  );
  // 五、版本
  {
    const ed = analysis.edition;
    const name = (e: CatalogueEdition) => `${e.title}(${e.document ?? e.id})`;
    const text: string[] = [];
    if (cited.length === 0) text.push(zh ? `未引用建设指标文件,按${name(ed)}检查。` : `No indicator edition is cited; checked against ${ed.id}.`);
    else text.push(zh ? `引用${name(ed)}。` : `Cites ${ed.id}.`);
    if (newer) text.push(zh ? `现行版本为${name(newer)},${newer.issued ?? ''} 印发${newer.complete ? '' : '(EcoPlan 数据中尚不完整)'}。` : `The current edition is ${newer.id}, issued ${newer.issued ?? '?'}${newer.complete ? '' : ' (incomplete in EcoPlan\'s data)'}.`);
    point('edition', cited.length > 0 && !newer, text);
  }
  // 六、责任分解
  {
    const text: string[] = [];
    if (model.tasks.length === 0) text.push(zh ? '未识别到任务。' : 'No tasks were found.');
    else {
      text.push(zh ? `共 ${model.tasks.length} 项任务,${tasksWithoutUnit} 项未明确责任单位,${tasksVagueOnly} 项只有笼统的责任表述。` : `${model.tasks.length} tasks: ${tasksWithoutUnit} without a responsible unit, ${tasksVagueOnly} naming only vague parties.`);
    }
    point('responsibility', model.tasks.length > 0 && tasksWithoutUnit === 0 && tasksVagueOnly === 0, text);
  }
  // 七、目标
  {
    const text: string[] = [];
    text.push(zh ? `适用的约束性指标 ${coverage.total} 项,已设定目标 ${coverage.covered} 项。` : `${coverage.total} binding indicators apply; ${coverage.covered} have a target.`);
    if (coverage.missing.length) text.push(zh ? `未设目标:${list(coverage.missing)}。` : `No target: ${list(coverage.missing)}.`);
    if (coverage.trendOnly.length) text.push(zh ? `只有趋势性表述:${list(coverage.trendOnly)}。` : `A trend only: ${list(coverage.trendOnly)}.`);
    if (belowThreshold) text.push(zh ? `${belowThreshold} 项目标低于国家指标值。` : `${belowThreshold} target(s) below the national threshold.`);
    if (unverifiedBelow) text.push(zh ? `另有 ${unverifiedBelow} 项低于尚未核实的指标值,不计入。` : `${unverifiedBelow} more below a threshold not yet verified, not counted.`);
    if (conflicts) text.push(zh ? `同一指标的目标前后不一致 ${conflicts} 处。` : `${conflicts} conflicting target statement(s).`);
    point('targets', coverage.missing.length === 0 && coverage.trendOnly.length === 0 && belowThreshold === 0 && conflicts === 0, text);
  }
  // 八、逐条问题
  point(
    'findings',
    !findings.some((f) => f.severity === 'error' || f.severity === 'warning'),
    findings.length === 0
      ? [zh ? '未发现问题。' : 'No findings.']
      : findings.map((f) => {
          const where = zh ? `第 ${f.line} 行${f.wordParagraph ? `(Word 第 ${f.wordParagraph} 段)` : ''}` : `Line ${f.line}${f.wordParagraph ? ` (Word paragraph ${f.wordParagraph})` : ''}`;
          return zh ? `${where}「${f.quote}」:${f.message}` : `${where} "${f.quote}": ${f.message}`;
        }),
  );

  return {
    file,
    title: model.title,
    place: settings.place ?? null,
    level: settings.level,
    catalogue: analysis.edition.id,
    catalogueCurrent: newer === null,
    cited,
    period,
    tasks: model.tasks.length,
    tasksWithoutUnit,
    tasksVagueOnly,
    binding: { total: coverage.total, covered: coverage.covered, missing: coverage.missing, trendOnly: coverage.trendOnly },
    belowThreshold,
    conflicts,
    parts,
    missingParts,
    domains,
    approval,
    verdict: verdictReasons.length === 0 ? 'ready' : 'revise',
    verdictReasons,
    findings,
    opinion,
    cells,
  };
}

/** The row of a file that could not be read: only why. */
export function unreadPlanReview(file: string, why: string): PlanReview {
  return {
    file,
    unread: why,
    title: null,
    place: null,
    level: null,
    catalogue: '',
    catalogueCurrent: false,
    cited: [],
    period: null,
    tasks: 0,
    tasksWithoutUnit: 0,
    tasksVagueOnly: 0,
    binding: { total: 0, covered: 0, missing: [], trendOnly: [] },
    belowThreshold: 0,
    conflicts: 0,
    parts: [],
    missingParts: [],
    domains: { covered: [], missing: [] },
    approval: { stated: false },
    verdict: 'revise',
    verdictReasons: [],
    findings: [],
    opinion: [],
    cells: {},
  };
}
