import { distance } from 'fastest-levenshtein';

/** Closest names by edit distance, relative to length so short names do not suggest everything. */
export function closestNames(name: string, candidates: string[], limit: number): string[] {
  const found: { c: string; d: number }[] = [];
  for (const c of candidates) {
    const allowed = Math.max(2, Math.floor(Math.max(c.length, name.length) / 3));
    // the distance is at least the difference in length: skip the computation when that alone is too much
    if (Math.abs(c.length - name.length) > allowed) continue;
    const d = distance(name, c);
    // a name with nothing in common is no suggestion (`城镇` → `EI`, `红线`: two edits, as far as can be)
    if (d <= allowed && d < Math.max(c.length, name.length)) found.push({ c, d });
  }
  return found
    .sort((a, b) => a.d - b.d || a.c.localeCompare(b.c))
    .slice(0, limit)
    .map(({ c }) => c);
}
