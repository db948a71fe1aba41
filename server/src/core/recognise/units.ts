import type { ResponsibilityClause, ResponsibleUnit } from '../model/types';

/** Units of several clauses of one task: in order of appearance, deduplicated, lead if lead in any clause. */
export function mergeUnitsOf(clauses: ResponsibilityClause[]): ResponsibleUnit[] {
  const byName = new Map<string, ResponsibleUnit>();
  for (const c of clauses) {
    for (const u of c.units) {
      const seen = byName.get(u.name);
      if (!seen) byName.set(u.name, { ...u });
      else {
        if (u.role === 'lead') seen.role = 'lead';
        seen.tagged = seen.tagged || u.tagged;
      }
    }
  }
  const units = [...byName.values()];
  // Units that come only from loose department tags follow the first-listed-leads convention.
  if (units.length > 0 && !units.some((u) => u.role === 'lead') && clauses.every((c) => c.form === 'tags')) units[0].role = 'lead';
  return units;
}
