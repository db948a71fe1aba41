// `ecoplan diff` through the bundled CLI (dist/cli.js, built by `npm test`): Word files are read in a
// budget worker that loads that bundle.
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../hostile/build';
import { trackedPlanDocx, untrackedPlanDocx } from '../support/trackedDocx';

const DRAFTS = join(__dirname, '..', 'fixtures', 'review-drafts');
const dir = mkdtempSync(join(tmpdir(), 'ecoplan-diff-'));

const SMALL_OLD = `某县创建国家生态文明建设示范县实施方案

一、主要任务

1.推行河长制。落实三级河长巡河制度。〔县水利局牵头，县农业农村局配合〕

2.提升污水处理水平。到2023年，城镇污水处理率达到95%以上。（责任单位：县住建局）
`;
const SMALL_NEW = `某县创建国家生态文明建设示范县实施方案

一、主要任务

1.推行河长制。落实三级河长巡河制度。（责任单位：县农业农村局）

2.提升污水处理水平。到2023年，城镇污水处理率达到90%以上。（责任单位：县住建局）
`;

beforeAll(() => {
  writeFileSync(join(dir, 'tracked.docx'), trackedPlanDocx());
  writeFileSync(join(dir, 'plain.docx'), untrackedPlanDocx());
  writeFileSync(join(dir, 'old.md'), SMALL_OLD);
  writeFileSync(join(dir, 'new.txt'), SMALL_NEW);
  writeFileSync(join(dir, 'title<b>.txt'), SMALL_NEW.replace('某县创建', '某县<script>alert(1)</script>创建'));
  copyFileSync(join(DRAFTS, '安吉县-初稿.md'), join(dir, '安吉县-初稿.md'));
  copyFileSync(join(DRAFTS, '安吉县-修改稿.docx'), join(dir, '安吉县-修改稿.docx'));
});

