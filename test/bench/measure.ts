// What the benches share: quantiles, whole-process timing, and a server's CPU time and peak memory.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';

export function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
}

export const median = (xs: number[]) => quantile(xs, 0.5);

export interface ProcessRun {
  wallMs: number;
  /** user + system CPU of the process itself, Node's own start-up included */
  cpuMs: number;
  maxRssKb: number;
  code: number | null;
  stdout: string;
}

/** Runs `node <args>` to its end; CPU time and peak memory come from the process itself (cpuHook.cjs). */
export function runNode(args: string[], cwd = process.cwd()): Promise<ProcessRun> {
  const hook = join(process.cwd(), 'test', 'bench', 'cpuHook.cjs');
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, ['-r', hook, ...args], { cwd, stdio: ['ignore', 'pipe', 'ignore', 'pipe'] });
    let stdout = '';
    let report = '';
    child.stdout!.on('data', (d) => (stdout += String(d)));
    child.stdio[3]!.on('data', (d) => (report += String(d)));
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = performance.now() - t0;
      let r = { cpuMs: NaN, maxRssKb: NaN };
      try {
        r = JSON.parse(report);
      } catch {
        // the process died before its exit hook ran
      }
      resolve({ wallMs, cpuMs: r.cpuMs, maxRssKb: r.maxRssKb, code, stdout });
    });
  });
}

/** CPU time (ms) a running process has used so far: /proc (Linux); NaN elsewhere. */
export function processCpuMs(pid: number | undefined): number {
  if (pid === undefined) return NaN;
  try {
    // schedstat: time on CPU in ns, finer than the clock ticks of /proc/<pid>/stat
    return Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
  } catch {
    return NaN;
  }
}

/** Peak resident memory (MB) of a running process: VmHWM from /proc (Linux); NaN elsewhere. */
export function processPeakMb(pid: number | undefined): number {
  if (pid === undefined) return NaN;
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

/** The machine's load when a figure was taken: on a shared machine wall times follow it. */
export function loadNote(): string {
  return `load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ')} (1/5/15 min)`;
}

export const corpusDir = join(process.cwd(), '..', 'shared', 'corpus');
export const corpusPresent = () => existsSync(corpusDir);

export const fmt = (x: number, digits = 0) => (Number.isFinite(x) ? x.toFixed(digits) : 'n/a');
