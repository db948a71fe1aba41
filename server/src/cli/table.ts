import { relative } from 'node:path';
import type { PlanLevel } from '../core/model/types';
import { deriveTables } from '../core/tables/deriveTables';
import { TABLE_KINDS, type TableKind } from '../report/columns';
import { EXPORT_FORMATS, isExportFormat, renderExport, type ExportFormat } from '../report/export';
import { refuseOutput, writeOutput } from '../node/safeWrite';
import type { LoadedConfig } from '../node/config';
import { analyseFile } from './analyseFile';

/** `ecoplan table <plan> --kind … --format … [-o file]`: the responsibility tables, generated from the plan. */
export async function runTable(argv: string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  let plan: string | null = null;
  let kind: TableKind | 'all' = 'indicators';
  let format: ExportFormat = 'md';
  let output: string | null = null;
  let level: PlanLevel | undefined;
  let catalogue: string | undefined;
  let force = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} 缺少取值 / needs a value`);
      return v;
    };
    try {
      if (a === '--kind') {
        const v = next();
        if (v !== 'all' && !TABLE_KINDS.includes(v as TableKind)) throw new Error(`--kind 只能是 ${TABLE_KINDS.join('|')}|all / unknown kind: ${v}`);
        kind = v as TableKind | 'all';
      } else if (a === '--format') {
        const v = next();
        if (!isExportFormat(v)) throw new Error(`--format 只能是 ${EXPORT_FORMATS.join('|')} / unknown format: ${v}`);
        format = v;
      } else if (a === '-o' || a === '--output') output = next();
      else if (a === '--force') force = true;
      else if (a === '--level') {
        const v = next();
        if (v !== '市' && v !== '县') throw new Error('--level 只能是 市 或 县 / must be 市 or 县');
        level = v;
      } else if (a === '--catalogue') catalogue = next();
      else if (a.startsWith('-')) throw new Error(`未知选项 / unknown option: ${a}`);
      else if (plan === null) plan = a;
      else throw new Error('只能给出一个方案文件 / one plan file at a time');
    } catch (e) {
      err(`ecoplan table: ${(e as Error).message}`);
      return 2;
    }
  }
  if (!plan) {
    err('ecoplan table: 请给出方案文件 / give a plan file');
    return 2;
  }
  if (format === 'xlsx' && !output) {
    err('ecoplan table: xlsx 需要用 -o 指定输出文件 / xlsx needs -o <file>');
    return 2;
  }
  const kinds: TableKind[] = kind === 'all' ? TABLE_KINDS : [kind];
  if (format === 'csv' && kinds.length > 1 && !output) {
    err('ecoplan table: 多张表的 CSV 需要用 -o 指定文件名(每张表一个文件)/ several CSV tables need -o <file> (one file per table)');
    return 2;
  }
  const ctx = { configCache: new Map<string, LoadedConfig>(), reported: new Set<string>(), ioProblems: [] as string[], err };
  const analysis = analyseFile(plan, relative(process.cwd(), plan) || plan, { catalogue, level, locale: 'zh' }, ctx);
  for (const p of ctx.ioProblems) err(`ecoplan: ${p}`);
  if (!analysis) return 2;
  const files = await renderExport(deriveTables(analysis), kinds, format, output);
  // every file is checked before any is written: a refused one leaves the others as they were
  for (const f of files) {
    const refused = f.file === null ? null : refuseOutput(f.file, [plan], force);
    if (refused) return err(`ecoplan table: ${refused}`), 2;
  }
  for (const f of files) {
    if (f.file === null) out(String(f.data));
    else {
      const failed = writeOutput(f.file, f.data);
      if (failed) return err(`ecoplan table: ${failed}`), 2;
    }
  }
  return 0;
}
