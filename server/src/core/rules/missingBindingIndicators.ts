import { allIndicators } from '../catalogue/load';
import { appliesTo, bindingOf } from '../catalogue/thresholds';
import type { CatalogueIndicator } from '../catalogue/types';
import type { RuleContext } from './rule';
import type { Rule } from './rule';

export interface BindingCoverage {
  covered: number;
  total: number;
  missing: string[];
}

/**
 * The binding (约束性) indicators of the plan's edition that apply at its level, and which of them
 * the plan addresses anywhere (a target, a tag, or the name in the text). Indicators that apply
 * only where a feature exists (沿海地区 …) are not required, since EcoPlan cannot know.
 */
export function bindingCoverage(ctx: RuleContext): BindingCoverage {
  const level = ctx.settings.level ?? '市';
  const addressed = new Set<string>();
  for (const t of ctx.model.targets) if (t.catalogueId) addressed.add(t.catalogueId);
  for (const m of ctx.model.indicatorMentions) addressed.add(m.catalogueId);
  for (const tag of ctx.model.indicatorTags) {
    const e = ctx.names.resolve(tag.name);
    if (e) addressed.add(e.indicator.id);
  }
  const isAddressed = (ind: CatalogueIndicator): boolean => addressed.has(ind.id) || ind.parts.some(isAddressed);
  const required = ctx.edition.indicators.filter((ind) => bindingOf(ind) === true && appliesTo(ind).includes(level) && !ind.only);
  const missing = required.filter((ind) => !isAddressed(ind)).map((ind) => ind.name);
  void allIndicators;
  return { covered: required.length - missing.length, total: required.length, missing };
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
    report({
      range: ctx.model.titleRange,
      message: {
        zh: `方案未涉及 ${cov.missing.length} 项约束性指标(共 ${cov.total} 项适用):${cov.missing.join('、')}`,
        en: `The plan does not address ${cov.missing.length} of ${cov.total} applicable binding indicators: ${cov.missing.join(', ')}`,
      },
      data: { coverage: cov },
    });
  },
};
