import { builtinEditions } from '../../core/catalogue/builtin';
import type { Severity } from '../../core/model/types';
import type { MatrixCell, PlanReview, RequiredPartKind, ReviewReport } from '../../core/review/types';

/**
 * The words every rendering of a ReviewReport shares (HTML page, workbook, Word opinions, the
 * editor's 审核总览), in the report's one language, and the overview's columns so that the page and
 * the workbook cannot drift apart.
 */

export type Lang = ReviewReport['lang'];
export type CellStatus = MatrixCell['status'];

export const CELL_STATUSES: CellStatus[] = ['meets', 'below', 'unverified', 'trend', 'mentioned', 'missing', 'not-binding'];

const WORDS = {
  zh: {
    reportTitle: '生态文明建设示范区规划(方案)审核报告',
    overview: '概览',
    matrix: '指标矩阵',
    cities: '城市与区县',
    opinions: '审核意见',
    findings: '问题清单',
    filter: '筛选',
    filterPlaceholder: '输入地区、文件名或文字筛选',
    allVerdicts: '全部结论',
    legend: '图例',
    plan: '方案',
    indicator: '指标',
    cityPlan: '市级方案',
    noCities: '所给文件中没有同一地级市的市级方案与区县方案。',
    summary: (s: ReviewReport['summary']) => `共 ${s.plans} 份方案:已读取 ${s.read} 份,可提交 ${s.ready} 份,需修改 ${s.revise} 份,无法读取 ${s.unread} 份。`,
    criteria: (c: ReviewReport['criteria']) =>
      `结论标准:无责任单位任务不超过 ${c.maxTasksWithoutUnit} 项,缺失约束性指标不超过 ${c.maxMissingBinding} 项,低于国家标准不超过 ${c.maxBelowThreshold} 项,表述冲突不超过 ${c.maxConflicts} 处,缺少组成部分不超过 ${c.maxMissingParts} 个${c.noErrors ? ',且无错误级问题' : ''}。`,
    unread: '无法读取',
    shown: (n: number, total: number) => (n === total ? `${total} 份` : `${n}/${total} 份`),
    weaker: '弱于市级目标',
    assignedNoTarget: '市级方案要求各县(市、区)落实,本方案未设目标',
    assigned: '市级分解到区县',
    verdictLine: (v: string) => `审核结论:${v}`,
    reasons: '需修改的原因:',
    seeBefore: '(见问题 ',
    seeAfter: ')',
    noFindings: '未发现问题。',
    quote: '原文',
    place: '位置',
    line: (l: number) => `第 ${l} 行`,
    paragraph: (p: number) => `Word 第 ${p} 段`,
    opinionTitle: (title: string) => `关于《${title}》的审核意见`,
    to: (place: string) => `${place}人民政府:`,
    toUnknown: '(主送单位):',
    intro: (title: string) => `经审核,现对《${title}》提出如下意见:`,
    signature: '(审核单位盖章)',
    signer: '审核人:            ',
    date: '年    月    日',
    range: '—',
  },
  en: {
    reportTitle: 'Review report: eco-civilization demonstration plans',
    overview: 'Overview',
    matrix: 'Indicator matrix',
    cities: 'City and counties',
    opinions: 'Opinions',
    findings: 'Findings',
    filter: 'Filter',
    filterPlaceholder: 'Place, file name or any text',
    allVerdicts: 'All verdicts',
    legend: 'Legend',
    plan: 'Plan',
    indicator: 'Indicator',
    cityPlan: 'City plan',
    noCities: 'No city plan with county plans of its prefecture among the files given.',
    summary: (s: ReviewReport['summary']) => `${s.plans} plans: ${s.read} read, ${s.ready} ready to submit, ${s.revise} to revise, ${s.unread} unreadable.`,
    criteria: (c: ReviewReport['criteria']) =>
      `Verdict criteria: at most ${c.maxTasksWithoutUnit} tasks without a unit, ${c.maxMissingBinding} binding indicators missing, ${c.maxBelowThreshold} targets below the national threshold, ${c.maxConflicts} conflicting statements, ${c.maxMissingParts} required parts missing${c.noErrors ? ', and no error' : ''}.`,
    unread: 'Unreadable',
    shown: (n: number, total: number) => (n === total ? `${total} plans` : `${n} of ${total} plans`),
    weaker: 'weaker than the city target',
    assignedNoTarget: 'the city plan assigns it to its counties; this plan sets no target',
    assigned: 'assigned to counties',
    verdictLine: (v: string) => `Verdict: ${v}`,
    reasons: 'To revise because:',
    seeBefore: '(see findings ',
    seeAfter: ')',
    noFindings: 'No findings.',
    quote: 'Quote',
    place: 'Place',
    line: (l: number) => `line ${l}`,
    paragraph: (p: number) => `Word paragraph ${p}`,
    opinionTitle: (title: string) => `Review opinion on “${title}”`,
    to: (place: string) => `To: the People's Government of ${place}`,
    toUnknown: 'To: (addressee)',
    intro: (title: string) => `Having reviewed “${title}”, we give the following opinion:`,
    signature: '(Seal of the reviewing body)',
    signer: 'Reviewer:                ',
    date: 'Date:            ',
    range: '–',
  },
};

