import { availableParallelism, cpus, freemem } from 'node:os';
import { Worker, parentPort, workerData } from 'node:worker_threads';
import type { LoadedConfig } from '../node/config';
import { BUDGET_FROM_BYTES, fileBudget } from '../node/fileBudget';
import { checkOneFile, type CheckFileArgs, type FileOutcome } from './checkFile';

/**
 * `ecoplan check` on many files: `jobs - 1` worker threads, each running the CLI bundle (dist/cli.js,
 * through the V8 code cache when there is one) and checking one file at a time with `checkOneFile`,
 * and the main thread checking files too between handing them out. Each outcome is passed on in file
 * order, so the output is the one of a sequential run. A worker that dies has its files checked on
 * the main thread.
 */

/**
 * Below this many files one thread is as fast whatever the processors: a worker takes ~0.6 s to
 * load the bundle and warm up (its own JIT), what 20–40 plans take.
 */
export const PARALLEL_FROM = 100;

/**
 * Jobs when `--jobs` is not given: one per processor but one, at most 8. One thread checking plans
 * already keeps more than one processor busy (V8 compiles and collects garbage on helper threads:
 * 1,000 plans on 2 cores took 12.0–12.8 s of CPU in 11.3–11.5 s wall), and on this 2-core machine a second
 * job made the check slower (13.6–14.9 s wall against 11.3–11.5 s, load average 4.4–5.4), so on two
 * processors the default stays on one thread.
 */
export function defaultJobs(): number {
  const n = typeof availableParallelism === 'function' ? availableParallelism() : cpus().length;
  return Math.max(1, Math.min(8, n - 1));
}

/** Memory a job may take (a worker's heap limit, checkPool's resourceLimits, and then some). */
export const MEMORY_PER_JOB_MB = 320;

/**
 * The most jobs this machine runs at once: one per processor (at least two, so that a file past its
 * budget is reported by its worker while the others go on), and no more than free memory holds at
 * MEMORY_PER_JOB_MB each. `--jobs 200` started 200 workers (3.4 GB).
 */
export function maxJobs(): { jobs: number; processors: number; freeMb: number } {
  const processors = typeof availableParallelism === 'function' ? availableParallelism() : cpus().length;
  const freeMb = Math.floor(freemem() / 1024 / 1024);
  return { jobs: Math.max(1, Math.min(Math.max(2, processors), Math.floor(freeMb / MEMORY_PER_JOB_MB))), processors, freeMb };
}

/** What the main thread gives a worker to start with. */
interface PoolData {
  ecoplanCheckWorker: true;
  /** dist/, where cli.js (this bundle) and compileCache.js are. */
  dist: string;
  /** Whether to load the Word bundle (a .docx is among the files). */
  word: boolean;
  args: CheckFileArgs;
}

interface Job {
  i: number;
  file: string;
  display: string;
}

/** Whether this thread is a check worker (bin.ts asks before running a command). */
export function isCheckWorker(): boolean {
  return parentPort !== null && (workerData as PoolData | undefined)?.ecoplanCheckWorker === true;
}

/** Whether a check worker must load the Word bundle before it starts. */
export function checkWorkerNeedsWord(): boolean {
  return (workerData as PoolData).word;
}

/** The worker's side: check each file it is sent and send back the outcome. */
export function serveCheckWorker(): void {
  const { args } = workerData as PoolData;
  const configCache = new Map<string, LoadedConfig>();
  parentPort!.on('message', (job: Job) => {
    parentPort!.postMessage({ i: job.i, outcome: checkOneFile(job.file, job.display, args, configCache) });
  });
}

/** What a worker thread of the CLI runs first: the code cache, then the CLI bundle, which asks what kind of worker it is (bin.ts). */
export const WORKER_BOOT = `const { workerData } = require('node:worker_threads');
const { join } = require('node:path');
try { require(join(workerData.dist, 'compileCache.js')).installCompileCache(workerData.dist); } catch {}
require(join(workerData.dist, 'cli.js'));`;

// The budget of one file read in a worker (node/fileBudget.ts): Word files and text files from
// BUDGET_FROM_BYTES are checked only there, each alone in its worker, whose heap is capped; past the
// heap or the time limit the worker is ended and the file reported, never the run (an out-of-memory
// in a worker used to take the main process with it).
export { BUDGET_FROM_BYTES, fileBudget };