describe('ecoplan diff', () => {
  it('puts the lead unit first, then the weakened target, each at file:line:column (text, Chinese and English)', () => {
    const zh = runCli(['diff', 'old.md', 'new.txt'], dir);
    expect([zh.code, zh.stderr]).toEqual([0, '']);
    expect(zh.stdout).toBe(
      [
        'old.md(2 项任务)→ new.txt(2 项任务)',
        'new.txt:5:26 lead-changed 一.1 牵头单位:县水利局 → 县农业农村局',
        'new.txt:7:19 target-weakened 一.2 城镇污水处理率 目标较上一稿降低:≥95%(2023年) → ≥90%(2023年)',
        '约束性指标设定目标:2/20 → 2/20(仅有趋势:0 → 0)',
        '共 2 处改动:牵头单位变更 1,目标降低 1',
        '',
      ].join('\n'),
    );
    const en = runCli(['diff', 'old.md', 'new.txt', '--lang', 'en'], dir);
    expect(en.stdout.split('\n').slice(1, 3)).toEqual([
      'new.txt:5:26 lead-changed 一.1 lead unit: 县水利局 → 县农业农村局',
      'new.txt:7:19 target-weakened 一.2 城镇污水处理率: target weaker than the previous draft: ≥95% (2023) → ≥90% (2023)',
    ]);
  });

  it('gives the JSON of the 安吉县 drafts (.md beside .docx) exactly', () => {
    const r = runCli(['diff', '安吉县-初稿.md', '安吉县-修改稿.docx', '--format', 'json'], dir);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(readFileSync(join(DRAFTS, '安吉县-初稿-修改稿.diff.json'), 'utf8')));
  });

  it('keeps the .docx draft what `ecoplan export` writes from its source', () => {
    const r = runCli(['export', join(DRAFTS, 'source', '安吉县-修改稿.md'), '-o', join(dir, 'again.docx')], dir);
    expect(r.code).toBe(0);
    const body = (file: string) => strFromU8(unzipSync(readFileSync(file), { filter: (f) => f.name === 'word/document.xml' })['word/document.xml']);
    expect(body(join(dir, 'again.docx'))).toBe(body(join(DRAFTS, '安吉县-修改稿.docx')));
  });

  it('compares one .docx before and after its tracked changes', () => {
    const r = runCli(['diff', 'tracked.docx'], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('ecoplan diff: tracked.docx:5 处插入、3 处删除、1 处移动、0 个表格行(修订人:市生态环境局 审核组、德清县生态环境分局)\n');
    expect(r.stdout.trim().split('\n')).toEqual([
      'tracked.docx(修订前)(5 项任务)→ tracked.docx(修订后)(6 项任务)',
      'tracked.docx(修订后):17:44 lead-removed 一.(一).2 牵头单位:县水利局 → 删除 [Word 第 6 段]',
      'tracked.docx(修订后):17:44 unit-dropped 一.(一).2 删除责任单位:县农业农村局 [Word 第 6 段]',
      'tracked.docx(修订后):23:68 unit-added 一.(二).5 新增责任单位:县交通运输局 [Word 第 9 段]',
      'tracked.docx(修订后):21:34 target-weakened 一.(二).4 城镇污水处理率 目标较上一稿降低:≥95%(2023年) → ≥90%(2023年) [Word 第 8 段]',
      'tracked.docx(修订后):25:1 task-added 新增任务 一.(二).6 推进农村厕所提档升级 [Word 第 10 段]',
      'tracked.docx(修订后):23:1 task-retitled 一.(二).5 任务标题改动:改善空气质量 → 持续改善空气质量 [Word 第 9 段]',
      'tracked.docx(修订后):27:1 task-moved 任务位置调整:一.(一).3 → 一.(二).3 推进生态环境信息公开(一.(一) 完善制度体系 → 一.(二) 改善环境质量) [Word 第 11 段]',
      'tracked.docx(修订后):25:26 target-added 一.(二).6 新增目标:农村无害化卫生厕所普及率 ≥98% [Word 第 10 段]',
      'tracked.docx(修订后):25:26 coverage-gained 约束性指标 农村无害化卫生厕所普及率:缺失 → 已设目标 [Word 第 10 段]',
      '约束性指标设定目标:4/20 → 5/20(仅有趋势:0 → 0)',
      '共 9 处改动:牵头单位删除 1,责任单位删除 1,责任单位新增 1,目标降低 1,任务新增 1,任务标题改动 1,任务位置调整 1,目标新增 1,约束性指标覆盖增加 1',
    ]);
  });

  it('says in one line that a .docx has no tracked changes', () => {
    expect(runCli(['diff', 'plain.docx'], dir)).toMatchObject({ code: 0, stdout: 'plain.docx:没有修订记录,无可比较的内容\n', stderr: '' });
    expect(runCli(['diff', 'plain.docx', '--lang', 'en'], dir)).toMatchObject({ code: 0, stdout: 'plain.docx: no tracked changes: nothing to compare\n' });
  });

  it('writes a self-contained, escaped HTML page, and keeps an existing output unless --force', () => {
    const r = runCli(['diff', 'old.md', 'title<b>.txt', '--format', 'html', '-o', 'diff.html'], dir);
    expect([r.code, r.stdout, r.stderr]).toEqual([0, '', 'ecoplan diff:已写入 diff.html\n']);
    const page = readFileSync(join(dir, 'diff.html'), 'utf8');
    expect(page).toContain('<td>牵头单位变更</td><td>一.1 牵头单位:县水利局 → 县农业农村局</td><td>old.md:5:21</td><td>title&lt;b&gt;.txt:5:26</td>');
    expect(page).toContain('某县&lt;script&gt;alert(1)&lt;/script&gt;创建');
    expect(page).not.toMatch(/<script|https?:\/\/|src=/);
    const again = runCli(['diff', 'old.md', 'new.txt', '--format', 'html', '-o', 'diff.html'], dir);
    expect([again.code, again.stderr]).toEqual([2, 'ecoplan diff: diff.html: 已存在,未覆盖(如需覆盖请加 --force)/ exists; not overwritten (add --force to overwrite)\n']);
    expect(readFileSync(join(dir, 'diff.html'), 'utf8')).toBe(page);
    expect(runCli(['diff', 'old.md', 'new.txt', '--format', 'html', '-o', 'diff.html', '--force'], dir).code).toBe(0);
    expect(readFileSync(join(dir, 'diff.html'), 'utf8')).not.toBe(page);
    // never the input
    expect(runCli(['diff', 'old.md', 'new.txt', '-o', 'new.txt', '--force'], dir)).toMatchObject({ code: 2, stderr: 'ecoplan diff: new.txt: 是输入文件本身,不能写入 / is the input file itself; not written\n' });
  });

  it('exits 2 with one message on a usage or reading problem', () => {
    const usage = (args: string[]) => {
      const r = runCli(['diff', ...args], dir);
      return [r.code, r.stdout, r.stderr.split('\n')[0]];
    };
    expect(usage([])).toEqual([2, '', 'ecoplan diff: 请给出上一稿和本稿,或一份含修订的 .docx / give the previous draft and this one, or one .docx with tracked changes']);
    expect(usage(['old.md'])).toEqual([2, '', 'ecoplan diff: 只给一份文件时须为含修订的 .docx / one file alone must be a .docx with tracked changes: old.md']);
    expect(usage(['a.md', 'b.md', 'c.md'])).toEqual([2, '', 'ecoplan diff: 只能比较两稿,给出了 3 份文件 / compares two drafts; 3 files given']);
    expect(usage(['old.md', 'new.txt', '--format', 'xml'])).toEqual([2, '', 'ecoplan diff: --format 只能是 text、json 或 html / must be text, json or html: xml']);
    expect(usage(['old.md', 'new.txt', '--colour'])).toEqual([2, '', 'ecoplan diff: 未知选项 / unknown option: --colour']);
    expect(usage(['old.md', 'gone.md'])).toEqual([2, '', 'ecoplan diff: gone.md: 无法读取 / cannot read (ENOENT)']);
    writeFileSync(join(dir, 'broken.docx'), trackedPlanDocx().subarray(0, 200));
    expect(usage(['broken.docx'])[0]).toBe(2);
    expect(usage(['broken.docx'])[2]).toMatch(/^ecoplan diff: broken\.docx: 文件已损坏或不完整/);
    expect(usage(['old.md', 'broken.docx'])[2]).toMatch(/^ecoplan diff: broken\.docx: 文件已损坏或不完整/);
    expect(existsSync(join(dir, 'gone.md'))).toBe(false);
  });

  it('reads a Word file within the file budget: past it, one message and exit 2', () => {
    const r = runCli(['diff', 'tracked.docx'], dir, { env: { ECOPLAN_FILE_BUDGET_MS: '1' } });
    expect([r.code, r.stdout, r.stderr]).toEqual([2, '', 'ecoplan diff: tracked.docx: 超出单个文件的时间上限(0.001 秒),未读取\n']);
  });
});
