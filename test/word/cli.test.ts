// ecoplan import / export / check on Word files, through the CLI's own entry points.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import officeCrypto from 'officecrypto-tool';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCheck } from '../../server/src/cli/main';
import * as word from '../../server/src/cli/word';
import { needsWord, setWordSupport } from '../../server/src/cli/wordHook';
import { typedPlanDocx } from '../support/wordFixture';

const root = join(__dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'ecoplan-word-cli-'));

function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runCheck(args, (s) => out.push(s), (s) => err.push(s));
  return { code, out, err };
}

async function runWord(command: string, args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await word.runWordCommand(command, args, (s) => out.push(s), (s) => err.push(s));
  return { code, out, err };
}

/** A small plan as Word writes it: a centered title, typed numbering, one task without a unit. */
const planDocx = () =>
  typedPlanDocx('北山市创建国家生态文明建设示范市实施方案', ['一、主要任务', '1.组织规划实施。制定年度计划。（责任单位：市生态环境局、市发改委）', '2.提升污水处理能力。城镇污水处理率达95%以上。']);

beforeAll(async () => {
  setWordSupport(word);
  writeFileSync(join(dir, 'plan.docx'), await planDocx());
  writeFileSync(join(dir, 'ecoplan.config.json'), JSON.stringify({ rules: { 'missing-binding-indicators': 'off' } }));
  const good = readFileSync(join(dir, 'plan.docx'));
  writeFileSync(join(dir, 'truncated.docx'), good.subarray(0, Math.floor(good.length / 2)));
  writeFileSync(join(dir, 'notword.docx'), '这不是 Word 文件,只是改了扩展名的文本。\n');
  writeFileSync(join(dir, 'locked.docx'), officeCrypto.encrypt(good, { password: 'secret' }));
  writeFileSync(join(dir, 'plan.txt'), '二、主要任务\n1.组织规划实施。(责任单位:市生态环境局)\n');
});

