// `ecoplan check --jobs N`: files checked in worker threads give exactly the output, the stderr and
// the exit code of the sequential run (`--jobs 1`), for every format, on a folder of mixed files.
// Runs the bundled CLI (dist/cli.js, built by `npm test`): the workers load that bundle.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { typedPlanDocx } from '../support/wordFixture';

const CLI = join(process.cwd(), 'dist', 'cli.js');
const SAMPLES = join(process.cwd(), 'samples');
const dir = mkdtempSync(join(tmpdir(), 'ecoplan-jobs-'));

/**
 * Runs the bundled CLI in `dir`; `workers` is how many worker threads it started. With `killAfter`,
 * each worker is terminated when it has sent that many outcomes, as if it had crashed.
 */
function check(args: string[], killAfter = 0) {
  const probe = [
    `const wt = require('node:worker_threads'); let n = 0; const W = wt.Worker;`,
    `wt.Worker = class extends W { constructor(...a) { super(...a); n++; let sent = 0;`,
    `  if (${killAfter}) this.on('message', () => { if (++sent === ${killAfter}) void this.terminate(); }); } };`,
    `process.argv = [process.argv[0], ${JSON.stringify(CLI)}, 'check', ...${JSON.stringify(args)}];`,
    `process.on('exit', () => require('node:fs').writeSync(3, String(n)));`,
    `require(${JSON.stringify(CLI)});`,
  ].join('\n');
  const r = spawnSync(process.execPath, ['-e', probe], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe', 'pipe'], env: { ...process.env, ECOPLAN_COMPILE_CACHE: '0' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, workers: Number(r.output[3]) };
}

beforeAll(async () => {
  // good and bad plans, at the top and in nested folders
  for (const [i, name] of ['qingxi-city-plan.md', 'problem-plan.md', 'yunling-county-plan.md'].entries()) {
    copyFileSync(join(SAMPLES, name), join(dir, `${i}-${name}`));
    mkdirSync(join(dir, 'a', 'b', String(i)), { recursive: true });
    copyFileSync(join(SAMPLES, name), join(dir, 'a', 'b', String(i), name));
  }
  // a folder whose config overrides rules, with one unknown rule and one unknown key (each said once)
  mkdirSync(join(dir, 'county'));
  writeFileSync(join(dir, 'county', 'ecoplan.config.json'), '{\n  "level": "县",\n  "rules": {"missing-binding-indicators": "off", "no-such-rule": "off"},\n  "colour": 1\n}\n');
  copyFileSync(join(SAMPLES, 'problem-plan.md'), join(dir, 'county', 'p1.md'));
  writeFileSync(join(dir, 'county', 'p2.txt'), '某县方案\n二、主要任务\n1.治理污水。城镇污水处理率达80%以上。\n2.建设绿道。(责任单位:县住建局)\n');
  // a folder whose config is broken: its plan is checked with the defaults
  mkdirSync(join(dir, 'broken'));
  writeFileSync(join(dir, 'broken', 'ecoplan.config.json'), '{"level": "市", "rules": {}}}');
  writeFileSync(join(dir, 'broken', 'plan.md'), '# 某市方案\n二、主要任务\n1.治理污水。(责任单位:有关部门)\n');
  // binary, empty and Word files
  writeFileSync(join(dir, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0xff, 0xfe, 0, 1, 2, 3]));
  writeFileSync(join(dir, 'empty.md'), '');
  writeFileSync(join(dir, 'huge.txt'), Buffer.alloc(21 * 1024 * 1024, 0x41)); // over the 20 MB bar: left out by the walk
  const docx = await typedPlanDocx('北山市创建国家生态文明建设示范市实施方案', ['一、主要任务', '1.组织规划实施。制定年度计划。（责任单位：市生态环境局、市发改委）', '2.提升污水处理能力。城镇污水处理率达95%以上。']);
  writeFileSync(join(dir, 'word.docx'), docx);
  writeFileSync(join(dir, 'a', 'truncated.docx'), docx.subarray(0, Math.floor(docx.length / 2)));
});

