// LSP-level figures: the real server (dist/server.js) over stdio, as an editor drives it.
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient } from '../support/lspClient';
import { syntheticPlan } from '../support/synthetic';
import { diagnosticsFor, emptyFigures, type AimFigures } from './aims';

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
}

const median = (xs: number[]) => quantile(xs, 0.5);

interface DocFigures {
  name: string;
  kb: number;
  firstMs: number;
  /** performance.now() when the first diagnostics arrived */
  firstAt: number;
  diagnostics: number;
  keystroke: number[];
  completion: number[];
}

async function measureDocument(client: LspClient, folder: string, name: string, text: string, keystrokes: number, completions: number): Promise<DocFigures> {
  const uri = pathToFileURL(join(folder, `${name}.plan.md`)).toString();
  let version = 1;
  const t0 = performance.now();
  const first = diagnosticsFor(client, uri, version);
  client.open(uri, text, version);
  const firstDiagnostics = await first;
  const firstAt = performance.now();
  const firstMs = firstAt - t0;

  // one character typed over a target's digit in the middle of the plan, then put back
  const at = text.indexOf('城镇污水处理率达9', Math.floor(text.length / 2)) + '城镇污水处理率达'.length;
  const before = text.slice(0, at);
  const line = before.split('\n').length - 1;
  const character = at - (before.lastIndexOf('\n') + 1);
  const original = text[at];
  const keystroke: number[] = [];
  for (let i = 0; i < keystrokes; i++) {
    version++;
    const ch = i % 2 === 0 ? '8' : original;
    const t = performance.now();
    const published = diagnosticsFor(client, uri, version);
    client.change(uri, version, [{ range: { start: { line, character }, end: { line, character: character + 1 } }, text: ch }]);
    await published;
    keystroke.push(performance.now() - t);
  }

  // completion after `@` inside a responsibility clause
  const clauseAt = text.indexOf('(责任单位:@', Math.floor(text.length / 2)) + '(责任单位:@'.length;
  const cBefore = text.slice(0, clauseAt);
  const position = { line: cBefore.split('\n').length - 1, character: clauseAt - (cBefore.lastIndexOf('\n') + 1) };
  const completion: number[] = [];
  for (let i = 0; i < completions; i++) {
    const t = performance.now();
    await client.request('textDocument/completion', { textDocument: { uri }, position });
    completion.push(performance.now() - t);
  }
  client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  return { name, kb: Buffer.byteLength(text) / 1024, firstMs, firstAt, diagnostics: firstDiagnostics.diagnostics.length, keystroke, completion };
}

export async function lspBench(f: AimFigures = emptyFigures(), withCompletion = true): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'ecoplan-lsp-bench-'));
  const started = performance.now();
  const client = new LspClient();
  try {
    await client.initialize(folder, { textDocument: { publishDiagnostics: { versionSupport: true } } });
    const rows: DocFigures[] = [];
    rows.push(await measureDocument(client, folder, 'plan-35kb', syntheticPlan(35 * 1024), 41, 60));
    const startToFirst = rows[0].firstAt - started;
    rows.push(await measureDocument(client, folder, 'plan-1mb', syntheticPlan(1024 * 1024), 21, 40));

    console.log('\n| LSP, real server over stdio | KB | diagnostics | open → first publish ms | didChange (1 char) → publishDiagnostics median ms | p95 ms | completion p95 ms |');
    console.log('|---|---:|---:|---:|---:|---:|---:|');
    for (const r of rows) {
      // the first keystroke after opening re-parses everything once more (JIT, cold chunks): report the steady state
      const steady = r.keystroke.slice(1);
      console.log(
        `| ${r.name} | ${r.kb.toFixed(1)} | ${r.diagnostics} | ${r.firstMs.toFixed(0)} | ${median(steady).toFixed(1)} | ${quantile(steady, 0.95).toFixed(1)} | ${quantile(r.completion, 0.95).toFixed(1)} |`,
      );
    }
    f.keystroke1mbMs = median(rows[1].keystroke.slice(1));
    console.log(`\nserver start (spawn, initialize, open the 35 KB plan) → first diagnostics: ${startToFirst.toFixed(0)} ms`);
  } finally {
    await client.stop();
    rmSync(folder, { recursive: true, force: true });
  }
  if (withCompletion) await completionBench();
}

