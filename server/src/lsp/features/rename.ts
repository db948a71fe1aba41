import { ResponseError, type Connection, type Range, type TextEdit, type WorkspaceEdit, type TextDocumentPositionParams } from 'vscode-languageserver/node';
import { departmentAt, departmentKey, departmentOccurrences } from '../../core/query';
import type { PlanSource } from '../planSource';
import { replaceRead } from '../presentation/textEdits';

const NEEDS_BRACES = /[\s、,，。;；:：()（）\uFF08\uFF09\uFF0C\uFF1A\uFF1B{}@]/;

/**
 * Rename a department everywhere in the workspace's plans, as one workspace edit. Only the name
 * itself is replaced (in a PDF copy whose line break or page number falls inside the name, its first
 * part, the rest emptied: what lies between stays); a plain `@name` tag whose new name has punctuation gets braces (`@{…}`),
 * so the tag still reads as one name.
 */
export function renameDepartment(ws: PlanSource, uri: string, position: { line: number; character: number }, newName: string): WorkspaceEdit | null {
  const a = ws.analysisOf(uri);
  if (!a) return null;
  const dep = departmentAt(a.model, position);
  if (!dep) return null;
  const key = departmentKey(dep.name, a.directory);
  const changes: Record<string, TextEdit[]> = {};
  const plans = ws.allPlanUris();
  if (!plans.includes(uri)) plans.unshift(uri);
  for (const p of plans) {
    const pa = ws.analysisOf(p);
    if (!pa) continue;
    const edits: TextEdit[] = [];
    for (const o of departmentOccurrences(pa.model)) {
      if (departmentKey(o.name, pa.directory) !== key) continue;
      const brace = o.tagged && !o.braced && NEEDS_BRACES.test(newName);
      for (const e of replaceRead(pa.model, o.range, brace ? `{${newName}}` : newName)) edits.push(e);
    }
    if (edits.length > 0) changes[p] = edits;
  }
  return { changes };
}

/** What a rename at the position would rename: a department's name, or null. */
export function providePrepareRename(ws: PlanSource, { textDocument, position }: TextDocumentPositionParams): { range: Range; placeholder: string } | null {
  const a = ws.analysisOf(textDocument.uri);
  const dep = a ? departmentAt(a.model, position) : null;
  return dep ? { range: dep.range, placeholder: dep.name } : null;
}

/** The rename's workspace edit; a name that is empty or spans lines is refused with InvalidParams. */
export function provideRename(ws: PlanSource, { textDocument, position, newName }: TextDocumentPositionParams & { newName: string }): WorkspaceEdit | null {
  const name = newName.trim();
  if (name.length === 0 || /[\r\n]/.test(name)) throw new ResponseError(-32602, ws.locale === 'en' ? 'the name must be one non-empty line' : '部门名称不能为空或换行');
  return renameDepartment(ws, textDocument.uri, position, name);
}

export function registerRename(connection: Connection, ws: PlanSource) {
  connection.onPrepareRename((params) => providePrepareRename(ws, params));
  connection.onRenameRequest((params) => provideRename(ws, params));
}
