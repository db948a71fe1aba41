// .docx files in the workspace folders, for workspace diagnostics (`ecoplan.diagnostics.scope:
// workspace`): each is imported in memory to plan Markdown (as `ecoplan check` does) and analysed;
// the Word code is loaded on first need, only when a folder holds a .docx: `../cli/word.js` is the
// CLI's Word bundle, which esbuild.mjs leaves out of dist/server.js and loads as dist/word.js.
import type { PlanAnalysis } from '../core/analyse';
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { MAX_WORD_BYTES } from '../node/planFiles';
import { readRegularFile } from '../node/safeRead';
import type { WordRead } from '../node/wordRead';

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

/** The budget of one Word file (as the CLI's, checkPool.ts): ECOPLAN_FILE_BUDGET_MB / _MS override it. */
function budget(): { mb: number; ms: number } {
  const env = (name: string, fallback: number) => {
    const v = Number(process.env[name]);
    return Number.isFinite(v) && v > 0 ? v : fallback;
  };
  return { mb: env('ECOPLAN_FILE_BUDGET_MB', 256), ms: env('ECOPLAN_FILE_BUDGET_MS', 60000) };
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
  const { mb, ms } = budget();
  return new Promise((resolve) => {
    let settled = false;
    const settle = (r: WordRead) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(r);
    };
    const worker = new Worker(READ_IN_WORKER, {
      eval: true,
      workerData: { word, bytes: read.bytes, name: basename(path) },
      resourceLimits: { maxOldGenerationSizeMb: mb },
    });
    const timer = setTimeout(() => settle({ ok: false, reason: { zh: `超出单个文件的时间上限(${ms / 1000} 秒)`, en: `over the time budget of one file (${ms / 1000} s)` } }), ms);
    worker.on('message', (r: WordRead) => settle(r));
    worker.on('error', (e: NodeJS.ErrnoException) =>
      settle({
        ok: false,
        reason: e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? { zh: `超出单个文件的内存上限(${mb} MB)`, en: `over the memory budget of one file (${mb} MB)` } : { zh: `无法读取(${e.message})`, en: `cannot read (${e.message})` },
      }),
    );
    worker.on('exit', () => settle({ ok: false, reason: { zh: '读取它的线程意外停止', en: 'the thread reading it stopped' } }));
  });
}