function overBudget(file: string, why: 'memory' | 'time' | 'stopped'): FileOutcome {
  const { mb, ms } = fileBudget();
  const io =
    why === 'memory'
      ? `${file}: 超出单个文件的内存上限(${mb} MB),未检查 / over the memory budget of one file (${mb} MB), not checked`
      : why === 'time'
        ? `${file}: 超出单个文件的时间上限(${ms / 1000} 秒),未检查 / over the time budget of one file (${ms / 1000} s), not checked`
        : `${file}: 检查它的线程意外停止,未检查 / the thread checking it stopped, not checked`;
  return { checked: false, tasks: 0, errors: 0, warnings: 0, lines: [], stderr: [], io: [io] };
}

/**
 * Checks `files` on this thread and `jobs - 1` worker threads; `onOutcome` gets each file's outcome
 * in file order. The files `budgeted` picks are checked only in workers, one at a time, within the
 * file budget (at least one worker is started for them).
 */
export function checkInWorkers(
  files: string[],
  displays: string[],
  args: CheckFileArgs,
  jobs: number,
  onOutcome: (o: FileOutcome) => void,
  word = false,
  budgeted: (i: number) => boolean = () => false,
): Promise<void> {
  return new Promise((resolvePool) => {
    const outcomes: (FileOutcome | undefined)[] = new Array(files.length);
    const light: number[] = [];
    const heavy: number[] = [];
    for (let i = 0; i < files.length; i++) (budgeted(i) ? heavy : light).push(i);
    let flushed = 0; // outcomes passed on so far
    const configCache = new Map<string, LoadedConfig>(); // for the files checked on this thread
    const workers = new Set<Worker>();
    const retried = new Set<number>();
    const budget = fileBudget();
    let done = false;
    const flush = () => {
      while (flushed < files.length && outcomes[flushed] !== undefined) {
        onOutcome(outcomes[flushed]!);
        outcomes[flushed++] = undefined;
      }
      if (flushed === files.length && !done) {
        done = true;
        for (const w of workers) void w.terminate();
        workers.clear();
        resolvePool();
      }
    };
    const checkHere = (i: number) => {
      outcomes[i] = checkOneFile(files[i], displays[i], args, configCache);
    };
    const data: PoolData = { ecoplanCheckWorker: true, dist: __dirname, word, args };
    const wanted = () => Math.max(jobs - 1, heavy.length > 0 ? 1 : 0);
    const startWorker = () => {
      const worker = new Worker(WORKER_BOOT, {
        eval: true,
        workerData: data,
        resourceLimits: { maxOldGenerationSizeMb: budget.mb },
      });
      const inFlight = new Set<number>();
      let heavyInFlight: number | null = null;
      let timer: NodeJS.Timeout | undefined;
      let cause: 'memory' | 'time' | null = null;
      const send = (i: number) => {
        inFlight.add(i);
        worker.postMessage({ i, file: files[i], display: displays[i] } satisfies Job);
      };
      const give = () => {
        if (heavyInFlight !== null) return;
        // a budgeted file goes alone, so that what ends it ends nothing else
        if (heavy.length > 0 && inFlight.size === 0) {
          const i = heavy.shift()!;
          heavyInFlight = i;
          send(i);
          timer = setTimeout(() => {
            cause = 'time';
            void worker.terminate();
          }, budget.ms);
          return;
        }
        if (heavy.length === 0 && light.length > 0 && inFlight.size < 2) send(light.shift()!);
      };
      const died = (err?: Error) => {
        clearTimeout(timer);
        if (!workers.delete(worker) || done) return;
        if (err && (err as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY') cause = 'memory';
        if (heavyInFlight !== null) {
          const i = heavyInFlight;
          inFlight.delete(i);
          // ended by its budget: reported; stopped otherwise: tried once more in a new worker
          if (cause || retried.has(i)) outcomes[i] = overBudget(files[i], cause ?? 'stopped');
          else (retried.add(i), heavy.unshift(i));
        }
        for (const i of inFlight) checkHere(i);
        inFlight.clear();
        while (workers.size < wanted() && (heavy.length > 0 || light.length > 0)) startWorker();
        flush();
      };
      worker.on('message', ({ i, outcome }: { i: number; outcome: FileOutcome }) => {
        inFlight.delete(i);
        if (i === heavyInFlight) {
          clearTimeout(timer);
          heavyInFlight = null;
        }
        outcomes[i] = outcome;
        give();
        give();
        flush();
      });
      worker.on('error', died);
      worker.on('exit', () => died());
      workers.add(worker);
      // two files in flight, so a worker never waits for the main thread between files
      give();
      give();
    };
    for (let w = 0; w < wanted(); w++) startWorker();
    // this thread takes the next file whenever it has handed out what workers asked for
    const work = () => {
      if (light.length === 0) return;
      checkHere(light.shift()!);
      flush();
      setImmediate(work);
    };
    setImmediate(work);
    // nothing to check at all
    flush();
  });
}
