import { statSync } from 'node:fs';
import { relative } from 'node:path';
import type { PlanLevel } from '../core/model/types';
import type { Locale } from '../core/locale';
import type { LoadedConfig } from '../node/config';
import { analyseFile } from './analyseFile';
import { toSarif } from './sarif';
import { runTable } from './table';
import { fileReport, type JsonReport } from './jsonReport';
import { isImported, paragraphNote, paragraphOf, wordSupport } from './wordHook';
import { planFilesUnder, type PlanFileKind } from '../node/planFiles';

const USAGE = `用法 / usage:
  ecoplan check <文件或目录…> [--format text|json|sarif] [--catalogue ID] [--level 市|县] [--lang zh|en]
  ecoplan table <方案文件> [--kind indicators|tasks|departments|coverage|all] [--format md|csv|xlsx|html|json] [-o 输出文件]
  ecoplan import <方案.docx|.doc> [-o 方案.plan.md]
  ecoplan export <方案.md|.txt> -o <方案.docx> [--with-tables]
  ecoplan catalogue import <指标表.docx|.xlsx> -o <指标体系.yaml> [--extends national-2019] [--id ID] [--level 市|县]

目录下的所有 .md、.txt 和 .docx 文件都会被检查。/ Folders are searched for .md, .txt and .docx files.
退出码 / exit code: 0 无错误 no errors · 1 有错误 errors found · 2 用法或读取问题 usage or I/O problem`;

interface CheckArgs {
  paths: string[];
  format: 'text' | 'json' | 'sarif';
  catalogue?: string;
  level?: PlanLevel;
  locale: Locale;
}

class UsageError extends Error {}

function parseArgs(argv: string[]): CheckArgs {
  const args: CheckArgs = { paths: [], format: 'text', locale: 'zh' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const [flag, inline] = a.split('=', 2);
      if (inline !== undefined) return inline;
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${flag} 缺少取值 / needs a value`);
      return v;
    };
    if (a === '--format' || a.startsWith('--format=')) {
      const v = value();
      if (v !== 'text' && v !== 'json' && v !== 'sarif') throw new UsageError(`--format 只能是 text、json 或 sarif / must be text, json or sarif: ${v}`);
      args.format = v;
    } else if (a === '--catalogue' || a.startsWith('--catalogue=')) args.catalogue = value();
    else if (a === '--level' || a.startsWith('--level=')) {
      const v = value();
      if (v !== '市' && v !== '县') throw new UsageError(`--level 只能是 市 或 县 / must be 市 or 县: ${v}`);
      args.level = v;
    } else if (a === '--lang' || a.startsWith('--lang=')) {
      const v = value();
      if (v !== 'zh' && v !== 'en') throw new UsageError(`--lang 只能是 zh 或 en / must be zh or en: ${v}`);
      args.locale = v;
    } else if (a.startsWith('-')) throw new UsageError(`未知选项 / unknown option: ${a}`);
    else args.paths.push(a);
  }
  if (args.paths.length === 0) throw new UsageError('请给出要检查的文件或目录 / give files or folders to check');
  return args;
}

/** The files to check: each file given, and the candidate plans in each folder given (node/planFiles.ts, as the server walks). */
function collectFiles(paths: string[], problems: string[]): string[] {
  const files: string[] = [];
  const kinds = new Set<PlanFileKind>(wordSupport() ? ['text', 'word'] : ['text']);
  for (const p of paths) {
    let st;
    try {
      st = statSync(p);
    } catch (e) {
      problems.push(`${p}: 无法访问 / cannot access (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
      continue;
    }
    if (st.isDirectory()) files.push(...planFilesUnder([p], { kinds, onProblem: (x) => problems.push(x) }).map((f) => f.path));
    else files.push(p);
  }
  return files;
}

export function runCheck(argv: string[], out: (s: string) => void, err: (s: string) => void): number {
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
  const configCache = new Map<string, LoadedConfig>();
  const reported = new Set<string>();
  const report: JsonReport = { version: 1, files: [], summary: { files: 0, tasks: 0, errors: 0, warnings: 0 } };
  const lines: string[] = [];
  for (const file of files) {
    const display = relative(process.cwd(), file) || file;
    const analysis = analyseFile(file, display, args, { configCache, reported, ioProblems, err });
    if (!analysis) continue;
    const fr = fileReport(display, analysis);
    if (isImported(analysis)) {
      // a Word file: positions are in the imported Markdown; each finding also names its Word paragraph
      Object.assign(fr, { source: { format: 'docx', positions: 'imported-markdown' } });
      for (const [i, d] of fr.diagnostics.entries()) Object.assign(d, { paragraph: paragraphOf(analysis, analysis.diagnostics[i].range.start.line) });
      for (const t of fr.tasks) Object.assign(t, { paragraph: paragraphOf(analysis, t.range.start.line) });
      for (const t of fr.targets) Object.assign(t, { paragraph: paragraphOf(analysis, t.range.start.line) });
    }
    report.files.push(fr);
    report.summary.files++;
    report.summary.tasks += analysis.model.tasks.length;
    for (const d of analysis.diagnostics) {
      if (d.severity === 'error') report.summary.errors++;
      if (d.severity === 'warning') report.summary.warnings++;
      const paragraph = paragraphOf(analysis, d.range.start.line);
      lines.push(`${display}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.code} ${d.message}${paragraph ? paragraphNote(paragraph, args.locale) : ''}`);
    }
  }
  for (const p of ioProblems) err(`ecoplan: ${p}`);
  if (args.format === 'json') out(JSON.stringify(report));
  else if (args.format === 'sarif') out(JSON.stringify(toSarif(report, args.locale)));
  else {
    for (const l of lines) out(l);
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

export function main(argv: string[]): number {
  const [command, ...rest] = argv;
  const out = (s: string) => process.stdout.write(s + '\n');
  const err = (s: string) => process.stderr.write(s + '\n');
  if (command === 'check') return runCheck(rest, out, err);
  const word = wordSupport();
  if (word && (command === 'import' || command === 'export' || command === 'catalogue')) {
    void word.runWordCommand(command, rest, out, err).then((code) => (process.exitCode = code));
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
