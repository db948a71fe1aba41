import { dirname, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CodeActionKind, CreateFile, TextDocumentEdit, type CodeAction, type Connection, type Diagnostic, type TextEdit } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { PlanAnalysis } from '../../core/analyse';
import type { IndicatorTarget, NormalisedText, Range, Task } from '../../core/model/types';
import { compare, contains } from '../../core/query';
import { scanTags } from '../../core/recognise/tags';
import { allRules } from '../../core/rules/index';
import { crossPlanRules } from '../../core/review/cityDiagnostics';
import type { PlanSource } from '../planSource';
import { addDepartmentToDirectory, setConfigKey, setPlanSettings } from '../presentation/yamlEdits';
import { diagnosticData } from '../presentation/diagnosticData';
import { replaceRead } from '../presentation/textEdits';

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

/** A quick-fix label in the UI language only (the server's locale follows the editor's). */
function label(ws: PlanSource, zh: string, en: string): string {
  return ws.locale === 'en' ? en : zh;
}

/** `在此行停用「任务未明确责任单位」检查`: the rule named by its description in the UI language. */
function ruleTitle(ws: PlanSource, code: string): string {
  const rule = allRules.find((r) => r.code === code) ?? crossPlanRules.find((r) => r.code === code);
  if (!rule) return label(ws, '在此行停用此项检查', 'Disable this check for this line');
  return label(ws, `在此行停用「${rule.description.zh}」检查`, `Disable "${rule.description.en}" for this line`);
}

function addClause(ws: PlanSource, uri: string, doc: TextDocument, task: Task, diagnostic?: Diagnostic): CodeAction {
  const s = clauseStyle(doc.getText());
  const at = task.fullRange.end;
  const text = `${s.open}责任单位${s.colon}${s.close}`;
  const inside = { line: at.line, character: at.character + text.length - 1 };
  return {
    title: label(ws, '添加责任单位', 'Add a responsibility clause'),
    kind: CodeActionKind.QuickFix,
    diagnostics: diagnostic ? [diagnostic] : undefined,
    isPreferred: true,
    edit: { changes: { [uri]: [{ range: { start: at, end: at }, newText: text }] } },
    // VS Code: cursor inside the clause and the department list open; other clients just get the edit
    command: { title: label(ws, '填写责任单位', 'Fill in the responsible units'), command: PLACE_CURSOR, arguments: [uri, inside, true] },
  };
}

function replaceAll(text: string, next: string): TextEdit {
  const end = TextDocument.create('', '', 0, text).positionAt(text.length);
  return { range: { start: { line: 0, character: 0 }, end }, newText: next };
}

/**
 * `添加到部门名录`: the unit joins the plan's directory file (the one in use, or a new
 * `ecoplan.departments.yaml` at the workspace root referenced from the config). The files are edited
 * through the YAML Document API; nothing is offered when a file is not valid YAML, or when a new file
 * would be needed and the client cannot create files.
 */
