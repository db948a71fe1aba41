import { applicableThreshold, bindingOf, formatThreshold, isVerified } from '../catalogue/thresholds';
import { editionLabel, indicatorOf } from '../catalogue/lookup';
import { indicatorAttention } from '../coverage';
import type { Rule } from './rule';

/**
 * An indicator the plan addresses only with a trend (`进一步降低单位地区生产总值能耗`, `…逐年提升`: op
 * `trend`) where the catalogue asks for a value or a requirement: says so, and what the catalogue asks.
 * Information only: a trend may be all a plan can promise before the higher level sets the figure.
 */
export const unquantifiedTarget: Rule = {
  code: 'unquantified-target',
  defaultSeverity: 'information',
  description: { zh: '目标未量化(只有趋势性表述)', en: 'Target not quantified (a trend only)' },
  check(ctx, report) {
    const attention = indicatorAttention(ctx);
    for (const t of ctx.model.targets) {
      if (t.op !== 'trend') continue;
      const ind = indicatorOf(t, ctx);
      // an indicator the plan also gives a value or requirement elsewhere is quantified there
      if (!ind || !attention.isTrendOnly(ind)) continue;
      const applicable = applicableThreshold(ind, ctx.settings);
      const unit = ind.unit ?? ind.parent?.unit ?? null;
      const asked = applicable ? formatThreshold(applicable.threshold, unit) : (ind.value ?? ind.parent?.value ?? null);
      const verified = isVerified(ind, applicable?.threshold);
      const binding = bindingOf(ind);
      const attrZh = binding === true ? '约束性指标' : binding === false ? '参考性指标' : '指标';
      const unitZh = unit && !applicable?.threshold.op ? `(单位:${unit})` : '';
      const unitEn = unit && !applicable?.threshold.op ? ` (unit: ${unit})` : '';
      const phrase = t.text ?? t.surface;
      report({
        range: t.range,
        message: asked
          ? {
              zh: `${ind.name} 的目标「${phrase}」未量化;${editionLabel(ctx)}${attrZh}要求 ${asked}${unitZh}${verified ? '' : '(该指标值尚未核实)'}`,
              en: `${ind.name}: the target "${phrase}" is not quantified; the ${ctx.edition.id} ${binding === true ? 'binding ' : binding === false ? 'reference ' : ''}indicator asks ${asked}${unitEn}${verified ? '' : ' (not yet verified)'}`,
            }
          : { zh: `${ind.name} 的目标「${phrase}」未量化${unitZh}`, en: `${ind.name}: the target "${phrase}" is not quantified${unitEn}` },
        data: { indicatorId: ind.id, asked, unit, verified },
      });
    }
  },
};
