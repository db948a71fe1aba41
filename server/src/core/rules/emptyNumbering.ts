import { emptyNumberings } from '../outline';
import type { Rule } from './rule';

/**
 * A numbering with no text, neither on its line nor on the next (`1、` alone, as pasted web pages
 * leave them): not a task, and most likely a paste or an editing slip.
 */
export const emptyNumbering: Rule = {
  code: 'empty-numbering',
  defaultSeverity: 'warning',
  description: { zh: '空编号:编号后没有内容', en: 'Empty numbering: a number with no text after it' },
  check(ctx, report) {
    for (const node of emptyNumberings(ctx.model.outline)) {
      report({
        range: node.range,
        message: { zh: `编号「${node.marker}」后没有内容(${node.path}),不计为任务`, en: `Numbering "${node.marker}" has no text (${node.path}); it is not counted as a task` },
        data: { line: node.range.start.line },
      });
    }
  },
};
