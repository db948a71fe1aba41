// core/diff: which task is which across two drafts, and what changed in units, targets and coverage.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analysePlan } from '../../server/src/core/analyse';
import { builtinEditions } from '../../server/src/core/catalogue/builtin';
import { indicatorsById } from '../../server/src/core/catalogue/lookup';
import { compareTargets } from '../../server/src/core/diff/compareTargets';
import { diffPlans } from '../../server/src/core/diff/diffPlans';
import { longestIncreasing, matchTasks } from '../../server/src/core/diff/matchTasks';
import type { IndicatorTarget } from '../../server/src/core/model/types';

const DRAFTS = join(__dirname, '..', 'fixtures', 'review-drafts');
const analyse = (text: string, uri = 'plan.md') => analysePlan(text, { uri });
const line = (c: { oldRange?: { start: { line: number } }; newRange?: { start: { line: number } } }) => [c.oldRange ? c.oldRange.start.line + 1 : null, c.newRange ? c.newRange.start.line + 1 : null];

describe('diffPlans on the two drafts of 安吉县', () => {
  const before = analyse(readFileSync(join(DRAFTS, '安吉县-初稿.md'), 'utf8'), '初稿.md');
  const after = analyse(readFileSync(join(DRAFTS, 'source', '安吉县-修改稿.md'), 'utf8'), '修改稿.md');

  it('reports every kind of change once, in a reviewer’s order, with its lines in each draft', () => {
    const diff = diffPlans(before, after, 'zh');
    expect(diff.changes.map((c) => [c.kind, c.message, ...line(c)])).toEqual([
      ['lead-removed', '三.(一).4 牵头单位:县水利局 → 删除', 23, 25],
      ['lead-changed', '三.(四).13 牵头单位:县水利局 → 县住建局', 47, 49],
      ['unit-dropped', '三.(二).6 删除责任单位:县交通运输局', 29, 31],
      ['unit-added', '三.(四).14 新增责任单位:县商务局', 49, 51],
      ['target-weakened', '三.(二).6 优良天数比例 目标较上一稿降低:>90%(2023年) → ≥90%(2023年)', 29, 31],
      ['target-weakened', '三.(二).6 PM2.5浓度下降幅度 目标较上一稿降低:≤28微克/立方米(2023年) → ≤30微克/立方米(2023年)', 29, 31],
      ['target-weakened', '三.(四).13 城镇污水处理率 目标较上一稿降低:≥95%(2023年) → ≥90%(2023年)', 47, 49],
      ['target-weakened', '三.(四).15 农村无害化卫生厕所普及率 目标较上一稿降低:≥95%(2022年) → ≥95%(2023年)', 51, 53],
      ['target-removed', '删除目标:政府绿色采购比例 ≥85%', 43, null],
      ['coverage-lost', '约束性指标 政府绿色采购比例:已设目标 → 缺失', 43, null],
      ['task-removed', '删除任务 三.(三).11 扩大政府绿色采购', 43, null],
      ['task-added', '新增任务 三.(一).2 建立生态环境损害赔偿制度', null, 21],
      ['task-retitled', '三.(一).5 任务标题改动:推进环境信息公开 → 深化生态环境信息公开', 25, 27],
      ['task-moved', '任务位置调整:三.(四).15 → 三.(三).12 推广绿色建筑(三.(四) 建设美丽城乡 → 三.(三) 推动绿色低碳发展)', 53, 45],
      ['target-strengthened', '三.(二).7 集中式饮用水水源地水质优良比例 目标较上一稿提高:进一步提高 → ≥100%', 31, 33],
      ['target-strengthened', '三.(三).10 单位地区生产总值能耗 目标较上一稿提高:≤0.42吨标准煤/万元(2023年) → ≤0.4吨标准煤/万元(2023年)', 39, 41],
      ['target-strengthened', '三.(三).10 单位地区生产总值用水量 目标较上一稿提高:持续下降(2023年) → ≤28立方米/万元(2023年)', 39, 41],
      ['target-added', '三.(三).11 新增目标:畜禽粪污综合利用率 ≥90%', null, 43],
      ['coverage-gained', '约束性指标 集中式饮用水水源地水质优良比例:仅有趋势 → 已设目标', 31, 33],
      ['coverage-gained', '约束性指标 单位地区生产总值用水量:仅有趋势 → 已设目标', 39, 41],
    ]);
    expect(diff.coverage).toEqual({
      old: { covered: 12, total: 20, trendOnly: ['单位地区生产总值用水量', '集中式饮用水水源地水质优良比例'], missing: ['党委政府对生态文明建设重大目标任务部署情况', '河长制', '依法开展规划环境影响评价', '水环境质量', '突发生态环境事件应急管理机制', '自然生态空间'] },
      new: { covered: 13, total: 20, trendOnly: [], missing: ['党委政府对生态文明建设重大目标任务部署情况', '河长制', '依法开展规划环境影响评价', '水环境质量', '突发生态环境事件应急管理机制', '自然生态空间', '政府绿色采购比例'] },
    });
    expect(diff.old).toEqual({ title: '安吉县创建国家生态文明建设示范县实施方案(2021—2023年)', level: '县', catalogue: 'national-2019', tasks: 17, targets: 19 });
    expect(diff.new.tasks).toBe(17);
  });

  it('carries the units and targets of each change, and speaks English when asked', () => {
    const diff = diffPlans(before, after, 'en');
    const lead = diff.changes[0];
    expect(lead).toMatchObject({ kind: 'lead-removed', message: '三.(一).4 lead unit: 县水利局 → removed', before: ['县水利局'], after: [], old: { path: '三.(一).3', title: '深化河长制湖长制' }, new: { path: '三.(一).4' } });
    const pm = diff.changes.find((c) => c.kind === 'target-weakened' && c.catalogueId === 'pm25-concentration-decline');
    expect(pm).toMatchObject({
      message: '三.(二).6 PM2.5浓度下降幅度: target weaker than the previous draft: ≤28微克/立方米 (2023) → ≤30微克/立方米 (2023)',
      aspects: ['value'],
      old: { op: '<=', value: 28, unit: '微克/立方米', year: 2023, text: '≤28微克/立方米', task: '三.(二).5' },
      new: { op: '<=', value: 30, unit: '微克/立方米', year: 2023, text: '≤30微克/立方米', task: '三.(二).6' },
    });
    expect(diff.changes.find((c) => c.kind === 'target-weakened' && c.catalogueId === 'good-air-days-ratio')).toMatchObject({ aspects: ['operator'] });
    expect(diff.changes.find((c) => c.kind === 'target-weakened' && c.catalogueId === 'rural-sanitary-toilet-coverage-rate')).toMatchObject({ aspects: ['year'] });
    expect(diff.summary).toEqual({
      'lead-removed': 1,
      'lead-changed': 1,
      'unit-dropped': 1,
      'unit-added': 1,
      'target-weakened': 4,
      'target-removed': 1,
      'coverage-lost': 1,
      'task-removed': 1,
      'task-added': 1,
      'task-retitled': 1,
      'task-moved': 1,
      'target-strengthened': 3,
      'target-added': 1,
      'coverage-gained': 2,
    });
  });

  it('finds nothing between a draft and itself', () => {
    expect(diffPlans(before, before, 'zh').changes).toEqual([]);
  });
});

