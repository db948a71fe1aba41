import { describe, expect, it } from 'vitest';
import { analysePlan } from '../../server/src/core/analyse';

/** The two rules of the reviewer's desk (issue 20), on realistic plans: exact positions and messages. */

const only = (text: string, code: string, locale: 'zh' | 'en' = 'zh') =>
  analysePlan(text, { uri: 'plan.md', locale })
    .diagnostics.filter((d) => d.code === code)
    .map((d) => ({ line: d.range.start.line, from: d.range.start.character, to: d.range.end.character, severity: d.severity, message: d.message }));

const scheme = [
  '休宁县创建国家生态文明建设示范县实施方案',
  '',
  '一、总体要求',
  '(一)指导思想。以习近平生态文明思想为指导,全面推进示范县创建。',
  '(二)工作目标。到2023年,各项建设指标达到国家考核要求。',
  '二、重点任务',
  '1.完善生态文明制度。健全考核机制。(责任单位:县委组织部)',
  '2.改善水环境质量。推进横江流域综合治理。(责任单位:县生态环境分局)',
  '三、保障措施',
  '(一)加强组织领导。成立创建工作领导小组。',
  '四、监督考核',
  '将创建工作纳入年度考核。',
].join('\n');

describe('missing-required-part', () => {
  it('reports the steps a 实施方案 lacks, on its title', () => {
    expect(only(scheme, 'missing-required-part')).toEqual([{ line: 0, from: 0, to: 20, severity: 'warning', message: '实施方案缺少「实施步骤」部分' }]);
    expect(only(scheme, 'missing-required-part', 'en')[0].message).toBe('The scheme has no part on implementation steps');
  });

  it('is silent on a scheme with its steps, on an excerpt without a title or with fewer than four chapters, and on a scheme of another subject', () => {
    const whole = `${scheme}\n四、实施步骤\n(一)动员部署阶段(2022年1月—6月)。印发方案。`;
    expect(only(whole, 'missing-required-part')).toEqual([]);
    expect(only(scheme.split('\n').slice(2).join('\n'), 'missing-required-part')).toEqual([]);
    expect(only(scheme.split('\n').slice(0, 10).join('\n'), 'missing-required-part')).toEqual([]);
    expect(only(scheme.replace('创建国家生态文明建设示范县', '农村公路整治'), 'missing-required-part')).toEqual([]);
  });

  it('holds a 规划 to its five parts, and its project table to investment, unit and period', () => {
    // a 规划's title is known as a Markdown heading (title.ts finds plain-text titles by 方案/计划)
    const plan = [
      '# 黟县国家生态文明建设示范县规划(2021—2030年)',
      '',
      '第一章 发展基础与面临形势',
      '全县森林覆盖率较高,但农村污水治理仍有短板。',
      '第二章 规划目标与指标体系',
      '到2025年,城镇污水处理率达到95%以上。',
      '第三章 主要任务',
      '一、推进污水治理。完善城乡污水管网。(责任单位:县住建局)',
      '第四章 重点工程',
      '| 序号 | 项目名称 | 建设内容 | 总投资(万元) |',
      '|---|---|---|---|',
      '| 1 | 县城污水管网工程 | 改造管网12公里 | 2600 |',
    ].join('\n');
    expect(only(plan, 'missing-required-part')).toEqual([
      { line: 0, from: 0, to: 29, severity: 'warning', message: '规划缺少「保障措施」部分' },
      { line: 8, from: 0, to: 8, severity: 'warning', message: '重点工程未列明责任单位、建设时限' },
    ]);
  });
});

const projects = (total: string, extra = '') =>
  [
    '五、重点工程',
    '| 序号 | 项目名称 | 总投资(万元) | 责任单位 | 建设年限 |',
    '|---|---|---|---|---|',
    '| 1 | 城区污水管网改造工程 | 3200 | 县住建局 | 2022—2024 |',
    '| 2 | 率水河生态修复工程 | 1800.5 | 县水利局 | 2022—2023 |',
    extra,
    `| | 合计 | ${total} | | |`,
  ]
    .filter((l) => l !== '')
    .join('\n');

describe('investment-total-mismatch', () => {
  it('reports a 合计 that is not the sum of the rows, on the total cell', () => {
    expect(only(projects('5200'), 'investment-total-mismatch')).toEqual([
      { line: 5, from: 9, to: 13, severity: 'warning', message: '投资合计 5200万元 与第 4—5 行 2 项之和 5000.5万元 不符,相差 199.5万元' },
    ]);
    expect(only(projects('5200'), 'investment-total-mismatch', 'en')[0].message).toBe('The investment total 5200 万元 differs from the sum of its 2 rows (lines 4–5), 5000.5 万元, by 199.5');
  });

  it('accepts a total that adds up, to the last decimal written', () => {
    expect(only(projects('5000.5'), 'investment-total-mismatch')).toEqual([]);
  });

  it('sums the items, not the 小计 rows, and leaves a table with a money cell that is not a number alone', () => {
    expect(only(projects('5000.5', '| | 小计 | 5000.5 | | |'), 'investment-total-mismatch')).toEqual([]);
    expect(only(projects('6000', '| 3 | 垃圾中转站 | 待定 | 县城管局 | 2023 |'), 'investment-total-mismatch')).toEqual([]);
  });

  it('reads tab-separated rows too', () => {
    const text = ['重点项目投资', '项目名称\t投资金额(亿元)\t责任单位', '生态廊道\t1.2\t县林业局', '污水处理厂提标\t3.4\t县住建局', '总计\t4.7\t'].join('\n');
    expect(only(text, 'investment-total-mismatch')).toEqual([{ line: 4, from: 3, to: 6, severity: 'warning', message: '投资合计 4.7亿元 与第 3—4 行 2 项之和 4.6亿元 不符,相差 0.1亿元' }]);
  });
});
