import { closestNames } from '../text/similarity';
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
