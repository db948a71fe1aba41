import { compareUnits } from '../catalogue/measureUnits';
import { alternateMeasure, directionOf, weakerThan } from '../catalogue/thresholds';
import type { CatalogueIndicator } from '../catalogue/types';
import type { Comparison, IndicatorTarget } from '../model/types';

export type TargetAspect = 'value' | 'operator' | 'year' | 'unit' | 'form';
export type TargetVerdict = { verdict: 'same' | 'weaker' | 'stronger' | 'changed'; aspects: TargetAspect[] };

const NUMERIC = new Set(['>=', '<=', '>', '<', '=']);
const HIGHER = new Set(['>=', '>']);
const LOWER = new Set(['<=', '<']);

/** Which way is better for this target: the indicator's direction, or that of the other measure its unit shows (PM2.5 in μg/m³). */
function directionFor(ind: CatalogueIndicator | null, unit: string | null): 'higher' | 'lower' | null {
  if (!ind) return null;
  const measure = alternateMeasure(ind, unit);
  if (measure && compareUnits(unit, ind.unit).kind === 'incompatible') return measure.direction;
  return directionOf(ind);
}

/** A target as a requirement in the indicator's direction: `=95%` of a higher-is-better rate asks for at least 95%. */
function asRequirement(t: IndicatorTarget, direction: 'higher' | 'lower'): { op: Comparison; value: number } | null {
  if (t.value === null) return null;
  if (direction === 'higher' && (HIGHER.has(t.op) || t.op === '=')) return { op: t.op === '>' ? '>' : '>=', value: t.value };
  if (direction === 'lower' && (LOWER.has(t.op) || t.op === '=')) return { op: t.op === '<' ? '<' : '<=', value: t.value };
  return null;
}

/**
 * How a new draft's target for an indicator compares with the old draft's: weaker or stronger in
 * the indicator's direction (a lower ≤ of a lower-is-better indicator is stronger), judged as the
 * target-below-threshold rule judges a target against a threshold (`weakerThan`); a later year for
 * the same value is weaker. Both ways at once (higher but later), or no direction known: changed.
 */
export function compareTargets(before: IndicatorTarget, after: IndicatorTarget, ind: CatalogueIndicator | null): TargetVerdict {
  const aspects: TargetAspect[] = [];
  const numericBefore = NUMERIC.has(before.op) && before.value !== null;
  const numericAfter = NUMERIC.has(after.op) && after.value !== null;
  if (before.year !== null && after.year !== null && before.year !== after.year) aspects.push('year');
  if (!numericBefore || !numericAfter) {
    if (numericBefore === numericAfter) {
      const same = before.op === after.op && (before.text ?? before.surface) === (after.text ?? after.surface);
      if (!same) aspects.unshift('form');
      return { verdict: aspects.length ? 'changed' : 'same', aspects };
    }
    // a number became words (逐年提升, 不降低) or words a number
    aspects.unshift('form');
    return { verdict: numericBefore ? 'weaker' : 'stronger', aspects };
  }
  const units = compareUnits(after.unit, before.unit);
  if (units.kind === 'incompatible') return { verdict: 'changed', aspects: ['unit', ...aspects] };
  const factor = units.kind === 'convertible' ? units.factor : 1;
  const afterValue = after.value! * factor;
  if (afterValue !== before.value || after.upper !== before.upper) aspects.unshift('value');
  if (after.op !== before.op) aspects.splice(aspects.includes('value') ? 1 : 0, 0, 'operator');
  if (aspects.length === 0) return { verdict: 'same', aspects };
  const direction = directionFor(ind, before.unit);
  if (!direction) return { verdict: 'changed', aspects };
  const was = asRequirement(before, direction);
  const now = asRequirement({ ...after, value: afterValue }, direction);
  // the other way round (`≤` for a higher-is-better rate): no longer a commitment in the indicator's direction
  if (!was || !now) return { verdict: was && !now ? 'weaker' : !was && now ? 'stronger' : 'changed', aspects };
  const later = aspects.includes('year') ? after.year! > before.year! : null;
  const weaker = weakerThan(now, was) || later === true;
  const stronger = weakerThan(was, now) || later === false;
  return { verdict: weaker === stronger ? 'changed' : weaker ? 'weaker' : 'stronger', aspects };
}
