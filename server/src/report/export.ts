import { writeFileSync } from 'node:fs';
import type { PlanTables } from '../core/tables/deriveTables';
import { TABLE_TITLES, type TableKind } from './columns';
import { toCsv, toHtml, toJson, toMarkdown } from './render';
import { toXlsx } from './xlsx';

/**
 * The responsibility tables as files, for `ecoplan table` and the server's export command alike:
 * one file per format, except CSV, which holds one table per file; with several tables each CSV
 * file is named after its table (`方案-附表-任务责任分解表.csv`, `out-任务责任分解表.csv`).
 */

export const EXPORT_FORMATS = ['md', 'csv', 'xlsx', 'html', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function isExportFormat(f: unknown): f is ExportFormat {
  return typeof f === 'string' && (EXPORT_FORMATS as readonly string[]).includes(f);
}

export interface ExportFile {
  /** The file name, or null for the single output of a command that prints to stdout. */
  file: string | null;
  data: string | Buffer;
}

/**
 * The files to write for `kinds` in `format`, named from `output`: a file name as given
 * (`-o 附表.md`), whose CSV siblings for several tables get `-<表名>.csv` in place of `.csv`; or
 * null, to print (only one file: several CSV tables need a name).
 */
export async function renderExport(tables: PlanTables, kinds: TableKind[], format: ExportFormat, output: string | null): Promise<ExportFile[]> {
  switch (format) {
    case 'md':
      return [{ file: output, data: toMarkdown(tables, kinds) }];
    case 'html':
      return [{ file: output, data: toHtml(tables, kinds) }];
    case 'json':
      return [{ file: output, data: toJson(tables, kinds) }];
    case 'xlsx':
      return [{ file: output, data: await toXlsx(tables, kinds) }];
    case 'csv':
      if (kinds.length === 1) return [{ file: output, data: toCsv(tables, kinds[0]) }];
      if (!output) throw new Error('several CSV tables need a file name');
      return kinds.map((k) => ({ file: output.replace(/(\.csv)?$/i, `-${TABLE_TITLES[k]}.csv`), data: toCsv(tables, k) }));
  }
}

/** Writes the files (those without a name go to `print`), returning the names written. */
export function writeExport(files: ExportFile[], print: (s: string) => void): string[] {
  const written: string[] = [];
  for (const f of files) {
    if (f.file === null) print(String(f.data));
    else {
      writeFileSync(f.file, f.data);
      written.push(f.file);
    }
  }
  return written;
}
