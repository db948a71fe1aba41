// The speed aims of issue 22, each beside the figure measured in this run (a ratio where the aim is
// one, both sides taken in the same run), with PASS or MISS; and completion as the aim counts it:
// requests sent right after typing the trigger, the server's first completion request included.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { LspClient } from '../support/lspClient';
import { syntheticPlan } from '../support/synthetic';
import { fmt, loadNote, median, quantile } from './measure';

/** What the parts of the bench measured that the aims are about (ms; NaN when a part did not run). */
export interface AimFigures {
  nodeWallMs: number;
  checkOneWallMs: number;
  nodeCpuMs: number;
  checkOneCpuMs: number;
  serverStartMs: number;
  /** the server's own CPU time to its first diagnostics: what the machine's load does not inflate */
  serverStartCpuMs: number;
  keystroke1mbMs: number;
  fivePlansCpuMs: number;
  markdownlintCpuMs: number;
  /** p95 of completion after each trigger, by plan: `@ 35 KB`, `[[ 1 MB`… */
  completionP95: Map<string, number>;
}

export const emptyFigures = (): AimFigures => ({
  nodeWallMs: NaN,
  checkOneWallMs: NaN,
  nodeCpuMs: NaN,
  checkOneCpuMs: NaN,
  serverStartMs: NaN,
  serverStartCpuMs: NaN,
  keystroke1mbMs: NaN,
  fivePlansCpuMs: NaN,
  markdownlintCpuMs: NaN,
  completionP95: new Map(),
});

interface AimRow {
  aim: string;
  target: string;
  measured: string;
  value: number;
  limit: number;
}

export function aimRows(f: AimFigures): AimRow[] {
  const rows: AimRow[] = [];
  const ratio = f.checkOneWallMs / f.nodeWallMs;
  rows.push({ aim: '`ecoplan check` one plan (qingxi, 17 KB) / bare `node -e 0`, wall medians', target: '≤ 2.00×', measured: `${fmt(f.checkOneWallMs)} / ${fmt(f.nodeWallMs)} ms = ${fmt(ratio, 2)}× (CPU ${fmt(f.checkOneCpuMs)} / ${fmt(f.nodeCpuMs)} ms = ${fmt(f.checkOneCpuMs / f.nodeCpuMs, 2)}×)`, value: ratio, limit: 2 });
  rows.push({ aim: 'server start → first diagnostics, 35 KB plan, wall median', target: '≤ 300 ms', measured: `${fmt(f.serverStartMs)} ms (server CPU ${fmt(f.serverStartCpuMs)} ms)`, value: f.serverStartMs, limit: 300 });
  for (const [name, p95] of f.completionP95) rows.push({ aim: `completion after ${name}, p95, first request included`, target: '≤ 10 ms', measured: `${fmt(p95, 1)} ms`, value: p95, limit: 10 });
  rows.push({ aim: 'keystroke on the 1 MB plan → diagnostics, median', target: '≤ 30 ms', measured: `${fmt(f.keystroke1mbMs, 1)} ms`, value: f.keystroke1mbMs, limit: 30 });
  const five = f.fivePlansCpuMs / f.markdownlintCpuMs;
  rows.push({ aim: 'five plans / markdownlint-cli2 on the same files, CPU medians', target: '≤ 0.50×', measured: `${fmt(f.fivePlansCpuMs)} / ${fmt(f.markdownlintCpuMs)} ms = ${fmt(five, 2)}×`, value: five, limit: 0.5 });
  return rows;
}

export function printAims(f: AimFigures): void {
  console.log(`\n## The speed aims (issue 22), this run (${loadNote()})\n`);
  console.log('Wall times follow the machine\'s load (other processes on the same cores): compare runs at a like load average; CPU figures in brackets are the processes\' own.\n');
  console.log('| aim | target | measured | |');
  console.log('|---|---:|---:|---|');
  for (const r of aimRows(f)) console.log(`| ${r.aim} | ${r.target} | ${r.measured} | ${Number.isFinite(r.value) ? (r.value <= r.limit ? 'PASS' : 'MISS') : 'not measured'} |`);
}

/** Diagnostics for exactly this version (an older analysis may still be on its way). */
export async function diagnosticsFor(client: LspClient, uri: string, version: number): Promise<PublishDiagnosticsParams> {
  for (;;) {
    const p = await client.nextDiagnostics(uri);
    if (p.version === undefined || p.version >= version) return p;
  }
}

/** The position just after `marker`, looked for from the middle of `text`. */
function after(text: string, marker: string): { line: number; character: number } {
  const at = text.indexOf(marker, Math.floor(text.length / 2)) + marker.length;
  const before = text.slice(0, at);
  return { line: before.split('\n').length - 1, character: at - (before.lastIndexOf('\n') + 1) };
}

/**
 * Completion as the aim counts it: in a fresh server with the plan open and analysed, the trigger is
 * typed (one change per character) and completion asked for at once, `runs` times (the trigger
 * deleted again and its analysis awaited in between); the first of them is the server's first
 * completion request. `@` is typed in a responsibility clause, `[[` in a task's sentence.
 */
export async function completionAims(runs = 20): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  const folder = mkdtempSync(join(tmpdir(), 'ecoplan-aims-bench-'));
  try {
    for (const [label, kb] of [['35 KB', 35], ['1 MB', 1024]] as const) {
      const text = syntheticPlan(kb * 1024);
      for (const trigger of ['@', '[['] as const) {
        // `@`: typed before the clause's own `@`; `[[`: after the comma of a task's sentence
        const pos = trigger === '@' ? after(text, '(责任单位:') : after(text, '化肥施用强度保持410千克/公顷以下,');
        const client = new LspClient();
        const times: number[] = [];
        try {
          await client.initialize(folder, { textDocument: { publishDiagnostics: { versionSupport: true } } });
          const uri = pathToFileURL(join(folder, `aims-${kb}.plan.md`)).toString();
          const first = diagnosticsFor(client, uri, 1);
          client.open(uri, text, 1);
          await first;
          let version = 1;
          for (let i = 0; i < runs; i++) {
            for (let c = 0; c < trigger.length; c++) {
              const at = { line: pos.line, character: pos.character + c };
              client.change(uri, ++version, [{ range: { start: at, end: at }, text: trigger[c] }]);
            }
            const t = performance.now();
            await client.request('textDocument/completion', { textDocument: { uri }, position: { line: pos.line, character: pos.character + trigger.length } });
            times.push(performance.now() - t);
            const settled = diagnosticsFor(client, uri, version + 1);
            client.change(uri, ++version, [{ range: { start: pos, end: { line: pos.line, character: pos.character + trigger.length } }, text: '' }]);
            await settled;
          }
        } finally {
          await client.stop();
        }
        out.set(`\`${trigger}\` on the ${label} plan`, quantile(times, 0.95));
        console.log(`completion after ${trigger}, ${label}: first ${fmt(times[0], 1)} ms, median ${fmt(median(times), 1)} ms, p95 ${fmt(quantile(times, 0.95), 1)} ms (${runs} runs)`);
      }
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  return out;
}
