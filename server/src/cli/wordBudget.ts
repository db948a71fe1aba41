import { basename } from 'node:path';
import { Worker, parentPort, workerData } from 'node:worker_threads';
import type { WordRead, WordRevisionsRead } from '../node/wordRead';
import { MAX_WORD_BYTES } from '../node/planFiles';
import { readRegularFile } from '../node/safeRead';
import { fileBudget, WORKER_BOOT } from './checkPool';
import { wordSupport } from './wordHook';

/**
 * A Word file read for a command other than `check` (`ecoplan diff`), within the budget `check` gives
 * a Word file (checkPool.ts): in a worker thread whose heap is capped, ended past the time limit, so
 * that a file built to exhaust the reader is one message and never the run. Only the reading happens
 * there (unzip, XML, numbering): the text it gives is analysed on the main thread.
 */

/** What the main thread gives a Word-reading worker. */
interface ReadData {
  ecoplanWordReadWorker: true;
  dist: string;
}

type Job = { file: string; revisions: boolean };
export type BudgetedRead = WordRead | WordRevisionsRead;

export function isWordReadWorker(): boolean {
  return parentPort !== null && (workerData as ReadData | undefined)?.ecoplanWordReadWorker === true;
}

/** The worker's side (bin.ts, with the Word bundle loaded): read the file it is sent and send back the text. */
export function serveWordReadWorker(): void {
  parentPort!.on('message', ({ file, revisions }: Job) => {
    parentPort!.postMessage(readWordHere(file, revisions));
  });
}

function readWordHere(file: string, revisions: boolean): BudgetedRead {
  const support = wordSupport();
  if (!support) return { ok: false, reason: { zh: 'Word 读取模块未加载', en: 'the Word reader is not loaded' } };
  const read = readRegularFile(file, MAX_WORD_BYTES);
  if (!read.ok) return { ok: false, reason: read.code ? { zh: `无法读取(${read.code})`, en: `cannot read (${read.code})` } : read.reason };
  return revisions ? support.readRevisions(read.bytes, basename(file)) : support.readForCheck(read.bytes, basename(file));
}

/** Reads `file` (its accepted text, or with `revisions` both views) in a worker within the file budget. */
export function readWordWithinBudget(file: string, revisions: true): Promise<WordRevisionsRead>;
export function readWordWithinBudget(file: string, revisions: false): Promise<WordRead>;
export function readWordWithinBudget(file: string, revisions: boolean): Promise<BudgetedRead> {
  const budget = fileBudget();
  return new Promise((resolve) => {
    const worker = new Worker(WORKER_BOOT, {
      eval: true,
      workerData: { ecoplanWordReadWorker: true, dist: __dirname } satisfies ReadData,
      resourceLimits: { maxOldGenerationSizeMb: budget.mb },
    });
    let settled = false;
    const finish = (r: BudgetedRead) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(r);
    };
    const timer = setTimeout(
      () => finish({ ok: false, reason: { zh: `超出单个文件的时间上限(${budget.ms / 1000} 秒),未读取`, en: `over the time budget of one file (${budget.ms / 1000} s), not read` } }),
      budget.ms,
    );
    worker.on('message', (r: BudgetedRead) => finish(r));
    worker.on('error', (err: NodeJS.ErrnoException) =>
      finish(
        err.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? { ok: false, reason: { zh: `超出单个文件的内存上限(${budget.mb} MB),未读取`, en: `over the memory budget of one file (${budget.mb} MB), not read` } }
          : { ok: false, reason: { zh: `读取它的线程意外停止(${err.message})`, en: `the thread reading it stopped (${err.message})` } },
      ),
    );
    worker.on('exit', () => finish({ ok: false, reason: { zh: '读取它的线程意外停止', en: 'the thread reading it stopped' } }));
    worker.postMessage({ file, revisions } satisfies Job);
  });
}
