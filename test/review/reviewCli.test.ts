import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReviewProgress, runReviewCommand } from '../../server/src/cli/review';
import type { ReviewReport } from '../../server/src/core/review/types';

/** `ecoplan review` in process (text files only: a .docx is read in a worker, see review.test.ts): exit codes, unread rows, -o and --force, the progress bar, the criteria of ecoplan.config.yaml. */

const FIXTURES = join(process.cwd(), 'test', 'fixtures', 'review');

function folder(files: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'ecoplan-review-'));
  for (const f of files) copyFileSync(join(FIXTURES, f), join(dir, f));
  return dir;
}

async function run(args: string[], tty = false, now?: () => number) {
  const out: string[] = [];
  const err: string[] = [];
  const raw: string[] = [];
  const code = await runReviewCommand(args, (s) => out.push(s), (s) => err.push(s), '', { tty, errRaw: (s) => raw.push(s), now });
  return { code, out, err, raw };
}

const rel = (p: string) => relative(process.cwd(), p);

describe('ecoplan review: exit codes', () => {
  it('exits 0 when every plan is 可提交', async () => {
    const dir = folder(['shexian-scheme.md']);
    const r = await run([dir, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.err).toEqual([]);
    expect((JSON.parse(r.out.join('\n')) as ReviewReport).summary).toEqual({ plans: 1, read: 1, ready: 1, revise: 0, unread: 0 });
  });

  it('exits 1 when a plan is 需修改, and says why in its row', async () => {
    const dir = folder(['shexian-scheme.md', 'yixian-plan.md']);
    const r = await run([dir]);
    expect(r.code).toBe(1);
    const lines = r.out.join('\n').split('\n');
    expect(lines[0]).toMatch(/^文件 +地区 +级别 +版本 +期限 +任务 +无责任单位 +仅笼统 +约束性指标 覆盖\/缺\/仅趋势 +低于国标 +矛盾 +缺少部分 +结论$/);
    expect(lines[2]).toMatch(/yixian-plan\.md +黟县 +县 +national-2019\(非现行\) +2021-2030 +9 +0 +0 +10\/10\/0 \(20\) +1 +0 +1 +需修改$/);
    expect(lines.slice(-4)).toEqual([
      `可提交 ${rel(join(dir, 'shexian-scheme.md'))}`,
      `需修改 ${rel(join(dir, 'yixian-plan.md'))} — 原因:未设目标的约束性指标 10 项,超过允许的 0 项;低于国家指标值的目标 1 项,超过允许的 0 项;缺少的必备部分 1 个,超过允许的 0 个;有 1 个错误级问题`,
      '',
      '共 2 个方案:可提交 1 个,需修改 1 个',
    ]);
  });

  it('exits 2 on a wrong command line', async () => {
    expect((await run([])).code).toBe(2);
    expect((await run([FIXTURES, '--format', 'html'])).err[0]).toBe('ecoplan: --format 只能是 text 或 json / must be text or json: html');
    expect((await run([FIXTURES, '-o', 'report.pdf'])).err[0]).toBe('ecoplan: -o 的文件类型不支持 / unsupported output type: report.pdf (.json, .txt, .html, .htm, .xlsx, .docx)');
    expect((await run([FIXTURES, '-o', 'r.json', '--format', 'text'])).err[0]).toBe('ecoplan: --format text 与 -o r.json 不一致 / does not match the output file\'s type');
  });

  it('makes a file that cannot be read a row that says why, reviews the rest, and exits 2', async () => {
    const dir = folder(['shexian-scheme.md']);
    writeFileSync(join(dir, 'scan.txt'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x41]));
    const missing = join(dir, 'gone', 'plan.md');
    const r = await run([dir, missing, '--format', 'json']);
    expect(r.code).toBe(2);
    const report = JSON.parse(r.out.join('\n')) as ReviewReport;
    expect(report.summary).toEqual({ plans: 3, read: 1, ready: 1, revise: 0, unread: 2 });
    expect(report.plans.map((p) => [p.file, p.unread ?? null, p.verdict])).toEqual([
      [rel(join(dir, 'scan.txt')), '不是文本文件(含有 NUL 字节)', 'revise'],
      [rel(join(dir, 'shexian-scheme.md')), null, 'ready'],
      [missing, '无法访问 / cannot access (ENOENT)', 'revise'],
    ]);
    expect(r.err).toEqual([`ecoplan: ${rel(join(dir, 'scan.txt'))}: 不是文本文件(含有 NUL 字节)`, `ecoplan: ${missing}: 无法访问 / cannot access (ENOENT)`]);
  });
});