const PLAN = (chapters: string[][], head = '') => `某县创建国家生态文明建设示范县实施方案

${head}一、主要任务

${chapters.map((tasks, i) => `（${'一二三'[i]}）${['健全制度', '改善环境', '绿色发展'][i]}\n\n${tasks.join('\n\n')}`).join('\n\n')}
`;
const T1 = '加强规划实施。每年评估规划执行情况，推动各项任务按期落地。（责任单位：县生态环境分局）';
const T2 = '推行河长制。落实三级河长巡河制度，河道保洁常态化。〔县水利局牵头，各乡镇人民政府配合〕';
const T3 = '提升污水处理水平。推进污水管网建设，城镇污水处理率达到90%以上。（责任单位：县住建局）';
const T4 = '保障饮水安全。集中式饮用水水源地水质优良比例保持100%。（责任单位：县水利局、县生态环境分局）';
const T5 = '推进秸秆利用。推广秸秆还田和饲料化利用，秸秆综合利用率达到92%以上。（责任单位：县农业农村局）';

describe('matching tasks across drafts', () => {
  it('sees no change when only the numbers changed (numbering restarted per chapter, a chapter put before the tasks)', () => {
    const before = analyse(PLAN([[`1.${T1}`, `2.${T2}`], [`3.${T3}`, `4.${T4}`], [`5.${T5}`]]));
    const after = analyse(PLAN([[`1.${T1}`, `2.${T2}`], [`1.${T3}`, `2.${T4}`], [`1.${T5}`]], '一、总体要求\n\n坚持生态优先、绿色发展。\n\n').replace('一、主要任务', '二、主要任务'));
    expect(after.model.tasks.map((t) => t.path)).toEqual(['二.(一).1', '二.(一).2', '二.(二).1', '二.(二).2', '二.(三).1']);
    const m = matchTasks(before.model, after.model);
    expect(m).toEqual({ pairs: [0, 1, 2, 3, 4].map((i) => ({ old: i, new: i, retitled: false, moved: false })), removed: [], added: [] });
    expect(diffPlans(before, after, 'zh').changes).toEqual([]);
  });

  it('matches a task whose title was rewritten by what it says, and a task inserted before others renumbers nothing', () => {
    const before = analyse(PLAN([[`1.${T1}`, `2.${T2}`], [`3.${T3}`, `4.${T4}`]]));
    const retitled = T3.replace('提升污水处理水平', '补齐城镇污水收集处理短板');
    const after = analyse(PLAN([[`1.${T1}`, '2.建立生态环境损害赔偿制度。对典型案件开展赔偿磋商。（责任单位：县司法局）', `3.${T2}`], [`4.${retitled}`, `5.${T4}`]]));
    expect(diffPlans(before, after, 'zh').changes.map((c) => [c.kind, c.message])).toEqual([
      ['task-added', '新增任务 一.(一).2 建立生态环境损害赔偿制度'],
      ['task-retitled', '一.(二).4 任务标题改动:提升污水处理水平 → 补齐城镇污水收集处理短板'],
    ]);
  });

  it('reports a task out of order within its chapter as moved, not the ones that kept their order', () => {
    const before = analyse(PLAN([[`1.${T1}`, `2.${T2}`, `3.${T3}`, `4.${T4}`]]));
    const after = analyse(PLAN([[`1.${T4}`, `2.${T1}`, `3.${T2}`, `4.${T3}`]]));
    expect(diffPlans(before, after, 'zh').changes.map((c) => c.message)).toEqual(['任务位置调整:一.(一).4 → 一.(一).1 保障饮水安全(一.(一) 健全制度 内调整顺序)']);
  });

  it('keeps one longest run in order', () => {
    expect([...longestIncreasing([3, 0, 1, 2])].sort()).toEqual([1, 2, 3]);
    expect([...longestIncreasing([])]).toEqual([]);
    expect([...longestIncreasing([0, 1, 2])].sort()).toEqual([0, 1, 2]);
  });
});

