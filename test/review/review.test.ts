import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { MatrixCell, ReviewReport } from '../../server/src/core/review/types';

/**
 * `ecoplan review` on the fixture set (test/fixtures/review/): 黄山市's 规划 and four of its
 * counties' plans (休宁 as a .docx). The overview, the matrix, the opinions and the city view, asserted
 * exactly on the fields a reviewer reads. Runs the bundled CLI (dist/cli.js, built by `npm test`):
 * a .docx is read in a worker thread, which loads that bundle.
 */

const FOLDER = 'test/fixtures/review';
const short = (f: string) => f.replace(`${FOLDER}/`, '');

function review(args: string[]): { code: number | null; report: ReviewReport; stderr: string } {
  const r = spawnSync(process.execPath, [join(process.cwd(), 'bin', 'ecoplan.js'), 'review', ...args, '--format', 'json'], { encoding: 'utf8', env: { ...process.env, ECOPLAN_COMPILE_CACHE: '0' } });
  return { code: r.status, report: JSON.parse(r.stdout) as ReviewReport, stderr: r.stderr };
}

let report: ReviewReport;
let code: number | null;
let stderr: string;
beforeAll(() => {
  ({ report, code, stderr } = review([FOLDER]));
});

const cellText = (c: MatrixCell) => `${c.status}${c.value != null ? `:${c.value}` : ''}`;

