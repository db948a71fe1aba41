import { FoldingRangeKind, type Connection, type FoldingRange } from 'vscode-languageserver/node';
import type { OutlineNode } from '../../core/model/types';
import type { PlanSource } from '../planSource';

/** One fold per outline node that spans more than its own line, nested as the outline is. */
export function foldingRanges(outline: OutlineNode[]): FoldingRange[] {
  const out: FoldingRange[] = [];
  const walk = (nodes: OutlineNode[]) => {
    for (const n of nodes) {
      if (n.lastLine > n.range.start.line) out.push({ startLine: n.range.start.line, endLine: n.lastLine, kind: FoldingRangeKind.Region });
      walk(n.children);
    }
  };
  walk(outline);
  return out;
}

export function provideFoldingRanges(ws: PlanSource, { textDocument }: { textDocument: { uri: string } }): FoldingRange[] | null {
  const a = ws.analysisOf(textDocument.uri);
  return a ? foldingRanges(a.model.outline) : null;
}

export function registerFolding(connection: Connection, ws: PlanSource) {
  connection.onFoldingRanges((params) => provideFoldingRanges(ws, params));
}
