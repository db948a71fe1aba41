// Settings files, folders and received files that used to sink a run (issue 22): alias bombs in a
// directory and a catalogue file, a 10 MB config, FIFOs where a config, directory or plan is
// expected, a fan of symlinked folders, `--jobs 200`, and a .docx whose properties name /dev/zero or
// /etc/passwd as its departments. Each is one message naming the file; the plans are still checked.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { docx, p, runCli } from './build';

const root = mkdtempSync(join(tmpdir(), 'ecoplan-hostile-settings-'));
const PLAN = ['---', 'ecoplan:', '  level: 县', '---', '# 石渠口区创建国家生态文明建设示范区实施方案', '', '## 二、主要任务', '', '1.整治黑臭水体。(责任单位:区生态环境分局、区水务局)', '', '2.推进垃圾分类。', ''].join('\n');
const TASK_ERROR = 'plan.md:11:1 error missing-responsible-unit 任务 二.2「推进垃圾分类」未明确责任单位';
const RULES = 'rules:\n  missing-binding-indicators: off\n';

/** Nine levels of nine aliases each: 9^9 values once expanded. */
function aliasBomb(key: string): string {
  const lines = ['a0: &a0 ["区生态环境分局","区生态环境分局","区生态环境分局","区生态环境分局","区生态环境分局","区生态环境分局","区生态环境分局","区生态环境分局","区生态环境分局"]'];
  for (let i = 1; i < 9; i++) lines.push(`a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(',')}]`);
  lines.push(`${key}: *a8`);
  return lines.join('\n') + '\n';
}

const mkfifo = (path: string) => execFileSync('mkfifo', [path]);

function folder(name: string, config: string, files: Record<string, string> = {}) {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'plan.md'), PLAN);
  if (config) writeFileSync(join(dir, 'ecoplan.config.yaml'), config);
  for (const [f, text] of Object.entries(files)) writeFileSync(join(dir, f), text);
  return dir;
}

beforeAll(() => {
  folder('bomb-directory', `${RULES}departments: 部门.yaml\n`, { '部门.yaml': aliasBomb('departments') });
  folder('bomb-catalogue', `${RULES}catalogues: [指标.yaml]\n`, { '指标.yaml': aliasBomb('indicators') });
  folder('big-config', '');
  writeFileSync(join(root, 'big-config', 'ecoplan.config.yaml'), `${RULES}${'# 注释\n'.repeat(1_500_000)}`);
  const fifoConfig = folder('fifo-config', '');
  mkfifo(join(fifoConfig, 'ecoplan.config.yaml'));
  const fifoDirectory = folder('fifo-directory', `${RULES}departments: 部门.yaml\ncatalogues: [指标.yaml]\n`);
  mkfifo(join(fifoDirectory, '部门.yaml'));
  mkfifo(join(fifoDirectory, '指标.yaml'));
  const fifoPlan = folder('fifo-plan', RULES);
  mkfifo(join(fifoPlan, 'fifo.md'));
  // a fan of links: each level links to the next four times; a plan on every level
  const fan = folder('fan', RULES);
  for (let i = 0; i < 8; i++) {
    mkdirSync(join(fan, `L${i}`));
    writeFileSync(join(fan, `L${i}`, `p${i}.md`), PLAN);
    if (i > 0) for (const k of ['a', 'b', 'c', 'd']) symlinkSync(join(fan, `L${i}`), join(fan, `L${i - 1}`, k));
  }
  symlinkSync(join(fan, 'L0'), join(fan, 'start'));
  // what a received Word file carries: its properties name /dev/zero and /etc/passwd as the directory
  const received = folder('received', RULES);
  const body = p('石渠口区创建国家生态文明建设示范区实施方案', '<w:jc w:val="center"/>') + p('二、主要任务') + p('1.推进垃圾分类。');
  writeFileSync(join(received, 'zero.docx'), docx(body, { properties: { 'ecoplan.settings': JSON.stringify({ level: '县', departments: '/dev/zero', catalogues: '/dev/zero' }) } }));
  writeFileSync(join(received, 'passwd.docx'), docx(body, { properties: { 'ecoplan.settings': JSON.stringify({ level: '县', departments: '/etc/passwd', 'departments\n  x': 'y' }) } }));
});

const lines = (s: string) => s.trim().split('\n').map((l) => l.replace(root, 'ROOT'));

