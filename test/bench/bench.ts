// `npm run bench`: analysis time per document (median of repeated runs) for the bundled samples,
// the real plans in ../shared/corpus when present, and a synthetic 1 MB plan; compared with
// remark-parse alone on the same text. Then what a user feels: the CLI as whole processes, server
// start-up, keystrokes and completion over stdio, and a 1,000-plan workspace.
// `npm run bench -- --only startup|lsp|workspace|review` runs one part (the analysis tables are skipped).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { analysePlan } from '../../server/src/core/analyse';
import { syntheticPlan } from '../support/synthetic';
import { lspBench } from './lspBench';
import { cliStartupBench, serverStartupBench } from './startupBench';
import { workspaceBench } from './workspaceBench';
import { reviewBench } from './reviewBench';
import { wordBench } from './wordBench';
import { deriveTables } from '../../server/src/core/tables/deriveTables';
import { TABLE_KINDS } from '../../server/src/report/columns';
import { toCsv, toHtml, toJson, toMarkdown } from '../../server/src/report/render';
import { toXlsx } from '../../server/src/report/xlsx';

const plainRemark = unified().use(remarkParse);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(fn: () => void, minRuns: number, budgetMs: number): number {
  const runs: number[] = [];
  const start = performance.now();
  while (runs.length < minRuns || (performance.now() - start < budgetMs && runs.length < 200)) {
    const t = performance.now();
    fn();
    runs.push(performance.now() - t);
  }
  return median(runs);
}

interface Row {
  name: string;
  kb: number;
  analyse: number;
  remark: number;
}

function bench(name: string, text: string, format: 'markdown' | 'text'): Row {
  // warm up (JIT, name index)
  for (let i = 0; i < 3; i++) analysePlan(text, { uri: name, format });
  const analyse = time(() => analysePlan(text, { uri: name, format }), 5, 1500);
  const remark = time(() => plainRemark.parse(text), 5, 1500);
  return { name, kb: Buffer.byteLength(text) / 1024, analyse, remark };
}

async function main() {
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt >= 0 ? process.argv[onlyAt + 1] : null;
if (only) {
  if (only === 'startup') await startup();
  else if (only === 'lsp') await lspBench();
  else if (only === 'workspace') await workspaceBench();
  else if (only === 'review') await reviewBench();
  else console.error(`--only: startup, lsp, workspace or review, not ${only}`);
  return;
}
const rows: Row[] = [];
const samples = join(process.cwd(), 'samples');
for (const f of existsSync(samples) ? readdirSync(samples).sort() : []) {
  if (!/\.(md|txt)$/.test(f)) continue;
  rows.push(bench(`samples/${f}`, readFileSync(join(samples, f), 'utf8'), f.endsWith('.txt') ? 'text' : 'markdown'));
}
const corpus = join(process.cwd(), '..', 'shared', 'corpus');
if (existsSync(corpus)) {
  for (const f of readdirSync(corpus).sort()) {
    if (!f.endsWith('.txt')) continue;
    const text = readFileSync(join(corpus, f), 'utf8');
    rows.push(bench(`corpus/${f} (text)`, text, 'text'));
    rows.push(bench(`corpus/${f} (as markdown)`, text, 'markdown'));
  }
} else {
  console.log('(skipped: ../shared/corpus not found — real-plan figures need it)');
}
const big = syntheticPlan(1024 * 1024);
const half = syntheticPlan(512 * 1024);
rows.push(bench('synthetic 512 KB', half, 'markdown'));
rows.push(bench('synthetic 1 MB', big, 'markdown'));

console.log('| document | KB | analysis median ms | remark-parse alone ms | ratio |');
console.log('|---|---:|---:|---:|---:|');
for (const r of rows) {
  console.log(`| ${r.name} | ${r.kb.toFixed(1)} | ${r.analyse.toFixed(2)} | ${r.remark.toFixed(2)} | ${(r.analyse / r.remark).toFixed(2)} |`);
}
// Tables: all four tables in every text format, after analysis (the analysis itself is above)
console.log('\n| document | KB | four tables, md+csv+html+json, median ms | + xlsx (one workbook) ms |');
console.log('|---|---:|---:|---:|');
const tableDocs: [string, string, 'markdown' | 'text'][] = [];
if (existsSync(corpus)) for (const f of readdirSync(corpus).sort()) if (f.endsWith('.txt')) tableDocs.push([`corpus/${f}`, readFileSync(join(corpus, f), 'utf8'), 'text']);
for (const f of existsSync(samples) ? readdirSync(samples).sort() : []) if (f.endsWith('.md')) tableDocs.push([`samples/${f}`, readFileSync(join(samples, f), 'utf8'), 'markdown']);
for (const [name, text, format] of tableDocs) {
  const a = analysePlan(text, { uri: name, format });
  const tablesMs = time(() => {
    const t = deriveTables(a);
    toMarkdown(t, TABLE_KINDS);
    toHtml(t, TABLE_KINDS);
    toJson(t, TABLE_KINDS);
    for (const k of TABLE_KINDS) toCsv(t, k);
  }, 5, 1000);
  const xs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    await toXlsx(deriveTables(a), TABLE_KINDS);
    xs.push(performance.now() - t0);
  }
  console.log(`| ${name} | ${(Buffer.byteLength(text) / 1024).toFixed(1)} | ${tablesMs.toFixed(2)} | ${median(xs).toFixed(1)} |`);
}

const h = rows[rows.length - 2];
const b = rows[rows.length - 1];
console.log(`\nscaling 512 KB → 1 MB: ×${(b.analyse / h.analyse).toFixed(2)} time for ×${(b.kb / h.kb).toFixed(2)} size (linear ≈ 2)`);
await startup();
await wordBench();
await lspBench();
await workspaceBench();
await reviewBench();
}

async function startup() {
  await cliStartupBench();
  await serverStartupBench();
}

void main();
