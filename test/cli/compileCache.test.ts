// The V8 code cache for the bundles (server/src/node/compileCache.ts, built to dist/compileCache.js
// by `npm test`): a cache that is missing, stale, corrupt, unwritable or not private changes nothing
// but the time; bin/ecoplan.js and dist/server.js use it.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { typedPlanDocx } from '../support/wordFixture';

const root = process.cwd();
const CACHE = join(root, 'dist', 'compileCache.js');
const BIN = join(root, 'bin', 'ecoplan.js');

/**
 * Loads `dir/lib/main.js` with the cache in `cacheDir` installed for `dir/lib`; returns what the
 * module printed and the cache's hit/miss counts (null when no cache could be used).
 */
function load(dir: string, cacheDir: string, nodeArgs: string[] = []) {
  const lib = join(dir, 'lib');
  const probe = [
    `const cache = require(${JSON.stringify(CACHE)}).installCompileCache(${JSON.stringify(lib)}, ${JSON.stringify(cacheDir)});`,
    `process.on('exit', () => require('node:fs').writeSync(3, JSON.stringify(cache && cache.stats)));`,
    `require(${JSON.stringify(join(lib, 'main.js'))});`,
  ].join('\n');
  const r = spawnSync(process.execPath, [...nodeArgs, '-e', probe], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe', 'pipe'] });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, stats: JSON.parse(String(r.output[3])) as { hits: number; misses: number } | null };
}

/** A small "bundle": main.js requires a sibling and a Node module, and reads its own __filename. */
function writeLib(dir: string, factor: number) {
  mkdirSync(join(dir, 'lib'), { recursive: true });
  writeFileSync(join(dir, 'lib', 'units.js'), `exports.units = ['市生态环境局', '市发改委'];\n`);
  writeFileSync(
    join(dir, 'lib', 'main.js'),
    [
      `const { units } = require('./units.js');`,
      `const { basename } = require('node:path');`,
      `function score(n) { let s = 0; for (let i = 0; i < n; i++) s += i * ${factor}; return s; }`,
      `console.log(basename(__filename), units.join('、'), score(100), typeof require.resolve, require.cache[__filename] === module);`,
    ].join('\n'),
  );
}

const binFiles = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.bin')).sort();

describe('the compile cache', () => {
  it('is written on the first run and used on the next, with the same output', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ecoplan-cc-'));
    const cacheDir = join(dir, 'cache');
    writeLib(dir, 3);
    const first = load(dir, cacheDir);
    expect(first.stdout).toBe('main.js 市生态环境局、市发改委 14850 function true\n');
    expect(first.stats).toEqual({ hits: 0, misses: 2 });
    expect(binFiles(cacheDir)).toEqual([expect.stringMatching(/^main-[0-9a-f]{8}-[0-9a-f]{16}\.bin$/), expect.stringMatching(/^units-[0-9a-f]{8}-[0-9a-f]{16}\.bin$/)]);
    if (process.platform !== 'win32') {
      expect(statSync(cacheDir).mode & 0o777).toBe(0o700);
      expect(statSync(join(cacheDir, binFiles(cacheDir)[0])).mode & 0o777).toBe(0o600);
    }
    const second = load(dir, cacheDir);
    expect(second.stdout).toBe(first.stdout);
    expect(second.stats).toEqual({ hits: 2, misses: 0 });
  });

  it('is not used for a changed file, even of the same length, and the stale cache file is replaced', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ecoplan-cc-'));
    const cacheDir = join(dir, 'cache');
    writeLib(dir, 3);
    load(dir, cacheDir);
    const before = binFiles(cacheDir);
    writeLib(dir, 5); // same length, another result
    const changed = load(dir, cacheDir);
    expect(changed.stdout).toBe('main.js 市生态环境局、市发改委 24750 function true\n');
    expect(changed.stats).toEqual({ hits: 0, misses: 2 });
    const after = binFiles(cacheDir);
    expect(after).toHaveLength(2);
    expect(after.filter((f) => before.includes(f))).toEqual([]);
    expect(load(dir, cacheDir).stats).toEqual({ hits: 2, misses: 0 });
  });

  it('is not used when a cache file is corrupt or truncated, and is written again', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ecoplan-cc-'));
    const cacheDir = join(dir, 'cache');
    writeLib(dir, 3);
    const first = load(dir, cacheDir);
    const [main, units] = binFiles(cacheDir).map((f) => join(cacheDir, f));
    // flipped bytes in the V8 data (V8 itself would not notice and could crash), a cut-off file
    const bytes = readFileSync(main);
    for (let i = bytes.length - 40; i < bytes.length - 8; i++) bytes[i] ^= 0x5a;
    writeFileSync(main, bytes);
    writeFileSync(units, readFileSync(units).subarray(0, 60));
    const r = load(dir, cacheDir);
    expect(r.stdout).toBe(first.stdout);
    expect(r.stderr).toBe('');
    expect(r.stats).toEqual({ hits: 0, misses: 2 });
    expect(load(dir, cacheDir).stats).toEqual({ hits: 2, misses: 0 });
    // garbage in place of a cache file
    writeFileSync(main, 'ecoplan-v8-cache 1 not a cache\n\u0000\u0001');
    expect(load(dir, cacheDir)).toMatchObject({ stdout: first.stdout, stats: { hits: 1, misses: 1 } });
  });

  it('changes nothing when the cache file cannot be written or the directory cannot be made', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ecoplan-cc-'));
    const cacheDir = join(dir, 'cache');
    writeLib(dir, 3);
    const expected = load(dir, join(dir, 'other-cache')).stdout;
    // a directory where the cache file would go: it can be neither read nor replaced
    load(dir, cacheDir);
    const names = binFiles(cacheDir);
    for (const f of names) {
      const path = join(cacheDir, f);
      rmSync(path);
      mkdirSync(path);
    }
    const r = load(dir, cacheDir);
    expect(r).toMatchObject({ code: 0, stdout: expected, stderr: '', stats: { hits: 0, misses: 2 } });
    for (const f of names) expect(statSync(join(cacheDir, f)).isDirectory()).toBe(true);
    // the cache directory would be below a file: no cache at all
    writeFileSync(join(dir, 'a-file'), '');
    expect(load(dir, join(dir, 'a-file', 'cache'))).toMatchObject({ code: 0, stdout: expected, stderr: '', stats: null });
  });

  it('is not used with --enable-source-maps (Node maps the stack traces of what it compiles itself)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ecoplan-cc-'));
    const cacheDir = join(dir, 'cache');
    writeLib(dir, 3);
    const r = load(dir, cacheDir, ['--enable-source-maps']);
    expect(r).toMatchObject({ code: 0, stdout: 'main.js 市生态环境局、市发改委 14850 function true\n', stats: null });
    expect(existsSync(cacheDir)).toBe(false);
  });

  it.runIf(process.platform !== 'win32')('is not used from a directory others can write', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ecoplan-cc-'));
    const cacheDir = join(dir, 'cache');
    writeLib(dir, 3);
    const first = load(dir, cacheDir);
    chmodSync(cacheDir, 0o777);
    const r = load(dir, cacheDir);
    expect(r).toMatchObject({ stdout: first.stdout, stats: null });
  });
});

