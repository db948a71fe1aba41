import { statSync } from 'node:fs';
import { dirname, extname, relative } from 'node:path';
import { DEFAULT_CRITERIA } from '../core/review/criteria';
import { buildCityView, type ViewedPlan } from '../core/review/cityView';
import { unreadPlanReview } from '../core/review/planReview';
import type { PlanInSet } from '../core/review/cityPairing';
import { buildReviewReport } from '../core/review/reviewReport';
import type { MatrixColumn, PlanReview, ReviewReport, VerdictCriteria } from '../core/review/types';
import { findConfig, loadConfig, type LoadedConfig } from '../node/config';
import { refuseOutput, writeOutput } from '../node/safeWrite';
import { checkOneFile, type FileOutcome } from './checkFile';
import { pairCounties, type PairingFacts } from './cityCheck';
import { checkInWorkers, defaultJobs, maxJobs, PARALLEL_FROM } from './checkPool';
import { collectFiles, needsBudget } from './planInputs';
import { renderReviewDocument, type ReviewDocumentFormat } from './reviewDocument';
import { flagValue, readRunFlag, UsageError, type RunFlags } from './runFlags';
import { renderReviewText } from './reviewText';
import { isImported, paragraphOf, wordSupport } from './wordHook';

/**
 * `ecoplan review <folders or files…>`: one report for a set of plans (issue 20) — an overview row,
 * a matrix row and an opinion per plan, a view per city beside its counties. The files are read and
 * analysed as `ecoplan check` reads them (the same collection, worker threads and file budget:
 * checkPool.ts, each file's review built where it was analysed, checkFile.ts); a file that cannot be
 * read is a row that says why. The report itself is built in core/review/; this is the shell.
 */

export interface ReviewArgs extends RunFlags {
  paths: string[];
  output?: string;
  format: 'text' | 'json' | ReviewDocumentFormat;
  force: boolean;
}

function parseReviewArgs(argv: string[]): ReviewArgs {
  const args: ReviewArgs = { paths: [], format: 'text', locale: 'zh', force: false };
  let formatGiven = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const shared = readRunFlag(argv, i, args);
    if (shared >= 0) i = shared;
    else if (a === '-o' || a === '--output' || a.startsWith('--output=')) {
      const { value, last } = flagValue(argv, i);
      i = last;
      args.output = value;
    } else if (a === '--format' || a.startsWith('--format=')) {
      const { value: v, last } = flagValue(argv, i);
      i = last;
      if (v !== 'text' && v !== 'json') throw new UsageError(`--format 只能是 text 或 json / must be text or json: ${v}`);
      args.format = v;
      formatGiven = true;
    } else if (a === '--force') args.force = true;
    else if (a.startsWith('-')) throw new UsageError(`未知选项 / unknown option: ${a}`);
    else args.paths.push(a);
  }
  if (args.paths.length === 0) throw new UsageError('请给出要审核的文件或目录 / give files or folders to review');
  if (args.output !== undefined) {
    const ext = extname(args.output).toLowerCase();
    const format = OUTPUT_FORMATS[ext];
    if (!format) throw new UsageError(`-o 的文件类型不支持 / unsupported output type: ${args.output} (${Object.keys(OUTPUT_FORMATS).join(', ')})`);
    if (formatGiven && format !== args.format) throw new UsageError(`--format ${args.format} 与 -o ${args.output} 不一致 / does not match the output file's type`);
    args.format = format;
  }
  return args;
}

/** What `-o` writes, by the output's extension. */
const OUTPUT_FORMATS: Record<string, ReviewArgs['format']> = { '.json': 'json', '.txt': 'text', '.html': 'html', '.htm': 'html', '.xlsx': 'xlsx', '.docx': 'docx' };

/**
 * Writes the report where the command line says: stdout in `--format`, or the `-o` file (never over
 * an existing file without `--force`, never over an input: node/safeWrite.ts). Returns the problem, or null.
 */
export async function writeReviewOutput(report: ReviewReport, args: ReviewArgs, inputs: readonly string[], out: (s: string) => void): Promise<string | null> {
  if (args.format === 'html' || args.format === 'xlsx' || args.format === 'docx') {
    // only ever with -o (parseReviewArgs): the page, the workbook, the Word opinions (cli/reviewDocument.ts)
    const output = args.output!;
    const refused = refuseOutput(output, inputs, args.force);
    if (refused) return refused;
    const doc = await renderReviewDocument(report, args.format, output);
    return 'problem' in doc ? doc.problem : writeOutput(output, doc.data);
  }
  const rendered = args.format === 'json' ? JSON.stringify(report, null, 2) : renderReviewText(report).join('\n');
  if (args.output === undefined) {
    out(rendered);
    return null;
  }
  const refused = refuseOutput(args.output, inputs, args.force);
  if (refused) return refused;
  return writeOutput(args.output, rendered + '\n');
}

/** The verdict criteria: `review:` of the config nearest the first folder or file given; the defaults without one. */
function criteriaFor(paths: string[], configCache: Map<string, LoadedConfig>): VerdictCriteria {
  let dir: string;
  try {
    dir = statSync(paths[0]).isDirectory() ? paths[0] : dirname(paths[0]);
  } catch {
    dir = dirname(paths[0]);
  }
  return loadConfig(findConfig(dir), configCache).review ?? DEFAULT_CRITERIA;
}

/** A progress bar on stderr, drawn only on a terminal and only once the run has taken more than a second. */
export class ReviewProgress {
  private readonly started: number;
  private drawn = false;