describe('ecoplan check --jobs', () => {
  it('gives the sequential output, stderr and exit code for text, json and sarif, in Chinese and English', () => {
    for (const extra of [[], ['--format', 'json'], ['--format', 'sarif'], ['--lang', 'en']]) {
      const one = check(['.', '--jobs', '1', ...extra]);
      // two jobs: at most one per processor runs (at least two), and CI machines have two
      const three = check(['.', '--jobs', '2', ...extra]);
      // the folder's Word files are read in a budget worker even with --jobs 1 (issue 22)
      expect(one.workers, extra.join(' ')).toBe(1);
      expect(three.workers, extra.join(' ')).toBe(1); // and this thread
      expect(three.stdout, extra.join(' ')).toBe(one.stdout);
      expect(three.stderr, extra.join(' ')).toBe(one.stderr);
      expect([one.code, three.code]).toEqual([2, 2]);
    }
  });

  it('reports what the mixed folder holds, in file order', () => {
    const r = check(['.', '--jobs', '2']);
    expect(r.workers).toBe(1);
    const out = r.stdout.trim().split('\n');
    expect(out.at(-1)).toBe('共检查 11 个文件、265 项任务:33 个错误,27 个警告,3 个文件无法读取');
    // each file's lines together, files in the walk's order
    const files = out.slice(0, -1).map((l) => l.slice(0, l.indexOf(':')));
    expect(files.filter((f, i) => f !== files[i - 1])).toEqual([
      '0-qingxi-city-plan.md',
      '1-problem-plan.md',
      'a/b/0/qingxi-city-plan.md',
      'a/b/1/problem-plan.md',
      'broken/plan.md',
      'county/p1.md',
      'county/p2.txt',
      'empty.md',
      'word.docx',
    ]);
    // the folder's config: level 县 (its 85% bar), missing-binding-indicators off; Word paragraphs named
    expect(out.filter((l) => l.startsWith('county/p2.txt') || l.startsWith('word.docx'))).toEqual([
      'county/p2.txt:3:1 error missing-responsible-unit 任务 二.1「治理污水」未明确责任单位',
      'county/p2.txt:3:8 error target-below-threshold 城镇污水处理率 目标 ≥80% 低于 2019 版(县)约束性指标 ≥85%',
      'word.docx:7:1 warning missing-binding-indicators 方案未对 18 项约束性指标设定目标(共 19 项适用):生态文明建设规划、党委政府对生态文明建设重大目标任务部署情况、生态文明建设工作占党政实绩考核的比例 等,全部列在相关信息中 [Word 第 1 段]',
      'word.docx:13:1 error missing-responsible-unit 任务 一.2「提升污水处理能力」未明确责任单位 [Word 第 4 段]',
    ]);
    // config problems once each, in file order, then the files not read
    const err = r.stderr.trim().split('\n').map((l) => l.replace(dir, 'DIR'));
    expect(err).toEqual([
      'ecoplan: DIR/broken/ecoplan.config.json:1: 配置文件格式错误,已使用默认设置:Unexpected flow-map-end token in YAML stream: "}"',
      'ecoplan: DIR/county/ecoplan.config.json:3: 未知规则:no-such-rule',
      'ecoplan: DIR/county/ecoplan.config.json:4: 未知配置项:colour(可用:catalogue、catalogues、level、terrain、citySize、period、departments、rules、parent、review)',
      'ecoplan: huge.txt: 文件超过 20 MB,未检查 / larger than 20 MB, not checked',
      'ecoplan: a/truncated.docx: 文件已损坏或不完整(no end of central directory)',
      'ecoplan: binary.txt: 不是文本文件(含有 NUL 字节)',
    ]);
  });

  it('checks on this thread what a worker that died had not finished', () => {
    const one = check(['.', '--jobs', '1', '--format', 'json']);
    const dying = check(['.', '--jobs', '2', '--format', 'json'], 1);
    // each worker dies after its first file: a new one takes the Word files it held
    expect(dying.workers).toBeGreaterThanOrEqual(1);
    expect([dying.code, dying.stdout, dying.stderr]).toEqual([one.code, one.stdout, one.stderr]);
  });

  it('stays on one thread for a few files unless --jobs says otherwise, and rejects a bad --jobs', () => {
    // one worker: the budget of the Word files (issue 22); the text files stay on this thread
    expect(check(['.']).workers).toBe(1);
    const bad = check(['.', '--jobs', '0']);
    expect([bad.code, bad.stderr.split('\n')[0], bad.workers]).toEqual([2, 'ecoplan: --jobs 须为 1 到 999 的整数 / must be a whole number from 1 to 999: 0', 0]);
  });
});
