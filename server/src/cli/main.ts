import { relative } from 'node:path';
import type { PlanLevel } from '../core/model/types';
import type { Locale } from '../core/locale';
import type { LoadedConfig } from '../node/config';
import { checkOneFile, type FileOutcome } from './checkFile';
import { cityFindings, type PairingFacts } from './cityCheck';
import { checkInWorkers, defaultJobs, maxJobs, PARALLEL_FROM } from './checkPool';
import { collectFiles, needsBudget } from './planInputs';
import { flagValue, readRunFlag, UsageError } from './runFlags';
import { runReviewCommand } from './review';
import { toSarif } from './sarif';
import { runTable } from './table';
import { runDiff } from './diff';
import type { JsonReport } from './jsonReport';
import { wordSupport } from './wordHook';

const USAGE = `用法 / usage:
  ecoplan check <文件或目录…> [--format text|json|sarif] [--catalogue ID] [--level 市|县] [--lang zh|en] [--jobs N]
  ecoplan review <文件或目录…> [-o 审核报告.html|.xlsx|.docx|.json|.txt] [--format text|json] [--lang zh|en] [--force] [--jobs N]
  ecoplan table <方案文件> [--kind indicators|tasks|departments|coverage|all] [--format md|csv|xlsx|html|json] [-o 输出文件] [--force]
  ecoplan import <方案.docx|.doc> [-o 方案.plan.md] [--force]
  ecoplan export <方案.md|.txt> -o <方案.docx> [--with-tables] [--force]
  ecoplan diff <上一稿> <本稿> | <含修订的方案.docx> [--format text|json|html] [--lang zh|en] [-o 输出文件] [--force]
  ecoplan catalogue import <指标表.docx|.xlsx> -o <指标体系.yaml> [--extends national-2019] [--id ID] [--level 市|县] [--force]

目录下的所有 .md、.txt 和 .docx 文件都会被检查。/ Folders are searched for .md, .txt and .docx files.
已存在的输出文件不会被覆盖,除非加 --force;输入文件本身永不被覆盖。/ An existing output is kept unless --force is given; the input itself is never written over.
退出码 / exit code: 0 无错误 no errors · 1 有错误 errors found · 2 用法或读取问题 usage or I/O problem
review 退出码 / exit code: 0 全部可提交 all ready · 1 有需修改 some need revision · 2 用法或读取问题 usage or I/O problem`;

interface CheckArgs {
  paths: string[];
  format: 'text' | 'json' | 'sarif';
  catalogue?: string;
  level?: PlanLevel;
  locale: Locale;
  /** `--jobs N`: files checked at once (worker threads); unset: decided by the number of files and processors. */
  jobs?: number;
}

function parseArgs(argv: string[]): CheckArgs {
  const args: CheckArgs = { paths: [], format: 'text', locale: 'zh' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const shared = readRunFlag(argv, i, args);
    if (shared >= 0) i = shared;
    else if (a === '--format' || a.startsWith('--format=')) {
      const { value: v, last } = flagValue(argv, i);
      i = last;
      if (v !== 'text' && v !== 'json' && v !== 'sarif') throw new UsageError(`--format 只能是 text、json 或 sarif / must be text, json or sarif: ${v}`);
      args.format = v;
    } else if (a.startsWith('-')) throw new UsageError(`未知选项 / unknown option: ${a}`);
    else args.paths.push(a);
  }
  if (args.paths.length === 0) throw new UsageError('请给出要检查的文件或目录 / give files or folders to check');
  return args;
}

