import { compareUnits, normaliseUnit } from '../catalogue/measureUnits';
import { alternateMeasure } from '../catalogue/thresholds';
import { indicatorOf } from '../catalogue/lookup';
import type { Rule } from './rule';

/** A target in a unit other than the catalogue's: convertible ones say the converted value, others cannot be checked. */
export const unitMismatch: Rule = {
  code: 'unit-mismatch',
  defaultSeverity: 'warning',
  description: { zh: '目标单位与指标单位不一致', en: "Target unit differs from the catalogue's" },
  check(ctx, report) {
    for (const t of ctx.model.targets) {
      if (t.op === 'qualitative' || t.op === 'trend' || t.value === null || !t.unit || t.relative) continue;
      const ind = indicatorOf(t, ctx);
      if (!ind || !ind.unit || alternateMeasure(ind, t.unit)) continue;
      const cmp = compareUnits(t.unit, ind.unit);
      if (cmp.kind === 'convertible') {
        const v = Math.round(t.value * cmp.factor * 100) / 100;
        report({
          range: t.range,
          severity: 'information',
          message: { zh: `${ind.name}的单位是 ${ind.unit},${t.value}${t.unit} 折合 ${v}${ind.unit}`, en: `${ind.name} is measured in ${ind.unit}; ${t.value}${t.unit} is ${v}${ind.unit}` },
          data: { indicatorId: ind.id, converted: v },
        });
      } else if (cmp.kind === 'incompatible') {
        report({
          range: t.range,
          message: {
            zh: `${ind.name}的单位是 ${ind.unit},目标写的是 ${t.unit},两者无法换算,无法与指标值比较`,
            en: `${ind.name} is measured in ${ind.unit}; the target's ${normaliseUnit(t.unit)} cannot be converted, so it cannot be compared`,
          },
          data: { indicatorId: ind.id },
        });
      }
    }
  },
};
