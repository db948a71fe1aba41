import { CodeActionKind, type CodeAction, type Connection, type Diagnostic, type TextDocuments, type TextEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { PlanAnalysis } from '../../core/analyse';
import type { IndicatorTarget, Range, Task } from '../../core/model/types';
import { contains } from '../../core/query';
import type { PlanWorkspace } from '../planWorkspace';

const OP_SIGN: Record<string, string> = { '>=': '≥', '<=': '≤', '>': '>', '<': '<', '=': '=' };
const NEEDS_BRACES = /[\s、,，。;；:：()（）\uFF08\uFF09\uFF0C\uFF1A\uFF1B{}@]/;

/** Client command that puts the cursor where the drafter types next (ignored by clients without it). */
export const PLACE_CURSOR = 'ecoplan.client.placeCursor';

function sameRange(a: Range, b: Range) {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/** Full-width brackets when the document already uses them, half-width otherwise: keep the drafter's style. */
function clauseStyle(text: string) {
  return /[\uFF08\uFF1A]/.test(text) ? { open: '\uFF08', colon: '\uFF1A', close: '\uFF09' } : { open: '(', colon: ':', close: ')' };
}

function addClause(uri: string, doc: TextDocument, task: Task, diagnostic?: Diagnostic): CodeAction {
  const s = clauseStyle(doc.getText());
  const at = task.fullRange.end;
  const text = `${s.open}责任单位${s.colon}${s.close}`;
  return {
    title: '添加责任单位 (add a responsibility clause)',
    kind: CodeActionKind.QuickFix,
    diagnostics: diagnostic ? [diagnostic] : undefined,
    isPreferred: true,
    edit: { changes: { [uri]: [{ range: { start: at, end: at }, newText: text }] } },
    command: { title: 'place cursor', command: PLACE_CURSOR, arguments: [uri, { line: at.line, character: at.character + text.length - 1 }] },
  };
}

/** Deletes one line with its line break (the one before it, on the last line). */
export function deleteLine(doc: TextDocument, line: number): TextEdit {
  if (line + 1 < doc.lineCount) return { range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, newText: '' };
  const end = doc.positionAt(doc.getText().length);
  if (line === 0) return { range: { start: { line: 0, character: 0 }, end }, newText: '' };
  const text = doc.getText();
  const lineStart = doc.offsetAt({ line, character: 0 });
  const breakStart = lineStart - (text.slice(lineStart - 2, lineStart) === '\r\n' ? 2 : 1);
  return { range: { start: doc.positionAt(breakStart), end }, newText: '' };
}

/** Rewrite a target's number to the threshold, leaving the drafter's wording around it. */
export function raiseTargetEdit(doc: TextDocument, target: IndicatorTarget, value: number): TextEdit | null {
  const surface = doc.getText(target.range);
  const nameLen = target.tagged ? surface.indexOf(target.writtenName) + target.writtenName.length : target.writtenName.length;
  const m = /\d+(?:\.\d+)?/.exec(surface.slice(nameLen));
  if (!m) return null;
  const start = doc.offsetAt(target.range.start) + nameLen + m.index;
  return { range: { start: doc.positionAt(start), end: doc.positionAt(start + m[0].length) }, newText: String(value) };
}

export function targetAsTag(t: IndicatorTarget): string | null {
  if (t.op === 'qualitative' || t.op === 'trend') return t.text ? `[[${t.indicator} ${t.text}]]` : null;
  if (t.value === null) return null;
  return `[[${t.indicator} ${OP_SIGN[t.op]}${t.value}${t.unit ?? ''}${t.year ? ` ${t.year}年` : ''}]]`;
}

export function codeActions(ws: PlanWorkspace, doc: TextDocument, a: PlanAnalysis, range: Range, diagnostics: Diagnostic[]): CodeAction[] {
  const uri = doc.uri;
  const out: CodeAction[] = [];
  const markdown = !/\.txt$/i.test(uri);
  for (const d of diagnostics) {
    if (d.source !== 'ecoplan') continue;
    const data = (d.data ?? {}) as Record<string, unknown>;
    switch (d.code) {
      case 'missing-responsible-unit': {
        const task = a.model.tasks.find((t) => sameRange(t.range, d.range));
        if (task) out.push(addClause(uri, doc, task, d));
        break;
      }
      case 'renamed-indicator':
        if (typeof data.replacement === 'string') {
          out.push({ title: `改为「${data.replacement}」`, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: true, edit: { changes: { [uri]: [{ range: d.range, newText: data.replacement }] } } });
        }
        break;
      case 'target-below-threshold': {
        const raise = data.raiseTo as { value?: number } | undefined;
        const target = a.model.targets.find((t) => sameRange(t.range, d.range));
        if (target && raise?.value !== undefined) {
          const edit = raiseTargetEdit(doc, target, raise.value);
          if (edit) out.push({ title: `将目标提高到国标 ${raise.value}`, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: true, edit: { changes: { [uri]: [edit] } } });
        }
        break;
      }
      case 'empty-numbering':
        out.push({ title: '删除空编号 (delete the empty numbering)', kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: true, edit: { changes: { [uri]: [deleteLine(doc, d.range.start.line)] } } });
        break;
      case 'unknown-department':
      case 'unknown-indicator':
        for (const s of ((data.suggestions as string[] | undefined) ?? []).slice(0, 3)) {
          out.push({ title: `改为「${s}」`, kind: CodeActionKind.QuickFix, diagnostics: [d], edit: { changes: { [uri]: [{ range: d.range, newText: s }] } } });
        }
        break;
    }
    if (markdown && typeof d.code === 'string') {
      const line = d.range.start.line;
      const indent = /^[ \t]*/.exec(doc.getText({ start: { line, character: 0 }, end: { line, character: 200 } }))![0];
      out.push({
        title: `在此行禁用 ${d.code} 规则`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        edit: { changes: { [uri]: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}<!-- ecoplan-disable-next-line ${d.code} -->\n` }] } },
      });
    }
  }

  // Refactors where the cursor is, whatever the diagnostics
  const pos = range.start;
  const clause = a.model.clauses.find((c) => contains(c.range, pos) && c.form !== 'tags' && c.units.some((u) => !u.tagged));
  if (clause) {
    const edits = clause.units
      .filter((u) => !u.tagged)
      .map((u) => ({ range: { start: u.range.start, end: u.range.start }, newText: NEEDS_BRACES.test(u.name) ? '@{' : '@' }))
      .flatMap((e, i) => {
        const u = clause.units.filter((x) => !x.tagged)[i];
        return NEEDS_BRACES.test(u.name) ? [e, { range: { start: u.range.end, end: u.range.end }, newText: '}' }] : [e];
      });
    out.push({ title: '将责任单位转换为部门标记 (@)', kind: CodeActionKind.RefactorRewrite, edit: { changes: { [uri]: edits } } });
  }
  const target = a.model.targets.find((t) => !t.tagged && contains(t.range, pos));
  if (target) {
    const tag = targetAsTag(target);
    if (tag) out.push({ title: `将目标转换为指标标记 ${tag}`, kind: CodeActionKind.RefactorRewrite, edit: { changes: { [uri]: [{ range: target.range, newText: tag }] } } });
  }
  const task = a.model.tasks.find((t) => t.noUnit && contains(t.fullRange, pos) && !diagnostics.some((d) => d.code === 'missing-responsible-unit' && sameRange(d.range, t.range)));
  if (task) out.push(addClause(uri, doc, task));
  void ws;
  return out;
}

export function registerCodeActions(connection: Connection, documents: TextDocuments<TextDocument>, ws: PlanWorkspace) {
  connection.onCodeAction(({ textDocument, range, context }) => {
    const doc = documents.get(textDocument.uri);
    const a = ws.analysisOf(textDocument.uri);
    if (!doc || !a) return null;
    return codeActions(ws, doc, a, range, context.diagnostics);
  });
}
