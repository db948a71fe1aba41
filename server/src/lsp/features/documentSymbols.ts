import { SymbolKind, type Connection, type DocumentSymbol } from 'vscode-languageserver/node';
import type { DepartmentDirectory } from '../../core/departments/directory';
import { countedUnitsOf } from '../../core/departments/unitStanding';
import type { Locale } from '../../core/locale';
import type { OutlineNode, Task } from '../../core/model/types';
import { isDecimalRank } from '../../core/recognise/numbering';
import { LineIndex } from '../../core/text/lineIndex';
import type { PlanSource } from '../planSource';

/** Labels of the outline, in the UI language. */
const WORDS = {
  zh: { lead: '牵头:', noUnit: '无责任单位', untitled: '(无标题)', tableTasks: '表格任务' },
  en: { lead: 'lead: ', noUnit: 'no responsible unit', untitled: '(untitled)', tableTasks: 'Tasks in tables' },
};

/** A task's detail: its lead unit — not a party that is no unit (`jxj`, rule unrecognised-responsible-unit). */
function lead(task: Task | undefined, w: (typeof WORDS)['zh'], directory?: DepartmentDirectory): string | undefined {
  if (!task) return undefined;
  const counted = directory ? countedUnitsOf(task, directory) : task.units;
  const l = counted.find((u) => u.role === 'lead');
  const none = task.noUnit || (task.units.length > 0 && counted.length === 0);
  return l ? `${w.lead}${l.name}` : none ? w.noUnit : task.vague.length > 0 ? task.vague[0].text : undefined;
}

/**
 * The outline: sections, and tasks with their lead unit as detail. A symbol's range runs from the
 * start of its first line to the end of its last line, so it contains its selection range (the
 * numbered line) and its children, as clients require (VS Code rejects the whole answer otherwise).
 */
export function documentSymbols(outline: OutlineNode[], tasks: Task[], text: string, locale: Locale = 'zh', directory?: DepartmentDirectory): DocumentSymbol[] {
  const w = WORDS[locale === 'en' ? 'en' : 'zh'];
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
      name: name.trim() || w.untitled,
      detail: lead(task, w, directory),
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
      name: w.tableTasks,
      kind: SymbolKind.Namespace,
      range: { start: rows[0].fullRange.start, end: rows[rows.length - 1].fullRange.end },
      selectionRange: rows[0].range,
      children: rows.map((t) => ({ name: `${t.path} ${t.title}`, detail: lead(t, w, directory), kind: SymbolKind.Event, range: t.fullRange, selectionRange: t.range })),
    });
  }
  return symbols;
}

export function provideDocumentSymbols(ws: PlanSource, { textDocument }: { textDocument: { uri: string } }): DocumentSymbol[] | null {
  const a = ws.analysisOf(textDocument.uri);
  return a ? documentSymbols(a.model.outline, a.model.tasks, a.model.text, ws.locale, a.directory) : null;
}

export function registerDocumentSymbols(connection: Connection, ws: PlanSource) {
  connection.onDocumentSymbol((params) => provideDocumentSymbols(ws, params));
}
