// `ecoplan import` and `ecoplan export`, and the Word reader `ecoplan check` uses for .docx files.
// Bundled on its own as dist/word.js and loaded by bin.ts only when a command needs it.
import { refuseOutput, writeOutput } from '../node/safeWrite';
import { MAX_WORD_BYTES } from '../node/planFiles';
import { readRegularFile } from '../node/safeRead';
import { basename, dirname, extname, join, relative } from 'node:path';
import type { AnalyseOptions, PlanAnalysis } from '../core/analyse';
import { deriveTables } from '../core/tables/deriveTables';
import type { LoadedConfig } from '../node/config';
import { toMarkdown as tablesToMarkdown } from '../report/render';
import { stringify } from 'yaml';
import { builtinEditions } from '../core/catalogue/builtin';
import { loadUserCatalogue } from '../core/catalogue/userCatalogue';
import { catalogueFromRows } from '../word/catalogueImport';
import { readDocx, readDocxViews, WordReadError, type Inline } from '../word/docxRead';
import { importWordFile, replacementSummary } from '../word/importWord';
import { exportDocx } from '../word/exportDocx';
import { oversizedSheet } from '../word/xlsxLimits';
import { ZipLimitError } from '../word/zip';
import { tagsToProse } from '../word/tagsToProse';
import { toMarkdown } from '../word/toMarkdown';
import { analyseFile } from './analyseFile';
import type { WordRead } from './wordHook';
import type { WordRevisionsRead } from '../node/wordRead';

export { importWordFile, replacementSummary };

/** Why a Word file could not be read, in both languages. */
function readFailure(e: unknown): { ok: false; reason: { zh: string; en: string } } {
  if (e instanceof WordReadError) return { ok: false, reason: { zh: e.zh, en: e.en } };
  return { ok: false, reason: { zh: `无法读取 Word 文件(${(e as Error).message})`, en: `cannot read the Word file (${(e as Error).message})` } };
}

export function readForCheck(bytes: Uint8Array, fileName: string): WordRead {
  try {
    const plan = toMarkdown(readDocx(bytes), fileName);
    return { ok: true, text: plan.text, lineParagraphs: plan.lineParagraphs };
  } catch (e) {
    return readFailure(e);
  }
}

export function readRevisions(bytes: Uint8Array, fileName: string): WordRevisionsRead {
  try {
    const [original, accepted] = readDocxViews(bytes, ['original', 'accepted']).map((doc) => ({ doc, plan: toMarkdown(doc, fileName) }));
    const text = (v: typeof original) => ({ text: v.plan.text, lineParagraphs: v.plan.lineParagraphs });
    return { ok: true, original: text(original), accepted: text(accepted), revisions: accepted.doc.revisions! };
  } catch (e) {
    return readFailure(e);
  }
}

async function runImport(argv: string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const inputs: string[] = [];
  let output: string | null = null;
  let force = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-o' || a === '--output') {
      output = argv[++i] ?? null;
      if (output === null) return err('ecoplan import: -o 缺少取值 / -o needs a value'), 2;
    } else if (a === '--force') force = true;
    else if (a.startsWith('-')) return err(`ecoplan import: 未知选项 / unknown option: ${a}`), 2;
    else inputs.push(a);
  }
  if (inputs.length === 0) return err('ecoplan import: 请给出 Word 文件 / give a .docx or .doc file'), 2;
  if (output && inputs.length > 1) return err('ecoplan import: -o 只能用于一个文件 / -o takes one input file'), 2;
  let status = 0;
  for (const input of inputs) {
    const target = output ?? join(dirname(input), `${basename(input, extname(input))}.plan.md`);
    const refused = output === '-' ? null : refuseOutput(target, [input], force);
    if (refused) {
      err(`ecoplan import: ${refused}`);
      status = 2;
      continue;
    }
    try {
      const read = readRegularFile(input, MAX_WORD_BYTES);
      if (!read.ok) {
        err(`ecoplan import: ${input}: ${read.code ?? `${read.reason.zh} / ${read.reason.en}`}`);
        status = 2;
        continue;
      }
      const plan = await importWordFile(read.bytes, basename(input));
      if (output === '-') out(plan.text);
      else {
        const failed = writeOutput(target, plan.text);
        if (failed) {
          err(`ecoplan import: ${failed}`);
          status = 2;
          continue;
        }
      }
      err(`ecoplan import: ${input} → ${output === '-' ? 'stdout' : target}:${replacementSummary(plan.replaced)}`);
    } catch (e) {
      const reason = e instanceof WordReadError ? e.message : (e as NodeJS.ErrnoException).code ?? (e as Error).message;
      err(`ecoplan import: ${input}: ${reason}`);
      status = 2;
    }
  }
  return status;
}

