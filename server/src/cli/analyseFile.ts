import { basename, extname, resolve } from 'node:path';
import { analysePlan, type PlanAnalysis } from '../core/analyse';
import type { Locale } from '../core/locale';
import type { PlanLevel } from '../core/model/types';
import { formatFileProblem, type LoadedConfig } from '../node/config';
import { decodePlan } from '../node/decode';
import { planContext } from '../node/planContext';
import { MAX_TEXT_BYTES, MAX_WORD_BYTES } from '../node/planFiles';
import { readRegularFile } from '../node/safeRead';
import { rememberImport, wordSupport } from './wordHook';

/** One plan file of a CLI command (check, table, export): read, decoded and analysed; what went wrong is collected for the batch. */

export interface FileContext {
  configCache: Map<string, LoadedConfig>;
  reported: Set<string>;
  ioProblems: string[];
  /** When given, every config problem goes here as found; otherwise each is said once per run on `err` (through `reported`). */
  configProblem?: (p: string) => void;
  err: (s: string) => void;
}

/**
 * Read, decode and analyse one plan with its settings (node/planContext.ts, as the server does):
 * front matter > nearest ecoplan.config.* > command-line flags > defaults. Problems go to `ctx`
 * and the caller goes on with the next file.
 */
export function analyseFile(file: string, display: string, args: { catalogue?: string; level?: PlanLevel; locale: Locale }, ctx: FileContext): PlanAnalysis | null {
  const ext = extname(file).toLowerCase();
  // stat first: only a regular file is opened, and only up to the size the folder walk allows
  const read = readRegularFile(file, ext === '.docx' || ext === '.doc' ? MAX_WORD_BYTES : MAX_TEXT_BYTES);
  if (!read.ok) {
    ctx.ioProblems.push(read.code ? `${file}: 无法读取 / cannot read (${read.code})` : `${file}: ${read.reason.zh} / ${read.reason.en}`);
    return null;
  }
  const bytes = read.bytes;
  const word = ext === '.docx' || ext === '.doc' ? readWord(bytes, ext, basename(file)) : null;
  const decoded = word ?? decodePlan(bytes);
  if (!decoded.ok) {
    ctx.ioProblems.push(`${file}: ${args.locale === 'en' ? decoded.reason.en : decoded.reason.zh}`);
    return null;
  }
  return analyseText(file, display, decoded.text, word?.ok ? word.lineParagraphs : null, args, ctx);
}

/**
 * Analyse a plan's text (decoded, or imported from Word with the paragraph of each line) as the plan
 * at `file`: with that file's settings. `ecoplan diff` reads a .docx's text before and after its
 * tracked changes and analyses each so.
 */
export function analyseText(file: string, display: string, text: string, lineParagraphs: number[] | null, args: { catalogue?: string; level?: PlanLevel; locale: Locale }, ctx: FileContext): PlanAnalysis | null {
  const context = planContext(resolve(file), display, text, { catalogue: args.catalogue, level: args.level, locale: args.locale }, ctx.configCache);
  for (const p of context.configProblems.map((c) => formatFileProblem(c, args.locale))) {
    if (ctx.configProblem) ctx.configProblem(p);
    else if (!ctx.reported.has(p)) (ctx.reported.add(p), ctx.err(`ecoplan: ${p}`));
  }
  for (const p of context.directoryProblems) ctx.err(`ecoplan: ${display}: ${formatFileProblem(p, args.locale)}`);
  try {
    const analysis = analysePlan(text, context.options);
    if (lineParagraphs) rememberImport(analysis, lineParagraphs);
    return analysis;
  } catch (e) {
    // A bug in a recogniser must not stop a batch review: report it and go on.
    ctx.ioProblems.push(`${file}: 内部错误 / internal error: ${(e as Error).stack ?? String(e)}`);
    return null;
  }
}

function readWord(bytes: Uint8Array, ext: string, name: string) {
  const support = wordSupport();
  if (ext === '.doc' || !support) {
    return { ok: false as const, reason: { zh: '旧版 .doc 文件请先用 ecoplan import 转换为 .plan.md 再检查', en: 'a legacy .doc file: convert it with ecoplan import first' } };
  }
  return support.readForCheck(bytes, name);
}