function addToDirectory(ws: PlanSource, doc: TextDocument, d: Diagnostic, name: string): CodeAction | null {
  const target = ws.directoryTarget(doc.uri, doc.getText());
  if (!target) return null;
  const changes: (TextDocumentEdit | CreateFile)[] = [];
  const edit = (file: string, exists: boolean, change: (text: string) => string | null): boolean => {
    const fileUri = pathToFileURL(file).toString();
    const current = exists ? ws.textOf(fileUri)?.text : '';
    if (current === undefined) return false;
    const next = change(current);
    if (next === null) return false;
    if (!exists) {
      if (!ws.canCreateFiles) return false;
      changes.push(CreateFile.create(fileUri, { ignoreIfExists: true }));
    }
    if (next !== current) changes.push(TextDocumentEdit.create({ uri: fileUri, version: null }, [replaceAll(current, next)]));
    return true;
  };
  if (!edit(target.file, target.exists, (t) => addDepartmentToDirectory(t, name))) return null;
  if (target.configPath) {
    const rel = relative(dirname(target.configPath), target.file).split(sep).join('/');
    if (!edit(target.configPath, target.configExists, (t) => setConfigKey(t, 'departments', rel, /\.json$/i.test(target.configPath!)))) return null;
  }
  return {
    title: label(ws, `将「${name}」添加到部门名录`, `Add "${name}" to the department directory`),
    kind: CodeActionKind.QuickFix,
    diagnostics: [d],
    isPreferred: true,
    edit: { documentChanges: changes },
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

/**
 * Rewrite a target's number to the threshold, leaving the drafter's wording around it. In a plan
 * normalised before reading (a PDF copy), the number is found in the text read and its place mapped
 * back (a line break or a page number may fall between the name and the number).
 */
export function raiseTargetEdit(doc: TextDocument, target: IndicatorTarget, value: number, normalised?: NormalisedText): TextEdit | null {
  const surface = normalised ? normalised.read(target.range) : doc.getText(target.range);
  const nameLen = target.tagged ? surface.indexOf(target.writtenName) + target.writtenName.length : target.writtenName.length;
  const m = /\d+(?:\.\d+)?/.exec(surface.slice(nameLen));
  if (!m) return null;
  if (normalised) {
    const start = normalised.offsetOf(target.range.start) + nameLen + m.index;
    return { range: { start: normalised.positionOf(start), end: normalised.positionOf(start + m[0].length, true) }, newText: String(value) };
  }
  const start = doc.offsetAt(target.range.start) + nameLen + m.index;
  return { range: { start: doc.positionAt(start), end: doc.positionAt(start + m[0].length) }, newText: String(value) };
}

function overlaps(a: Range, b: Range): boolean {
  return compare(a.start, b.end) < 0 && compare(b.start, a.end) < 0;
}

export function targetAsTag(t: IndicatorTarget): string | null {
  if (t.op === 'qualitative' || t.op === 'trend') return t.text ? `[[${t.indicator} ${t.text}]]` : null;
  if (t.value === null) return null;
  return `[[${t.indicator} ${OP_SIGN[t.op]}${t.value}${t.unit ?? ''}${t.year ? ` ${t.year}年` : ''}]]`;
}

export function codeActions(ws: PlanSource, doc: TextDocument, a: PlanAnalysis, range: Range, diagnostics: Diagnostic[]): CodeAction[] {
  const uri = doc.uri;
  const out: CodeAction[] = [];
  const markdown = !/\.txt$/i.test(uri);
  for (const d of diagnostics) {
    if (d.source !== 'ecoplan') continue;
    const data = diagnosticData(a, d);
    switch (d.code) {
      case 'missing-responsible-unit': {
        const fill = data.emptyClause as { line: number; character: number } | undefined;
        if (fill) {
          // the clause is there, only empty: a second one would do harm; go inside it and list departments
          out.push({ title: label(ws, '填写责任单位', 'Fill in the responsible units'), kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: true, command: { title: label(ws, '填写责任单位', 'Fill in the responsible units'), command: PLACE_CURSOR, arguments: [uri, fill, true] } });
          break;
        }
        const task = a.model.tasks.find((t) => sameRange(t.range, d.range));
        if (task) out.push(addClause(ws, uri, doc, task, d));
        break;
      }
      case 'renamed-indicator':
        if (typeof data.replacement === 'string') {
          out.push({ title: label(ws, `改为「${data.replacement}」`, `Change to "${data.replacement}"`), kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: true, edit: { changes: { [uri]: replaceRead(a.model, d.range, data.replacement) } } });
        }
        break;
      case 'target-below-threshold': {
        const raise = data.raiseTo as { value?: number } | undefined;
        const target = a.model.targets.find((t) => sameRange(t.range, d.range));
        if (target && raise?.value !== undefined) {
          const edit = raiseTargetEdit(doc, target, raise.value, a.model.normalised);
          if (edit) out.push({ title: label(ws, `将目标提高到国标 ${raise.value}`, `Raise the target to the national ${raise.value}`), kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: true, edit: { changes: { [uri]: [edit] } } });
        }
        break;
      }
      case 'ambiguous-place':
        // one fix per candidate: its code into the front matter (Markdown plans only: a .txt has none)
        for (const c of markdown ? ((data.candidates as { code: string; where: string }[] | undefined) ?? []) : []) {
          const next = setPlanSettings(doc.getText(), { place: Number(c.code) });
          if (next !== null) out.push({ title: label(ws, `定为 ${c.where}:在 front matter 中写 ecoplan: {place: ${c.code}}`, `Set the place to ${c.where}: write ecoplan: {place: ${c.code}} in front matter`), kind: CodeActionKind.QuickFix, diagnostics: [d], edit: { changes: { [uri]: [replaceAll(doc.getText(), next)] } } });
        }
        break;
      case 'empty-numbering':
        out.push({ title: '删除空编号 (delete the empty numbering)', kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: true, edit: { changes: { [uri]: [deleteLine(doc, d.range.start.line)] } } });
        break;
      case 'unknown-department':
      case 'unknown-indicator':
        if (d.code === 'unknown-department' && typeof data.name === 'string') {
          const add = addToDirectory(ws, doc, d, data.name);
          if (add) out.push(add);
        }
        // a suggestion is a guess (from the built-in list, it may not exist there): never the preferred fix
        for (const s of ((data.suggestions as string[] | undefined) ?? []).slice(0, 3)) {
          out.push({ title: label(ws, `改为「${s}」`, `Change to "${s}"`), kind: CodeActionKind.QuickFix, diagnostics: [d], edit: { changes: { [uri]: replaceRead(a.model, d.range, s) } } });
        }
        break;
    }
    if (markdown && typeof d.code === 'string') {
      const line = d.range.start.line;
      const indent = /^[ \t]*/.exec(doc.getText({ start: { line, character: 0 }, end: { line, character: 200 } }))![0];
      out.push({
        // the rule by what it checks (its id stays in the diagnostic's code and in the comment inserted)
        title: ruleTitle(ws, d.code),
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
    // `@A` ends where the tag scanner ends a name; a name run on into the sentence (`水务局加强…`, `A分别牵头`) needs braces
    const braced = (u: { name: string; range: Range }) => {
      if (NEEDS_BRACES.test(u.name)) return true;
      const after = doc.getText({ start: u.range.start, end: { line: u.range.start.line, character: u.range.start.character + u.name.length + 40 } });
      return scanTags(`@${after}`, 0).departments[0]?.name !== u.name;
    };
    const edits = clause.units
      .filter((u) => !u.tagged)
      .flatMap((u) =>
        braced(u)
          ? [
              { range: { start: u.range.start, end: u.range.start }, newText: '@{' },
              { range: { start: u.range.end, end: u.range.end }, newText: '}' },
            ]
          : [{ range: { start: u.range.start, end: u.range.start }, newText: '@' }],
      );
    out.push({ title: label(ws, '将责任单位转换为部门标记 (@)', 'Convert the units to department tags (@)'), kind: CodeActionKind.RefactorRewrite, edit: { changes: { [uri]: edits } } });
  }
  const target = a.model.targets.find((t) => !t.tagged && contains(t.range, pos));
  // a tag says one value of one indicator: not an aspiration, a place's target or a change against a base year,
  // and not one of several targets written in one stretch of text (`确保达到80%,力争达到85%`, `分别控制在68、87、85…`)
  const alone = (t: IndicatorTarget) => !t.tier && !t.scope && !t.relative && !a.model.targets.some((o) => o !== t && overlaps(o.range, t.range));
  if (target && alone(target)) {
    const tag = targetAsTag(target);
    if (tag) out.push({ title: label(ws, `将目标转换为指标标记 ${tag}`, `Convert the target to the tag ${tag}`), kind: CodeActionKind.RefactorRewrite, edit: { changes: { [uri]: replaceRead(a.model, target.range, tag) } } });
  }
  const task = a.model.tasks.find((t) => t.noUnit && contains(t.fullRange, pos) && !diagnostics.some((d) => d.code === 'missing-responsible-unit' && sameRange(d.range, t.range)));
  if (task) out.push(addClause(ws, uri, doc, task));
  return out;
}

export function provideCodeActions(ws: PlanSource, { textDocument, range, context }: { textDocument: { uri: string }; range: Range; context: { diagnostics: Diagnostic[] } }): CodeAction[] | null {
  const doc = ws.document(textDocument.uri);
  const a = ws.analysisOf(textDocument.uri);
  if (!doc || !a) return null;
  return codeActions(ws, doc, a, range, context.diagnostics);
}

export function registerCodeActions(connection: Connection, ws: PlanSource) {
  connection.onCodeAction((params) => provideCodeActions(ws, params));
}
