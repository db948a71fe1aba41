import { describe, expect, it } from 'vitest';
import { fw } from '../support/fullWidth';
import { analyse, read } from '../support/plan';

const pasted = [
  '青溪市创建国家生态文明建设示范市实施方案', // 0
  '一、指导思想', // 1
  '坚持生态优先,推动绿色发展。', // 2
  '二、主要任务', // 3
  `${fw('(')}一${fw(')')}健全制度体系`, // 4
  '1.组织规划实施。制定年度计划,推动规划实施。(责任单位:市生态环境局)', // 5
  '2.完善考核机制。生态文明建设工作占党政实绩考核的比例达20%以上。(市委组织部、市生态环境局等市级相关部门按职责分工负责)', // 6
  '(二)改善环境质量', // 7
  '3.提升污水处理能力。到2023年,城镇污水处理率达95%以上。', // 8
  '(1)推进管网建设。', // 9
  '(2)实施提标改造。', // 10
  '4.加强信息公开。(各有关部门按职责分工负责)', // 11
  '三、保障措施', // 12
  '(一)加强组织领导。成立领导小组。', // 13
].join('\n');

describe('plan model from pasted text', () => {
  const model = read(pasted, 'text');

  it('builds the outline from official numbering without Markdown headings', () => {
    const paths = (nodes: typeof model.outline): string[] => nodes.flatMap((n) => [n.path, ...paths(n.children)]);
    expect(paths(model.outline)).toEqual(['一', '二', '二.(一)', '二.(一).1', '二.(一).2', '二.(二)', '二.(二).3', '二.(二).3.(1)', '二.(二).3.(2)', '二.(二).4', '三', '三.(一)']);
    expect(model.title).toBe('青溪市创建国家生态文明建设示范市实施方案');
  });

  it('finds the tasks, their clauses and units, and leaves guidance and safeguards out', () => {
    expect(model.tasks.map((t) => ({ path: t.path, title: t.title, line: t.range.start.line, units: t.units.map((u) => `${u.name}:${u.role}`), vague: t.vague.map((v) => v.text), noUnit: t.noUnit }))).toEqual([
      { path: '二.(一).1', title: '组织规划实施', line: 5, units: ['市生态环境局:lead'], vague: [], noUnit: false },
      { path: '二.(一).2', title: '完善考核机制', line: 6, units: ['市委组织部:lead', '市生态环境局:support'], vague: ['市级相关部门'], noUnit: false },
      { path: '二.(二).3', title: '提升污水处理能力', line: 8, units: [], vague: [], noUnit: true },
      { path: '二.(二).4', title: '加强信息公开', line: 11, units: [], vague: ['各有关部门'], noUnit: false },
    ]);
  });

  it('gives exact LSP ranges for the task line and the units', () => {
    const t = model.tasks[0];
    expect(t.range).toEqual({ start: { line: 5, character: 0 }, end: { line: 5, character: 36 } });
    expect(t.units[0].range).toEqual({ start: { line: 5, character: 29 }, end: { line: 5, character: 35 } });
  });

  it('attaches targets to their task, with the year', () => {
    const t = model.tasks[2];
    expect(t.targets.map((i) => model.targets[i]).map((x) => [x.indicator, x.op, x.value, x.year])).toEqual([['城镇污水处理率', '>=', 95, 2023]]);
  });

  it('reports the task without unit and the vague-only task', () => {
    const responsibility = analyse(pasted, 'text').diagnostics.filter((d) => d.code.includes('respons'));
    expect(responsibility.map((d) => [d.code, d.severity, d.range.start.line, d.message])).toEqual([
      ['missing-responsible-unit', 'error', 8, '任务 二.(二).3「提升污水处理能力」未明确责任单位'],
      ['vague-responsibility', 'warning', 11, '任务 二.(二).4「加强信息公开」只有笼统的责任表述(各有关部门),未明确牵头单位'],
    ]);
  });
});

