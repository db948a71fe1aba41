import type { PlanAnalysis } from '../../server/src/core/analyse';
import type { OutlineNode } from '../../server/src/core/model/types';

/** What a plan says, without positions or how it was written (tags or prose): for comparing two readings of one plan. */
export function planSummary(a: PlanAnalysis) {
  const outline = (ns: OutlineNode[]): string[] => ns.flatMap((n) => [`${n.path} ${n.title}`, ...outline(n.children)]);
  return {
    level: a.settings.level,
    catalogue: a.settings.catalogue,
    outline: outline(a.model.outline).filter((l) => l.trim() !== ''),
    tasks: a.model.tasks.map((t) => ({
      path: t.path,
      title: t.title,
      units: t.units.map((u) => `${u.name}:${u.role}`),
      vague: [...new Set(t.vague.map((v) => v.text))],
      noUnit: t.noUnit,
    })),
    targets: a.model.targets.map((t) => [t.indicator, t.op, t.value, t.upper ?? null, t.unit, t.year, t.text ?? null, t.qualifier ?? null, t.relative ?? null].join('|')),
  };
}
