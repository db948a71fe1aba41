import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

// server.ts must open nothing when imported: every connection it could create is counted here
const created = vi.hoisted(() => ({ connections: 0 }));
vi.mock('vscode-languageserver/node', async (importOriginal) => {
  const real = await importOriginal<typeof import('vscode-languageserver/node')>();
  return { ...real, createConnection: (...args: Parameters<typeof real.createConnection>) => (created.connections++, real.createConnection(...args)) };
});

/**
 * The import invariants of ARCHITECTURE.md, read from the import statements of server/src:
 * the analysis core is free of LSP, Node and the adapters; rules are leaves reached only through
 * the rule index; no module imports itself through others.
 */

const ROOT = resolve(__dirname, '../../server/src');

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const n of readdirSync(dir).sort()) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) out.push(...sourceFiles(p));
    else if (n.endsWith('.ts') && !n.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

const STATIC = /(?:^|[\n;])\s*(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"\n]+)['"]/g;
const DYNAMIC = /\b(?:import|require)\(\s*['"]([^'"\n]+)['"]\s*\)/g;

/** Every module specifier a file imports or re-exports, statically or dynamically. */
function importsOf(source: string): string[] {
  // comments may show example code: leave them out
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  const out: string[] = [];
  for (const re of [STATIC, DYNAMIC]) {
    re.lastIndex = 0;
    for (let m = re.exec(code); m; m = re.exec(code)) out.push(m[1]);
  }
  return out;
}

/** The server/src file a relative specifier names (`.js` written for `.ts`, a folder for its index), or null for packages and data. */
function resolveModule(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = resolve(dirname(from), spec.replace(/\.js$/, ''));
  for (const candidate of [`${base}.ts`, join(base, 'index.ts')]) if (existsSync(candidate)) return candidate;
  return null;
}

const files = sourceFiles(ROOT);
const rel = (p: string) => relative(ROOT, p).replace(/\\/g, '/');
const graph = new Map<string, { spec: string; target: string | null }[]>(
  files.map((f) => [rel(f), importsOf(readFileSync(f, 'utf8')).map((spec) => ({ spec, target: (() => { const t = resolveModule(f, spec); return t ? rel(t) : null; })() }))]),
);

/** A rule file: one rule per file under core/rules/, apart from the index and the rule contract (rule.ts). */
const isRule = (p: string) => /^core\/rules\/[^/]+\.ts$/.test(p) && p !== 'core/rules/index.ts' && p !== 'core/rules/rule.ts';

/** Import cycles, each as the path that closes it (depth-first search over the module graph). */
function cycles(g: Map<string, { target: string | null }[]> = graph): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (f: string) => {
    state.set(f, 'open');
    stack.push(f);
    for (const { target } of g.get(f) ?? []) {
      if (!target) continue;
      if (state.get(target) === 'open') found.push([...stack.slice(stack.indexOf(target)), target]);
      else if (!state.has(target)) visit(target);
    }
    stack.pop();
    state.set(f, 'done');
  };
  for (const f of g.keys()) if (!state.has(f)) visit(f);
  return found;
}

