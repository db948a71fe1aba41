import { describe, expect, it } from 'vitest';
import { analysePlan } from '../../server/src/core/analyse';
import { allRules } from '../../server/src/core/rules';

describe('diagnostics at one position are ordered by rule code', () => {
  it('rule codes are lowercase ASCII words and hyphens, so code-unit order is the collator order', () => {
    const codes = allRules.map((r) => r.code);
    expect(codes.length).toBeGreaterThanOrEqual(18);
    for (const c of codes) expect(c).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
    const byUnits = [...codes].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    expect(byUnits).toEqual([...codes].sort((a, b) => a.localeCompare(b)));
  });

  it('sorts two findings on the same line and column by code', () => {
    // a plan that names no level: the settings note and the coverage finding both start at 0:0
    const text = ['# 某市方案', '二、主要任务', '1.推进治理,森林覆盖率达到10%。'].join('\n');
    const d = analysePlan(text, { uri: 'x.md' }).diagnostics.map((x) => `${x.range.start.line}:${x.range.start.character} ${x.code}`);
    expect(d).toEqual(['0:0 assumed-settings', '0:0 missing-binding-indicators', '2:0 missing-responsible-unit', '2:7 renamed-indicator']);
  });
});
