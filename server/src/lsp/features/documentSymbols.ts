import { SymbolKind, type Connection, type DocumentSymbol } from 'vscode-languageserver/node';
import type { OutlineNode, Task } from '../../core/model/types';
import { isDecimalRank } from '../../core/recognise/numbering';
import { LineIndex } from '../../core/text/lineIndex';
import type { PlanSource } from '../planSource';

function lead(task: Task | undefined): string | undefined {
  if (!task) return undefined;
  const l = task.units.find((u) => u.role === 'lead');
  return l ? `牵头:${l.name}` : task.noUnit ? '无责任单位' : task.vague.length > 0 ? task.vague[0].text : undefined;
}

/**
 * The outline: sections, and tasks with their lead unit as detail. A symbol's range runs from the
 * start of its first line to the end of its last line, so it contains its selection range (the
 * numbered line) and its children, as clients require (VS Code rejects the whole answer otherwise).
 */
export function documentSymbols(outline: OutlineNode[], tasks: Task[], text: string): DocumentSymbol[] {
  const index = new LineIndex(text);
  const lineEnd = (line: number) => index.lineEnd(line) - index.lineStarts[line];
  const byLine = new Map(tasks.filter((t) => t.source === 'outline').map((t) => [t.range.start.line, t]));
  // `三、标题`, `(一)标题`, `1.标题`, `第一章 标题`, `2.1.1 标题` (a decimal heading), `附件1`; an empty numbering shows its number alone
  const symbolName = (n: OutlineNode): string => {
    const m = n.marker;
    if (m === '' || m.startsWith('附件')) return n.title || m;
    if (n.title === '') return m;
    const sep = /^[一二三四五六七八九十百]+$/.test(m) ? '、' : m.startsWith('第') || isDecimalRank(n.rank) ? ' ' : m.startsWith('(') ? '' : '.';
    return `${m}${sep}${n.title}`;
  };
  const convert = (n: OutlineNode): DocumentSymbol => {
    const task = byLine.get(n.range.start.line);
    const name = symbolName(n);
    const last = Math.max(n.lastLine, n.range.end.line);
    return {
      name: name.trim() || '(无标题)',
      detail: lead(task),
      kind: task ? SymbolKind.Event : SymbolKind.Namespace,
      range: { start: { line: n.range.start.line, character: 0 }, end: { line: last, character: lineEnd(last) } },
      selectionRange: n.range,
      children: n.children.map(convert),
    };
  };
  const symbols = outline.map(convert);
  // table rows are tasks too: list them under a node of their own
  const rows = tasks.filter((t) => t.source === 'table');
  if (rows.length > 0) {
    symbols.push({
      name: '表格任务',
      kind: SymbolKind.Namespace,
      range: { start: rows[0].fullRange.start, end: rows[rows.length - 1].fullRange.end },
      selectionRange: rows[0].range,
      children: rows.map((t) => ({ name: `${t.path} ${t.title}`, detail: lead(t), kind: SymbolKind.Event, range: t.fullRange, selectionRange: t.range })),
    });
  }
  return symbols;
}

export function provideDocumentSymbols(ws: PlanSource, { textDocument }: { textDocument: { uri: string } }): DocumentSymbol[] | null {
  const a = ws.analysisOf(textDocument.uri);
  return a ? documentSymbols(a.model.outline, a.model.tasks, a.model.text) : null;
}

export function registerDocumentSymbols(connection: Connection, ws: PlanSource) {
  connection.onDocumentSymbol((params) => provideDocumentSymbols(ws, params));
}
