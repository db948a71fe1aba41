import { indicatorsById } from '../catalogue/lookup';
import type { Rule } from './rule';

/** An old name (森林覆盖率 → 林草覆盖率) or a name that belongs to another edition than the plan's. */
export const renamedIndicator: Rule = {
  code: 'renamed-indicator',
  defaultSeverity: 'warning',
  description: { zh: '指标已更名或不属于本版指标体系', en: 'Indicator renamed, or from another edition' },
  check(ctx, report) {
    const seen = new Set<string>();
    const flag = (written: string, range: (typeof ctx.model.targets)[number]['range']) => {
      const entry = ctx.names.resolve(written);
      if (!entry) return;
      const key = `${range.start.line}:${range.start.character}`;
      if (seen.has(key)) return;
      if (entry.edition.id === ctx.edition.id && entry.kind === 'former') {
        seen.add(key);
        report({
          range,
          message: { zh: `「${written}」已更名为「${entry.indicator.name}」`, en: `"${written}" has been renamed "${entry.indicator.name}"` },
          data: { replacement: entry.indicator.name },
        });
      } else if (entry.edition.id !== ctx.edition.id && ctx.edition.complete) {
        // (an incomplete edition cannot say a name is not in it: stay silent)
        const inPlanEdition = indicatorsById(ctx.edition).get(entry.indicator.id);
        seen.add(key);
        report({
          range,
          message: inPlanEdition
            ? { zh: `「${written}」是 ${entry.edition.title} 的名称,${ctx.edition.title}中为「${inPlanEdition.name}」`, en: `"${written}" is the ${entry.edition.id} name; ${ctx.edition.id} calls it "${inPlanEdition.name}"` }
            : { zh: `「${written}」属于 ${entry.edition.title},不在本方案采用的 ${ctx.edition.title}中`, en: `"${written}" belongs to ${entry.edition.id}, not to the plan's edition ${ctx.edition.id}` },
          data: inPlanEdition ? { replacement: inPlanEdition.name } : {},
        });
      }
    };
    for (const t of ctx.model.targets) flag(t.writtenName, t.nameRange);
    for (const tag of ctx.model.indicatorTags) flag(tag.name, tag.nameRange);
  },
};