describe('ecoplan check on .docx', () => {
  it('locates findings by line of the imported text and by Word paragraph', () => {
    const r = run([join(dir, 'plan.docx')]);
    expect(r.code).toBe(1);
    expect(r.out.map((l) => l.replace(/^.*plan\.docx/, 'plan.docx'))).toEqual([
      'plan.docx:13:1 error missing-responsible-unit 任务 一.2「提升污水处理能力」未明确责任单位 [Word 第 4 段]',
      '共检查 1 个文件、2 项任务:1 个错误,0 个警告',
    ]);
    const en = run([join(dir, 'plan.docx'), '--lang', 'en']);
    expect(en.out[0]).toMatch(/ \[Word paragraph 4\]$/);
  });

  it('says in the JSON that positions are in the imported Markdown, with each finding\'s paragraph', () => {
    const r = run([join(dir, 'plan.docx'), '--format', 'json']);
    const file = JSON.parse(r.out.join('')).files[0];
    expect(file.source).toEqual({ format: 'docx', positions: 'imported-markdown' });
    expect(file.tasks.map((t: { path: string; paragraph: number; range: { start: { line: number } } }) => [t.path, t.paragraph, t.range.start.line])).toEqual([
      ['一.1', 3, 10],
      ['一.2', 4, 12],
    ]);
    expect(file.diagnostics.map((d: { code: string; paragraph: number }) => [d.code, d.paragraph])).toEqual([['missing-responsible-unit', 4]]);
    expect(file.targets.map((t: { indicator: string; paragraph: number }) => [t.indicator, t.paragraph])).toEqual([['城镇污水处理率', 4]]);
  });

  it('gives a one-line error naming each bad file, exit 2, and still checks the others', () => {
    const files = ['locked.docx', 'truncated.docx', 'notword.docx', 'plan.txt'].map((f) => join(dir, f));
    const r = run(files);
    expect(r.code).toBe(2);
    expect(r.err.map((l) => l.replace(dir + '/', ''))).toEqual([
      'ecoplan: locked.docx: 文件受密码保护,请在 Word 中取消密码后再导入',
      expect.stringMatching(/^ecoplan: truncated\.docx: 文件已损坏或不完整\(.+\)$/),
      'ecoplan: notword.docx: 不是 Word(.docx)文件',
    ]);
    for (const l of r.err) expect(l).not.toContain('\n');
    expect(r.out.at(-1)).toBe('共检查 1 个文件、1 项任务:0 个错误,0 个警告,3 个文件无法读取');
    expect(run([join(dir, 'locked.docx'), '--lang', 'en']).err).toEqual([`ecoplan: ${join(dir, 'locked.docx')}: the file is password-protected; remove the password in Word first`]);
  });

  it('finds .docx files in folders', () => {
    const r = run([dir, '--format', 'json']);
    expect(JSON.parse(r.out.join('')).files.map((f: { path: string }) => f.path.replace(/^.*\//, ''))).toEqual(['plan.docx', 'plan.txt']);
  });

  it('loads the Word code only for Word files and commands', () => {
    expect(needsWord(['check', 'samples/qingxi-city-plan.md'])).toBe(false);
    expect(needsWord(['check', '--format', 'json', 'a.txt'])).toBe(false);
    expect(needsWord(['check', join(dir, 'plan.docx')])).toBe(true);
    expect(needsWord(['check', dir])).toBe(true);
    expect(needsWord(['check', join(root, 'samples')])).toBe(false);
    expect(needsWord(['import', 'x.docx'])).toBe(true);
    expect(needsWord(['export', 'x.md'])).toBe(true);
    expect(needsWord(['table', 'x.md'])).toBe(false);
  });
});

describe('ecoplan import and export', () => {
  it('imports beside the file and reports what was replaced on stderr', async () => {
    const r = await runWord('import', [join(dir, 'plan.docx')]);
    expect(r.code).toBe(0);
    expect(r.err).toEqual([`ecoplan import: ${join(dir, 'plan.docx')} → ${join(dir, 'plan.plan.md')}:无替换内容 / nothing replaced`]);
    expect(readFileSync(join(dir, 'plan.plan.md'), 'utf8')).toBe(
      ['---', 'ecoplan:', '  level: 市', 'source: plan.docx', '---', '', '# 北山市创建国家生态文明建设示范市实施方案', '', '## 一、主要任务', '', '1.组织规划实施。制定年度计划。（责任单位：市生态环境局、市发改委）', '', '2.提升污水处理能力。城镇污水处理率达95%以上。', ''].join('\n'),
    );
  });

  it('imports several files in one run, and a bad one does not stop the others', async () => {
    // plan.plan.md is there from the test above: --force replaces it
    const r = await runWord('import', [join(dir, 'notword.docx'), join(dir, 'plan.docx'), '--force']);
    expect(r.code).toBe(2);
    expect(r.err[0]).toBe(`ecoplan import: ${join(dir, 'notword.docx')}: 不是 Word(.docx)文件 / not a Word (.docx) file`);
    expect(r.err[1]).toMatch(/plan\.plan\.md:无替换内容/);
  });

  it('exports a plan with tags as prose, and --with-tables appends the two tables as 附件', async () => {
    const src = join(dir, 'tagged.plan.md');
    writeFileSync(src, ['---', 'ecoplan:', '  level: 县', '---', '', '# 南湖县创建国家生态文明建设示范县实施方案', '', '## 二、主要任务', '', '1.治理污水。到2024年[[城镇污水处理率 ≥95%]]。（责任单位：@县住建局、@县生态环境分局）', ''].join('\n'));
    const r = await runWord('export', [src, '-o', join(dir, 'tagged.docx'), '--with-tables']);
    expect(r.code).toBe(0);
    expect(r.err).toEqual([`ecoplan export: ${src} → ${join(dir, 'tagged.docx')}`]);
    const back = await word.importWordFile(readFileSync(join(dir, 'tagged.docx')), 'tagged.docx');
    const lines = back.text.split('\n');
    expect(lines.slice(0, 13)).toEqual([
      '---', 'ecoplan:', '  level: 县', 'source: tagged.docx', '---', '',
      '# 南湖县创建国家生态文明建设示范县实施方案', '',
      '## 二、主要任务', '',
      '1.治理污水。到2024年城镇污水处理率不低于95%。（责任单位：县住建局、县生态环境分局）', '',
      '## 附件1 指标责任明细表',
    ]);
    expect(lines).toContain('## 附件2 任务责任分解表');
    expect(lines.some((l) => /^\| 生态生活 \| \d+ \| 城镇污水处理率 \| % \| ≥95% \|/.test(l))).toBe(true);
  });

  it('refuses bad arguments with exit 2', async () => {
    expect((await runWord('export', [])).code).toBe(2);
    expect((await runWord('import', ['--bogus'])).err).toEqual(['ecoplan import: 未知选项 / unknown option: --bogus']);
    expect((await runWord('export', [join(dir, 'missing.md')])).code).toBe(2);
  });
});

// The built CLI (npm test builds dist/ first): the Word bundle is a separate file, required only when needed.
describe.skipIf(!existsSync(join(root, 'dist', 'word.js')))('dist/cli.js', () => {
  const loaded = (args: string[]) => {
    const hook = join(dir, 'trace.cjs');
    writeFileSync(hook, "const M=require('module');const o=M._load;M._load=function(r,p,i){if(/word\\.js$/.test(r))process.stderr.write('LOADED '+r+'\\n');return o.apply(this,arguments)};");
    return spawnSync(process.execPath, ['-r', hook, join(root, 'dist', 'cli.js'), ...args], { encoding: 'utf8' });
  };
  it('does not load dist/word.js to check a Markdown plan, and does for a .docx', () => {
    const md = loaded(['check', join(root, 'samples', 'qingxi-city-plan.md')]);
    expect(md.status).toBe(0);
    expect(md.stderr).not.toContain('LOADED');
    const docx = loaded(['check', join(dir, 'plan.docx')]);
    expect(docx.status).toBe(1);
    expect(docx.stderr).toMatch(/LOADED .*word\.js/);
    expect(docx.stdout).toContain('[Word 第 4 段]');
  });
  it('exports and imports through the built bundle', () => {
    execFileSync(process.execPath, [join(root, 'dist', 'cli.js'), 'export', join(root, 'samples', 'yunling-county-plan.md'), '-o', join(dir, 'yunling.docx')], { stdio: 'pipe' });
    const r = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), 'import', join(dir, 'yunling.docx'), '-o', '-'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n').slice(0, 6)).toEqual(['---', 'ecoplan:', '  level: 县', '  terrain: 山区', 'source: yunling.docx', '---']);
  });
});