describe('ecoplan review: the fixture set', () => {
  it('says 需修改 for four plans and exits 1', () => {
    expect(code).toBe(1);
    expect(stderr).toBe('');
    expect(report.summary).toEqual({ plans: 5, read: 5, ready: 1, revise: 4, unread: 0 });
    expect(report.criteria).toEqual({ maxTasksWithoutUnit: 0, maxMissingBinding: 0, maxBelowThreshold: 0, maxConflicts: 0, maxMissingParts: 0, noErrors: true });
    expect(report.plans.map((p) => short(p.file))).toEqual(['huangshan-city-plan.md', 'qimen-scheme.md', 'shexian-scheme.md', 'xiuning-scheme.docx', 'yixian-plan.md']);
  });

  it('gives each plan its overview row', () => {
    const rows = report.plans.map((p) => ({
      file: short(p.file),
      place: p.place?.name,
      level: p.level,
      catalogue: p.catalogue,
      catalogueCurrent: p.catalogueCurrent,
      cited: p.cited,
      period: p.period,
      tasks: p.tasks,
      tasksWithoutUnit: p.tasksWithoutUnit,
      tasksVagueOnly: p.tasksVagueOnly,
      binding: p.binding,
      belowThreshold: p.belowThreshold,
      conflicts: p.conflicts,
      missingParts: p.missingParts,
      domainsMissing: p.domains.missing,
      approval: p.approval,
      verdict: p.verdict,
      verdictReasons: p.verdictReasons,
      city: p.city && short(p.city),
    }));
    const national2019 = { catalogue: 'national-2019', catalogueCurrent: false, cited: ['national-2019'] };
    expect(rows).toEqual([
      {
        file: 'huangshan-city-plan.md', place: '黄山市', level: '市', ...national2019, period: { from: 2021, to: 2030 }, tasks: 12, tasksWithoutUnit: 0, tasksVagueOnly: 0,
        binding: { total: 19, covered: 16, missing: ['依法开展规划环境影响评价', '突发生态环境事件应急管理机制'], trendOnly: ['碳排放强度'] },
        belowThreshold: 0, conflicts: 0, missingParts: [], domainsMissing: [], approval: { stated: true, body: '人民代表大会常务委员会审议', line: 5 },
        verdict: 'revise', verdictReasons: ['未设目标的约束性指标 2 项,超过允许的 0 项'], city: undefined,
      },
      {
        file: 'qimen-scheme.md', place: '祁门县', level: '县', ...national2019, period: { from: 2022, to: 2024 }, tasks: 8, tasksWithoutUnit: 2, tasksVagueOnly: 2,
        binding: {
          total: 20, covered: 9,
          missing: ['生态文明建设规划', '河长制', '依法开展规划环境影响评价', '危险废物利用处置率', '突发生态环境事件应急管理机制', '自然生态空间', '单位地区生产总值用水量', '村镇饮用水卫生合格率', '城镇生活垃圾无害化处理率', '农村无害化卫生厕所普及率'],
          trendOnly: ['单位地区生产总值能耗'],
        },
        belowThreshold: 0, conflicts: 2, missingParts: [], domainsMissing: ['生态空间', '生态文化'], approval: { stated: false },
        verdict: 'revise',
        verdictReasons: ['未明确责任单位的任务 2 项,超过允许的 0 项', '未设目标的约束性指标 10 项,超过允许的 0 项', '前后不一致的目标表述 2 处,超过允许的 0 处', '有 2 个错误级问题'],
        city: 'huangshan-city-plan.md',
      },
      {
        file: 'shexian-scheme.md', place: '歙县', level: '县', ...national2019, period: { from: 2022, to: 2025 }, tasks: 17, tasksWithoutUnit: 0, tasksVagueOnly: 0,
        binding: { total: 20, covered: 20, missing: [], trendOnly: [] },
        belowThreshold: 0, conflicts: 0, missingParts: [], domainsMissing: [], approval: { stated: true, body: '人民政府常务会议审议', line: 3 },
        verdict: 'ready', verdictReasons: [], city: 'huangshan-city-plan.md',
      },
      {
        file: 'xiuning-scheme.docx', place: '休宁县', level: '县', ...national2019, period: { from: 2022, to: 2025 }, tasks: 8, tasksWithoutUnit: 1, tasksVagueOnly: 0,
        binding: {
          total: 20, covered: 13,
          missing: ['生态文明建设规划', '党委政府对生态文明建设重大目标任务部署情况', '依法开展规划环境影响评价', '突发生态环境事件应急管理机制', '村镇饮用水卫生合格率'],
          trendOnly: ['生态环境状况指数', '单位地区生产总值能耗'],
        },
        belowThreshold: 0, conflicts: 0, missingParts: ['steps'], domainsMissing: [], approval: { stated: false },
        verdict: 'revise',
        verdictReasons: ['未明确责任单位的任务 1 项,超过允许的 0 项', '未设目标的约束性指标 5 项,超过允许的 0 项', '缺少的必备部分 1 个,超过允许的 0 个', '有 1 个错误级问题'],
        city: 'huangshan-city-plan.md',
      },
      {
        file: 'yixian-plan.md', place: '黟县', level: '县', ...national2019, period: { from: 2021, to: 2030 }, tasks: 9, tasksWithoutUnit: 0, tasksVagueOnly: 0,
        binding: {
          total: 20, covered: 10,
          missing: ['生态文明建设规划', '党委政府对生态文明建设重大目标任务部署情况', '河长制', '依法开展规划环境影响评价', '生态环境状况指数', '突发生态环境事件应急管理机制', '单位地区生产总值能耗', '单位地区生产总值用水量', '村镇饮用水卫生合格率', '农村无害化卫生厕所普及率'],
          trendOnly: [],
        },
        belowThreshold: 1, conflicts: 0, missingParts: ['safeguards'], domainsMissing: ['生态经济'], approval: { stated: false },
        verdict: 'revise',
        verdictReasons: ['未设目标的约束性指标 10 项,超过允许的 0 项', '低于国家指标值的目标 1 项,超过允许的 0 项', '缺少的必备部分 1 个,超过允许的 0 个', '有 1 个错误级问题'],
        city: 'huangshan-city-plan.md',
      },
    ]);
  });

  it('lays out the matrix: the binding indicators of both levels, each plan judged in every column', () => {
    expect(report.indicators.filter((c) => c.editions.length === 1).map((c) => [c.id, c.editions])).toEqual([
      ['carbon-emission-intensity', ['national-2019/市']],
      ['village-town-drinking-water-sanitation-rate', ['national-2019/县']],
      ['rural-sanitary-toilet-coverage-rate', ['national-2019/县']],
    ]);
    expect(report.indicators).toHaveLength(23);
    const matrix = Object.fromEntries(report.plans.map((p) => [short(p.file), Object.fromEntries(report.indicators.map((c) => [c.id, cellText(p.cells[c.id])]))]));
    expect(matrix).toEqual({
      'huangshan-city-plan.md': { 'eco-civilization-plan': 'unverified', 'party-government-major-task-deployment': 'unverified', 'eco-civilization-performance-assessment-share': 'meets:22', 'river-chief-system': 'unverified', 'eco-environment-information-disclosure-rate': 'meets:100', 'planning-eia': 'mentioned', 'ambient-air-quality': 'unverified:96', 'water-environment-quality': 'unverified:100', 'nearshore-water-quality-good-ratio': 'not-binding', 'eco-environment-status-index': 'meets:75', 'hazardous-waste-utilization-disposal-rate': 'meets:100', 'eco-environment-emergency-mechanism': 'mentioned', 'natural-ecological-space': 'unverified', 'natural-coastline-retention-rate': 'not-binding', 'energy-consumption-per-gdp': 'unverified', 'water-consumption-per-gdp': 'unverified', 'carbon-emission-intensity': 'trend', 'drinking-water-source-quality-ratio': 'meets:100', 'urban-sewage-treatment-rate': 'meets:97', 'urban-domestic-waste-harmless-treatment-rate': 'meets:100', 'green-government-procurement-ratio': 'meets:85', 'village-town-drinking-water-sanitation-rate': 'not-binding', 'rural-sanitary-toilet-coverage-rate': 'not-binding' },
      'qimen-scheme.md': { 'eco-civilization-plan': 'missing', 'party-government-major-task-deployment': 'unverified', 'eco-civilization-performance-assessment-share': 'meets:20', 'river-chief-system': 'missing', 'eco-environment-information-disclosure-rate': 'meets:100', 'planning-eia': 'missing', 'ambient-air-quality': 'unverified:95', 'water-environment-quality': 'unverified:100', 'nearshore-water-quality-good-ratio': 'not-binding', 'eco-environment-status-index': 'meets:65', 'hazardous-waste-utilization-disposal-rate': 'missing', 'eco-environment-emergency-mechanism': 'missing', 'natural-ecological-space': 'missing', 'natural-coastline-retention-rate': 'not-binding', 'energy-consumption-per-gdp': 'trend', 'water-consumption-per-gdp': 'missing', 'drinking-water-source-quality-ratio': 'meets:100', 'village-town-drinking-water-sanitation-rate': 'missing', 'urban-sewage-treatment-rate': 'meets:88', 'urban-domestic-waste-harmless-treatment-rate': 'missing', 'rural-sanitary-toilet-coverage-rate': 'missing', 'green-government-procurement-ratio': 'meets:80', 'carbon-emission-intensity': 'not-binding' },
      'shexian-scheme.md': { 'eco-civilization-plan': 'unverified', 'party-government-major-task-deployment': 'unverified', 'eco-civilization-performance-assessment-share': 'meets:22', 'river-chief-system': 'unverified', 'eco-environment-information-disclosure-rate': 'meets:100', 'planning-eia': 'unverified:100', 'ambient-air-quality': 'unverified:95', 'water-environment-quality': 'unverified:100', 'nearshore-water-quality-good-ratio': 'not-binding', 'eco-environment-status-index': 'meets:70', 'hazardous-waste-utilization-disposal-rate': 'meets:100', 'eco-environment-emergency-mechanism': 'unverified', 'natural-ecological-space': 'unverified', 'natural-coastline-retention-rate': 'not-binding', 'energy-consumption-per-gdp': 'unverified', 'water-consumption-per-gdp': 'unverified', 'drinking-water-source-quality-ratio': 'meets:100', 'village-town-drinking-water-sanitation-rate': 'unverified:100', 'urban-sewage-treatment-rate': 'meets:90', 'urban-domestic-waste-harmless-treatment-rate': 'unverified:100', 'rural-sanitary-toilet-coverage-rate': 'unverified:96', 'green-government-procurement-ratio': 'meets:85', 'carbon-emission-intensity': 'not-binding' },
      'xiuning-scheme.docx': { 'eco-civilization-plan': 'missing', 'party-government-major-task-deployment': 'missing', 'eco-civilization-performance-assessment-share': 'meets:20', 'river-chief-system': 'unverified', 'eco-environment-information-disclosure-rate': 'meets:100', 'planning-eia': 'missing', 'ambient-air-quality': 'unverified:96', 'water-environment-quality': 'unverified:100', 'nearshore-water-quality-good-ratio': 'not-binding', 'eco-environment-status-index': 'trend', 'hazardous-waste-utilization-disposal-rate': 'meets:100', 'eco-environment-emergency-mechanism': 'missing', 'natural-ecological-space': 'unverified', 'natural-coastline-retention-rate': 'not-binding', 'energy-consumption-per-gdp': 'trend', 'water-consumption-per-gdp': 'unverified', 'drinking-water-source-quality-ratio': 'meets:100', 'village-town-drinking-water-sanitation-rate': 'missing', 'urban-sewage-treatment-rate': 'meets:92', 'urban-domestic-waste-harmless-treatment-rate': 'unverified:100', 'rural-sanitary-toilet-coverage-rate': 'unverified:90', 'green-government-procurement-ratio': 'meets:85', 'carbon-emission-intensity': 'not-binding' },
      'yixian-plan.md': { 'eco-civilization-plan': 'missing', 'party-government-major-task-deployment': 'missing', 'eco-civilization-performance-assessment-share': 'meets:20', 'river-chief-system': 'mentioned', 'eco-environment-information-disclosure-rate': 'meets:100', 'planning-eia': 'missing', 'ambient-air-quality': 'unverified:95', 'water-environment-quality': 'unverified:100', 'nearshore-water-quality-good-ratio': 'not-binding', 'eco-environment-status-index': 'missing', 'hazardous-waste-utilization-disposal-rate': 'meets:100', 'eco-environment-emergency-mechanism': 'missing', 'natural-ecological-space': 'unverified', 'natural-coastline-retention-rate': 'not-binding', 'energy-consumption-per-gdp': 'missing', 'water-consumption-per-gdp': 'missing', 'drinking-water-source-quality-ratio': 'meets:100', 'village-town-drinking-water-sanitation-rate': 'missing', 'urban-sewage-treatment-rate': 'below:80', 'urban-domestic-waste-harmless-treatment-rate': 'unverified:95', 'rural-sanitary-toilet-coverage-rate': 'missing', 'green-government-procurement-ratio': 'meets:80', 'carbon-emission-intensity': 'not-binding' }
    });
  });

  it('places a cell on its target: line, column, Word paragraph, threshold', () => {
    const yixian = report.plans.find((p) => p.file.endsWith('yixian-plan.md'))!;
    expect(yixian.cells['urban-sewage-treatment-rate']).toEqual({ status: 'below', op: '>=', value: 80, unit: '%', year: 2025, surface: '城镇污水处理率达到80%以上', threshold: '≥85%', line: 11, column: 52 });
    const xiuning = report.plans.find((p) => p.file.endsWith('.docx'))!;
    expect(xiuning.cells['urban-sewage-treatment-rate']).toEqual({ status: 'meets', op: '>=', value: 92, unit: '%', year: 2025, surface: '城镇污水处理率达到92%以上', threshold: '≥85%', line: 15, column: 26, wordParagraph: 6 });
  });

  it('writes the opinion of each plan in the official order, ok or not', () => {
    const points = Object.fromEntries(report.plans.map((p) => [short(p.file), p.opinion.map((o) => `${o.heading}:${o.ok}`)]));
    const headings = ['一、规划(方案)结构', '二、六大领域', '三、规划期限', '四、审议批准', '五、建设指标版本', '六、责任分解', '七、目标与国家指标值', '八、逐条问题'];
    const judged = (oks: (boolean | null)[]) => headings.map((h, i) => `${h}:${oks[i]}`);
    expect(points).toEqual({
      'huangshan-city-plan.md': judged([true, true, true, true, false, true, false, false]),
      'qimen-scheme.md': judged([true, false, false, null, false, false, false, false]),
      'shexian-scheme.md': judged([true, true, true, true, false, true, true, true]),
      'xiuning-scheme.docx': judged([false, true, true, null, false, false, false, false]),
      'yixian-plan.md': judged([false, false, true, null, false, true, false, false]),
    });
  });

  it('says what is wrong in the opinion of 黟县, every finding with its quote and line', () => {
    const yixian = report.plans.find((p) => p.file.endsWith('yixian-plan.md'))!;
    expect(yixian.opinion.map((o) => ({ point: o.point, text: o.text, findings: o.findings }))).toEqual([
      {
        point: 'parts',
        text: ['按规划检查,应具备现状与问题、目标与指标体系、主要任务、重点工程、保障措施;已具备现状与问题、目标与指标体系、主要任务、重点工程。', '缺少保障措施部分,请补充。', '重点工程列明了投资、责任单位和建设时限。', '投资表合计与分项之和不符 1 处。'],
        findings: [2, 4],
      },
      { point: 'domains', text: ['任务覆盖生态制度、生态安全、生态空间、生态生活、生态文化;未涉及生态经济。'], findings: [] },
      { point: 'period', text: ['规划期限为 2021—2030 年。'], findings: [] },
      { point: 'approval', text: ['文中未写明由同级人大(或其常委会)或本级人民政府审议批准,需核实。'], findings: [] },
      { point: 'edition', text: ['引用国家生态文明建设示范市县建设指标(环生态〔2019〕76号)。', '现行版本为生态文明建设示范区(县)建设指标(环办生态〔2024〕4号),2024-02-01 印发(EcoPlan 数据中尚不完整)。'], findings: [0] },
      { point: 'responsibility', text: ['共 9 项任务,0 项未明确责任单位,0 项只有笼统的责任表述。'], findings: [] },
      {
        point: 'targets',
        text: [
          '适用的约束性指标 20 项,已设定目标 10 项。',
          '未设目标:生态文明建设规划、党委政府对生态文明建设重大目标任务部署情况、河长制、依法开展规划环境影响评价、生态环境状况指数、突发生态环境事件应急管理机制、单位地区生产总值能耗、单位地区生产总值用水量、村镇饮用水卫生合格率、农村无害化卫生厕所普及率。',
          '1 项目标低于国家指标值。',
        ],
        findings: [1, 3],
      },
      {
        point: 'findings',
        text: [
          '第 1 行「黟县国家生态文明建设示范县规划(2021—2030年)」:按县级指标检查:黟县为安徽省黄山市辖县(341023)',
          '第 1 行「黟县国家生态文明建设示范县规划(2021—2030年)」:方案未对 10 项约束性指标设定目标(共 20 项适用):生态文明建设规划、党委政府对生态文明建设重大目标任务部署情况、河长制 等,全部列在相关信息中;其中 1 项只提及未设目标',
          '第 1 行「黟县国家生态文明建设示范县规划(2021—2030年)」:规划缺少「保障措施」部分',
          '第 11 行「…达到20%以上,空气质量优良天数比例达到95%以上,城镇污水处理率达到80%以上,集中式饮用水水源地水质优良比例保持100%,危险废物利用处置率保持100%。…」:城镇污水处理率 目标 ≥80% 低于 2019 版(县)约束性指标 ≥85%',
          '第 34 行「| | 合计 | 11250 | | |」:投资合计 11250万元 与第 31—33 行 3 项之和 10750万元 不符,相差 500万元',
        ],
        findings: [0, 1, 2, 3, 4],
      },
    ]);
  });

  it('puts the Word paragraph beside the line of every finding of the .docx', () => {
    const xiuning = report.plans.find((p) => p.file.endsWith('.docx'))!;
    expect(xiuning.findings.map((f) => [f.line, f.column, f.wordParagraph, f.code])).toEqual([
      [5, 1, 1, 'assumed-settings'],
      [5, 1, 1, 'assumed-settings'],
      [5, 1, 1, 'missing-binding-indicators'],
      [5, 1, 1, 'missing-required-part'],
      [29, 24, 13, 'unquantified-target'],
      [37, 12, 17, 'unquantified-target'],
      [41, 1, 19, 'missing-responsible-unit'],
    ]);
    expect(xiuning.opinion[7].text[6]).toBe('第 41 行(Word 第 19 段)「7.提升城乡环境设施。城镇生活垃圾无害化处理率达到100%,政府绿色采购比例达到85%以上。」:任务 三.(五).7「提升城乡环境设施」未明确责任单位');
  });

  it('sets 黄山市 beside its four counties: weaker targets, and the indicator it assigns to 各县(市、区)', () => {
    expect(report.cities).toHaveLength(1);
    const view = report.cities[0];
    expect(short(view.city)).toBe('huangshan-city-plan.md');
    expect(view.place).toEqual({ code: '341000', name: '黄山市', type: '设区市', province: '安徽省', prefecture: '黄山市' });
    expect(view.counties.map(short)).toEqual(['qimen-scheme.md', 'shexian-scheme.md', 'xiuning-scheme.docx', 'yixian-plan.md']);
    const marked = (c: MatrixCell & { weaker?: boolean; assignedNoTarget?: boolean }) => `${cellText(c)}${c.weaker ? ' weaker' : ''}${c.assignedNoTarget ? ' assigned-no-target' : ''}`;
    expect(view.rows.map((r) => [r.id, r.assigned, cellText(r.city), ...r.counties.map(marked)])).toEqual([
      ['eco-civilization-plan',  false,  'unverified',  'missing',  'unverified',  'missing',  'missing'],
      ['party-government-major-task-deployment',  false,  'unverified',  'unverified',  'unverified',  'missing',  'missing'],
      ['eco-civilization-performance-assessment-share',  false,  'meets:22',  'meets:20',  'meets:22',  'meets:20',  'meets:20 weaker'],
      ['river-chief-system',  false,  'unverified',  'missing',  'unverified',  'unverified',  'mentioned'],
      ['eco-environment-information-disclosure-rate',  false,  'meets:100',  'meets:100',  'meets:100',  'meets:100',  'meets:100'],
      ['planning-eia',  false,  'mentioned',  'missing',  'unverified:100',  'missing',  'missing'],
      ['ambient-air-quality',  false,  'unverified:96',  'unverified:95',  'unverified:95 weaker',  'unverified:96',  'unverified:95 weaker'],
      ['water-environment-quality',  false,  'unverified:100',  'unverified:100',  'unverified:100',  'unverified:100',  'unverified:100'],
      ['eco-environment-status-index',  false,  'meets:75',  'meets:65',  'meets:70',  'trend',  'missing'],
      ['hazardous-waste-utilization-disposal-rate',  false,  'meets:100',  'missing',  'meets:100',  'meets:100',  'meets:100'],
      ['eco-environment-emergency-mechanism',  false,  'mentioned',  'missing',  'unverified',  'missing',  'missing'],
      ['natural-ecological-space',  false,  'unverified',  'missing',  'unverified',  'unverified',  'unverified'],
      ['energy-consumption-per-gdp',  false,  'unverified',  'trend',  'unverified',  'trend',  'missing'],
      ['water-consumption-per-gdp',  false,  'unverified',  'missing',  'unverified',  'unverified',  'missing'],
      ['carbon-emission-intensity',  false,  'trend',  'not-binding',  'not-binding',  'not-binding',  'not-binding'],
      ['drinking-water-source-quality-ratio',  false,  'meets:100',  'meets:100',  'meets:100',  'meets:100',  'meets:100'],
      ['village-town-drinking-water-sanitation-rate',  false,  'not-binding',  'missing',  'unverified:100',  'missing',  'missing'],
      ['urban-sewage-treatment-rate',  false,  'meets:97',  'meets:88',  'meets:90 weaker',  'meets:92 weaker',  'below:80 weaker'],
      ['urban-domestic-waste-harmless-treatment-rate',  false,  'meets:100',  'missing',  'unverified:100',  'unverified:100',  'unverified:95 weaker'],
      ['rural-sanitary-toilet-coverage-rate',  true,  'not-binding:95',  'missing assigned-no-target',  'unverified:96',  'unverified:90 weaker',  'missing assigned-no-target'],
      ['green-government-procurement-ratio',  false,  'meets:85',  'meets:80',  'meets:85',  'meets:85',  'meets:80'],
      ['public-satisfaction-eco-civilization',  false,  'not-binding',  'not-binding',  'not-binding:85',  'not-binding',  'not-binding:85'],
      ['public-participation-eco-civilization',  false,  'not-binding:85',  'not-binding',  'not-binding',  'not-binding',  'not-binding']
    ]);
  });

  it('writes the whole report in English with --lang en', () => {
    const en = review([`${FOLDER}/yixian-plan.md`, '--lang', 'en']).report;
    expect(en.lang).toBe('en');
    const p = en.plans[0];
    expect(p.verdictReasons).toEqual(['binding indicators without a target: 10, more than the 0 allowed', 'targets below the national threshold: 1, more than the 0 allowed', 'required parts missing: 1, more than the 0 allowed', '1 finding(s) of severity error']);
    expect(p.opinion.map((o) => o.heading)).toEqual(['1. Structure', '2. The six domains', '3. Period', '4. Approval', '5. Indicator edition', '6. Responsibility', '7. Targets and national thresholds', '8. Findings']);
    expect(p.opinion[0].text).toEqual([
      'Checked as a plan (规划); it must have current state and problems, targets and indicators, main tasks, key projects, safeguards; present: current state and problems, targets and indicators, main tasks, key projects.',
      'Missing: safeguards; add them.',
      'The key projects state investment, responsible unit and period.',
      '1 investment total(s) differ from the sum of their rows.',
    ]);
    expect(p.opinion[7].text[4]).toBe('Line 34 "| | 合计 | 11250 | | |": The investment total 11250 万元 differs from the sum of its 3 rows (lines 31–33), 10750 万元, by 500');
  });
});