describe('plan model from Markdown', () => {
  const md = [
    '---', // 0
    'ecoplan:', // 1
    '  level: 市', // 2
    '---', // 3
    '# 某市实施方案', // 4
    '', // 5
    '## 三、重点任务', // 6
    '', // 7
    '### (一)优化生态空间', // 8
    '', // 9
    '**1.强化生态空间管控。**严守生态保护红线,生态保护红线面积不减少、性质不改变、功能不降低。〔市自然资源和规划局牵头,市级相关部门按职责分工负责〕', // 10
    '', // 11
    '2. 推进绿色采购。[[政府绿色采购比例 ≥80%]](责任单位:@市财政局)', // 12
    '', // 13
    '```', // 14
    '3.代码块里的内容不是任务。', // 15
    '```', // 16
    '', // 17
    '| 序号 | 工作任务 | 责任单位 | 完成时限 |', // 18
    '| --- | --- | --- | --- |', // 19
    '| 1 | 编制创建规划 | 市生态环境局、市发改委 | 2022年 |', // 20
    '| 2 | 开展宣传活动 | | 2023年 |', // 21
  ].join('\n');
  const model = read(md);

  it('uses headings, bold titles (CJK-friendly emphasis) and table rows', () => {
    expect(model.tasks.map((t) => [t.path, t.title, t.range.start.line, t.units.map((u) => `${u.name}:${u.role}${u.tagged ? ':tag' : ''}`).join(' '), t.noUnit])).toEqual([
      ['三.(一).1', '强化生态空间管控', 10, '市自然资源和规划局:lead', false],
      ['三.(一).2', '推进绿色采购', 12, '市财政局:lead:tag', false],
      ['三.(一).2.1', '编制创建规划', 20, '市生态环境局:lead 市发改委:support', false],
      ['三.(一).2.2', '开展宣传活动', 21, '', true],
    ]);
    expect(model.targets.map((t) => [t.indicator, t.op, t.value, t.tagged])).toEqual([
      ['生态保护红线', 'qualitative', null, false],
      ['政府绿色采购比例', '>=', 80, true],
    ]);
  });

  it('reads the front matter', () => {
    expect(model.frontMatter?.data).toEqual({ ecoplan: { level: '市' } });
  });
});

describe('indicator tables pasted one cell per line', () => {
  // the shape of a provincial 指标责任明细表 copied from a web page: every cell on its own line,
  // a parent row with parts, a value cell merged across two parts, and one value per terrain
  const text = [
    '附件1', // 0
    '序号', '指标名称', '单位', '指标值', '指标属性', '责任单位', // 1-6
    '7', // 7
    '环境空气质量', // 8
    '优良天数比例', // 9
    '%', // 10
    '完成上级下达的年度目标', // 11
    '约束性', // 12
    '市生态环境局、市发改委', // 13
    'PM2.5浓度', // 14
    'μg / m³', // 15
    '8', // 16
    '森林覆盖率', // 17
    '山区', // 18
    '%', // 19
    '≥70', // 20
    '参考性', // 21
    '市资源规划局', // 22
    '丘陵区', // 23
    '≥40', // 24
    '9', // 25
    '公共交通出行分担率', // 26
    '%', // 27
    '大城市≥60', // 28
    '中小城市≥50', // 29
    '参考性', // 30
    '市交通局', // 31
    '10', // 32
    '生活废弃物综合利用', // 33
    '城镇生活垃圾分类减量化行动', // 34
    '-', // 35
    '实施', // 36
    '约束性', // 37
    '市城管局', // 38
    '农村生活垃圾集中收集储运', // 39
    '-', // 40
    '实施', // 41
    '市农业农村局', // 42
  ].join('\n');
  const model = read(text, 'text');

  it('gives one target per part, per merged cell and per terrain or city size, each at its value cell', () => {
    expect(model.targets.map((t) => [t.range.start.line, t.indicator, t.op, t.value, t.unit, t.qualifier ?? null])).toEqual([
      [11, '优良天数比例', 'qualitative', null, null, null],
      [11, 'PM2.5浓度下降幅度', 'qualitative', null, null, null],
      [20, '林草覆盖率', '>=', 70, '%', '山区'],
      [24, '林草覆盖率', '>=', 40, '%', '丘陵区'],
      [28, '公共交通出行分担率', '>=', 60, '%', '大城市'],
      [29, '公共交通出行分担率', '>=', 50, '%', '中小城市'],
      [36, '城镇生活垃圾分类减量化行动', 'qualitative', null, null, null],
      [41, '农村生活垃圾集中收集储运', 'qualitative', null, null, null],
    ]);
  });

  it('makes one task per row with the units of every part', () => {
    expect(model.tasks.map((t) => [t.range.start.line, t.title, t.units.map((u) => `${u.name}:${u.role}`).join(' ')])).toEqual([
      [7, '环境空气质量', '市生态环境局:lead 市发改委:support'],
      [16, '森林覆盖率', '市资源规划局:lead'],
      [25, '公共交通出行分担率', '市交通局:lead'],
      [32, '生活废弃物综合利用', '市城管局:lead 市农业农村局:lead'],
    ]);
  });
});
