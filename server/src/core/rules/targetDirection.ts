import { alternateMeasure, directionOf } from '../catalogue/thresholds';
import { indicatorOf } from '../catalogue/lookup';
import type { Rule } from './rule';

/** `≤` on a higher-is-better indicator (or `≥` on a lower-is-better one) sets a ceiling where a floor is meant. */
export const targetDirection: Rule = {
  code: 'target-direction',
  defaultSeverity: 'warning',
  description: { zh: '目标方向与指标方向相反', en: 'Target points the wrong way for the indicator' },
  check(ctx, report) {
    for (const t of ctx.model.targets) {
      if (t.op === 'qualitative' || t.op === 'trend' || t.op === '=' || t.relative) continue;
      const ind = indicatorOf(t, ctx);
      if (!ind) continue;
      const dir = alternateMeasure(ind, t.unit)?.direction ?? directionOf(ind);
      const wrong = (dir === 'higher' && (t.op === '<=' || t.op === '<')) || (dir === 'lower' && (t.op === '>=' || t.op === '>'));
      if (!wrong) continue;
      report({
        range: t.range,
        message: {
          zh: `${ind.name}是${dir === 'higher' ? '越高越好' : '越低越好'}的指标,目标却写成「${t.op === '<=' || t.op === '<' ? '≤/以下' : '≥/以上'}」`,
          en: `${ind.name} is ${dir === 'higher' ? 'higher' : 'lower'}-is-better, but the target uses ${t.op}`,
        },
        data: { indicatorId: ind.id },
      });
    }
  },
};