export function words(lang: Lang) {
  return WORDS[lang];
}

const VERDICTS: Record<Lang, Record<PlanReview['verdict'] | 'unread', string>> = {
  zh: { ready: '可提交', revise: '需修改', unread: '无法读取' },
  en: { ready: 'Ready', revise: 'Revise', unread: 'Unreadable' },
};

export function verdictOf(p: PlanReview): PlanReview['verdict'] | 'unread' {
  return p.unread !== undefined ? 'unread' : p.verdict;
}

export function verdictLabel(v: PlanReview['verdict'] | 'unread', lang: Lang): string {
  return VERDICTS[lang][v];
}

const STATUS: Record<Lang, Record<CellStatus, string>> = {
  zh: { meets: '达标', below: '低于国标', unverified: '国标待核实', trend: '仅趋势', mentioned: '仅提及', missing: '未涉及', 'not-binding': '不适用' },
  en: { meets: 'meets', below: 'below threshold', unverified: 'threshold unverified', trend: 'trend only', mentioned: 'mentioned only', missing: 'missing', 'not-binding': 'not binding' },
};

export function statusLabel(s: CellStatus, lang: Lang): string {
  return STATUS[lang][s];
}

const SEVERITY: Record<Lang, Record<Severity, string>> = {
  zh: { error: '错误', warning: '警告', information: '提示', hint: '建议' },
  en: { error: 'error', warning: 'warning', information: 'information', hint: 'hint' },
};

export function severityLabel(s: Severity, lang: Lang): string {
  return SEVERITY[lang][s];
}

const PARTS: Record<Lang, Record<RequiredPartKind, string>> = {
  zh: { status: '现状与问题', targets: '目标与指标体系', tasks: '主要任务', projects: '重点工程', safeguards: '保障措施', steps: '实施步骤' },
  en: { status: 'current state and problems', targets: 'targets and indicators', tasks: 'main tasks', projects: 'key projects', safeguards: 'safeguards', steps: 'implementation steps' },
};

export function partLabel(k: RequiredPartKind, lang: Lang): string {
  return PARTS[lang][k];
}

const OPS: Record<string, string> = { '>=': '≥', '<=': '≤', '>': '>', '<': '<', '=': '=' };

const QUALITATIVE_MAX = 10;

/**
 * A matrix cell as its text: the target and its year (`≥95%(2025年)`); a target in words by its
 * words without the indicator's name (`有效开展`, cut at 10 characters); else what the status says.
 */
export function cellText(c: MatrixCell | undefined, lang: Lang, indicator?: string): string {
  if (!c) return '';
  if (c.value !== undefined && c.value !== null && c.op && OPS[c.op] !== undefined) {
    const target = `${OPS[c.op]}${c.value}${c.unit ?? ''}`;
    return c.year ? (lang === 'zh' ? `${target}(${c.year}年)` : `${target} (${c.year})`) : target;
  }
  if (c.op === 'qualitative' && c.surface && c.status !== 'mentioned') {
    const words = (indicator ? c.surface.replace(indicator, '') : c.surface).replace(/^[\s,,、。;;::]+|[\s,,、。;;::]+$/g, '') || c.surface;
    return words.length > QUALITATIVE_MAX ? `${words.slice(0, QUALITATIVE_MAX - 1)}…` : words;
  }
  if (c.status === 'missing') return '—';
  if (c.status === 'not-binding') return '/';
  return statusLabel(c.status, lang);
}

/** A built-in edition by its document number (`环生态〔2019〕76号`), as reviewers cite it; another by its id. */
export function editionLabel(id: string): string {
  const e = builtinEditions.find((x) => x.id === id);
  if (!e?.document) return id;
  // one notice issued the 2024 市 and 县 lists
  return builtinEditions.some((x) => x !== e && x.document === e.document) ? `${e.document}(${e.levels.join('、')})` : e.document;
}

/** Why 需修改, as one sentence: the reasons joined (`…0 项;…0 处。`), whether or not each ends in a full stop. */
export function reasonsText(reasons: string[], lang: Lang): string {
  if (!reasons.length) return '';
  const zh = lang === 'zh';
  return reasons.map((r) => r.replace(/[。.;;\s]+$/, '')).join(zh ? ';' : '; ') + (zh ? '。' : '.');
}

