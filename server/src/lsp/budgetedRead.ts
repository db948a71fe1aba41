// Files read within the budget of one file (node/fileBudget.ts) in the server's workspace scan: a
// worker thread with a capped heap and a time limit, so that a file past it is reported and the
// server goes on. Word files (wordFiles.ts) and plans on disk from BUDGET_FROM_BYTES (analysed in
// dist/text-worker.js, built from textWorker.ts): a 20 MB text plan in a workspace folder used to
// be analysed on the server's one thread, its memory and time unbounded.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { analysePlan } from '../core/analyse';
import type { Diagnostic, LocalizedText } from '../core/model/types';
import { decodePlan } from '../node/decode';
import { fileBudget } from '../node/fileBudget';
import { planContext, type AdapterOptions } from '../node/planContext';
import { MAX_TEXT_BYTES } from '../node/planFiles';
import { readRegularFile } from '../node/safeRead';

type Failed = { ok: false; reason: LocalizedText };

/**
 * Runs `script` (a file, or code with `evalCode`) in a worker given `workerData`, and resolves with
 * the first message it posts; past the heap or the time budget, or when it stops, with a reason.
 */
export function runInBudget<T>(script: string, workerData: unknown, evalCode = false): Promise<T | Failed> {
  const { mb, ms } = fileBudget();
  return new Promise((resolve) => {
    let settled = false;
    const settle = (r: T | Failed) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(r);
    };
    const worker = new Worker(script, { eval: evalCode, workerData, resourceLimits: { maxOldGenerationSizeMb: mb } });
    const timer = setTimeout(() => settle({ ok: false, reason: { zh: `超出单个文件的时间上限(${ms / 1000} 秒)`, en: `over the time budget of one file (${ms / 1000} s)` } }), ms);
    worker.on('message', (r: T) => settle(r));
    worker.on('error', (e: NodeJS.ErrnoException) =>
      settle({
        ok: false,
        reason: e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? { zh: `超出单个文件的内存上限(${mb} MB)`, en: `over the memory budget of one file (${mb} MB)` } : { zh: `无法读取(${e.message})`, en: `cannot read (${e.message})` },
      }),
    );
    worker.on('exit', () => settle({ ok: false, reason: { zh: '读取它的线程意外停止', en: 'the thread reading it stopped' } }));
  });
}

/** A plan on disk to analyse in a worker: its path and URI, and the editor's part of its settings. */
export interface TextJob {
  path: string;
  uri: string;
  /** `m<mtime>:<size>` when the job was made: a result is reused while the file keeps it. */
  version: string;
  adapter: AdapterOptions;
}

export type TextOutcome = { ok: true; diagnostics: Diagnostic[] } | Failed;

/** Reads, decodes and analyses the plan of `job` (in the worker; on this thread outside the bundle). */
export function analyseTextFile(job: TextJob): TextOutcome {
  const read = readRegularFile(job.path, MAX_TEXT_BYTES);
  if (!read.ok) return { ok: false, reason: read.reason };
  const decoded = decodePlan(read.bytes);
  if (!decoded.ok) return decoded;
  const context = planContext(job.path, job.uri, decoded.text, job.adapter, new Map());
  return { ok: true, diagnostics: analysePlan(decoded.text, context.options).diagnostics };
}

/** The plan of `job` analysed within the file budget, in dist/text-worker.js (here, when there is no such bundle: the unit tests). */
export function analyseTextInBudget(job: TextJob): Promise<TextOutcome> {
  const worker = join(__dirname, 'text-worker.js');
  if (!existsSync(worker)) return Promise.resolve(analyseTextFile(job));
  return runInBudget<TextOutcome>(worker, job);
}
