import { distance } from 'fastest-levenshtein';
import type { Rule } from './rule';

/**
 * A tagged indicator name that is no name, alias or former name of any edition. Untagged prose
 * is never flagged: the reader only recognises names it knows there.
 */
export const unknownIndicator: Rule = {
  code: 'unknown-indicator',
  defaultSeverity: 'error',
  description: { zh: '未知指标名称', en: 'Unknown indicator name' },
  check({ model, names }, report) {
    let all: string[] | null = null;
    for (const tag of model.indicatorTags) {
      if (names.resolve(tag.name)) continue;
      all ??= names.allNames();
      const suggestions = closestNames(tag.name, all, 3);
      const hintZh = suggestions.length > 0 ? `;是否是:${suggestions.join('、')}?` : '';
      const hintEn = suggestions.length > 0 ? `; did you mean: ${suggestions.join(', ')}?` : '';
      report({
        range: tag.nameRange,
        message: { zh: `「${tag.name}」不是指标体系中的指标名称${hintZh}`, en: `"${tag.name}" is not an indicator of the catalogue${hintEn}` },
        data: { suggestions },
      });
    }
  },
};

/** Closest names by edit distance, relative to length so short names do not suggest everything. */
export function closestNames(name: string, candidates: string[], limit: number): string[] {
  const found: { c: string; d: number }[] = [];
  for (const c of candidates) {
    const allowed = Math.max(2, Math.floor(Math.max(c.length, name.length) / 3));
    // the distance is at least the difference in length: skip the computation when that alone is too much
    if (Math.abs(c.length - name.length) > allowed) continue;
    const d = distance(name, c);
    if (d <= allowed) found.push({ c, d });
  }
  return found
    .sort((a, b) => a.d - b.d || a.c.localeCompare(b.c))
    .slice(0, limit)
    .map(({ c }) => c);
}
