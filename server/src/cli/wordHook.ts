// The CLI's door to Word files. The Word code (server/src/cli/word.ts → dist/word.js, with its zip,
// XML and docx libraries) is loaded by bin.ts only when a command needs it, and handed in here;
// `ecoplan check` on Markdown or text files never loads it.
import { readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { PlanAnalysis } from '../core/analyse';
import { paragraphAt, type WordRead, type WordRevisionsRead } from '../node/wordRead';
import { planFileKind, skippedName, WORD_EXTENSIONS } from '../node/planFiles';

export { paragraphNote, type WordRead } from '../node/wordRead';

export interface WordSupport {
  /** A .docx imported in memory for `check`. */
  readForCheck(bytes: Uint8Array, fileName: string): WordRead;
  /** A .docx read before and after its tracked changes, for `ecoplan diff 方案.docx`. */
  readRevisions(bytes: Uint8Array, fileName: string): WordRevisionsRead;
  /** `ecoplan import | export | catalogue import …` */
  runWordCommand(command: string, argv: string[], out: (s: string) => void, err: (s: string) => void): Promise<number>;
  /** `ecoplan review -o 审核意见.docx`: the opinions' Markdown (report/review/opinionDoc.ts) in the GB/T 9704 layout of `export`. */
  opinionsDocx(markdown: string, title: string): Promise<Uint8Array>;
}

export const WORD_COMMANDS = new Set(['import', 'export', 'catalogue']);

let support: WordSupport | null = null;
/** Where each analysed Word file's lines came from. */
const imported = new WeakMap<PlanAnalysis, number[]>();

export function setWordSupport(s: WordSupport | null) {
  support = s;
}

export function wordSupport(): WordSupport | null {
  return support;
}

export function rememberImport(a: PlanAnalysis, lineParagraphs: number[]) {
  imported.set(a, lineParagraphs);
}

/** The Word paragraph of a line of the imported text, or null when the analysis is not of a Word file. */
export function paragraphOf(a: PlanAnalysis, line: number): number | null {
  const map = imported.get(a);
  return map ? paragraphAt(map, line) : null;
}

export function isImported(a: PlanAnalysis): boolean {
  return imported.has(a);
}

function hasWordFile(dir: string, budget: { n: number }): boolean {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return false;
  }
  for (const name of entries) {
    if (--budget.n < 0) return true;
    if (skippedName(name)) continue;
    if (planFileKind(name) === 'word') return true;
    const p = join(dir, name);
    try {
      if (statSync(p).isDirectory() && hasWordFile(p, budget)) return true;
    } catch {
      /* reported by the walk itself */
    }
  }
  return false;
}

/** Whether a command line needs the Word code: a Word command, or a check or review that reaches a .docx. */
export function needsWord(argv: string[]): boolean {
  const [command, ...rest] = argv;
  if (WORD_COMMANDS.has(command)) return true;
  if (command !== 'check' && command !== 'review' && command !== 'diff') return false;
  return rest.some((a) => {
    // `review --output=审核意见.docx` writes Word
    if (a.startsWith('--output=')) return command === 'review' && extname(a).toLowerCase() === '.docx';
    if (a.startsWith('-')) return false;
    if (WORD_EXTENSIONS.has(extname(a).toLowerCase())) return true;
    try {
      return statSync(a).isDirectory() && hasWordFile(a, { n: 20000 });
    } catch {
      return false;
    }
  });
}
