import { appliesTo, bindingOf } from '../catalogue/thresholds';
import type { CatalogueIndicator } from '../catalogue/types';
import type { PlanLevel, Range } from '../model/types';

/** How many missing indicators the one-line message names before `等`. */
const FIRST_FEW = 3;
import type { RuleContext } from './rule';
import type { Rule } from './rule';

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

type CoverageInput = Pick<RuleContext, 'model' | 'edition' | 'names'> & { level: PlanLevel };

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

export function indicatorCoverage(input: CoverageInput, attribute: boolean, which: (ind: CatalogueIndicator) => boolean = () => true): BindingCoverage {
  const { isTargeted, isMentioned, isTrendOnly } = indicatorAttention(input);
  const required = input.edition.indicators.filter(
    (ind) => which(ind) && bindingOf(ind) === attribute && appliesTo(ind).includes(input.level) && (!ind.only || isTargeted(ind) || isMentioned(ind)),
  );
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
const coverageOfContext = new WeakMap<RuleContext, BindingCoverage>();

export function bindingCoverage(ctx: RuleContext): BindingCoverage {
  let coverage = coverageOfContext.get(ctx);
  if (!coverage) {
    coverage = indicatorCoverage({ ...ctx, level: ctx.settings.level ?? '市' }, true);
    coverageOfContext.set(ctx, coverage);
  }
  return coverage;
}

export const missingBindingIndicators: Rule = {
  code: 'missing-binding-indicators',
  defaultSeverity: 'warning',
  description: { zh: '方案未涉及的约束性指标', en: 'Binding indicators the plan never addresses' },
  check(ctx, report) {
    // An incomplete edition cannot say which binding indicators exist: stay silent.
    if (!ctx.edition.complete) return;
    const cov = bindingCoverage(ctx);
    if (cov.missing.length === 0) return;
    // The Problems panel shows one line: the count and the first few; every indicator is listed in
    // the related information (a named-only one at the place the plan names it).
    const few = cov.missing.slice(0, FIRST_FEW);
    const more = cov.missing.length > few.length;
    const mentionAt = new Map<string, Range>();
    for (const m of ctx.model.indicatorMentions) {
      const name = ctx.edition.indicators.find((i) => i.id === m.catalogueId)?.name;
      if (name && !mentionAt.has(name)) mentionAt.set(name, m.range);
    }
    report({
      range: ctx.model.titleRange,
      message: {
        zh: `方案未对 ${cov.missing.length} 项约束性指标设定目标(共 ${cov.total} 项适用):${few.join('、')}${more ? ` 等,全部列在相关信息中` : ''}${cov.mentionedOnly.length > 0 ? `;其中 ${cov.mentionedOnly.length} 项只提及未设目标` : ''}${cov.trendOnly.length > 0 ? `;另有 ${cov.trendOnly.length} 项只有趋势性表述` : ''}`,
        en: `The plan sets no target for ${cov.missing.length} of ${cov.total} applicable binding indicators: ${few.join(', ')}${more ? ', … (all listed in the related information)' : ''}${cov.mentionedOnly.length > 0 ? `; ${cov.mentionedOnly.length} of them named without a target` : ''}${cov.trendOnly.length > 0 ? `; ${cov.trendOnly.length} more given only a trend` : ''}`,
      },
      related: cov.missing.map((name) => {
        const at = cov.mentionedOnly.includes(name) ? mentionAt.get(name) : undefined;
        return at
          ? { range: at, message: { zh: `${name}:只提及,未设定目标`, en: `${name}: named, no target` } }
          : { range: ctx.model.titleRange, message: { zh: `${name}:未设定目标`, en: `${name}: no target` } };
      }).concat(cov.trendOnly.map((name) => ({ range: ctx.model.titleRange, message: { zh: `${name}:只有趋势性表述,未量化`, en: `${name}: a trend only, not quantified` } }))),
      data: { coverage: cov },
    });
  },
};
