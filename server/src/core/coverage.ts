import type { IndicatorNameIndex } from './catalogue/nameIndex';
import { appliesTo, bindingOf } from './catalogue/thresholds';
import type { CatalogueEdition, CatalogueIndicator } from './catalogue/types';
import type { PlanLevel, PlanModel, PlanSettings } from './model/types';

export interface BindingCoverage {
  covered: number;
  total: number;
  /** Required indicators the plan sets no target for. */
  missing: string[];
  /** Of `missing`, those the plan names without a target (`提高城镇污水处理率`). */
  mentionedOnly: string[];
  /**
   * Required indicators the plan addresses only with a trend (`进一步降低单位地区生产总值能耗`, op `trend`):
   * counted apart, in neither `covered` nor `missing` (covered + trendOnly + missing = total).
   */
  trendOnly: string[];
}

type CoverageInput = { model: PlanModel; edition: CatalogueEdition; names: IndicatorNameIndex; level: PlanLevel };
/** What the coverage of a whole analysis is counted from (a rule's context has all of it). */
export type CoverageContext = Omit<CoverageInput, 'level'> & { settings: PlanSettings };

/**
 * Which indicators of the plan's edition the plan covers, i.e. sets a target for (in prose, a tag
 * or its own indicator table): the reviewer's question. One definition for the
 * missing-binding-indicators rule, the JSON `coverage` and the 覆盖报告 table.
 * An indicator that applies only where a feature exists (沿海地区 …) is required only when the
 * plan names it: EcoPlan cannot know the coast, the plan can.
 */
export interface IndicatorAttention {
  /** The plan sets a target for it (or for one of its parts) other than a trend. */
  isTargeted(ind: CatalogueIndicator): boolean;
  /** The plan's only targets for it (or its parts) are trends. */
  isTrendOnly(ind: CatalogueIndicator): boolean;
  /** The plan names it (prose or tag), with or without a target. */
  isMentioned(ind: CatalogueIndicator): boolean;
}

const attentionOfModel = new WeakMap<object, IndicatorAttention>();

/** What a plan does with each indicator, worked out once per plan model. */
export function indicatorAttention(input: Pick<CoverageInput, 'model' | 'names'>): IndicatorAttention {
  const known = attentionOfModel.get(input.model);
  if (known) return known;
  const targeted = new Set<string>();
  const trended = new Set<string>();
  for (const t of input.model.targets) if (t.catalogueId && !t.referenceOnly) (t.op === 'trend' ? trended : targeted).add(t.catalogueId);
  const mentioned = new Set<string>();
  for (const m of input.model.indicatorMentions) mentioned.add(m.catalogueId);
  for (const tag of input.model.indicatorTags) {
    const e = input.names.resolve(tag.name);
    if (e) mentioned.add(e.indicator.id);
  }
  const isTargeted = (ind: CatalogueIndicator): boolean => targeted.has(ind.id) || ind.parts.some(isTargeted);
  const isMentioned = (ind: CatalogueIndicator): boolean => mentioned.has(ind.id) || ind.parts.some(isMentioned);
  const isTrended = (ind: CatalogueIndicator): boolean => trended.has(ind.id) || ind.parts.some(isTrended);
  const isTrendOnly = (ind: CatalogueIndicator): boolean => !isTargeted(ind) && isTrended(ind);
  const attention = { isTargeted, isMentioned, isTrendOnly };
  attentionOfModel.set(input.model, attention);
  return attention;
}

/** `to` is `from` with edits that change no indicator's attention (incremental.ts): it shares what was worked out. */
export function carryAttention(from: object, to: object): void {
  const known = attentionOfModel.get(from);
  if (known) attentionOfModel.set(to, known);
}

/** The indicators of the edition with this attribute (binding or not) the plan must address at its level, catalogue order. */
export function requiredIndicators(input: CoverageInput, attribute: boolean, which: (ind: CatalogueIndicator) => boolean = () => true): CatalogueIndicator[] {
  const { isTargeted, isMentioned } = indicatorAttention(input);
  return input.edition.indicators.filter(
    (ind) => which(ind) && bindingOf(ind) === attribute && appliesTo(ind).includes(input.level) && (!ind.only || isTargeted(ind) || isMentioned(ind)),
  );
}

export function indicatorCoverage(input: CoverageInput, attribute: boolean, which: (ind: CatalogueIndicator) => boolean = () => true): BindingCoverage {
  const { isTargeted, isMentioned, isTrendOnly } = indicatorAttention(input);
  const required = requiredIndicators(input, attribute, which);
  const trendOnly = required.filter(isTrendOnly);
  const missing = required.filter((ind) => !isTargeted(ind) && !isTrendOnly(ind));
  return {
    covered: required.length - missing.length - trendOnly.length,
    total: required.length,
    missing: missing.map((i) => i.name),
    mentionedOnly: missing.filter(isMentioned).map((i) => i.name),
    trendOnly: trendOnly.map((i) => i.name),
  };
}

// one analysis asks twice (this rule, and the analysis result's `coverage`): count once
const coverageOfContext = new WeakMap<CoverageContext, BindingCoverage>();

export function bindingCoverage(ctx: CoverageContext): BindingCoverage {
  let coverage = coverageOfContext.get(ctx);
  if (!coverage) {
    coverage = indicatorCoverage({ ...ctx, level: ctx.settings.level ?? '市' }, true);
    coverageOfContext.set(ctx, coverage);
  }
  return coverage;
}
