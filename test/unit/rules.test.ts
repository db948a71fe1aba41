import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allRules } from '../../server/src/core/rules';
import { crossPlanRules } from '../../server/src/core/review/cityDiagnostics';
import { analyse } from '../support/plan';

describe('rule set', () => {
  it('has unique kebab-case codes, each with a doc page that names its code and default severity', () => {
    const codes = [...allRules, ...crossPlanRules].map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    // the rules over one plan, and the findings that compare two (core/review/cityDiagnostics.ts)
    for (const rule of [...allRules, ...crossPlanRules]) {
      expect(rule.code).toMatch(/^[a-z]+(-[a-z]+)*$/);
      const page = `docs/rules/${rule.code}.md`;
      expect(existsSync(page), page).toBe(true);
      const text = readFileSync(page, 'utf8');
      expect(text.startsWith(`# ${rule.code}\n`)).toBe(true);
      expect(text).toContain(`**Default severity:** ${rule.defaultSeverity}`);
    }
  });
});

describe('inline rule control', () => {
  // line 0 title, 1 directive slot, 2 task 1, 3 task 2, 4 enable, 5 task 3 (one task per line, pasted text)
  const plan = (directive: string) => ['二、主要任务', directive, '1.加强信息公开。主动公开信息。', '2.推进绿色采购。扩大采购范围。', '<!-- ecoplan-enable -->', '3.推进宣传。开展活动。'].join('\n');
  const lines = (text: string) =>
    analyse(text, 'text')
      .diagnostics.filter((d) => d.code === 'missing-responsible-unit')
      .map((d) => `${d.code}@${d.range.start.line}`);

  it('reports every task without a directive', () => {
    expect(lines(plan(''))).toEqual(['missing-responsible-unit@2', 'missing-responsible-unit@3', 'missing-responsible-unit@5']);
  });
  it('disable-next-line silences the next line only', () => {
    expect(lines(plan('<!-- ecoplan-disable-next-line missing-responsible-unit -->'))).toEqual(['missing-responsible-unit@3', 'missing-responsible-unit@5']);
  });
  it('disable … enable silences a span, and only for the named rule', () => {
    expect(lines(plan('<!-- ecoplan-disable missing-responsible-unit -->'))).toEqual(['missing-responsible-unit@5']);
    expect(lines(plan('<!-- ecoplan-disable vague-responsibility -->'))).toEqual(['missing-responsible-unit@2', 'missing-responsible-unit@3', 'missing-responsible-unit@5']);
  });
});
