import { closestNames } from '../text/similarity';
import type { IndicatorNameIndex } from '../catalogue/nameIndex';
import type { Rule } from './rule';

/**
 * A tagged indicator name that is no name, alias or former name of any edition. Untagged prose
 * is never flagged: the reader only recognises names it knows there.
 */
/**
 * Names of the primary edition that contain what was written (`[[城镇]]` → 城镇污水处理率 …), shortest
 * first; else the closest by spelling. Each suggestion is an indicator's own name, once.
 */
function suggestFor(written: string, all: string[], names: IndicatorNameIndex): string[] {
  const canonical = (n: string) => {
    const e = names.resolve(n);
    return e && e.edition.id === names.primary.id ? e.indicator.name : null;
  };
  const out: string[] = [];
  const add = (n: string) => {
    const c = canonical(n);
    if (c && !out.includes(c) && out.length < 3) out.push(c);
  };
  if (written.length >= 2) for (const n of all.filter((n) => n.includes(written)).sort((a, b) => a.length - b.length || a.localeCompare(b))) add(n);
  if (out.length === 0) for (const n of closestNames(written, all, 6)) add(n);
  return out;
}

export const unknownIndicator: Rule = {
  code: 'unknown-indicator',
  defaultSeverity: 'error',
  description: { zh: '未知指标名称', en: 'Unknown indicator name' },
  check({ model, names }, report) {
    let all: string[] | null = null;
    for (const tag of model.indicatorTags) {
      if (names.resolve(tag.name)) continue;
      all ??= names.allNames();
      const suggestions = suggestFor(tag.name, all, names);
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
