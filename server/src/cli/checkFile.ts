import type { Locale } from '../core/locale';
import type { PlanLevel } from '../core/model/types';
import type { LoadedConfig } from '../node/config';
import { buildPlanReview } from '../core/review/planReview';
import { matrixColumnsOf } from '../core/review/cells';
import type { MatrixColumn, PlanReview, VerdictCriteria } from '../core/review/types';
import { analyseFile } from './analyseFile';
import { pairingFacts, type PairingFacts } from './cityCheck';
import { fileReport, type JsonFileReport } from './jsonReport';
import { isImported, paragraphNote, paragraphOf } from './wordHook';

/**
 * One file of `ecoplan check`, as plain data: what it adds to the report and, in order, what it says
 * on stderr. The sequential run and the worker threads (checkPool.ts) both produce these, and the
 * main thread applies them in file order, so the output is the same whichever ran them.
 */
export interface FileOutcome {
  /** Whether the file was read and analysed (and so counts in the summary). */
  checked: boolean;
  /** The file's report, for the json and sarif formats. */
  report?: JsonFileReport;
  tasks: number;
  errors: number;
  warnings: number;
  /** The text format's lines (for that format only). */
  lines: string[];
  /** What it says on stderr while it is checked, in order: a `config` problem is said once per run. */
  stderr: ({ config: string } | { err: string })[];
  /** Files not read (said on stderr after all files, exit 2). */
  io: string[];
  /** For `ecoplan review`: the plan's review and the matrix columns it brings. */
  review?: { plan: PlanReview; columns: MatrixColumn[] };
  /** What pairs a county with its city plan after all files are checked (cityCheck.ts). */
  pairing?: PairingFacts;
}

export interface CheckFileArgs {
  catalogue?: string;
  level?: PlanLevel;
  locale: Locale;
  /** The output format: only what it shows is built. */
  format: 'text' | 'json' | 'sarif';
  /** `ecoplan review`: the plan's review is built instead of the check's output (cli/review.ts). */
  review?: { criteria: VerdictCriteria };
}

export function checkOneFile(file: string, display: string, args: CheckFileArgs, configCache: Map<string, LoadedConfig>): FileOutcome {
  const outcome: FileOutcome = { checked: false, tasks: 0, errors: 0, warnings: 0, lines: [], stderr: [], io: [] };
  const analysis = analyseFile(file, display, args, {
    configCache,
    reported: new Set(),
    configProblem: (p) => outcome.stderr.push({ config: p }),
    ioProblems: outcome.io,
    err: (s) => outcome.stderr.push({ err: s }),
  });
  if (!analysis) return outcome;
  outcome.checked = true;
  outcome.pairing = pairingFacts(file, display, analysis, configCache);
  if (args.review) {
    outcome.tasks = analysis.model.tasks.length;
    const paragraphs = isImported(analysis) ? (line: number) => paragraphOf(analysis, line) : undefined;
    outcome.review = { plan: buildPlanReview(display, analysis, { lang: args.locale, criteria: args.review.criteria, paragraphOf: paragraphs }), columns: matrixColumnsOf(analysis) };
    return outcome;
  }
  if (args.format !== 'text') {
    const fr = fileReport(display, analysis);
    if (isImported(analysis)) {
      // a Word file: positions are in the imported Markdown; each finding also names its Word paragraph
      Object.assign(fr, { source: { format: 'docx', positions: 'imported-markdown' } });
      for (const [i, d] of fr.diagnostics.entries()) Object.assign(d, { paragraph: paragraphOf(analysis, analysis.diagnostics[i].range.start.line) });
      for (const t of fr.tasks) Object.assign(t, { paragraph: paragraphOf(analysis, t.range.start.line) });
      for (const t of fr.targets) Object.assign(t, { paragraph: paragraphOf(analysis, t.range.start.line) });
    }
    outcome.report = fr;
  }
  outcome.tasks = analysis.model.tasks.length;
  for (const d of analysis.diagnostics) {
    if (d.severity === 'error') outcome.errors++;
    if (d.severity === 'warning') outcome.warnings++;
    if (args.format !== 'text') continue;
    const paragraph = paragraphOf(analysis, d.range.start.line);
    outcome.lines.push(`${display}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.code} ${d.message}${paragraph ? paragraphNote(paragraph, args.locale) : ''}`);
  }
  return outcome;
}