describe('comparing two targets in the indicator’s direction', () => {
  const edition = builtinEditions.find((e) => e.id === 'national-2019')!;
  const ind = (id: string) => indicatorsById(edition).get(id)!;
  const target = (t: Partial<IndicatorTarget>): IndicatorTarget =>
    ({ indicator: '', writtenName: '', catalogueId: null, match: null, surface: '', op: '>=', value: 0, unit: '%', year: null, tagged: false, range: null, nameRange: null, ...t }) as unknown as IndicatorTarget;

  it('a higher ≤ of a lower-is-better indicator is weaker, a lower one stronger', () => {
    const energy = ind('energy-consumption-per-gdp');
    expect(compareTargets(target({ op: '<=', value: 0.42, unit: '吨标准煤/万元' }), target({ op: '<=', value: 0.45, unit: '吨标准煤/万元' }), energy)).toEqual({ verdict: 'weaker', aspects: ['value'] });
    expect(compareTargets(target({ op: '<=', value: 0.42, unit: '吨标准煤/万元' }), target({ op: '<=', value: 0.4, unit: '吨标准煤/万元' }), energy)).toEqual({ verdict: 'stronger', aspects: ['value'] });
    // PM2.5 stated in μg/m³: the other measure's direction (lower is better), not the decline rate's
    const pm = ind('pm25-concentration-decline');
    expect(compareTargets(target({ op: '<=', value: 28, unit: '微克/立方米' }), target({ op: '<=', value: 30, unit: '微克/立方米' }), pm).verdict).toBe('weaker');
    expect(compareTargets(target({ op: '>=', value: 10 }), target({ op: '>=', value: 12 }), pm).verdict).toBe('stronger');
  });

  it('judges operator, year and form; both ways at once is a change, not a verdict', () => {
    const sewage = ind('urban-sewage-treatment-rate');
    expect(compareTargets(target({ op: '>', value: 90 }), target({ op: '>=', value: 90 }), sewage)).toEqual({ verdict: 'weaker', aspects: ['operator'] });
    expect(compareTargets(target({ op: '=', value: 90 }), target({ op: '>=', value: 90 }), sewage)).toEqual({ verdict: 'changed', aspects: ['operator'] });
    expect(compareTargets(target({ op: '>=', value: 90, year: 2023 }), target({ op: '>=', value: 90, year: 2025 }), sewage)).toEqual({ verdict: 'weaker', aspects: ['year'] });
    expect(compareTargets(target({ op: '>=', value: 90, year: 2023 }), target({ op: '>=', value: 95, year: 2025 }), sewage)).toEqual({ verdict: 'changed', aspects: ['value', 'year'] });
    expect(compareTargets(target({ op: '>=', value: 90, year: 2025 }), target({ op: '>=', value: 95, year: 2023 }), sewage)).toEqual({ verdict: 'stronger', aspects: ['value', 'year'] });
    expect(compareTargets(target({ op: '>=', value: 90 }), target({ op: '<=', value: 90 }), sewage)).toEqual({ verdict: 'weaker', aspects: ['operator'] });
    expect(compareTargets(target({ op: '>=', value: 90 }), target({ op: 'trend', value: null, text: '逐年提高' }), sewage)).toEqual({ verdict: 'weaker', aspects: ['form'] });
    expect(compareTargets(target({ op: '>=', value: 90 }), target({ op: '>=', value: 0.9, unit: null }), sewage).verdict).toBe('weaker');
    // no direction known: only that it changed
    expect(compareTargets(target({ op: '>=', value: 90 }), target({ op: '>=', value: 80 }), null)).toEqual({ verdict: 'changed', aspects: ['value'] });
  });
});
