import type { Connection, Range, SelectionRange } from 'vscode-languageserver/node';
import { contains, departmentAt, indicatorAt, outlineChain } from '../../core/query';
import type { PlanSource } from '../planSource';

/** Expand: a unit or indicator name → its clause or target → the task → each enclosing outline node. */
export function provideSelectionRanges(ws: PlanSource, { textDocument, positions }: { textDocument: { uri: string }; positions: { line: number; character: number }[] }): SelectionRange[] | null {
  const a = ws.analysisOf(textDocument.uri);
  const doc = ws.document(textDocument.uri);
  if (!a || !doc) return null;
  const resolve = (name: string) => a.names.resolve(name)?.indicator.id ?? null;
  return positions.map((asked) => {
    // a position past the end of a line or of the document stands for that end (as the protocol says)
    const pos = doc.positionAt(doc.offsetAt(asked));
    const ranges: Range[] = [];
    const dep = departmentAt(a.model, pos);
    if (dep) ranges.push(dep.range);
    const clause = a.model.clauses.find((c) => contains(c.range, pos));
    if (clause) ranges.push(clause.range);
    const ind = indicatorAt(a.model, pos, resolve);
    if (ind) {
      ranges.push(ind.range);
      if (ind.target) ranges.push(ind.target.range);
    }
    const task = a.model.tasks.find((t) => contains(t.fullRange, pos));
    if (task) ranges.push(task.fullRange);
    for (const n of outlineChain(a.model, pos.line).reverse()) {
      ranges.push({ start: { line: n.range.start.line, character: 0 }, end: { line: n.lastLine, character: doc.getText({ start: { line: n.lastLine, character: 0 }, end: { line: n.lastLine + 1, character: 0 } }).replace(/\r?\n$/, '').length } });
    }
    // innermost first, each strictly containing the previous
    const chain: Range[] = [];
    for (const r of ranges) {
      const prev = chain[chain.length - 1];
      if (!prev || (contains(r, prev.start) && contains(r, prev.end) && (r.start.line !== prev.start.line || r.start.character !== prev.start.character || r.end.line !== prev.end.line || r.end.character !== prev.end.character))) chain.push(r);
    }
    let sel: SelectionRange | undefined;
    for (const r of chain.reverse()) sel = { range: r, parent: sel };
    return sel ?? { range: { start: pos, end: pos } };
  });
}

export function registerSelectionRanges(connection: Connection, ws: PlanSource) {
  connection.onSelectionRanges((params) => provideSelectionRanges(ws, params));
}
