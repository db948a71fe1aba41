import type { PlanAnalysis } from '../analysis';
import { indicatorsById } from '../catalogue/lookup';
import { appliesTo, applicableThreshold, bindingOf, directionOf, formatThreshold, isVerified, settingsForTarget } from '../catalogue/thresholds';
import type { CatalogueIndicator } from '../catalogue/types';
import { indicatorAttention } from '../coverage';
import type { IndicatorTarget, Range } from '../model/types';
import type { MatrixCell, MatrixColumn } from './types';

/**
 * The matrix of the review (plans × binding indicators): each cell the plan's best firm target for
 * the indicator (or one of its parts), judged as the rule target-below-threshold judged it — a cell
 * is `below` only where that rule reported the target against a verified threshold, so the matrix,
 * the overview's count and the findings never disagree.
 */

/** A target the plan commits to for its own area: not an aspiration, a trend, a rate of change or another place's. */
function isFirm(t: IndicatorTarget): boolean {
  return !t.referenceOnly && t.tier !== 'aspirational' && t.op !== 'trend' && !t.relative && !t.scope && (t.value !== null || t.op === 'qualitative');
}

/** The indicator and its parts, the indicator first. */
function withParts(ind: CatalogueIndicator): CatalogueIndicator[] {
  return [ind, ...ind.parts.flatMap(withParts)];
}

const rangeKey = (r: Range) => `${r.start.line}:${r.start.character}`;

export interface CellContext {
  analysis: PlanAnalysis;
  /** The verified or not verdict of target-below-threshold at each target it reported, by range start. */
  below: Map<string, boolean>;
  /** The Word paragraph of a 0-based line, for a .docx. */
  paragraphOf?: (line: number) => number | null;
}

export function cellContext(analysis: PlanAnalysis, paragraphOf?: (line: number) => number | null): CellContext {
  const below = new Map<string, boolean>();
  for (const d of analysis.diagnostics) if (d.code === 'target-below-threshold') below.set(rangeKey(d.range), d.data?.verified === true);
  return { analysis, below, paragraphOf };
}

function placeOf(ctx: CellContext, r: Range): Pick<MatrixCell, 'line' | 'column' | 'wordParagraph'> {
  const paragraph = ctx.paragraphOf?.(r.start.line);
  return { line: r.start.line + 1, column: r.start.character + 1, ...(paragraph ? { wordParagraph: paragraph } : {}) };
}

/** The strongest of an indicator's firm targets (by its direction), the first written on a tie; a number before a wording. */
function best(targets: IndicatorTarget[], ind: CatalogueIndicator): IndicatorTarget | null {
  const numeric = targets.filter((t) => t.value !== null && t.op !== 'qualitative');
  if (numeric.length === 0) return targets[0] ?? null;
  const lower = directionOf(ind) === 'lower';
  return numeric.reduce((a, b) => ((lower ? b.value! < a.value! : b.value! > a.value!) ? b : a));
}

/** Whether the indicator binds the plan (约束性, for its level; one that applies only where a feature exists: when the plan names it). */
export function bindsPlan(analysis: PlanAnalysis, ind: CatalogueIndicator): boolean {
  const level = analysis.settings.level ?? '市';
  if (bindingOf(ind) !== true || !appliesTo(ind).includes(level)) return false;
  if (!ind.only) return true;
  const attention = indicatorAttention(analysis);
  return attention.isTargeted(ind) || attention.isMentioned(ind);
}

/** The cell of one indicator of the plan's edition (a top-level indicator: its parts' targets count for it). */
export function cellOf(ctx: CellContext, ind: CatalogueIndicator): MatrixCell {
  const { analysis } = ctx;
  const { model, settings } = analysis;
  const byId = indicatorsById(analysis.edition);
  const ids = withParts(ind).map((i) => i.id);
  const targets = model.targets.filter((t) => t.catalogueId !== null && ids.includes(t.catalogueId));
  // the indicator's own targets first; a part's only when the indicator has none. A target the
  // coverage counts but that is no firm commitment of the plan's own area (an aspiration, a rate of
  // change, another place's) stands in the cell when there is nothing firmer, never judged.
  const firm = targets.filter(isFirm);
  const own = firm.filter((t) => t.catalogueId === ind.id);
  const chosen = best(own.length > 0 ? own : firm, ind) ?? targets.find((t) => !t.referenceOnly && t.op !== 'trend') ?? null;
  const judged = (chosen && byId.get(chosen.catalogueId!)) ?? ind;
  const applicable = applicableThreshold(judged, chosen ? settingsForTarget(settings, chosen) : settings);
  const threshold = applicable ? { threshold: formatThreshold(applicable.threshold, judged.unit) } : {};
  const binds = bindsPlan(analysis, ind);
  if (chosen) {
    const verdict = ctx.below.get(rangeKey(chosen.range));
    let status: MatrixCell['status'];
    if (!binds) status = 'not-binding';
    else if (!isFirm(chosen)) status = 'unverified';
    else if (verdict !== undefined) status = verdict ? 'below' : 'unverified';
    else if (!applicable || !isVerified(judged, applicable.threshold)) status = 'unverified';
    else if (chosen.op === 'qualitative' ? applicable.threshold.qualitative === undefined : applicable.threshold.value === undefined) status = 'unverified';
    else status = 'meets';
    return {
      status,
      op: chosen.op,
      value: chosen.value,
      unit: chosen.unit,
      year: chosen.year,
      surface: chosen.surface,
      ...threshold,
      ...placeOf(ctx, chosen.range),
    };
  }
  if (!binds) return { status: 'not-binding', ...threshold };
  const trend = targets.find((t) => t.op === 'trend' && !t.referenceOnly);
  if (trend) return { status: 'trend', op: 'trend', value: null, unit: null, year: trend.year, surface: trend.surface, ...threshold, ...placeOf(ctx, trend.range) };
  const mention = model.indicatorMentions.find((m) => ids.includes(m.catalogueId));
  if (mention) return { status: 'mentioned', surface: mention.name, ...threshold, ...placeOf(ctx, mention.range) };
  return { status: 'missing', ...threshold };
}

/** The matrix columns the plan brings: the binding indicators of its edition for its level, catalogue order. */
export function matrixColumnsOf(analysis: PlanAnalysis): MatrixColumn[] {
  const level = analysis.settings.level ?? '市';
  return analysis.edition.indicators
    .filter((ind) => bindingOf(ind) === true && appliesTo(ind).includes(level))
    .map((ind) => ({ id: ind.id, name: ind.name, unit: ind.unit, editions: [`${analysis.edition.id}/${level}`] }));
}

/** The plan's matrix row over its own columns. */
export function matrixRow(ctx: CellContext): Record<string, MatrixCell> {
  const row: Record<string, MatrixCell> = {};
  const byId = new Map(ctx.analysis.edition.indicators.map((i) => [i.id, i]));
  for (const col of matrixColumnsOf(ctx.analysis)) row[col.id] = cellOf(ctx, byId.get(col.id)!);
  return row;
}
