import type { Rule } from './rule';

/** A target year outside the plan's period (front matter `period: 2022-2024`). */
export const targetYearOutsidePeriod: Rule = {
  code: 'target-year-outside-period',
  defaultSeverity: 'information',
  description: { zh: '目标年份不在方案期限内', en: "Target year outside the plan's period" },
  check(ctx, report) {
    const p = ctx.settings.period;
    if (!p) return;
    for (const t of ctx.model.targets) {
      if (t.year === null || (t.year >= p.from && t.year <= p.to)) continue;
      report({
        range: t.range,
        message: { zh: `${t.indicator} 的目标年份 ${t.year} 年不在方案期限 ${p.from}—${p.to} 年内`, en: `${t.indicator}: target year ${t.year} is outside the plan period ${p.from}–${p.to}` },
      });
    }
  },
};