/**
 * Completion as a drafter meets it (issue 12): the first `@` completion in a freshly started
 * server on a 35 KB plan (a new server per run; the workspace folder holds the sample plans), and
 * completion sent right after typing `@` on a 1 MB plan (the keystroke's re-analysis still pending).
 */
export async function completionBench(runs = { fresh: 9, typed: 30 }): Promise<{ fresh: number[]; typed: number[]; freshItems: number; typedItems: number }> {
  const folder = mkdtempSync(join(tmpdir(), 'ecoplan-completion-bench-'));
  const samples = join(process.cwd(), 'samples');
  if (existsSync(samples)) for (const f of readdirSync(samples)) if (f.endsWith('.md')) copyFileSync(join(samples, f), join(folder, f));
  const completionAt = (text: string) => {
    const at = text.indexOf('(责任单位:@', Math.floor(text.length / 2)) + '(责任单位:@'.length;
    const before = text.slice(0, at);
    return { line: before.split('\n').length - 1, character: at - (before.lastIndexOf('\n') + 1) };
  };
  const count = (r: unknown) => (Array.isArray(r) ? r.length : ((r as { items?: unknown[] } | null)?.items?.length ?? 0));
  const fresh: number[] = [];
  let freshItems = 0;
  const small = syntheticPlan(35 * 1024);
  try {
    for (let i = 0; i < runs.fresh; i++) {
      const client = new LspClient();
      try {
        await client.initialize(folder, { textDocument: { publishDiagnostics: { versionSupport: true } } });
        const uri = pathToFileURL(join(folder, `fresh-${i}.plan.md`)).toString();
        const first = diagnosticsFor(client, uri, 1);
        client.open(uri, small, 1);
        await first;
        const t = performance.now();
        const r = await client.request('textDocument/completion', { textDocument: { uri }, position: completionAt(small) });
        fresh.push(performance.now() - t);
        freshItems = count(r);
      } finally {
        await client.stop();
      }
    }
    // 1 MB: type `@` at the end of a clause's line, ask for completion at once, then delete it again
    const big = syntheticPlan(1024 * 1024);
    const client = new LspClient();
    const typed: number[] = [];
    let typedItems = 0;
    try {
      await client.initialize(folder, { textDocument: { publishDiagnostics: { versionSupport: true } } });
      const uri = pathToFileURL(join(folder, 'big.plan.md')).toString();
      const first = diagnosticsFor(client, uri, 1);
      client.open(uri, big, 1);
      await first;
      const pos = completionAt(big);
      const at = { line: pos.line, character: pos.character - 1 }; // just before the existing `@`
      let version = 1;
      for (let i = 0; i < runs.typed; i++) {
        client.change(uri, ++version, [{ range: { start: at, end: at }, text: '@' }]);
        const t = performance.now();
        const r = await client.request('textDocument/completion', { textDocument: { uri }, position: { line: at.line, character: at.character + 1 } });
        typed.push(performance.now() - t);
        typedItems = count(r);
        const settled = diagnosticsFor(client, uri, version + 1);
        client.change(uri, ++version, [{ range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: '' }]);
        await settled;
      }
    } finally {
      await client.stop();
    }
    console.log('\n| completion after `@`, real server over stdio | runs | median ms | p95 ms | items |');
    console.log('|---|---:|---:|---:|---:|');
    console.log(`| first completion in a fresh server, 35 KB plan | ${fresh.length} | ${median(fresh).toFixed(1)} | ${quantile(fresh, 0.95).toFixed(1)} | ${freshItems} |`);
    console.log(`| right after typing \`@\`, 1 MB plan | ${typed.length} | ${median(typed).toFixed(1)} | ${quantile(typed, 0.95).toFixed(1)} | ${typedItems} |`);
    return { fresh, typed, freshItems, typedItems };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
