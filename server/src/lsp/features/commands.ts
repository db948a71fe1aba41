import { existsSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import type { Connection, TextEdit, WorkspaceEdit } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { deriveTables } from '../../core/tables/deriveTables';
import { TABLE_KINDS, TABLE_TITLES, type TableKind } from '../../report/columns';
import { isExportFormat, renderExport, writeExport } from '../../report/export';
import { toPath, type PlanSource } from '../planSource';
import { levelSummary } from '../presentation/planLevel';
import { setPlanSettings } from '../presentation/yamlEdits';

/** One edit replacing only what differs between two texts (the common start and end are kept). */
export function minimalEdit(before: string, after: string): TextEdit | null {
  if (before === after) return null;
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let end = 0;
  while (end < before.length - start && end < after.length - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  const doc = TextDocument.create('', '', 0, before);
  return { range: { start: doc.positionAt(start), end: doc.positionAt(before.length - end) }, newText: after.slice(start, after.length - end) };
}

export const COMMANDS = { planStatus: 'ecoplan.server.planStatus', exportWord: 'ecoplan.server.exportWord', wordText: 'ecoplan.server.wordText', coverage: 'ecoplan.server.coverage', tables: 'ecoplan.server.tables', exportTable: 'ecoplan.server.exportTable', setPlanSettings: 'ecoplan.server.setPlanSettings' };

/**
 * Server commands the extension calls: coverage for the status bar, the tables for the webview,
 * and exporting a table next to the plan (the server writes the file, so the client needs no core).
 */
export async function executeCommand(
  ws: PlanSource,
  { command, arguments: args }: { command: string; arguments?: unknown[] },
  applyEdit: (label: string, edit: WorkspaceEdit) => Promise<{ applied: boolean }>,
): Promise<unknown> {
  {
    const uri = typeof args?.[0] === 'string' ? args[0] : null;
    // [uri]: whether and why the file is checked, for the client to say why a table is empty
    if (command === COMMANDS.planStatus) return uri ? { status: ws.planStatus(uri) } : null;
    // [uri of a .docx]: its plan Markdown, for the client's read-only view (ecoplan-word: documents)
    if (command === COMMANDS.wordText) {
      if (!uri) return null;
      const r = await ws.wordText(uri);
      return 'error' in r ? { error: ws.locale === 'en' ? r.error.en : r.error.zh } : r;
    }
    // [uri, withTables, overwrite]: the plan as a .docx beside it; what was written, the .docx that is
    // already there (written over only once the user confirms: overwrite), or why not, in the UI language
    if (command === COMMANDS.exportWord) {
      if (!uri) return null;
      const r = await ws.exportWord(uri, args?.[1] === true, args?.[2] === true);
      if ('error' in r) return { error: ws.locale === 'en' ? r.error.en : r.error.zh };
      if ('exists' in r) return { exists: r.exists };
      return { file: r.file, keptTags: r.keptTags };
    }
    const a = uri ? ws.analysisOf(uri) : null;
    if (!a || !uri) return null;
    if (command === COMMANDS.coverage) {
      const count = (s: string) => a.diagnostics.filter((d) => d.severity === s).length;
      return {
        uri,
        edition: a.edition.id,
        level: a.settings.level,
        levelFrom: a.settings.levelFrom,
        summary: levelSummary(a, ws.locale),
        editions: ws.editionsFor(uri).map((e) => ({ id: e.id, title: e.title, document: e.document, levels: e.levels, complete: e.complete })),
        binding: a.coverage,
        tasks: a.model.tasks.length,
        tasksWithoutUnit: a.model.tasks.filter((t) => t.noUnit).length,
        errors: count('error'),
        warnings: count('warning'),
      };
    }
    if (command === COMMANDS.tables) return deriveTables(a);
    if (command === COMMANDS.setPlanSettings) {
      // [uri, {level, catalogue}]: write them into the plan's front matter, nothing else
      const wanted = (args?.[1] ?? {}) as { level?: unknown; catalogue?: unknown };
      const level = wanted.level === '市' || wanted.level === '县' ? wanted.level : undefined;
      const catalogue = typeof wanted.catalogue === 'string' && ws.editionsFor(uri).some((e) => e.id === wanted.catalogue) ? wanted.catalogue : undefined;
      const text = ws.textOf(uri)?.text;
      if (text === undefined || (!level && !catalogue)) return { applied: false, reason: ws.locale === 'en' ? 'no valid level or catalogue given' : '未给出有效的级别或指标体系' };
      const next = setPlanSettings(text, { level, catalogue });
      if (next === null) return { applied: false, reason: ws.locale === 'en' ? 'the front matter is not valid YAML: fix it first' : 'front matter 不是有效的 YAML,请先修正' };
      const edit = minimalEdit(text, next);
      if (!edit) return { applied: true };
      const r = await applyEdit(ws.locale === 'en' ? 'Set the plan level and edition' : '设置方案级别与指标版本', { changes: { [uri]: [edit] } });
      return { applied: r.applied, edit };
    }
    if (command === COMMANDS.exportTable) {
      const kind = args?.[1] as TableKind | 'all';
      const format = args?.[2];
      const path = toPath(uri);
      if (!path || (kind !== 'all' && !TABLE_KINDS.includes(kind)) || !isExportFormat(format)) return null;
      const kinds = kind === 'all' ? TABLE_KINDS : [kind];
      const full = deriveTables(a);
      let t = full;
      // [uri, kind, format, rows?]: the rows the view shows (its filter and sort), as indexes into the table
      const rows = Array.isArray(args?.[3]) && kind !== 'all' ? (args[3] as unknown[]).filter((i): i is number => Number.isInteger(i) && (i as number) >= 0 && (i as number) < full[kind].length) : null;
      if (rows && kind !== 'all') t = { ...full, [kind]: rows.map((i) => full[kind][i]) };
      const filtered = !!rows && kind !== 'all' && rows.length < full[kind].length;
      const stem = join(dirname(path), `${basename(path, extname(path))}-${kind === 'all' ? '附表' : TABLE_TITLES[kind]}${filtered ? '-筛选' : ''}`);
      const files = await renderExport(t, kinds, format, `${stem}.${format}`);
      // [.., overwrite]: a file already there is the user's; it is written over only once the user confirms
      const there = files.map((f) => f.file).filter((f): f is string => f !== null && existsSync(f));
      if (there.length > 0 && args?.[4] !== true) return { exists: there };
      let written: string[];
      try {
        written = writeExport(files, () => {});
      } catch (e) {
        return { error: `${ws.locale === 'en' ? 'cannot write' : '无法写入'}: ${(e as Error).message}` };
      }
      return { written, rows: kind === 'all' ? null : t[kind].length };
    }
    return null;
  }
}

export function registerCommands(connection: Connection, ws: PlanSource) {
  connection.onExecuteCommand((params) => executeCommand(ws, params, (label, edit) => connection.workspace.applyEdit({ label, edit })));
}
