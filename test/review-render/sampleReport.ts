import { unreadPlanReview } from '../../server/src/core/review/planReview';
import type { MatrixCell, OpinionPoint, PlanReview, ReviewFinding, ReviewReport } from '../../server/src/core/review/types';

/**
 * A hand-made ReviewReport for the renderers: a city plan, three county plans (one a .docx) and a
 * file that could not be read, with findings whose quotes carry markup and Markdown marks (plan text
 * is untrusted). Places and plans are invented.
 */

const INDICATORS = [
  { id: 'eco-civilization-plan', name: '生态文明建设规划', unit: null },
  { id: 'eco-civilization-performance-assessment-share', name: '生态文明建设工作占党政实绩考核的比例', unit: '%' },
  { id: 'eco-environment-information-disclosure-rate', name: '生态环境信息公开率', unit: '%' },
  { id: 'good-air-days-ratio', name: '优良天数比例', unit: '%' },
  { id: 'eco-environment-status-index', name: '生态环境状况指数', unit: '%' },
  { id: 'hazardous-waste-utilization-disposal-rate', name: '危险废物利用处置率', unit: '%' },
  { id: 'energy-consumption-per-gdp', name: '单位地区生产总值能耗', unit: '吨标准煤/万元' },
  { id: 'urban-sewage-treatment-rate', name: '城镇污水处理率', unit: '%' },
];

const cell = (status: MatrixCell['status'], extra: Partial<MatrixCell> = {}): MatrixCell => ({ status, ...extra });
const pct = (op: '>=' | '<=', value: number, year: number, line: number, surface: string, threshold: string, status: MatrixCell['status'] = 'meets'): MatrixCell =>
  cell(status, { op, value, unit: '%', year, line, column: 1, surface, threshold });

const range = (line: number, from: number, to: number) => ({ start: { line: line - 1, character: from }, end: { line: line - 1, character: to } });
const finding = (line: number, code: string, severity: ReviewFinding['severity'], message: string, quote: string, wordParagraph?: number): ReviewFinding => ({
  line,
  column: 1,
  code,
  severity,
  message,
  quote,
  range: range(line, 0, quote.length),
  ...(wordParagraph ? { wordParagraph } : {}),
});

const allParts = (except: PlanReview['missingParts'] = []): PlanReview['parts'] =>
  (['status', 'targets', 'tasks', 'projects', 'safeguards', 'steps'] as const).map((kind, k) =>
    except.includes(kind) ? { kind, present: false } : { kind, present: true, title: ['一、现状与问题', '二、目标与指标', '三、主要任务', '四、重点工程', '五、保障措施', '六、实施步骤'][k], line: 10 + k * 20 },
  );

const point = (p: OpinionPoint['point'], ok: boolean | null, heading: string, text: string[], findings: number[] = []): OpinionPoint => ({ point: p, ok, heading, text, findings });

const base = {
  catalogue: 'national-2019',
  catalogueCurrent: true,
  cited: ['环生态〔2019〕76号'],
  domains: { covered: ['生态制度', '生态安全', '生态空间', '生态经济', '生态生活', '生态文化'], missing: [] as string[] },
};

