import { writeFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import type { Connection } from 'vscode-languageserver/node';
import { deriveTables } from '../../core/tables/deriveTables';
import { TABLE_KINDS, TABLE_TITLES, type TableKind } from '../../report/columns';
import { toCsv, toHtml, toJson, toMarkdown } from '../../report/render';
import { toXlsx } from '../../report/xlsx';
import { toPath, type PlanWorkspace } from '../planWorkspace';

export const COMMANDS = { coverage: 'ecoplan.server.coverage', tables: 'ecoplan.server.tables', exportTable: 'ecoplan.server.exportTable' };

/**
 * Server commands the extension calls: coverage for the status bar, the tables for the webview,
 * and exporting a table next to the plan (the server writes the file, so the client needs no core).
 */
export function registerCommands(connection: Connection, ws: PlanWorkspace) {
  connection.onExecuteCommand(async ({ command, arguments: args }) => {
    const uri = typeof args?.[0] === 'string' ? args[0] : null;
    const a = uri ? ws.analysisOf(uri) : null;
    if (!a || !uri) return null;
    if (command === COMMANDS.coverage) {
      const count = (s: string) => a.diagnostics.filter((d) => d.severity === s).length;
      return {
        uri,
        edition: a.edition.id,
        level: a.settings.level,
        binding: a.coverage,
        tasks: a.model.tasks.length,
        tasksWithoutUnit: a.model.tasks.filter((t) => t.noUnit).length,
        errors: count('error'),
        warnings: count('warning'),
      };
    }
    if (command === COMMANDS.tables) return deriveTables(a);
    if (command === COMMANDS.exportTable) {
      const kind = args?.[1] as TableKind | 'all';
      const format = args?.[2] as string;
      const path = toPath(uri);
      if (!path || (kind !== 'all' && !TABLE_KINDS.includes(kind)) || !['md', 'csv', 'xlsx', 'html', 'json'].includes(format)) return null;
      const kinds = kind === 'all' ? TABLE_KINDS : [kind];
      const t = deriveTables(a);
      const stem = join(dirname(path), `${basename(path, extname(path))}-${kind === 'all' ? '附表' : TABLE_TITLES[kind]}`);
      const written: string[] = [];
      const write = (file: string, data: string | Buffer) => {
        writeFileSync(file, data);
        written.push(file);
      };
      if (format === 'md') write(`${stem}.md`, toMarkdown(t, kinds));
      else if (format === 'html') write(`${stem}.html`, toHtml(t, kinds));
      else if (format === 'json') write(`${stem}.json`, toJson(t, kinds));
      else if (format === 'xlsx') write(`${stem}.xlsx`, await toXlsx(t, kinds));
      else for (const k of kinds) write(kinds.length > 1 ? `${stem}-${TABLE_TITLES[k]}.csv` : `${stem}.csv`, toCsv(t, k));
      return { written };
    }
    return null;
  });
}
