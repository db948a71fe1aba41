// A 1,000-plan workspace: copies of the samples and, when ../shared exists, of the corpus plans,
// generated into a temp folder. The real server over stdio (start-up, workspace symbols, references
// of a department, workspace diagnostics) and the CLI on the same folder, with time and peak memory.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient } from '../support/lspClient';
import { corpusDir, corpusPresent, fmt, loadNote, processCpuMs, processPeakMb, runNode } from './measure';

/** Writes `count` plans into `folder` (100 to a sub-folder); returns the path of the first sample copy. */
export function makeWorkspace(folder: string, count: number): string {
  const sources = readdirSync('samples')
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => join('samples', f));
  if (corpusPresent()) for (const f of readdirSync(corpusDir).sort()) if (f.endsWith('.txt')) sources.push(join(corpusDir, f));
  let first = '';
  for (let i = 0; i < count; i++) {
    const dir = join(folder, `d${Math.floor(i / 100)}`);
    if (i % 100 === 0) mkdirSync(dir, { recursive: true });
    const src = sources[i % sources.length];
    const to = join(dir, `${String(i).padStart(4, '0')}-${basename(src)}`);
    copyFileSync(src, to);
    if (!first && src.endsWith('qingxi-city-plan.md')) first = to;
  }
  return first;
}

export async function workspaceBench(count = 1000): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'ecoplan-ws-bench-'));
  const rows: string[] = [];
  const timed = async <T>(name: string, fn: () => Promise<T>, pid: number | undefined, what: (r: T) => string): Promise<T> => {
    const cpu0 = processCpuMs(pid);
    const t0 = performance.now();
    const r = await fn();
    const ms = performance.now() - t0;
    rows.push(`| ${name} | ${fmt(ms)} | ${fmt(processCpuMs(pid) - cpu0)} | ${fmt(processPeakMb(pid))} | ${what(r)} |`);
    return r;
  };
  try {
    const opened = makeWorkspace(folder, count);
    const uri = pathToFileURL(opened).toString();
    console.log(`\n## A ${count}-plan workspace (${corpusPresent() ? 'samples and corpus plans' : 'samples only: ../shared/corpus not found'}; ${loadNote()})\n`);
    const started = performance.now();
    const client = new LspClient();
    try {
      const pid = () => client.pid;
      // a pulling client (VS Code): workspace diagnostics are asked for, not pushed
      await client.initialize(folder, { textDocument: { diagnostic: { dynamicRegistration: false } } }, { settings: { include: ['**/*.txt'], diagnostics: { scope: 'workspace' } } });
      const text = readFileSync(opened, 'utf8');
      client.open(uri, text, 1);
      const firstItems = await client.request<{ items: unknown[] }>('textDocument/diagnostic', { textDocument: { uri } });
      rows.push(`| server start → first diagnostics of one open plan | ${fmt(performance.now() - started)} | ${fmt(processCpuMs(pid()))} | ${fmt(processPeakMb(pid()))} | ${firstItems.items.length} diagnostics |`);
      const symbolCount = (r: unknown[] | null) => `${r?.length ?? 0} symbols`;
      await timed('workspace symbols, first (every plan read and analysed)', () => client.request<unknown[]>('workspace/symbol', { query: '不在任何方案里' }), pid(), symbolCount);
      await timed('workspace symbols again (`生态`)', () => client.request<unknown[]>('workspace/symbol', { query: '生态' }), pid(), symbolCount);
      const at = text.indexOf('市生态环境局');
      const before = text.slice(0, at);
      const position = { line: before.split('\n').length - 1, character: at - (before.lastIndexOf('\n') + 1) };
      await timed('references of 市生态环境局', () => client.request<unknown[]>('textDocument/references', { textDocument: { uri }, position, context: { includeDeclaration: true } }), pid(), (r) => `${r?.length ?? 0} places`);
      await timed(
        'workspace diagnostics',
        () => client.request<{ items: { items: unknown[] }[] }>('workspace/diagnostic', { previousResultIds: [] }),
        pid(),
        (r) => `${r.items.length} plans, ${r.items.reduce((n, x) => n + x.items.length, 0)} diagnostics`,
      );
      rows.push(`| server, all of the above | ${fmt(performance.now() - started)} | ${fmt(processCpuMs(pid()))} | ${fmt(processPeakMb(pid()))} | |`);
    } finally {
      await client.stop();
    }
    // the CLI on one thread, then as it runs by default (worker threads from 100 files, one per processor)
    for (const [name, extra] of [['--jobs 1', ['--jobs', '1']], ['default jobs', []]] as const) {
      const cli = await runNode([join(process.cwd(), 'bin', 'ecoplan.js'), 'check', folder, ...extra]);
      const summary = cli.stdout.trim().split('\n').pop() ?? '';
      rows.push(`| CLI: ecoplan check <folder> (${name}) | ${fmt(cli.wallMs)} | ${fmt(cli.cpuMs)} | ${fmt(cli.maxRssKb / 1024)} | ${summary} |`);
    }
    console.log('| step | wall ms | CPU ms | peak MB (so far) | result |');
    console.log('|---|---:|---:|---:|---|');
    for (const r of rows) console.log(r);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
