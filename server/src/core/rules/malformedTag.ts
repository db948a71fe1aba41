import type { SyntaxProblem } from '../model/types';
import type { Rule } from './rule';

const MESSAGES: Record<SyntaxProblem['kind'], (detail: string) => { zh: string; en: string }> = {
  'unclosed-indicator-tag': (d) => ({ zh: `指标标记「${d}」缺少结尾的 ]]`, en: `Indicator tag "${d}" is not closed with ]]` }),
  'empty-indicator-tag': (d) => ({ zh: `指标标记「${d}」没有指标名称`, en: `Indicator tag "${d}" has no indicator name` }),
  'unknown-operator': (d) => ({ zh: `指标标记中的比较符「${d}」无法识别,请使用 ≥、≤、>、<、=`, en: `Unknown operator "${d}" in indicator tag; use ≥, ≤, >, <, =` }),
  'missing-operator': (d) => ({ zh: `指标标记中的目标值「${d}」缺少比较符(≥、≤ 等)`, en: `Target "${d}" in indicator tag has no operator (≥, ≤ …)` }),
  'bad-value': (d) => ({ zh: `指标标记中的目标「${d}」无法识别`, en: `Cannot read the target "${d}" in indicator tag` }),
  'empty-department-tag': () => ({ zh: '部门标记 @ 后没有部门名称', en: 'Department tag @ has no department name' }),
  'unclosed-department-tag': (d) => ({ zh: `部门标记「${d}」缺少结尾的 }`, en: `Department tag "${d}" is not closed with }` }),
};

/** Tags the reader could not make sense of; the rest of the line is still read. */
export const malformedTag: Rule = {
  code: 'malformed-tag',
  defaultSeverity: 'error',
  description: { zh: '标记格式错误', en: 'Malformed tag' },
  check({ model }, report) {
    for (const p of model.problems) {
      report({
        range: p.range,
        message: MESSAGES[p.kind](p.detail),
        severity: p.kind === 'missing-operator' ? 'warning' : undefined,
        data: { kind: p.kind },
      });
    }
  },
};