describe('architecture: what imports what', () => {
  it('reads the import statements it checks (static, type-only, re-exports, dynamic, multi-line)', () => {
    const src = [
      "import { a } from './a';",
      "import type { B } from '../b';",
      "export { c } from './c';",
      "import {\n  d,\n  e,\n} from './d';",
      "import './side';",
      "const w = await import('./word.js');",
      "const p = require('pinyin-pro');",
      "// import { x } from './commented';",
      "/* import { y } from './block'; */",
    ].join('\n');
    expect(importsOf(src)).toEqual(['./a', '../b', './c', './d', './side', './word.js', 'pinyin-pro']);
    expect(graph.size).toBe(files.length);
    expect(graph.get('core/analyse.ts')!.map((i) => i.target)).toContain('core/rules/index.ts');
    // the search finds a cycle when there is one, and reports it as the path that closes it
    const edge = (target: string) => ({ spec: target, target });
    const small = new Map([['a.ts', [edge('b.ts')]], ['b.ts', [edge('c.ts'), edge('d.ts')]], ['c.ts', [edge('a.ts')]], ['d.ts', []]]);
    expect(cycles(small).map((c) => c.join(' → '))).toEqual(['a.ts → b.ts → c.ts → a.ts']);
  });

  it('the core imports no adapter (lsp, cli, node, word, report) and no LSP or Node module', () => {
    const offenders: string[] = [];
    for (const [file, imports] of graph) {
      if (!file.startsWith('core/')) continue;
      for (const { spec, target } of imports) {
        if (target && /^(lsp|cli|node|word|report)\//.test(target)) offenders.push(`${file} → ${target}`);
        if (/^vscode-languageserver/.test(spec) || spec.startsWith('node:') || ['fs', 'path', 'url', 'os', 'child_process'].includes(spec)) offenders.push(`${file} → ${spec}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('the adapters stay apart: node, report and word import no lsp or cli; lsp and cli never import each other; lsp imports no word', () => {
    const forbidden: [RegExp, RegExp][] = [
      [/^(node|report|word)\//, /^(lsp|cli)\//],
      [/^lsp\//, /^(cli|word)\//],
      [/^cli\//, /^lsp\//],
    ];
    const offenders: string[] = [];
    for (const [file, imports] of graph) {
      for (const { target } of imports) {
        // the one door: the server loads the Word bundle (cli/word.ts → dist/word.js, left out of
        // dist/server.js by esbuild.mjs) with a dynamic import, only when a folder holds a .docx
        if (file === 'lsp/wordFiles.ts' && target === 'cli/word.ts' && /import\('\.\.\/cli\/word\.js'\)/.test(readFileSync(join(ROOT, file), 'utf8'))) continue;
        if (target && forbidden.some(([from, to]) => from.test(file) && to.test(target))) offenders.push(`${file} → ${target}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('a rule imports no other rule, and nothing but the rule index imports a rule', () => {
    const rules = [...graph.keys()].filter(isRule);
    expect(rules.length).toBeGreaterThanOrEqual(18);
    const offenders: string[] = [];
    for (const [file, imports] of graph) {
      for (const { target } of imports) if (target && isRule(target) && file !== 'core/rules/index.ts') offenders.push(`${file} → ${target}`);
    }
    // the test files too: rules are reached through the index (allRules)
    for (const f of sourceFiles(resolve(__dirname, '..')).filter((x) => !x.includes('/output/'))) {
      for (const spec of importsOf(readFileSync(f, 'utf8'))) {
        const t = resolveModule(f, spec);
        if (t && t.startsWith(ROOT) && isRule(rel(t))) offenders.push(`${relative(resolve(__dirname, '../..'), f)} → ${rel(t)}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('no import cycles among server/src modules', () => {
    expect(cycles().map((c) => c.join(' → '))).toEqual([]);
  });

  it('a feature imports no other feature: from lsp/ only the presentation helpers, the workspace interface and the idle clock (diagnostics also the Word loader, the budgeted reads and the publish encoder)', () => {
    const isFeature = (p: string) => p.startsWith('lsp/features/');
    const allowed = (file: string, target: string) =>
      target.startsWith('lsp/presentation/') || target === 'lsp/planSource.ts' || target === 'lsp/idle.ts' || (file === 'lsp/features/diagnostics.ts' && (target === 'lsp/wordFiles.ts' || target === 'lsp/budgetedRead.ts' || target === 'lsp/publishWriter.ts'));
    const offenders: string[] = [];
    for (const [file, imports] of graph) {
      for (const { target } of imports) {
        if (!target) continue;
        if (isFeature(file) && target.startsWith('lsp/') && !allowed(file, target)) offenders.push(`${file} → ${target}`);
        // the presentation helpers are shared by features, never built on one
        if (file.startsWith('lsp/presentation/') && (isFeature(target) || target === 'lsp/planWorkspace.ts' || target === 'lsp/server.ts')) offenders.push(`${file} → ${target}`);
      }
    }
    expect(offenders).toEqual([]);
    expect([...graph.keys()].filter(isFeature).length).toBeGreaterThanOrEqual(15);
  });

  it('server.ts has no side effect at import: no connection, no process handler; main.ts is the one that starts it', async () => {
    const handlers = process.listenerCount('uncaughtException');
    const server = await import('../../server/src/lsp/server');
    expect(typeof server.startServer).toBe('function');
    expect(created.connections).toBe(0);
    expect(process.listenerCount('uncaughtException')).toBe(handlers);
    expect(readFileSync(join(ROOT, 'lsp/main.ts'), 'utf8')).toMatch(/createConnection\([^]*startServer\(connection, context\)/);
    expect(readFileSync(resolve(__dirname, '../../esbuild.mjs'), 'utf8')).toContain("entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server-main.js'");
  });
});

