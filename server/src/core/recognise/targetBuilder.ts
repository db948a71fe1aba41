import type { NameEntry } from '../catalogue/types';
import type { IndicatorTarget } from '../model/types';
import type { LineIndex } from '../text/lineIndex';
import type { TargetExpression } from './targetExpression';

/** Where a target was found and what resolved its name: everything one IndicatorTarget is made of. */
export interface TargetParts {
  /** The catalogue entry the written name resolved to, or null for a local target. */
  entry: NameEntry | null;
  written: string;
  expr: TargetExpression;
  /** Offsets into the original text. */
  surfaceStart: number;
  surfaceEnd: number;
  nameStart: number;
  tagged: boolean;
  year: number | null;
  /** The plan's edition: an entry of another edition is an `other-edition` match. */
  primaryId: string;
  qualifier?: string | null;
  /** The unit when the expression has none (a table's 单位 column). */
  unit?: string | null;
  /** The places the sentence states the target for (IndicatorTarget.scope). */
  scope?: string | null;
}

/** The one builder of a target, for prose, tags and table cells alike. */
export function buildTarget(p: TargetParts, index: LineIndex): IndicatorTarget {
  const { entry, expr } = p;
  const op = trendOrRequirement(expr, entry);
  const t: IndicatorTarget = {
    indicator: entry ? entry.indicator.name : p.written,
    writtenName: p.written,
    catalogueId: entry ? entry.indicator.id : null,
    match: entry ? (entry.edition.id !== p.primaryId ? 'other-edition' : entry.kind) : null,
    surface: index.text.slice(p.surfaceStart, p.surfaceEnd),
    op,
    value: expr.value,
    unit: op === 'qualitative' || op === 'trend' ? null : (expr.unit ?? p.unit ?? null),
    year: expr.year ?? p.year,
    tagged: p.tagged,
    range: index.range(p.surfaceStart, p.surfaceEnd),
    nameRange: index.range(p.nameStart, p.nameStart + p.written.length),
  };
  if (expr.upper !== null && expr.upper !== undefined) t.upper = expr.upper;
  if (expr.text) t.text = expr.text;
  if (expr.relative) t.relative = expr.relative;
  if (p.qualifier) t.qualifier = p.qualifier;
  if (expr.tier) t.tier = expr.tier;
  if (p.scope) t.scope = p.scope;
  if (entry?.kind === 'synonym' && entry.confidence) t.matchConfidence = entry.confidence;
  return t;
}

/**
 * A trend phrase the catalogue itself asks for (`特有性或指示性水生物种保持率不降低`, 一次性消费品人均使用量
 * `逐步下降`) meets the requirement: it is a qualitative target, not an unquantified one.
 */
function trendOrRequirement(expr: TargetExpression, entry: NameEntry | null): IndicatorTarget['op'] {
  if (expr.op !== 'trend' || !entry || !expr.text) return expr.op;
  const ind = entry.indicator;
  const asked = [ind.value, ind.parent?.value, ...ind.thresholds.map((th) => th.qualitative)].filter((v): v is string => !!v);
  return asked.some((v) => v.includes(expr.text!)) ? 'qualitative' : 'trend';
}