const city: PlanReview = {
  ...base,
  file: 'plans/清江市创建方案.md',
  title: '清江市创建国家生态文明建设示范市实施方案(2024—2027年)',
  place: { code: '990100', name: '清江市', type: '设区市', province: '东海省', prefecture: '清江市' },
  level: '市',
  period: { from: 2024, to: 2027 },
  tasks: 36,
  tasksWithoutUnit: 0,
  tasksVagueOnly: 1,
  binding: { total: 8, covered: 8, missing: [], trendOnly: [] },
  belowThreshold: 0,
  conflicts: 0,
  parts: allParts(),
  missingParts: [],
  approval: { stated: true, body: '市人大常委会', line: 6 },
  verdict: 'ready',
  verdictReasons: [],
  findings: [finding(88, 'vague-party', 'information', '任务只写了笼统的责任主体「各有关部门」,未落实到具体单位。', '12.倡导绿色出行。(各有关部门按职责分工负责)')],
  opinion: [
    point('parts', true, '一、规划(方案)结构', ['现状与问题、目标与指标体系、主要任务、重点工程、保障措施、实施步骤齐全。']),
    point('domains', true, '二、六大领域', ['任务覆盖生态制度、生态安全、生态空间、生态经济、生态生活、生态文化六大领域。']),
    point('period', true, '三、规划期限与有效期', ['规划期限为2024—2027年,申报时仍在有效期内。']),
    point('approval', true, '四、审议批准', ['方案写明经市人大常委会审议。']),
    point('edition', true, '五、指标体系版本', ['引用环生态〔2019〕76号,为该层级现行版本。']),
    point('responsibility', true, '六、责任分解', ['36项任务均明确了责任单位,其中1项仅有笼统表述。'], [0]),
    point('targets', true, '七、指标目标', ['8项约束性指标均设定了不低于国家标准的目标。']),
    point('findings', null, '八、其他问题', ['以下问题请逐条核实修改。']),
  ],
  cells: {
    'eco-civilization-plan': cell('meets', { surface: '编制并实施生态文明建设规划', line: 30, column: 1 }),
    'eco-civilization-performance-assessment-share': pct('>=', 20, 2025, 41, '生态文明建设工作占党政实绩考核的比例达到20%以上', '≥20%'),
    'eco-environment-information-disclosure-rate': pct('>=', 100, 2025, 44, '生态环境信息公开率达到100%', '100%'),
    'good-air-days-ratio': pct('>=', 92, 2027, 52, '优良天数比例达到92%', '完成上级规定的考核任务', 'unverified'),
    'eco-environment-status-index': pct('>=', 65, 2027, 60, '生态环境状况指数不低于65', '≥60'),
    'hazardous-waste-utilization-disposal-rate': pct('>=', 100, 2025, 71, '危险废物利用处置率保持100%', '100%'),
    'energy-consumption-per-gdp': cell('trend', { surface: '单位地区生产总值能耗持续下降', line: 80, column: 1, threshold: '完成上级规定的目标任务' }),
    'urban-sewage-treatment-rate': pct('>=', 97, 2026, 95, '县城污水处理率达到97%以上,各县(市、区)同步落实', '≥95%'),
  },
};

const dongchuan: PlanReview = {
  ...base,
  file: 'plans/东川县实施方案.md',
  title: '东川县创建国家生态文明建设示范县实施方案',
  place: { code: '990121', name: '东川县', type: '县', province: '东海省', prefecture: '清江市' },
  level: '县',
  period: { from: 2024, to: 2026 },
  tasks: 28,
  tasksWithoutUnit: 3,
  tasksVagueOnly: 2,
  binding: { total: 8, covered: 6, missing: ['危险废物利用处置率'], trendOnly: ['单位地区生产总值能耗'] },
  belowThreshold: 1,
  conflicts: 1,
  parts: allParts(['projects']),
  missingParts: ['projects'],
  approval: { stated: false },
  verdict: 'revise',
  verdictReasons: ['3项任务未明确责任单位(上限0项)。', '缺失约束性指标1项(上限0项)。', '1项目标低于国家标准(上限0项)。', '缺少重点工程(上限0个)。'],
  findings: [
    finding(17, 'no-responsible-unit', 'error', '任务「推进河湖治理」未明确责任单位。', '5.推进河湖治理。全面落实河长制,开展河湖“清四乱”行动。'),
    finding(23, 'below-threshold', 'warning', '城镇污水处理率目标≥90%低于国家指标值≥95%。', '到2025年,城镇污水处理率达到90%<script>alert(1)</script>'),
    finding(31, 'target-conflict', 'warning', '生态环境状况指数在第31行写作≥60,在附表第140行写作≥55。', '生态环境状况指数保持在60以上 | 附表:≥55 **重点**'),
    finding(40, 'no-responsible-unit', 'error', '任务「开展生态文化宣传」未明确责任单位。', '12.开展生态文化宣传。'),
    finding(52, 'missing-binding-indicator', 'warning', '缺少约束性指标「危险废物利用处置率」。', '三、主要任务'),
  ],
  opinion: [
    point('parts', false, '一、规划(方案)结构', ['缺少重点工程部分,未列出工程的投资、责任单位和时限。']),
    point('domains', true, '二、六大领域', ['任务覆盖六大领域。']),
    point('period', true, '三、规划期限与有效期', ['规划期限为2024—2026年。']),
    point('approval', null, '四、审议批准', ['文本未写明审议批准机关,无法判断。']),
    point('edition', true, '五、指标体系版本', ['引用环生态〔2019〕76号。']),
    point('responsibility', false, '六、责任分解', ['28项任务中3项未明确责任单位,2项仅有笼统表述。'], [0, 3]),
    point('targets', false, '七、指标目标', ['城镇污水处理率目标低于国家标准;危险废物利用处置率未设目标;单位地区生产总值能耗仅有趋势表述。'], [1, 4]),
    point('findings', null, '八、其他问题', ['同一指标前后表述不一致,请统一。'], [2]),
  ],
  cells: {
    'eco-civilization-plan': cell('meets', { surface: '制定实施生态文明建设规划', line: 12, column: 1 }),
    'eco-civilization-performance-assessment-share': pct('>=', 20, 2025, 14, '考核比例不低于20%', '≥20%'),
    'eco-environment-information-disclosure-rate': pct('>=', 100, 2025, 15, '信息公开率100%', '100%'),
    'good-air-days-ratio': cell('mentioned', { surface: '持续改善空气质量优良天数比例', line: 20, column: 1 }),
    'eco-environment-status-index': pct('>=', 60, 2026, 31, '生态环境状况指数保持在60以上', '≥60'),
    'hazardous-waste-utilization-disposal-rate': cell('missing'),
    'energy-consumption-per-gdp': cell('trend', { surface: '能耗强度逐年下降', line: 27, column: 1 }),
    'urban-sewage-treatment-rate': pct('>=', 90, 2025, 23, '城镇污水处理率达到90%', '≥95%', 'below'),
  },
};