describe('bin/ecoplan.js with the compile cache', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ecoplan-cc-bin-'));
  const cacheDir = join(dir, 'cache');
  const run = (args: string[], cache: string) => spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, ECOPLAN_COMPILE_CACHE: cache } });

  beforeAll(async () => {
    writeFileSync(join(dir, 'plan.md'), ['---', 'ecoplan:', "  level: '县'", '---', '# 某县方案', '二、主要任务', '1.治理。城镇污水处理率达80%以上。(责任单位:县住建局)'].join('\n'));
    writeFileSync(join(dir, 'plan.docx'), await typedPlanDocx('北山市创建国家生态文明建设示范市实施方案', ['一、主要任务', '1.组织规划实施。制定年度计划。（责任单位：市生态环境局、市发改委）', '2.提升污水处理能力。']));
  });

  it('checks a plan with quoted front matter (read by dist/vendor/yaml.js) and a Word file the same with a cold cache, a warm one and none', () => {
    const args = ['check', 'plan.md', 'plan.docx', '--format', 'json'];
    const none = run(args, '0');
    expect(existsSync(cacheDir)).toBe(false);
    const cold = run(args, cacheDir);
    expect(binFiles(cacheDir).map((f) => f.replace(/-.*/, ''))).toEqual(['cli', 'word', 'yaml']);
    const warm = run(args, cacheDir);
    const files = (r: typeof none) => (JSON.parse(r.stdout) as { files: { path: string; level: string; tasks: unknown[] }[] }).files.map((f) => [f.path, f.level, f.tasks.length]);
    expect(files(none)).toEqual([
      ['plan.md', '县', 1],
      ['plan.docx', '市', 2],
    ]);
    for (const r of [cold, warm]) {
      expect(r.stdout).toBe(none.stdout);
      expect(r.stderr).toBe(none.stderr);
      expect(r.status).toBe(none.status);
    }
  });
});
