import { compareUnits } from '../catalogue/measureUnits';
import { applicableThreshold, settingsForTarget, bindingOf, formatThreshold, isVerified, weakerThan } from '../catalogue/thresholds';
import { formatTarget } from '../format/target';
import { editionLabel, indicatorOf, LEVEL_EN } from '../catalogue/lookup';
import type { Rule } from './rule';

/**
 * A target weaker than the edition's threshold for the plan's level/terrain/city size. Binding
 * (约束性) indicators give an error, reference (参考性) ones a warning; a threshold no source has
 * confirmed never gives more than a warning, and the message says it is unverified.
 */
export const targetBelowThreshold: Rule = {
  code: 'target-below-threshold',
  defaultSeverity: 'error',
  description: { zh: '目标低于国家指标值', en: 'Target weaker than the national threshold' },
  check(ctx, report) {
    const level = ctx.settings.level ?? '市';
    // An aspiration (`确保达到85%,力争达到88%`) beside the firm target of its indicator and year is not what the
    // plan commits to: the firm one is checked. Looked for in the same sentence's line (an edit re-checks one line).
    const firm = ctx.model.targets.filter((t) => t.tier !== 'aspirational' && t.catalogueId !== null && t.value !== null);
    const hasFirm = (t: (typeof firm)[number]) =>
      firm.some((f) => f.catalogueId === t.catalogueId && f.range.start.line === t.range.start.line && (f.year === null || t.year === null || f.year === t.year));
    for (const t of ctx.model.targets) {
      if (t.op === 'qualitative' || t.op === 'trend' || t.value === null || t.relative) continue;
      if (t.tier === 'aspirational' && hasFirm(t)) continue;
      const ind = indicatorOf(t, ctx);
      if (!ind) continue;
      const applicable = applicableThreshold(ind, settingsForTarget(ctx.settings, t));
      if (!applicable || applicable.threshold.op === undefined || applicable.threshold.value === undefined) continue;
      const th = applicable.threshold;
      const units = compareUnits(t.unit, ind.unit);
      if (units.kind === 'incompatible') continue; // unit-mismatch reports it
      const value = units.kind === 'convertible' ? t.value * units.factor : t.value;
      const thValue = th.value!;
      // what the target guarantees, compared with what the threshold requires
      if (!weakerThan({ op: t.op, value }, { op: th.op, value: thValue })) continue;
      const binding = bindingOf(ind);
      const verified = isVerified(ind, th);
      const attrZh = binding === true ? '约束性指标' : binding === false ? '参考性指标' : '指标';
      const attrEn = binding === true ? 'binding indicator' : binding === false ? 'reference indicator' : 'indicator';
      const scopeZh = `${editionLabel(ctx)}(${applicable.qualifier ?? level})`;
      const thText = formatThreshold(th, ind.unit);
      const converted = units.kind === 'convertible' ? `(折合 ${Math.round(value * 100) / 100}${ind.unit})` : '';
      const convertedEn = units.kind === 'convertible' ? ` (= ${Math.round(value * 100) / 100}${ind.unit})` : '';
      report({
        range: t.range,
        severity: !verified ? 'warning' : binding === true ? 'error' : 'warning',
        message: {
          zh: `${ind.name} 目标 ${formatTarget(t)}${converted} 低于 ${scopeZh}${attrZh} ${thText}${verified ? '' : '(该指标值尚未核实)'}`,
          en: `${ind.name}: target ${formatTarget(t)}${convertedEn} is weaker than the ${ctx.edition.id} (${LEVEL_EN[applicable.qualifier ?? level] ?? applicable.qualifier}) ${attrEn} ${thText}${verified ? '' : ' (threshold not yet verified)'}`,
        },
        data: { indicatorId: ind.id, threshold: th, verified, raiseTo: { op: th.op, value: thValue, unit: ind.unit } },
      });
    }
  },
};