describe('ecoplan review -o', () => {
  it('writes the report, and never over an existing file without --force', async () => {
    const dir = folder(['shexian-scheme.md']);
    const output = join(dir, 'out', '审核报告.json');
    mkdirSync(join(dir, 'out'));
    const first = await run([join(dir, 'shexian-scheme.md'), '-o', output]);
    expect(first.code).toBe(0);
    expect(first.out).toEqual([]);
    expect((JSON.parse(readFileSync(output, 'utf8')) as ReviewReport).plans[0].verdict).toBe('ready');
    writeFileSync(output, '审核人已改过的报告');
    const again = await run([join(dir, 'shexian-scheme.md'), '-o', output]);
    expect(again.code).toBe(2);
    expect(again.err).toEqual([`ecoplan: ${output}: 已存在,未覆盖(如需覆盖请加 --force)/ exists; not overwritten (add --force to overwrite)`]);
    expect(readFileSync(output, 'utf8')).toBe('审核人已改过的报告');
    const forced = await run([join(dir, 'shexian-scheme.md'), '-o', output, '--force']);
    expect(forced.code).toBe(0);
    expect((JSON.parse(readFileSync(output, 'utf8')) as ReviewReport).summary.ready).toBe(1);
  });

  it('never writes over an input', async () => {
    const dir = folder(['shexian-scheme.md']);
    const input = join(dir, 'shexian-scheme.md');
    writeFileSync(join(dir, 'notes.txt'), '');
    const r = await run([input, join(dir, 'notes.txt'), '-o', join(dir, 'notes.txt'), '--force']);
    expect(r.code).toBe(2);
    expect(r.err).toEqual([`ecoplan: ${join(dir, 'notes.txt')}: 是输入文件本身,不能写入 / is the input file itself; not written`]);
  });
});

describe('ecoplan review: progress', () => {
  it('draws nothing on stderr when it is not a terminal, however long the run', async () => {
    let t = 0;
    const r = await run([folder(['shexian-scheme.md', 'qimen-scheme.md'])], false, () => (t += 5000));
    expect(r.raw).toEqual([]);
    expect(r.err).toEqual([]);
  });

  it('draws a bar on a terminal once the run has taken more than a second, and clears it', async () => {
    // the clock moves 0.6 s each time it is read: the first file is done at 0.6 s (no bar), the second at 1.2 s
    let t = 0;
    const r = await run([folder(['shexian-scheme.md', 'qimen-scheme.md'])], true, () => (t += 600));
    expect(r.raw).toEqual([`\r审核 / reviewing ${'█'.repeat(30)} 2/2`, '\r\x1b[2K']);
    t = 0;
    const three = await run([folder(['shexian-scheme.md', 'qimen-scheme.md', 'yixian-plan.md'])], true, () => (t += 1000));
    expect(three.raw).toEqual([`\r审核 / reviewing ${'█'.repeat(10)}${'░'.repeat(20)} 1/3`, `\r审核 / reviewing ${'█'.repeat(20)}${'░'.repeat(10)} 2/3`, `\r审核 / reviewing ${'█'.repeat(30)} 3/3`, '\r\x1b[2K']);
  });

  it('stays silent on a terminal for a run under a second', () => {
    const raw: string[] = [];
    const p = new ReviewProgress(3, (s) => raw.push(s), true, () => 0);
    p.tick(1);
    p.tick(3);
    p.end();
    expect(raw).toEqual([]);
  });
});

describe('ecoplan review: criteria from ecoplan.config.yaml', () => {
  it('lets a plan with a missing binding indicator through when review: allows it', async () => {
    const dir = folder(['qimen-scheme.md']);
    writeFileSync(join(dir, 'ecoplan.config.yaml'), 'review:\n  maxMissingBinding: 10\n  maxTasksWithoutUnit: 2\n  maxConflicts: 2\n  noErrors: false\n');
    const r = await run([dir, '--format', 'json']);
    const report = JSON.parse(r.out.join('\n')) as ReviewReport;
    expect(report.criteria).toEqual({ maxTasksWithoutUnit: 2, maxMissingBinding: 10, maxBelowThreshold: 0, maxConflicts: 2, maxMissingParts: 0, noErrors: false });
    expect(report.plans[0].verdict).toBe('ready');
    expect(r.code).toBe(0);
  });

  it('names the file and line of a value that is not valid, and uses the default', async () => {
    const dir = folder(['shexian-scheme.md']);
    const config = join(dir, 'ecoplan.config.yaml');
    writeFileSync(config, 'level: 县\nreview:\n  maxMissingBinding: 两项\n  strict: true\n');
    const r = await run([dir, '--format', 'json']);
    expect(r.err).toEqual([
      `ecoplan: ${config}:3: review.maxMissingBinding 应为 0 或正整数,已使用默认值 0`,
      `ecoplan: ${config}:4: review 下的未知项:strict(可用:maxTasksWithoutUnit、maxMissingBinding、maxBelowThreshold、maxConflicts、maxMissingParts、noErrors)`,
    ]);
    expect((JSON.parse(r.out.join('\n')) as ReviewReport).criteria.maxMissingBinding).toBe(0);
    expect(r.code).toBe(0);
    expect(existsSync(config)).toBe(true);
  });
});

describe('ecoplan review: the city view in process', () => {
  it('pairs a county with the plan of its prefecture, analysed again on this thread', async () => {
    const dir = folder(['huangshan-city-plan.md', 'qimen-scheme.md']);
    const r = await run([dir, '--format', 'json']);
    const report = JSON.parse(r.out.join('\n')) as ReviewReport;
    expect(report.cities.map((c) => [c.city, c.counties])).toEqual([[rel(join(dir, 'huangshan-city-plan.md')), [rel(join(dir, 'qimen-scheme.md'))]]]);
    expect(report.plans.map((p) => p.city ?? null)).toEqual([null, rel(join(dir, 'huangshan-city-plan.md'))]);
    const toilets = report.cities[0].rows.find((row) => row.id === 'rural-sanitary-toilet-coverage-rate')!;
    expect(toilets.assigned).toBe(true);
    expect(toilets.counties).toEqual([{ status: 'missing', assignedNoTarget: true }]);
  });
});