  constructor(
    private readonly total: number,
    private readonly write: (s: string) => void,
    private readonly tty: boolean,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.started = now();
  }

  tick(done: number): void {
    if (!this.tty || this.total === 0 || this.now() - this.started < 1000) return;
    const width = 30;
    const filled = Math.round((done / this.total) * width);
    this.write(`\r审核 / reviewing ${'█'.repeat(filled)}${'░'.repeat(width - filled)} ${done}/${this.total}`);
    this.drawn = true;
  }

  /** Clears the bar's line, when one was drawn. */
  end(): void {
    if (this.drawn) this.write('\r\x1b[2K');
  }
}

export interface ReviewIo {
  /** Whether stderr is a terminal (the progress bar is drawn only then). */
  tty: boolean;
  /** Raw writes to stderr (the progress bar), without a line break. */
  errRaw: (s: string) => void;
  now?: () => number;
}

/** One file's row: its review, or the row of a file not read (the first problem said about it). */
function rowOf(o: FileOutcome, display: string, file: string): { plan: PlanReview; columns: MatrixColumn[]; pairing?: PairingFacts } {
  if (o.review) return { ...o.review, pairing: o.pairing };
  const said = o.io[0] ?? '';
  return { plan: unreadPlanReview(display, said.startsWith(`${file}: `) ? said.slice(file.length + 2) : said), columns: [] };
}

/** `ecoplan review`: the exit code, once the report is written (0 all 可提交, 1 any 需修改, 2 usage or I/O). */
export async function runReviewCommand(argv: string[], out: (s: string) => void, err: (s: string) => void, usage = '', io?: ReviewIo): Promise<number> {
  let args: ReviewArgs;
  try {
    args = parseReviewArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      err(`ecoplan: ${e.message}${usage ? `\n\n${usage}` : ''}`);
      return 2;
    }
    throw e;
  }
  const tty = io?.tty ?? process.stderr.isTTY === true;
  const errRaw = io?.errRaw ?? ((s: string) => void process.stderr.write(s));
  const pathProblems: string[] = [];
  const files = collectFiles(args.paths, pathProblems);
  const displays = files.map((f) => (relative(process.cwd(), f) || f).replace(/\\/g, '/'));
  const configCache = new Map<string, LoadedConfig>();
  const criteria = criteriaFor(args.paths, configCache);
  const fileArgs = { catalogue: args.catalogue, level: args.level, locale: args.locale, format: 'json' as const, review: { criteria } };

  const rows: ReturnType<typeof rowOf>[] = [];
  const reported = new Set<string>();
  const progress = new ReviewProgress(files.length, errRaw, tty, io?.now);
  const take = (o: FileOutcome) => {
    const i = rows.length;
    for (const e of o.stderr) {
      if ('err' in e) err(e.err);
      else if (!reported.has(e.config)) (reported.add(e.config), err(`ecoplan: ${e.config}`));
    }
    rows.push(rowOf(o, displays[i], files[i]));
    progress.tick(rows.length);
  };

  let jobs = Math.min(args.jobs ?? defaultJobs(), files.length);
  const most = maxJobs();
  if (jobs > most.jobs) jobs = most.jobs;
  const budgeted = files.map(needsBudget);
  if (!budgeted.some(Boolean) && (jobs < 2 || (args.jobs === undefined && files.length < PARALLEL_FROM))) {
    for (const [i, file] of files.entries()) take(checkOneFile(file, displays[i], fileArgs, configCache));
  } else {
    if (args.jobs === undefined && files.length < PARALLEL_FROM) jobs = 1;
    await checkInWorkers(files, displays, fileArgs, Math.max(1, jobs), take, wordSupport() !== null, (i) => budgeted[i]);
  }
  progress.end();

  const plans = rows.map((r) => r.plan);
  // a path given that could not be reached is a row too
  for (const p of pathProblems) {
    const at = p.indexOf(': ');
    plans.push(unreadPlanReview(at > 0 ? p.slice(0, at) : p, at > 0 ? p.slice(at + 2) : p));
  }
  // a county beside its city plan (`parent:` or its prefecture: cityCheck.ts, as `ecoplan check` pairs them)
  const facts = rows.flatMap((r) => (r.pairing ? [r.pairing] : []));
  const byCity = new Map<string, { city: ViewedPlan; counties: ViewedPlan[] }>();
  const viewed = (p: PlanInSet): ViewedPlan => {
    const display = facts.find((f) => f.file === p.path)?.display ?? p.path;
    return { file: display, analysis: p.analysis, ...(isImported(p.analysis) ? { paragraphOf: (line: number) => paragraphOf(p.analysis, line) } : {}) };
  };
  for (const { county, found } of pairCounties(facts, args, configCache)) {
    if ('problem' in found) continue;
    let group = byCity.get(found.city.path);
    if (!group) byCity.set(found.city.path, (group = { city: viewed(found.city), counties: [] }));
    const c = viewed(county);
    group.counties.push(c);
    const row = plans.find((p) => p.file === c.file);
    if (row) row.city = group.city.file;
  }
  const cities = [...byCity.values()].map((g) => buildCityView(g.city, g.counties));
  const report = buildReviewReport(plans, criteria, args.locale, { columns: rows.map((r) => r.columns), cities });
  const problem = await writeReviewOutput(report, args, files, out);
  if (problem) {
    err(`ecoplan: ${problem}`);
    return 2;
  }
  if (report.summary.unread > 0) {
    for (const p of plans) if (p.unread) err(`ecoplan: ${p.file}: ${p.unread}`);
    return 2;
  }
  return report.summary.revise > 0 ? 1 : 0;
}