const xiling: PlanReview = {
  ...base,
  file: 'plans/西岭县方案.docx',
  title: '西岭县国家生态文明建设示范县建设规划(2023—2030年)',
  place: { code: '990123', name: '西岭县', type: '县', province: '东海省', prefecture: '清江市' },
  level: '县',
  catalogueCurrent: false,
  cited: ['环办生态函〔2021〕353号'],
  period: { from: 2023, to: 2030 },
  tasks: 41,
  tasksWithoutUnit: 0,
  tasksVagueOnly: 0,
  binding: { total: 8, covered: 8, missing: [], trendOnly: [] },
  belowThreshold: 0,
  conflicts: 0,
  parts: allParts(),
  missingParts: [],
  approval: { stated: true, body: '县人民政府', line: 4 },
  verdict: 'ready',
  verdictReasons: [],
  findings: [finding(66, 'target-year-outside-period', 'warning', '目标年份2035年在规划期2023—2030年之外。', '到2035年,生态环境状况指数达到70以上', 58)],
  opinion: [
    point('parts', true, '一、规划(方案)结构', ['组成部分齐全。']),
    point('domains', true, '二、六大领域', ['任务覆盖六大领域。']),
    point('period', false, '三、规划期限与有效期', ['1项目标年份在规划期之外。'], [0]),
    point('approval', true, '四、审议批准', ['写明经县人民政府审议。']),
    point('edition', false, '五、指标体系版本', ['引用环办生态函〔2021〕353号;2024年已发布新版县级指标,请核实。']),
    point('responsibility', true, '六、责任分解', ['41项任务均明确了责任单位。']),
    point('targets', true, '七、指标目标', ['8项约束性指标均设定了目标。']),
    point('findings', null, '八、其他问题', []),
  ],
  cells: {
    'eco-civilization-plan': cell('meets', { surface: '规划经县政府审议后实施', line: 4, column: 1, wordParagraph: 3 }),
    'eco-civilization-performance-assessment-share': pct('>=', 22, 2025, 30, '考核比例达到22%', '≥20%'),
    'eco-environment-information-disclosure-rate': pct('>=', 100, 2025, 31, '信息公开率达到100%', '100%'),
    'good-air-days-ratio': pct('>=', 90, 2030, 40, '优良天数比例达到90%', '完成上级规定的考核任务', 'unverified'),
    'eco-environment-status-index': pct('>=', 70, 2035, 66, '生态环境状况指数达到70以上', '≥60'),
    'hazardous-waste-utilization-disposal-rate': pct('>=', 100, 2025, 70, '危险废物利用处置率100%', '100%'),
    'energy-consumption-per-gdp': cell('meets', { surface: '完成市下达的能耗强度目标', line: 75, column: 1 }),
    'urban-sewage-treatment-rate': pct('>=', 96, 2026, 80, '城镇污水处理率达到96%', '≥95%'),
  },
};

