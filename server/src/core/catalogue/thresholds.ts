import { compareUnits } from './measureUnits';
import { CITY_SIZE_GROUPS, CITY_SIZES, TERRAINS } from './scopes';
import type { Comparison, PlanSettings } from '../model/types';
import type { CatalogueIndicator, Threshold } from './types';

export interface ApplicableThreshold {
  threshold: Threshold;
  /** What the choice rested on, for messages: `市`, `山区`, `大城市` … */
  qualifier: string | null;
}

/**
 * The threshold of an indicator for this plan: scope (市/县), terrain and city size must match
 * where the threshold names them. When an indicator only has qualified thresholds (林草覆盖率 by
 * terrain) and the plan does not say which applies, there is no threshold: rules stay silent
 * rather than guess.
 */
export function applicableThreshold(ind: CatalogueIndicator, settings: PlanSettings): ApplicableThreshold | null {
  const level = settings.level ?? '市';
  const candidates = ind.thresholds.filter(
    (t) => (t.scope === undefined || t.scope === level) && (t.terrain === undefined || t.terrain === settings.terrain) && (t.citySize === undefined || t.citySize === settings.citySize),
  );
  if (candidates.length === 0) return null;
  // the most specific match wins: terrain/citySize-qualified before scope-qualified before default
  const rank = (t: Threshold) => (t.terrain || t.citySize ? 0 : t.scope ? 1 : 2);
  candidates.sort((a, b) => rank(a) - rank(b));
  const t = candidates[0];
  return { threshold: t, qualifier: t.terrain ?? t.citySize ?? t.scope ?? null };
}

/**
 * The settings a target is judged by: a table row written for one terrain or city size
 * (`丘陵区 ≥40`) is held to that terrain's threshold, whatever the plan's own terrain is.
 */
export function settingsForTarget(settings: PlanSettings, target: { qualifier?: string }): PlanSettings {
  const q = target.qualifier;
  if (!q) return settings;
  if (TERRAINS.includes(q)) return { ...settings, terrain: q };
  if (CITY_SIZES.includes(q)) return { ...settings, citySize: q };
  if (CITY_SIZE_GROUPS[q]) return { ...settings, citySize: CITY_SIZE_GROUPS[q] };
  if (q === '市' || q === '县') return { ...settings, level: q };
  return settings;
}

export function directionOf(ind: CatalogueIndicator): 'higher' | 'lower' | null {
  return ind.direction ?? ind.parent?.direction ?? null;
}

type Bound = Exclude<Comparison, 'qualitative' | 'trend'>;

/**
 * Whether a target stating `op value` guarantees less than a requirement `required.op required.value` asks
 * (≥95% against ≥97%, ≤40 against ≤35, ≥97% against >97%): what the national threshold rule and the
 * comparison of a county with its city plan both ask. Values must be in one unit.
 */
export function weakerThan(target: { op: Comparison; value: number }, required: { op: Comparison | undefined; value: number }): boolean {
  const { op, value } = target;
  const r = required.value;
  if (required.op === '>=' || required.op === '>') return (op === '>=' || op === '=' || op === '>') && (value < r || (required.op === '>' && value === r && op !== '>'));
  if (required.op === '<=' || required.op === '<') return (op === '<=' || op === '=' || op === '<') && (value > r || (required.op === '<' && value === r && op !== '<'));
  return false;
}

/**
 * A plan's target read as a requirement for others (a city's `达到97%` for its counties): `=` means at
 * least (or at most) the value as the indicator's direction says; null when that is not known.
 */
export function asRequirement(target: { op: Comparison; value: number | null }, ind: CatalogueIndicator | null): { op: Bound; value: number } | null {
  if (target.value === null || target.op === 'qualitative' || target.op === 'trend') return null;
  if (target.op !== '=') return { op: target.op, value: target.value };
  const direction = ind ? directionOf(ind) : null;
  return direction ? { op: direction === 'higher' ? '>=' : '<=', value: target.value } : null;
}

/** The other measure a target's unit shows it is stated in (`μg/m³` for PM2.5), or null. */
export function alternateMeasure(ind: CatalogueIndicator, unit: string | null): CatalogueIndicator['alsoStatedAs'][number] | null {
  if (!unit) return null;
  return ind.alsoStatedAs.find((m) => compareUnits(unit, m.unit).kind !== 'incompatible') ?? null;
}

export function bindingOf(ind: CatalogueIndicator): boolean | null {
  return ind.binding ?? ind.parent?.binding ?? null;
}

export function appliesTo(ind: CatalogueIndicator): CatalogueIndicator['applies'] {
  return ind.applies.length > 0 ? ind.applies : (ind.parent?.applies ?? []);
}

/**
 * A threshold is verified when a source confirmed it: its own `confidence` where the data gives
 * one, else the indicator's (or, for a part without one, its parent's).
 */
export function isVerified(ind: CatalogueIndicator, threshold?: Threshold): boolean {
  if (threshold?.confidence) return threshold.confidence === 'confirmed';
  return ind.confidence === 'confirmed' || (ind.confidence === 'unknown' && ind.parent?.confidence === 'confirmed');
}

export function formatThreshold(t: Threshold, unit: string | null): string {
  if (t.qualitative) return t.qualitative;
  const op = t.op === '>=' ? '≥' : t.op === '<=' ? '≤' : (t.op ?? '');
  return `${op}${t.value}${unit && unit !== '-' ? unit : ''}`;
}
