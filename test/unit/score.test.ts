import { describe, expect, it } from 'vitest';
import type { PlanAnalysis } from '../../server/src/core/analyse';
import { compare, metricKey, opMatches, unitKey, type Truth } from '../support/score';

// The scorer behind the corpus, samples and variety tests: what it counts decides what those tests can see.
type Predicted = PlanAnalysis['model']['targets'][number];

const at = (line: number) => ({ start: { line, character: 0 }, end: { line, character: 10 } });
function target(line: number, indicator: string, catalogueId: string | null, op: Predicted['op'], value: number | null, unit: string | null = '%', year: number | null = null): Predicted {
  return { indicator, writtenName: indicator, catalogueId, match: catalogueId ? 'name' : null, surface: `${indicator}…`, op, value, unit, year, tagged: false, range: at(line), nameRange: at(line) };
}
function analysis(targets: Predicted[]): PlanAnalysis {
  return { model: { tasks: [], targets } } as unknown as PlanAnalysis;
}
const truth = (t: Partial<Truth>): Truth => ({ file: 'x.txt', tasks: [], targets: [], ...t });

describe('score helpers', () => {
  it('a predicted trend matches an older qualitative annotation, not the reverse', () => {
    expect([opMatches('trend', 'trend'), opMatches('qualitative', 'trend'), opMatches('trend', 'qualitative'), opMatches('>=', '<=')]).toEqual([true, true, false, false]);
  });

  it('metric phrases drop a leading scope word and full-width forms', () => {
    expect([metricKey('全县湿地保护率'), metricKey('本区 新能源公交车比例'), metricKey('县城建成区绿化覆盖率'), metricKey('ＰＭ2.5浓度')]).toEqual(['湿地保护率', '新能源公交车比例', '县城建成区绿化覆盖率', 'PM2.5浓度']);
  });

  it('units compare by meaning: 微克每立方米 = μg/m³, ％ = %, 每 = /, - and empty are none', () => {
    expect([unitKey('微克每立方米'), unitKey('ug/m3'), unitKey('％'), unitKey('平方米每人'), unitKey('-'), unitKey(''), unitKey(null), unitKey('万亩')]).toEqual(['μg/m³', 'μg/m³', '%', '平方米/人', null, null, null, '万亩']);
  });
});

describe('compare: local targets', () => {
  const t = truth({
    targets: [{ line: 3, indicator: '城镇污水处理率', op: '>=', value: 90, unit: '%', year: 2025 }],
    localTargets: [
      { line: 3, indicator: '湿地保护率', op: '>=', value: 55, unit: '%', year: null },
      { line: 5, indicator: '县城建成区绿化覆盖率', op: '>=', value: 41, unit: '%', year: null },
      { line: 6, indicator: '万元工业增加值用水量', op: 'trend', value: null, unit: null, year: null },
      { line: 7, indicator: '用水总量', op: '<=', value: 4.2, unit: '亿立方米', year: null },
    ],
  });

  it('match by line and metric phrase (scope word dropped, a narrower phrase of 4+ characters), then op and value; a catalogue miss is not a local extra', () => {
    const s = compare(
      t,
      analysis([
        target(3, '城镇污水处理率', 'urban-sewage-treatment-rate', '>=', 90, '%', 2025),
        target(3, '全县湿地保护率', null, '>=', 55),
        target(3, '全县湿地保护率', null, '>=', 55), // the same statement said twice
        target(5, '建成区绿化覆盖率', null, '>=', 41),
        target(6, '万元工业增加值用水量', null, 'qualitative', null, null),
        target(8, '森林蓄积量', null, '>=', 520, '万立方米'),
      ]),
    );
    expect({ targets: [s.targets.tp, s.targets.fp, s.targets.fn], local: [s.localTargets.tp, s.localTargets.fp, s.localTargets.fn], localValues: s.localTargetValues }).toEqual({
      targets: [1, 0, 0],
      local: [3, 1, 1],
      localValues: 2 / 3,
    });
    expect(s.localTargets.misses).toEqual([
      'value line 6 local 万元工业增加值用水量: want trend null, got qualitative null',
      'missed local target line 7 用水总量 <= 4.2',
      'extra local target line 8 森林蓄积量 >= 520 «森林蓄积量…»',
    ]);
    expect(s.targetDetails).toEqual([]);
  });

  it('a phrase of 3 characters is no match for a longer one', () => {
    const s = compare(truth({ localTargets: [{ line: 1, indicator: '湿地保护率', op: '>=', value: 55 }] }), analysis([target(1, '保护率', null, '>=', 55)]));
    expect([s.localTargets.tp, s.localTargets.fp, s.localTargets.fn]).toEqual([0, 1, 1]);
  });

  it('unit and year are checked where the annotation gives them, with units compared by meaning', () => {
    const s = compare(
      truth({
        targets: [
          { line: 2, indicator: 'PM2.5浓度下降幅度', op: '<=', value: 28, unit: 'μg/m³', year: 2025 },
          { line: 4, indicator: '林草覆盖率', op: '>=', value: 45 },
        ],
        localTargets: [{ line: 3, indicator: '湿地面积', op: '>=', value: 36, unit: '万亩', year: null }],
      }),
      analysis([
        target(2, 'PM2.5浓度下降幅度', 'pm25-concentration-decline', '<=', 28, '微克每立方米', null),
        target(3, '湿地面积', null, '>=', 36, '亩', null),
        target(4, '林草覆盖率', 'forest-grass-coverage-rate', '>=', 45, '%', 2030),
      ]),
    );
    expect(s.targetDetails).toEqual(['year line 2 target PM2.5浓度下降幅度: want 2025, got null', 'unit line 3 local 湿地面积: want 万亩, got 亩']);
    expect([s.targetValues, s.localTargetValues]).toEqual([1, 1]);
  });

  it('a prediction the catalogue does not resolve is no catalogue extra; one it resolves is', () => {
    const s = compare(truth({}), analysis([target(1, '新能源公交车比例', null, '>=', 95), target(2, '城镇污水处理率', 'urban-sewage-treatment-rate', '>=', 90)]));
    expect({ targets: [s.targets.fp, s.targets.fn], local: [s.localTargets.fp, s.localTargets.fn] }).toEqual({ targets: [1, 0], local: [1, 0] });
  });

  it('a predicted trend counts as the right value for a catalogue target annotated qualitative', () => {
    const s = compare(truth({ targets: [{ line: 1, indicator: '单位地区生产总值能耗', op: 'qualitative', value: null }] }), analysis([target(1, '单位地区生产总值能耗', 'energy-consumption-per-gdp', 'trend' as Predicted['op'], null, null)]));
    expect([s.targets.tp, s.targetValues]).toEqual([1, 1]);
  });
});