const nanyuan: PlanReview = {
  ...base,
  file: 'plans/南塬县实施方案.txt',
  title: '南塬县创建国家生态文明建设示范县工作方案',
  place: { code: '990122', name: '南塬县', type: '县', province: '东海省', prefecture: '清江市' },
  level: '县',
  period: null,
  tasks: 19,
  tasksWithoutUnit: 0,
  tasksVagueOnly: 5,
  binding: { total: 8, covered: 5, missing: ['生态环境信息公开率', '危险废物利用处置率', '城镇污水处理率'], trendOnly: [] },
  belowThreshold: 0,
  conflicts: 0,
  parts: allParts(['status', 'steps']),
  missingParts: ['status', 'steps'],
  approval: { stated: false },
  verdict: 'revise',
  verdictReasons: ['缺失约束性指标3项(上限0项)。', '缺少现状与问题、实施步骤(上限0个)。'],
  findings: [
    finding(3, 'plan-period-missing', 'warning', '方案未写明规划期限。', '南塬县创建国家生态文明建设示范县工作方案'),
    finding(9, 'vague-party', 'information', '任务只写了笼统的责任主体「相关部门」,未落实到具体单位。', '3.加强饮用水水源地保护。(相关部门负责)'),
  ],
  opinion: [
    point('parts', false, '一、规划(方案)结构', ['缺少现状与问题、实施步骤。']),
    point('domains', true, '二、六大领域', ['任务覆盖六大领域。']),
    point('period', false, '三、规划期限与有效期', ['未写明规划期限。'], [0]),
    point('approval', null, '四、审议批准', ['文本未写明审议批准机关,无法判断。']),
    point('edition', true, '五、指标体系版本', ['引用环生态〔2019〕76号。']),
    point('responsibility', false, '六、责任分解', ['19项任务中5项仅有笼统表述。'], [1]),
    point('targets', false, '七、指标目标', ['3项约束性指标未设目标。']),
    point('findings', null, '八、其他问题', []),
  ],
  cells: {
    'eco-civilization-plan': cell('meets', { surface: '编制生态文明建设规划', line: 5, column: 1 }),
    'eco-civilization-performance-assessment-share': pct('>=', 20, 2025, 6, '考核比例达到20%', '≥20%'),
    'eco-environment-information-disclosure-rate': cell('missing'),
    'good-air-days-ratio': pct('>=', 88, 2025, 12, '优良天数比例达到88%', '完成上级规定的考核任务', 'unverified'),
    'eco-environment-status-index': pct('>=', 62, 2025, 13, '生态环境状况指数62以上', '≥60'),
    'hazardous-waste-utilization-disposal-rate': cell('missing'),
    'energy-consumption-per-gdp': cell('meets', { surface: '完成上级下达的能耗目标', line: 15, column: 1 }),
    'urban-sewage-treatment-rate': cell('missing'),
  },
};

const broken = unreadPlanReview('plans/北坪区方案(损坏).docx', '不是有效的 Word 文件(zip 目录缺失)');

export function sampleReport(): ReviewReport {
  const plans = [city, dongchuan, nanyuan, xiling, broken].map((p) => structuredClone(p));
  for (const p of plans.slice(1, 4)) p.city = city.file;
  const countyCell = (p: PlanReview, id: string) => p.cells[id];
  const ids = ['eco-environment-status-index', 'urban-sewage-treatment-rate', 'good-air-days-ratio'];
  return {
    version: 1,
    lang: 'zh',
    plans,
    indicators: INDICATORS.map((c) => ({ ...c, editions: ['national-2019'] })),
    cities: [
      {
        city: city.file,
        place: city.place,
        counties: [dongchuan.file, nanyuan.file, xiling.file],
        rows: ids.map((id) => ({
          id,
          name: INDICATORS.find((c) => c.id === id)!.name,
          city: city.cells[id],
          counties: [dongchuan, nanyuan, xiling].map((p) => {
            const c = { ...countyCell(p, id) } as MatrixCell & { weaker?: boolean; assignedNoTarget?: boolean };
            if (id === 'eco-environment-status-index' && p === dongchuan) c.weaker = true;
            if (id === 'urban-sewage-treatment-rate' && p === dongchuan) c.weaker = true;
            if (id === 'urban-sewage-treatment-rate' && p === nanyuan) c.assignedNoTarget = true;
            return c;
          }),
          assigned: id === 'urban-sewage-treatment-rate',
        })),
      },
    ],
    criteria: { maxTasksWithoutUnit: 0, maxMissingBinding: 0, maxBelowThreshold: 0, maxConflicts: 0, maxMissingParts: 0, noErrors: true },
    summary: { plans: 5, read: 4, ready: 2, revise: 2, unread: 1 },
  };
}
