// .docx files in the workspace folders, for workspace diagnostics (`ecoplan.diagnostics.scope:
// workspace`): each is imported in memory to plan Markdown (as `ecoplan check` does) and analysed;
// the Word code is loaded on first need, only when a folder holds a .docx: `../cli/word.js` is the
// CLI's Word bundle, which esbuild.mjs leaves out of dist/server.js and loads as dist/word.js.
import type { PlanAnalysis } from '../core/analyse';
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { MAX_WORD_BYTES } from '../node/planFiles';
import { readRegularFile } from '../node/safeRead';
import type { WordRead } from '../node/wordRead';
import { runInBudget } from './budgetedRead';

type WordModule = {
  readForCheck(bytes: Uint8Array, fileName: string): WordRead;
  /** The plan as a GB/T 9704 .docx (`EcoPlan: 导出为 Word…`). */
  planToDocx(analysis: PlanAnalysis, uri: string, format: 'markdown' | 'text', withTables: boolean): Promise<{ bytes: Uint8Array; keptTags: number }>;
};

let loading: Promise<WordModule | null> | null = null;

/** The Word reader (dist/word.js in the bundle), or null when it cannot be loaded. */
export function loadWordReader(): Promise<WordModule | null> {
  loading ??= import('../cli/word.js').then(
    // dist/word.js is CommonJS: its exports are named, or under `default` where Node cannot tell
    (m: Partial<WordModule> & { default?: WordModule }) => (m.readForCheck ? (m as WordModule) : (m.default ?? null)),
    () => null,
  );
  return loading;
}

const READ_IN_WORKER = `const { workerData, parentPort } = require('node:worker_threads');
const m = require(workerData.word);
parentPort.postMessage((m.readForCheck ? m : m.default).readForCheck(workerData.bytes, workerData.name));`;

/**
 * A Word file read within a budget, in a worker thread with a capped heap and a time limit, so that
 * a file past it is reported and the server goes on (a .docx in the workspace took the server down
 * at 1.8 GB, and VS Code restarted it over and over). Outside the bundle (no dist/word.js beside
 * this code: the unit tests) it is read here with `fallback`.
 */
export function readWordInBudget(path: string, fallback: WordModule): Promise<WordRead> {
  const read = readRegularFile(path, MAX_WORD_BYTES);
  if (!read.ok) return Promise.resolve({ ok: false, reason: read.reason });
  const word = join(__dirname, 'word.js');
  if (!existsSync(word)) return Promise.resolve(fallback.readForCheck(read.bytes, basename(path)));
  return runInBudget<WordRead>(READ_IN_WORKER, { word, bytes: read.bytes, name: basename(path) }, true);
}
