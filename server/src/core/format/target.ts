import type { IndicatorTarget } from '../model/types';

const OP = { '>=': '≥', '<=': '≤', '>': '>', '<': '<', '=': '=' } as const;

/** A target as reviewers write it: `≥95%`, or the words of a qualitative or trend target. */
export function formatTarget(t: IndicatorTarget, value = t.value, unit = t.unit): string {
  if (t.op === 'qualitative' || t.op === 'trend') return t.text ?? t.surface;
  return `${OP[t.op]}${value}${unit ?? ''}`;
}
