import { appliesTo } from '../catalogue/thresholds';
import { indicatorOf } from '../catalogue/lookup';
import type { Rule } from './rule';

/** An indicator the edition applies only to the other level (农业废弃物综合利用率 is a 县 indicator). */
export const notApplicable: Rule = {
  code: 'not-applicable',
  defaultSeverity: 'information',
  description: { zh: '指标不适用于本级', en: 'Indicator does not apply at this level' },
  check(ctx, report) {
    const level = ctx.settings.level ?? '市';
    const done = new Set<string>();
    for (const t of ctx.model.targets) {
      const ind = indicatorOf(t, ctx);
      if (!ind) continue;
      const applies = appliesTo(ind);
      if (applies.length === 0 || applies.includes(level) || done.has(ind.id)) continue;
      done.add(ind.id);
      report({
        range: t.nameRange,
        message: {
          zh: `${ind.name}在${ctx.edition.title}中只适用于${applies.join('、')},本方案为${level}级`,
          en: `${ind.name} applies only to ${applies.join('/')} in ${ctx.edition.id}; this plan is ${level}`,
        },
        data: { indicatorId: ind.id },
      });
    }
  },
};
