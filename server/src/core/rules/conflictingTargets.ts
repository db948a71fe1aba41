import type { IndicatorTarget } from '../model/types';
import type { Rule } from './rule';
import { formatTarget } from '../format/target';

/**
 * The same indicator given different targets in one plan (the table says ≥96, the text says 100%).
 * Targets for different years are not a conflict; a target with no year conflicts with any. Only firm
 * targets are compared: `确保达到85%,力争达到88%` states a commitment and an aspiration, not two
 * commitments. Targets stated for different places (`桂平市…不低于93.5%`, `长安区…达到58微克/立方米`,
 * IndicatorTarget.scope) are not comparable either.
 */
// A target's statement, kept per target: an editor re-checks the plan on every keystroke and all
// but the edited line's targets are the same objects as before.
const signatures = new WeakMap<IndicatorTarget, string>();
function signature(t: IndicatorTarget): string {
  let s = signatures.get(t);
  if (s === undefined) signatures.set(t, (s = `${t.op}|${t.value}|${t.unit ?? '%'}|${t.year ?? ''}|${t.relative ?? ''}|${t.qualifier ?? ''}|${t.scope ?? ''}`));
  return s;
}

export const conflictingTargets: Rule = {
  code: 'conflicting-targets',
  defaultSeverity: 'warning',
  description: { zh: '同一指标的目标前后不一致', en: 'Different targets for the same indicator' },
  check(ctx, report) {
    const groups = new Map<string, IndicatorTarget[]>();
    for (const t of ctx.model.targets) {
      if (t.op === 'qualitative' || t.op === 'trend' || t.value === null || t.tier === 'aspirational') continue;
      const key = t.catalogueId ?? `name:${t.indicator}`;
      const g = groups.get(key);
      if (g) g.push(t);
      else groups.set(key, [t]);
    }
    for (const group of groups.values()) {
      if (group.length < 2) continue;
      // compare distinct statements, not every pair of targets: a long plan repeating one target
      // stays linear, and each target points at (at most five) differing statements
      const distinct = new Map<string, IndicatorTarget>();
      const sigs = group.map(signature);
      group.forEach((t, i) => {
        if (!distinct.has(sigs[i])) distinct.set(sigs[i], t);
      });
      if (distinct.size < 2) continue;
      const reps = [...distinct.values()];
      // everything in the report but its range depends on the target's signature only: build it once
      const bySignature = new Map<string, { message: { zh: string; en: string }; related: { range: IndicatorTarget['range']; message: { zh: string; en: string } }[] } | null>();
      for (let i = 0; i < group.length; i++) {
        const t = group[i];
        const sig = sigs[i];
        let made = bySignature.get(sig);
        if (made === undefined) {
          const others = reps
            .filter((o) => signature(o) !== sig && (o.op !== t.op || o.value !== t.value || (o.unit ?? '%') !== (t.unit ?? '%')) && (o.year === null || t.year === null || o.year === t.year) && o.relative === t.relative && o.qualifier === t.qualifier && o.scope === t.scope)
            .slice(0, 5);
          const list = others.map((o) => `${formatTarget(o)}(第 ${o.range.start.line + 1} 行)`).join('、');
          const listEn = others.map((o) => `${formatTarget(o)} (line ${o.range.start.line + 1})`).join(', ');
          made =
            others.length === 0
              ? null
              : {
                  message: { zh: `${t.indicator} 的目标 ${formatTarget(t)} 与本方案其他处不一致:${list}`, en: `${t.indicator}: target ${formatTarget(t)} differs from elsewhere in the plan: ${listEn}` },
                  related: others.map((o) => ({ range: o.range, message: { zh: `${t.indicator} 目标 ${formatTarget(o)}`, en: `${t.indicator} target ${formatTarget(o)}` } })),
                };
          bySignature.set(sig, made);
        }
        if (made) report({ range: t.range, message: made.message, related: made.related });
      }
    }
  },
};