/** A parsed `ecoplan check` command line and its files, or its exit code when the command line is wrong. */
function prepareCheck(argv: string[], err: (s: string) => void): { args: CheckArgs; files: string[]; displays: string[]; ioProblems: string[] } | number {
  let args: CheckArgs;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      err(`ecoplan: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    throw e;
  }
  const ioProblems: string[] = [];
  const files = collectFiles(args.paths, ioProblems);
  return { args, files, displays: files.map((file) => relative(process.cwd(), file) || file), ioProblems };
}

/** Gathers the files' outcomes, in file order, into the report and the output; says what each file says on stderr as it comes. */
class CheckRun {
  readonly report: JsonReport = { version: 1, files: [], summary: { files: 0, tasks: 0, errors: 0, warnings: 0 } };
  private readonly lines: { display?: string; lines: string[] }[] = [];
  private readonly reported = new Set<string>();
  private readonly pairing: PairingFacts[] = [];

  constructor(
    private readonly args: CheckArgs,
    private readonly ioProblems: string[],
    private readonly out: (s: string) => void,
    private readonly err: (s: string) => void,
  ) {}

  add(o: FileOutcome): void {
    for (const e of o.stderr) {
      if ('err' in e) this.err(e.err);
      else if (!this.reported.has(e.config)) (this.reported.add(e.config), this.err(`ecoplan: ${e.config}`));
    }
    this.ioProblems.push(...o.io);
    if (!o.checked) return;
    const s = this.report.summary;
    if (o.report) this.report.files.push(o.report);
    s.files++;
    s.tasks += o.tasks;
    s.errors += o.errors;
    s.warnings += o.warnings;
    this.lines.push({ display: o.pairing?.display, lines: o.lines });
    if (o.pairing) this.pairing.push(o.pairing);
  }

  /** Writes the output; returns the exit code. */
  finish(): number {
    const { args, ioProblems, out, report } = this;
    for (const p of ioProblems) this.err(`ecoplan: ${p}`);
    // a county beside its city plan in the set: information findings (cityCheck.ts), after the file's own
    const city = cityFindings(this.pairing, args, new Map());
    for (const f of report.files) for (const d of city.get(f.path) ?? []) f.diagnostics.push({ code: d.code, severity: d.severity, message: d.message, range: d.range });
    if (args.format === 'json') out(JSON.stringify(report));
    else if (args.format === 'sarif') out(JSON.stringify(toSarif(report, args.locale)));
    else {
      for (const f of this.lines) {
        for (const l of f.lines) out(l);
        for (const d of (f.display !== undefined && city.get(f.display)) || []) out(`${f.display}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.code} ${d.message}`);
      }
      const s = report.summary;
      out(
        args.locale === 'en'
          ? `${s.files} file(s), ${s.tasks} task(s): ${s.errors} error(s), ${s.warnings} warning(s)${ioProblems.length ? `, ${ioProblems.length} file(s) not read` : ''}`
          : `共检查 ${s.files} 个文件、${s.tasks} 项任务:${s.errors} 个错误,${s.warnings} 个警告${ioProblems.length ? `,${ioProblems.length} 个文件无法读取` : ''}`,
      );
    }
    if (ioProblems.length > 0) return 2;
    return report.summary.errors > 0 ? 1 : 0;
  }
}

/** `ecoplan check`, every file on this thread (what `--jobs 1` does). */
export function runCheck(argv: string[], out: (s: string) => void, err: (s: string) => void): number {
  const prepared = prepareCheck(argv, err);
  return typeof prepared === 'number' ? prepared : checkHere(prepared, out, err);
}

function checkHere({ args, files, displays, ioProblems }: Exclude<ReturnType<typeof prepareCheck>, number>, out: (s: string) => void, err: (s: string) => void): number {
  const run = new CheckRun(args, ioProblems, out, err);
  const configCache = new Map<string, LoadedConfig>();
  for (const [i, file] of files.entries()) run.add(checkOneFile(file, displays[i], args, configCache));
  return run.finish();
}

/**
 * `ecoplan check` as the command runs it: files checked in worker threads (checkPool.ts) when
 * `--jobs` allows more than one and there are enough files for it to pay, otherwise `runCheck`.
 * The output is the same either way.
 */
export function runCheckCommand(argv: string[], out: (s: string) => void, err: (s: string) => void): number | Promise<number> {
  const prepared = prepareCheck(argv, err);
  if (typeof prepared === 'number') return prepared;
  const { args, files, displays, ioProblems } = prepared;
  let jobs = Math.min(args.jobs ?? defaultJobs(), files.length);
  const most = maxJobs();
  if (jobs > most.jobs) {
    err(`ecoplan: --jobs ${args.jobs} 超过本机可同时运行的数量(${most.processors} 个处理器,可用内存 ${most.freeMb} MB),按 ${most.jobs} 运行 / --jobs ${args.jobs} is more than this machine runs at once (${most.processors} processor(s), ${most.freeMb} MB free): running ${most.jobs}`);
    jobs = most.jobs;
  }
  // Word files and large text files are read within a budget, in a worker (checkPool.ts)
  const budgeted = files.map(needsBudget);
  const anyBudgeted = budgeted.some(Boolean);
  if (!anyBudgeted && (jobs < 2 || (args.jobs === undefined && files.length < PARALLEL_FROM))) return checkHere(prepared, out, err);
  if (args.jobs === undefined && files.length < PARALLEL_FROM) jobs = 1;
  const run = new CheckRun(args, ioProblems, out, err);
  const { catalogue, level, locale, format } = args;
  return checkInWorkers(files, displays, { catalogue, level, locale, format }, Math.max(1, jobs), (o) => run.add(o), wordSupport() !== null, (i) => budgeted[i]).then(() => run.finish());
}

export function main(argv: string[]): number | Promise<number> {
  const [command, ...rest] = argv;
  const out = (s: string) => process.stdout.write(s + '\n');
  const err = (s: string) => process.stderr.write(s + '\n');
  if (command === 'check') return runCheckCommand(rest, out, err);
  if (command === 'review') return runReviewCommand(rest, out, err, USAGE);
  const word = wordSupport();
  if (word && (command === 'import' || command === 'export' || command === 'catalogue')) {
    void word.runWordCommand(command, rest, out, err).then((code) => (process.exitCode = code));
    return 0;
  }
  if (command === 'diff') {
    void runDiff(rest, out, err).then((code) => (process.exitCode = code));
    return 0;
  }
  if (command === 'table') {
    void runTable(rest, out, err).then((code) => (process.exitCode = code));
    return 0;
  }
  if (command === '--help' || command === '-h' || command === 'help') {
    out(USAGE);
    return 0;
  }
  err(command ? `ecoplan: 未知命令 / unknown command: ${command}\n\n${USAGE}` : USAGE);
  return 2;
}
