import type { TextEdit } from 'vscode-languageserver/node';
import type { PlanModel, Range } from '../../core/model/types';
import { textPieces } from '../../core/query';

/**
 * Edits that replace what the reader read in `range` by `newText`: one edit, or, where a PDF copy's
 * line break, page number or space falls inside (`县水` / `利局`), the first part replaced and the
 * other parts emptied, so that what lies between them stays as the user wrote it.
 */
export function replaceRead(model: PlanModel, range: Range, newText: string): TextEdit[] {
  const pieces = textPieces(model, range);
  if (pieces.length <= 1) return [{ range, newText }];
  return pieces.map((r, i) => ({ range: r, newText: i === 0 ? newText : '' }));
}
