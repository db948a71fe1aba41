import { isMap, isScalar } from 'yaml';
import type { VerdictCriteria } from './types';
import type { LocalizedText } from '../model/types';

/**
 * The verdict criteria (`review:` in ecoplan.config.yaml): when a plan is 需修改. Each limit is the
 * most that still lets a plan be submitted; the defaults ask for a plan without a task nobody is
 * accountable for, without a binding indicator left out, without a target below a verified national
 * threshold, without contradictory targets, and without a missing required part or an error.
 */
export const DEFAULT_CRITERIA: VerdictCriteria = {
  maxTasksWithoutUnit: 0,
  maxMissingBinding: 0,
  maxBelowThreshold: 0,
  maxConflicts: 0,
  maxMissingParts: 0,
  noErrors: true,
};

const LIMITS = ['maxTasksWithoutUnit', 'maxMissingBinding', 'maxBelowThreshold', 'maxConflicts', 'maxMissingParts'] as const;

export interface CriteriaProblem {
  /** 1-based line in the config. */
  line: number;
  message: LocalizedText;
}

/**
 * The `review:` mapping of a config, read from its YAML node (the config reader's bounded document:
 * core/yamlLimits.ts); a value that is not valid is one problem naming its line, and its default is used.
 */
export function readReviewCriteria(node: unknown, keyLine: number, lineOf: (offset: number) => number): { criteria: VerdictCriteria; problems: CriteriaProblem[] } {
  const criteria: VerdictCriteria = { ...DEFAULT_CRITERIA };
  const problems: CriteriaProblem[] = [];
  if (!isMap(node)) {
    problems.push({ line: keyLine, message: { zh: `review 应为对象(${[...LIMITS, 'noErrors'].join('、')}),已使用默认值`, en: `review must be a mapping (${[...LIMITS, 'noErrors'].join(', ')}); defaults used` } });
    return { criteria, problems };
  }
  for (const item of node.items) {
    const key = isScalar(item.key) ? String(item.key.value) : '';
    const line = lineOf((item.key as { range?: number[] })?.range?.[0] ?? 0);
    const value = isScalar(item.value) ? item.value.value : undefined;
    if ((LIMITS as readonly string[]).includes(key)) {
      if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 100000) criteria[key as (typeof LIMITS)[number]] = value;
      else problems.push({ line, message: { zh: `review.${key} 应为 0 或正整数,已使用默认值 ${DEFAULT_CRITERIA[key as (typeof LIMITS)[number]]}`, en: `review.${key} must be a whole number from 0; default ${DEFAULT_CRITERIA[key as (typeof LIMITS)[number]]} used` } });
    } else if (key === 'noErrors') {
      if (typeof value === 'boolean') criteria.noErrors = value;
      else problems.push({ line, message: { zh: 'review.noErrors 应为 true 或 false,已使用默认值 true', en: 'review.noErrors must be true or false; default true used' } });
    } else problems.push({ line, message: { zh: `review 下的未知项:${key}(可用:${[...LIMITS, 'noErrors'].join('、')})`, en: `unknown key under review: ${key} (known: ${[...LIMITS, 'noErrors'].join(', ')})` } });
  }
  return { criteria, problems };
}