/**
 * The sentences of the opinion's last point worth printing above its list of findings: the
 * builder may write one sentence per finding there, which the list says in full (quote, place).
 */
export function findingsIntro(point: { text: string[]; findings: number[] } | undefined): string[] {
  if (!point) return [];
  return point.findings.length > 0 && point.text.length === point.findings.length ? [] : point.text;
}

/** The plan's name as a reviewer says it: its title, else its file. */
export function planName(p: PlanReview): string {
  return p.title ?? p.file;
}

/** Where a finding or cell is: `plans/东川县.docx:12 (Word 第 9 段)`. */
export function placeText(file: string, line: number, wordParagraph: number | undefined, lang: Lang): string {
  const w = words(lang);
  return `${file}:${line}` + (wordParagraph ? (lang === 'zh' ? `(${w.paragraph(wordParagraph)})` : ` (${w.paragraph(wordParagraph)})`) : '');
}

export interface OverviewColumn {
  key: string;
  header: string;
  width: number;
  /** The cell as shown; numbers sort as numbers. */
  cell: (p: PlanReview, index: number) => string | number;
  /** A longer explanation (the names behind a count), shown as a tooltip / note. */
  note?: (p: PlanReview) => string;
}

/** The overview's columns, one row per plan; an unread plan fills only 序号, 方案 and 结论. */
export function overviewColumns(lang: Lang): OverviewColumn[] {
  const zh = lang === 'zh';
  const sep = zh ? '、' : ', ';
  return [
    { key: 'index', header: zh ? '序号' : 'No.', width: 6, cell: (_, i) => i + 1 },
    { key: 'plan', header: zh ? '方案' : 'Plan', width: 40, cell: (p) => planName(p), note: (p) => p.file },
    { key: 'place', header: zh ? '地区' : 'Place', width: 14, cell: (p) => p.place?.name ?? '' },
    { key: 'level', header: zh ? '层级' : 'Level', width: 6, cell: (p) => (p.level === null ? '' : zh ? p.level : p.level === '市' ? 'city' : 'county') },
    { key: 'catalogue', header: zh ? '指标体系' : 'Edition', width: 22, cell: (p) => (p.unread !== undefined ? '' : editionLabel(p.catalogue) + (p.catalogueCurrent ? '' : zh ? '(非现行)' : ' (not current)')), note: (p) => p.cited.join(sep) },
    { key: 'period', header: zh ? '规划期' : 'Period', width: 11, cell: (p) => (p.period ? `${p.period.from}${words(lang).range}${p.period.to}` : '') },
    { key: 'tasks', header: zh ? '任务' : 'Tasks', width: 7, cell: (p) => (p.unread !== undefined ? '' : p.tasks) },
    { key: 'noUnit', header: zh ? '无责任单位' : 'No unit', width: 9, cell: (p) => (p.unread !== undefined ? '' : p.tasksWithoutUnit) },
    { key: 'vague', header: zh ? '仅笼统表述' : 'Vague only', width: 9, cell: (p) => (p.unread !== undefined ? '' : p.tasksVagueOnly) },
    { key: 'covered', header: zh ? '约束性指标覆盖' : 'Binding covered', width: 12, cell: (p) => (p.unread !== undefined ? '' : `${p.binding.covered}/${p.binding.total}`) },
    { key: 'missing', header: zh ? '缺失' : 'Missing', width: 7, cell: (p) => (p.unread !== undefined ? '' : p.binding.missing.length), note: (p) => (p.unread !== undefined ? '' : p.binding.missing.join(sep)) },
    { key: 'trend', header: zh ? '仅趋势' : 'Trend only', width: 7, cell: (p) => (p.unread !== undefined ? '' : p.binding.trendOnly.length), note: (p) => (p.unread !== undefined ? '' : p.binding.trendOnly.join(sep)) },
    { key: 'below', header: zh ? '低于国标' : 'Below', width: 8, cell: (p) => (p.unread !== undefined ? '' : p.belowThreshold) },
    { key: 'conflicts', header: zh ? '表述冲突' : 'Conflicts', width: 8, cell: (p) => (p.unread !== undefined ? '' : p.conflicts) },
    { key: 'parts', header: zh ? '缺少部分' : 'Parts missing', width: 20, cell: (p) => (p.unread !== undefined ? '' : p.missingParts.map((k) => partLabel(k, lang)).join(sep)) },
    { key: 'verdict', header: zh ? '结论' : 'Verdict', width: 9, cell: (p) => verdictLabel(verdictOf(p), lang), note: (p) => (p.unread !== undefined ? p.unread : reasonsText(p.verdictReasons, lang)) },
  ];
}
