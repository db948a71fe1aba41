// Start-up as a user feels it: `ecoplan check` as whole processes (against Node's own start-up and
// markdownlint-cli2 on the same files), and a fresh server from spawn to the first diagnostics.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient } from '../support/lspClient';
import { syntheticPlan } from '../support/synthetic';
import { emptyFigures, type AimFigures } from './aims';
import { corpusDir, corpusPresent, fmt, loadNote, median, processCpuMs, quantile, runNode, type ProcessRun } from './measure';

const ECOPLAN = join(process.cwd(), 'bin', 'ecoplan.js');
const MARKDOWNLINT = join(process.cwd(), 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');

async function runs(n: number, args: string[]): Promise<ProcessRun[]> {
  await runNode(args); // warm the file cache
  const out: ProcessRun[] = [];
  for (let i = 0; i < n; i++) out.push(await runNode(args));
  return out;
}

function row(name: string, r: ProcessRun[]): string {
  const wall = r.map((x) => x.wallMs);
  const cpu = r.map((x) => x.cpuMs);
  const rss = Math.max(...r.map((x) => x.maxRssKb)) / 1024;
  return `| ${name} | ${r.length} | ${fmt(median(wall))} | ${fmt(quantile(wall, 0.95))} | ${fmt(median(cpu))} | ${fmt(quantile(cpu, 0.95))} | ${fmt(rss)} |`;
}

/** The five plans of the CLI comparison: the three corpus plans and two samples (the samples alone without ../shared). */
function fivePlans(): string[] {
  const samples = ['samples/qingxi-city-plan.md', 'samples/yunling-county-plan.md'];
  if (!corpusPresent()) return ['samples/problem-plan.md', ...samples];
  const corpus = readdirSync(corpusDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => join(corpusDir, f));
  return [...corpus, ...samples];
}

export async function cliStartupBench(f: AimFigures = emptyFigures()): Promise<void> {
  console.log(`\n## CLI as whole processes (${loadNote()})\n`);
  console.log('| process | runs | wall median ms | wall p95 ms | CPU median ms | CPU p95 ms | peak MB |');
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  const bare = await runs(15, ['-e', '0']);
  console.log(row('node -e 0 (Node itself, for reference)', bare));
  const one = await runs(15, [ECOPLAN, 'check', 'samples/qingxi-city-plan.md']);
  f.nodeWallMs = median(bare.map((r) => r.wallMs));
  f.checkOneWallMs = median(one.map((r) => r.wallMs));
  f.nodeCpuMs = median(bare.map((r) => r.cpuMs));
  f.checkOneCpuMs = median(one.map((r) => r.cpuMs));
  console.log(row('ecoplan check samples/qingxi-city-plan.md (17 KB)', one));
  const five = fivePlans();
  const label = corpusPresent() ? '3 corpus plans + 2 samples' : '3 samples (../shared/corpus not found)';
  const ours = await runs(9, [ECOPLAN, 'check', ...five]);
  console.log(row(`ecoplan check, ${label}`, ours));
  if (!existsSync(MARKDOWNLINT)) {
    console.log('\n(skipped: markdownlint-cli2 is not installed — the comparison needs `npm install` with dev dependencies)');
    return;
  }
  const theirs = await runs(9, [MARKDOWNLINT, ...five]);
  console.log(row(`markdownlint-cli2, same files`, theirs));
  f.fivePlansCpuMs = median(ours.map((r) => r.cpuMs));
  f.markdownlintCpuMs = median(theirs.map((r) => r.cpuMs));
  const ratio = f.fivePlansCpuMs / f.markdownlintCpuMs;
  console.log(`\necoplan check / markdownlint-cli2, median CPU on the same files: ${ratio.toFixed(2)}×`);
}

export async function serverStartupBench(runsWanted = 9, f: AimFigures = emptyFigures()): Promise<void> {
  const text = syntheticPlan(35 * 1024);
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runsWanted; i++) {
    const folder = mkdtempSync(join(tmpdir(), 'ecoplan-start-bench-'));
    const started = performance.now();
    const client = new LspClient();
    try {
      await client.initialize(folder, { textDocument: { publishDiagnostics: { versionSupport: true } } });
      const uri = pathToFileURL(join(folder, 'plan-35kb.plan.md')).toString();
      const first = client.nextDiagnostics(uri);
      client.open(uri, text, 1);
      await first;
      wall.push(performance.now() - started);
      cpu.push(processCpuMs(client.pid));
    } finally {
      await client.stop();
      rmSync(folder, { recursive: true, force: true });
    }
  }
  console.log(`\n## Server start (spawn dist/server.js, initialize, open a 35 KB plan) → first diagnostics (${loadNote()})\n`);
  console.log('| runs | wall median ms | wall p95 ms | server CPU median ms | server CPU p95 ms |');
  console.log('|---:|---:|---:|---:|---:|');
  f.serverStartMs = median(wall);
  f.serverStartCpuMs = median(cpu);
  console.log(`| ${wall.length} | ${fmt(median(wall))} | ${fmt(quantile(wall, 0.95))} | ${fmt(median(cpu))} | ${fmt(quantile(cpu, 0.95))} |`);
}
