import { extname, relative } from 'node:path';
import type { PlanAnalysis } from '../core/analyse';
import { diffPlans } from '../core/diff/diffPlans';
import type { PlanDiff } from '../core/diff/types';
import type { Locale } from '../core/locale';
import type { LoadedConfig } from '../node/config';
import { refuseOutput, writeOutput } from '../node/safeWrite';
import { diffToHtml, diffToText, type DraftLabel } from '../report/diff';
import { analyseFile, analyseText, type FileContext } from './analyseFile';
import { choiceOption, readArgs, UsageError } from './args';
import { readWordWithinBudget } from './wordBudget';
import { paragraphOf, wordSupport } from './wordHook';

export const DIFF_USAGE = `用法 / usage:
  ecoplan diff <上一稿> <本稿> [--format text|json|html] [--lang zh|en] [-o 输出文件] [--force]
  ecoplan diff <含修订的方案.docx> [--format text|json|html] [--lang zh|en] [-o 输出文件] [--force]

两稿可以是 .md、.txt 或 .docx 的任意组合;只给一份 .docx 时,比较其修订前与修订后的文本。
Drafts may be any mix of .md, .txt and .docx; one .docx alone compares its text before and after its tracked changes.
退出码 / exit code: 0 已比较(无论有无改动)compared, with or without changes · 2 用法或读取问题 usage or I/O problem`;

interface DiffArgs {
  paths: string[];
  format: 'text' | 'json' | 'html';
  locale: Locale;
  output: string | null;
  force: boolean;
}

function parseArgs(argv: string[]): DiffArgs {
  const args: DiffArgs = { paths: [], format: 'text', locale: 'zh', output: null, force: false };
  readArgs(argv, (a, value) => {
    if (a === '--format' || a.startsWith('--format=')) args.format = choiceOption('--format', value(), ['text', 'json', 'html'] as const);
    else if (a === '--lang' || a.startsWith('--lang=')) args.locale = choiceOption('--lang', value(), ['zh', 'en'] as const);
    else if (a === '-o' || a === '--output' || a.startsWith('--output=')) args.output = value();
    else if (a === '--force') args.force = true;
    else if (a.startsWith('-')) throw new UsageError(`未知选项 / unknown option: ${a}`);
    else args.paths.push(a);
  });
  if (args.paths.length === 0) throw new UsageError('请给出上一稿和本稿,或一份含修订的 .docx / give the previous draft and this one, or one .docx with tracked changes');
  if (args.paths.length > 2) throw new UsageError(`只能比较两稿,给出了 ${args.paths.length} 份文件 / compares two drafts; ${args.paths.length} files given`);
  if (args.paths.length === 1 && extname(args.paths[0]).toLowerCase() !== '.docx')
    throw new UsageError(`只给一份文件时须为含修订的 .docx / one file alone must be a .docx with tracked changes: ${args.paths[0]}`);
  return args;
}

const isWord = (file: string) => /\.docx?$/i.test(file);

/** One draft read and analysed as `check` reads it (a Word file within the file budget); null with the reason on `problems`. */
async function readDraft(file: string, display: string, args: DiffArgs, ctx: FileContext): Promise<PlanAnalysis | null> {
  if (!isWord(file)) return analyseFile(file, display, { locale: args.locale }, ctx);
  if (/\.doc$/i.test(file) || !wordSupport()) {
    ctx.ioProblems.push(`${file}: 旧版 .doc 文件请先用 ecoplan import 转换为 .plan.md / a legacy .doc file: convert it with ecoplan import first`);
    return null;
  }
  const read = await readWordWithinBudget(file, false);
  if (!read.ok) {
    ctx.ioProblems.push(`${file}: ${args.locale === 'en' ? read.reason.en : read.reason.zh}`);
    return null;
  }
  return analyseText(file, display, read.text, read.lineParagraphs, { locale: args.locale }, ctx);
}

/** `ecoplan diff`: 0 when the drafts were compared (with or without changes), 2 on a usage or I/O problem. */
export async function runDiff(argv: string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  let args: DiffArgs;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      err(`ecoplan diff: ${e.message}\n\n${DIFF_USAGE}`);
      return 2;
    }
    throw e;
  }
  if (args.output) {
    const refused = refuseOutput(args.output, args.paths, args.force);
    if (refused) return err(`ecoplan diff: ${refused}`), 2;
  }
  const display = (file: string) => relative(process.cwd(), file) || file;
  const ctx: FileContext = { configCache: new Map<string, LoadedConfig>(), reported: new Set(), ioProblems: [], err };
  let before: PlanAnalysis | null;
  let after: PlanAnalysis | null;
  let labels: [DraftLabel, DraftLabel];
  const en = args.locale === 'en';
  if (args.paths.length === 1) {
    const file = args.paths[0];
    if (!wordSupport()) return err(`ecoplan diff: ${file}: 无法加载 Word 读取模块 / the Word reader could not be loaded`), 2;
    const read = await readWordWithinBudget(file, true);
    if (!read.ok) return err(`ecoplan diff: ${file}: ${en ? read.reason.en : read.reason.zh}`), 2;
    const r = read.revisions;
    if (r.insertions + r.deletions + r.moves + r.rows === 0) {
      out(en ? `${display(file)}: no tracked changes: nothing to compare` : `${display(file)}:没有修订记录,无可比较的内容`);
      return 0;
    }
    err(
      en
        ? `ecoplan diff: ${display(file)}: ${r.insertions} insertion(s), ${r.deletions} deletion(s), ${r.moves} move(s), ${r.rows} row(s)${r.authors.length ? ` by ${r.authors.join(', ')}` : ''}`
        : `ecoplan diff: ${display(file)}:${r.insertions} 处插入、${r.deletions} 处删除、${r.moves} 处移动、${r.rows} 个表格行${r.authors.length ? `(修订人:${r.authors.join('、')})` : ''}`,
    );
    const shown = display(file);
    before = analyseText(file, shown, read.original.text, read.original.lineParagraphs, { locale: args.locale }, ctx);
    after = analyseText(file, shown, read.accepted.text, read.accepted.lineParagraphs, { locale: args.locale }, ctx);
    labels = [{ display: en ? `${shown} (before revisions)` : `${shown}(修订前)` }, { display: en ? `${shown} (after revisions)` : `${shown}(修订后)` }];
  } else {
    const [a, b] = args.paths;
    before = await readDraft(a, display(a), args, ctx);
    after = await readDraft(b, display(b), args, ctx);
    labels = [{ display: display(a) }, { display: display(b) }];
  }
  for (const p of ctx.ioProblems) err(`ecoplan diff: ${p}`);
  if (!before || !after) return 2;
  labels[0].paragraphOf = (line) => paragraphOf(before, line);
  labels[1].paragraphOf = (line) => paragraphOf(after, line);
  const diff = diffPlans(before, after, args.locale);
  const text = render(diff, labels, args.format);
  if (!args.output || args.output === '-') {
    out(text);
    return 0;
  }
  const failed = writeOutput(args.output, text + '\n');
  if (failed) return err(`ecoplan diff: ${failed}`), 2;
  err(en ? `ecoplan diff: written to ${args.output}` : `ecoplan diff:已写入 ${args.output}`);
  return 0;
}

function render(diff: PlanDiff, [old, now]: [DraftLabel, DraftLabel], format: DiffArgs['format']): string {
  if (format === 'json') return JSON.stringify({ ...diff, old: { file: old.display, ...diff.old }, new: { file: now.display, ...diff.new } }, null, 2);
  if (format === 'html') return diffToHtml(diff, old, now);
  return diffToText(diff, old, now).join('\n');
}