describe('settings files', () => {
  it('an alias bomb in a directory file or a catalogue file is one problem at its line; the plan is checked with the built-in lists', () => {
    const d = runCli(['check', 'plan.md'], join(root, 'bomb-directory'));
    expect(lines(d.stderr)).toEqual(['ecoplan: ROOT/bomb-directory/部门.yaml:1: 部门名录格式错误,已使用内置名录:Excessive alias count indicates a resource exhaustion attack']);
    expect(lines(d.stdout)[0]).toBe(TASK_ERROR);
    expect(d.code).toBe(1);
    expect(d.peakMb).toBeLessThan(300);
    const c = runCli(['check', 'plan.md'], join(root, 'bomb-catalogue'));
    expect(lines(c.stderr)).toEqual([
      'ecoplan: ROOT/bomb-catalogue/指标.yaml:1: Excessive alias count indicates a resource exhaustion attack(该指标体系未启用,仍使用内置版本)',
    ]);
    expect(lines(c.stdout)[0]).toBe(TASK_ERROR);
    expect(c.peakMb).toBeLessThan(300);
  });

  it('a 10 MB config is not read: one line, at once', () => {
    const started = Date.now();
    const r = runCli(['check', 'plan.md'], join(root, 'big-config'));
    expect(lines(r.stderr)).toEqual(['ecoplan: ROOT/big-config/ecoplan.config.yaml: 无法读取配置文件(文件超过 4 MB,未读取)']);
    expect(r.code).toBe(1);
    expect(Date.now() - started).toBeLessThan(10000);
  });

  it('a FIFO where a config, a directory, a catalogue or a plan is expected is reported, not read (it would wait forever)', () => {
    const config = runCli(['check', 'plan.md'], join(root, 'fifo-config'), { timeoutMs: 15000 });
    expect(lines(config.stderr)).toEqual(['ecoplan: ROOT/fifo-config/ecoplan.config.yaml: 无法读取配置文件(是管道(FIFO)而不是普通文件,未读取)']);
    expect(config.code).toBe(1);
    const directory = runCli(['check', 'plan.md'], join(root, 'fifo-directory'), { timeoutMs: 15000 });
    expect(lines(directory.stderr)).toEqual([
      'ecoplan: ROOT/fifo-directory/部门.yaml: 无法读取部门名录(是管道(FIFO)而不是普通文件,未读取)',
      'ecoplan: ROOT/fifo-directory/指标.yaml: 无法读取指标体系文件(是管道(FIFO)而不是普通文件,未读取)',
    ]);
    const plan = runCli(['check', 'fifo.md', '.'], join(root, 'fifo-plan'), { timeoutMs: 15000 });
    expect(lines(plan.stderr)).toEqual([
      'ecoplan: fifo.md: 不是普通文件(管道、设备或套接字),未检查 / not a regular file (a FIFO, device or socket), not checked',
      'ecoplan: fifo.md: 是管道(FIFO)而不是普通文件,未读取 / a FIFO, not a regular file; not read',
    ]);
    expect(lines(plan.stdout)).toEqual([TASK_ERROR, '共检查 1 个文件、2 项任务:1 个错误,0 个警告,2 个文件无法读取']);
    expect(plan.code).toBe(2);
  });
});

describe('folders and jobs', () => {
  it('a fan of symlinked folders is walked once per real folder', () => {
    const r = runCli(['check', 'start', '--format', 'json'], join(root, 'fan'));
    expect(JSON.parse(r.stdout).files.map((f: { path: string }) => f.path)).toEqual(['start/a/a/a/a/a/a/a/p7.md', 'start/a/a/a/a/a/a/p6.md', 'start/a/a/a/a/a/p5.md', 'start/a/a/a/a/p4.md', 'start/a/a/a/p3.md', 'start/a/a/p2.md', 'start/a/p1.md', 'start/p0.md']);
    expect(r.stderr).toBe('');
    expect(r.peakMb).toBeLessThan(300);
  });

  it('--jobs 200 runs what the machine holds, and says so', () => {
    const r = runCli(['check', '.', '--jobs', '200'], join(root, 'fan'));
    expect(r.stderr).toMatch(/^ecoplan: --jobs 200 超过本机可同时运行的数量\(\d+ 个处理器,可用内存 \d+ MB\),按 \d+ 运行 \/ --jobs 200 is more than this machine runs at once \(\d+ processor\(s\), \d+ MB free\): running \d+\n$/);
    expect(lines(r.stdout).at(-1)).toBe('共检查 9 个文件、18 项任务:9 个错误,0 个警告');
    expect(r.peakMb).toBeLessThan(300);
  });
});

describe('a received Word file decides no local file', () => {
  it('properties naming /dev/zero or /etc/passwd as departments are not carried into the plan: checked with the built-in directory', () => {
    const dir = join(root, 'received');
    const r = runCli(['check', 'zero.docx', 'passwd.docx'], dir);
    expect(r.stderr).toBe('');
    expect(lines(r.stdout)).toEqual([
      'zero.docx:11:1 error missing-responsible-unit 任务 二.1「推进垃圾分类」未明确责任单位 [Word 第 3 段]',
      'passwd.docx:11:1 error missing-responsible-unit 任务 二.1「推进垃圾分类」未明确责任单位 [Word 第 3 段]',
      '共检查 2 个文件、2 项任务:2 个错误,0 个警告',
    ]);
    expect(r.peakMb).toBeLessThan(300);
    const imported = runCli(['import', 'passwd.docx', '-o', '-'], dir);
    expect(imported.stdout.split('\n').slice(0, 5)).toEqual(['---', 'ecoplan:', '  level: 县', 'source: passwd.docx', '---']);
  });
});
