import { describe, expect, it } from 'vitest';
import { analysePlan } from '../../server/src/core/analyse';
import { builtinEditions } from '../../server/src/core/catalogue/builtin';
import { loadUserCatalogue } from '../../server/src/core/catalogue/userCatalogue';

const zhejiang = [
  'edition:',
  '  id: zhejiang-2020',
  '  title: 浙江省生态文明建设示范市县建设指标',
  '  levels: [市, 县]',
  'extends: national-2019',
  'indicators:',
  '  - {number: 3, id: eco-civilization-performance-assessment-share, name: 生态文明建设工作占党政实绩考核的比例, unit: "%", value: "≥25", thresholds: [{op: ">=", value: 25}], direction: higher, binding: true, applies: [市, 县], confidence: confirmed}',
  '  - {number: 41, id: green-loans, name: 绿色贷款, unit: 亿元, value: 逐年上升, direction: higher, binding: false, applies: [市, 县], confidence: confirmed}',
].join('\n');

describe('user catalogues', () => {
  it('extends a built-in edition: overrides in place, adds new indicators', () => {
    const r = loadUserCatalogue(zhejiang, builtinEditions);
    expect(r.problems).toEqual([]);
    const e = r.edition!;
    expect(e.id).toBe('zhejiang-2020');
    expect(e.indicators.length).toBe(41);
    expect(e.indicators[2].thresholds).toEqual([{ op: '>=', value: 25 }]);
    expect(e.indicators[40].name).toBe('绿色贷款');
    const plan = ['---', 'ecoplan:', '  level: 市', '  catalogue: zhejiang-2020', '---', '二、主要任务', '1.考核。生态文明建设工作占党政实绩考核的比例达到20%。(责任单位:市委组织部)', '2.金融。[[绿色贷款]]逐年上升。(责任单位:市金融办)'].join('\n');
    const a = analysePlan(plan, { uri: 'p.md', editions: [...builtinEditions, e] });
    expect(a.settings.catalogue).toBe('zhejiang-2020');
    expect(a.diagnostics.filter((d) => d.code === 'target-below-threshold').map((d) => d.message)).toEqual(['生态文明建设工作占党政实绩考核的比例 目标 ≥20% 低于 浙江省生态文明建设示范市县建设指标(市)约束性指标 ≥25%']);
    expect(a.diagnostics.filter((d) => d.code === 'unknown-indicator')).toEqual([]);
  });

  it('reports schema errors with their line, and is not used', () => {
    const bad = zhejiang.replace('op: ">=", value: 25', 'op: "≥", value: 25').replace('direction: higher, binding: false', 'direction: up, binding: false');
    const r = loadUserCatalogue(bad, builtinEditions);
    expect(r.edition).toBeNull();
    expect(r.problems.map((p) => p.line)).toEqual([7, 8]);
    expect(r.problems[0].message).toMatch(/^\/indicators\/0\/thresholds\/0\/op: must be one of/);
    expect(r.problems[1].message).toMatch(/^\/indicators\/1\/direction: must be one of/);
  });

  it('reports broken YAML and an unknown base edition with their line', () => {
    expect(loadUserCatalogue('edition:\n  id: x\nindicators: [\n', builtinEditions).problems[0].line).toBe(4);
    const r = loadUserCatalogue(zhejiang.replace('extends: national-2019', 'extends: national-2030'), builtinEditions);
    expect(r.problems).toEqual([{ line: 5, message: 'extends: unknown edition "national-2030"; known: national-2019, national-2021, national-2024-city, national-2024-county' }]);
  });
});