/** The plan's `ecoplan:` front matter settings as strings (kept in the .docx so that import restores them). */
function frontMatterSettings(data: Record<string, unknown> | null | undefined): Record<string, string> {
  const ecoplan = data?.ecoplan;
  if (!ecoplan || typeof ecoplan !== 'object') return {};
  const out: Record<string, string> = {};
  // what the file may carry to its next reader: never a path (`import` would drop it anyway)
  for (const [k, v] of Object.entries(ecoplan)) if ((typeof v === 'string' || typeof v === 'number') && k !== 'departments' && k !== 'catalogues') out[k] = String(v);
  return out;
}

/** The 指标责任明细表 and 任务分解表 as Markdown 附件, each on its own page, numbered after the plan's own 附件. */
function tableAppendix(text: string, plan: string): string {
  let last = 0;
  for (const m of plan.matchAll(/^[#\s]*附件\s*(\d+)/gm)) last = Math.max(last, Number(m[1]));
  const parts = text.split(/^## /m).slice(1);
  return parts.map((p, i) => `\n\n---\n\n## 附件${last + i + 1} ${p.trim()}\n`).join('');
}

/**
 * A plan as a GB/T 9704 .docx: its tags written as prose, with or without the 附件 tables; how many
 * tags could not be written as prose that reads back. Used by `ecoplan export` and by the server's
 * `EcoPlan: 导出为 Word…` (through dist/word.js, lsp/wordFiles.ts).
 */
export async function planToDocx(analysis: PlanAnalysis, uri: string, format: 'markdown' | 'text', withTables: boolean): Promise<{ bytes: Uint8Array; keptTags: number }> {
  const options: AnalyseOptions = { uri, format, level: analysis.settings.level ?? undefined, catalogue: analysis.settings.catalogue, directory: analysis.directory };
  const prose = tagsToProse(analysis, options);
  const appendix = withTables ? tableAppendix(tablesToMarkdown(deriveTables(analysis), ['indicators', 'tasks']), analysis.model.text) : undefined;
  const bytes = await exportDocx(prose.text, { format, appendix, settings: frontMatterSettings(analysis.model.frontMatter?.data) });
  return { bytes, keptTags: prose.keptTags };
}

async function runExport(argv: string[], _out: (s: string) => void, err: (s: string) => void): Promise<number> {
  let input: string | null = null;
  let output: string | null = null;
  let withTables = false;
  let force = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-o' || a === '--output') {
      output = argv[++i] ?? null;
      if (output === null) return err('ecoplan export: -o 缺少取值 / -o needs a value'), 2;
    } else if (a === '--with-tables') withTables = true;
    else if (a === '--force') force = true;
    else if (a.startsWith('-')) return err(`ecoplan export: 未知选项 / unknown option: ${a}`), 2;
    else if (input === null) input = a;
    else return err('ecoplan export: 只能给出一个方案文件 / one plan at a time'), 2;
  }
  if (!input) return err('ecoplan export: 请给出方案文件 / give a plan file'), 2;
  const target = output ?? join(dirname(input), `${basename(input, extname(input)).replace(/\.plan$/, '')}.docx`);
  const refused = refuseOutput(target, [input], force);
  if (refused) return err(`ecoplan export: ${refused}`), 2;
  const ctx = { configCache: new Map<string, LoadedConfig>(), reported: new Set<string>(), ioProblems: [] as string[], err };
  const display = relative(process.cwd(), input) || input;
  const analysis = analyseFile(input, display, { locale: 'zh' }, ctx);
  for (const p of ctx.ioProblems) err(`ecoplan export: ${p}`);
  if (!analysis) return 2;
  const format = extname(input).toLowerCase() === '.txt' ? 'text' : 'markdown';
  let bytes: Uint8Array;
  let keptTags = 0;
  try {
    const docx = await planToDocx(analysis, display, format, withTables);
    bytes = docx.bytes;
    keptTags = docx.keptTags;
  } catch (e) {
    err(`ecoplan export: ${input}: ${(e as Error).message}`);
    return 2;
  }
  const failed = writeOutput(target, bytes);
  if (failed) return err(`ecoplan export: ${failed}`), 2;
  err(`ecoplan export: ${input} → ${target}${keptTags ? `(${keptTags} 处标记无法写成可回读的文字,保留原样 / ${keptTags} tag(s) kept as written)` : ''}`);
  return 0;
}

function inlineText(inlines: Inline[]): string {
  return inlines.map((i) => (i.kind === 'text' ? i.text : '')).join('');
}

/** The indicator table's rows from a .docx (its tables, merged cells repeated) or an .xlsx (every sheet). */
async function tableRows(file: string, bytes: Buffer): Promise<string[][][]> {
  if (extname(file).toLowerCase() === '.xlsx') {
    let tooLarge;
    try {
      tooLarge = oversizedSheet(bytes);
    } catch (e) {
      throw e instanceof ZipLimitError ? new WordReadError(e.zh, e.en) : e;
    }
    if (tooLarge) throw new WordReadError(tooLarge.zh, tooLarge.en);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    return wb.worksheets.map((ws) => {
      const rows: string[][] = [];
      for (let r = 1; r <= ws.rowCount; r++) {
        const row = ws.getRow(r);
        // a merged cell's value is its master's, so merged cells come repeated
        rows.push(Array.from({ length: ws.columnCount }, (_, c) => String(row.getCell(c + 1).text ?? '')));
      }
      return rows;
    });
  }
  const doc = readDocx(bytes);
  return doc.blocks.flatMap((b) => (b.kind === 'table' ? [b.rows.map((row) => row.map((cell) => inlineText(cell.inlines)))] : []));
}

async function runCatalogue(argv: string[], _out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub !== 'import') return err('ecoplan catalogue: 用法 / usage: ecoplan catalogue import <指标表.docx|.xlsx> -o <x.yaml> [--extends national-2019] [--id ID] [--level 市|县] [--force]'), 2;
  let input: string | null = null;
  let output: string | null = null;
  let extendsId: string | undefined;
  let id: string | undefined;
  let levels: ('市' | '县')[] = ['市', '县'];
  let force = false;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    const next = () => rest[++i];
    if (a === '-o' || a === '--output') output = next() ?? null;
    else if (a === '--force') force = true;
    else if (a === '--extends') extendsId = next();
    else if (a === '--id') id = next();
    else if (a === '--level') {
      const v = next();
      if (v !== '市' && v !== '县') return err('ecoplan catalogue import: --level 只能是 市 或 县 / must be 市 or 县'), 2;
      levels = [v];
    } else if (a.startsWith('-')) return err(`ecoplan catalogue import: 未知选项 / unknown option: ${a}`), 2;
    else input = a;
  }
  if (!input || !output) return err('ecoplan catalogue import: 请给出指标表和 -o 输出文件 / give the table file and -o <x.yaml>'), 2;
  if (extendsId && !builtinEditions.some((e) => e.id === extendsId)) return err(`ecoplan catalogue import: --extends 未知的指标体系 / unknown edition: ${extendsId}(${builtinEditions.map((e) => e.id).join('、')})`), 2;
  const refused = refuseOutput(output, [input], force);
  if (refused) return err(`ecoplan catalogue import: ${refused}`), 2;
  let tables: string[][][];
  try {
    const read = readRegularFile(input, MAX_WORD_BYTES);
    if (!read.ok) throw new Error(read.code ?? `${read.reason.zh} / ${read.reason.en}`);
    tables = await tableRows(input, read.bytes);
  } catch (e) {
    err(`ecoplan catalogue import: ${input}: ${e instanceof WordReadError ? e.message : (e as Error).message}`);
    return 2;
  }
  const slug = (id ?? basename(output, extname(output))).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'user-catalogue';
  const options = { source: basename(input), id: slug, title: basename(input, extname(input)), extendsId, levels };
  // the table with the most indicators read
  const results = tables.map((rows) => catalogueFromRows(rows, options));
  const best = results.sort((a, b) => b.indicators - a.indicators)[0];
  if (!best || best.indicators === 0) {
    for (const p of best?.problems ?? []) err(`ecoplan catalogue import: ${input}: 第 ${p.row} 行 / row ${p.row}: ${p.message}`);
    err(`ecoplan catalogue import: ${input}: 没有读出任何指标 / no indicator read`);
    return 2;
  }
  const text = `# 由 ecoplan catalogue import 从 ${basename(input)} 生成 / generated from ${basename(input)}\n${stringify(best.catalogue, { lineWidth: 0 })}`;
  const check = loadUserCatalogue(text, builtinEditions);
  for (const p of check.problems) err(`ecoplan catalogue import: ${output}:${p.line}: ${p.message}`);
  if (!check.edition) return 2;
  const failed = writeOutput(output, text);
  if (failed) return err(`ecoplan catalogue import: ${failed}`), 2;
  for (const p of best.problems) err(`ecoplan catalogue import: ${input}: 第 ${p.row} 行 / row ${p.row}: ${p.message}`);
  err(`ecoplan catalogue import: ${input} → ${output}:${best.indicators} 项指标${best.problems.length ? `,${best.problems.length} 行无法读取` : ''} / ${best.indicators} indicator(s)${best.problems.length ? `, ${best.problems.length} row(s) not read` : ''}`);
  return best.problems.length ? 1 : 0;
}

/** The review's opinions (Markdown from report/review/opinionDoc.ts) as a .docx in the export's GB/T 9704 layout. */
export function opinionsDocx(markdown: string, title: string): Promise<Uint8Array> {
  return exportDocx(markdown, { format: 'markdown', title });
}

export async function runWordCommand(command: string, argv: string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  if (command === 'import') return runImport(argv, out, err);
  if (command === 'export') return runExport(argv, out, err);
  if (command === 'catalogue') return runCatalogue(argv, out, err);
  err(`ecoplan: 未知命令 / unknown command: ${command}`);
  return 2;
}
