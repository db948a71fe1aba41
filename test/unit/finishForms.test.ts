import { describe, expect, it } from 'vitest';
import { lastDeadlineYear } from '../../server/src/core/recognise/deadlineYear';
import { read } from '../support/plan';

/** indicator, op, value, year, line of every target. */
const years = (plan: string, format: 'markdown' | 'text' = 'text') => read(plan, format).targets.map((t) => [t.indicator, t.op, t.value, t.year, t.range.start.line]);

describe('a goals section states its year once, above the targets it lists', () => {
  it('gives numbered goal items without a year the year of the section intro', () => {
    const plan = ['某县实施方案', '一、发展目标', '至2027年,生态文明建设水平明显提升,具体指标是:', '(一)环境质量。城镇污水处理率达到90%。', '(二)生态保护。林草覆盖率达到50%。', '二、重点任务', '1.推进治污。农村生活污水治理率达到60%。(责任单位:县生态环境分局)'];
    expect(years(plan.join('\n'))).toEqual([
      ['城镇污水处理率', '>=', 90, 2027, 3],
      ['林草覆盖率', '>=', 50, 2027, 4],
      ['农村生活污水治理率', '>=', 60, null, 6],
    ]);
  });

  it('takes the nearest deadline above in the same node or its ancestors, never a sibling item’s or a base year', () => {
    const plan = [
      '# 某市实施方案',
      '## 二、创建目标',
      '2025年底前,各项指标全面达标。',
      '1. 近期目标。到2024年,城镇污水处理率达到85%。',
      '   (1) 林草覆盖率达到45%。',
      '2. 远期目标。单位地区生产总值能耗较2020年下降13.5%,城镇生活垃圾无害化处理率达到100%。',
      '## 三、主要任务',
      '1. 城镇污水处理率达到95%。(责任单位:市住建局)',
    ];
    expect(years(plan.join('\n'), 'markdown').map((t) => [t[0], t[3]])).toEqual([
      ['城镇污水处理率', 2024],
      ['林草覆盖率', 2024],
      ['单位地区生产总值能耗', 2025],
      ['城镇生活垃圾无害化处理率', 2025],
      ['城镇污水处理率', null],
    ]);
  });

  it('keeps a dash paragraph’s year to that paragraph', () => {
    const plan = ['某旗实施方案', '一、主要目标', '——水环境。到2025年,城镇污水处理率达到85%。', '——生态。林草覆盖率达到45%。'];
    expect(years(plan.join('\n')).map((t) => [t[0], t[3]])).toEqual([
      ['城镇污水处理率', 2025],
      ['林草覆盖率', null],
    ]);
  });

  it('reads only deadlines as section years', () => {
    expect(lastDeadlineYear('到2025年,具体目标如下:')).toBe(2025);
    expect(lastDeadlineYear('2026年底前完成,2027年前全面达标')).toBe(2027);
    expect(lastDeadlineYear('较2015年下降18%')).toBeNull();
    expect(lastDeadlineYear('12025年底')).toBeNull();
    // a base year in the target's own sentence is not its year either
    expect(years('单位地区生产总值能耗较2020年下降13.5%,城镇污水处理率达到95%。')).toEqual([
      ['单位地区生产总值能耗', '>=', 13.5, null, 0],
      ['城镇污水处理率', '>=', 95, null, 0],
    ]);
    const long = '较2015年'.repeat(20000) + '截至2030年';
    const t0 = Date.now();
    expect(lastDeadlineYear(long)).toBe(2030);
    expect(Date.now() - t0).toBeLessThan(500);
  });
});
