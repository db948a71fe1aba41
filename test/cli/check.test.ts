import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../server/src/cli/main';

function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runCheck(args, (s) => out.push(s), (s) => err.push(s));
  return { code, out, err };
}

const dir = mkdtempSync(join(tmpdir(), 'ecoplan-cli-'));
const plan = [
  '二、主要任务',
  '1.组织规划实施。制定年度计划。(责任单位:市生态环境局、市发改委)',
  '2.提升污水处理能力。城镇污水处理率达95%以上。',
].join('\n');
writeFileSync(join(dir, 'plan.txt'), plan);
// The plan is a fragment: the coverage of binding indicators would flag most of the catalogue.
writeFileSync(join(dir, 'ecoplan.config.json'), JSON.stringify({ level: '市', rules: { 'missing-binding-indicators': 'off' } }));

describe('ecoplan check', () => {
  it('prints path:line:col severity code message and a summary, exit 1 on errors', () => {
    const r = run([join(dir, 'plan.txt')]);
    expect(r.code).toBe(1);
    expect(r.out.map((l) => l.replace(/^.*plan\.txt/, 'plan.txt'))).toEqual([
      'plan.txt:3:1 error missing-responsible-unit 任务 二.2「提升污水处理能力」未明确责任单位',
      '共检查 1 个文件、2 项任务:1 个错误,0 个警告',
    ]);
  });

  it('prints English messages with --lang en', () => {
    const r = run([join(dir, 'plan.txt'), '--lang', 'en']);
    expect(r.out[0]).toMatch(/error missing-responsible-unit Task 二\.2 "提升污水处理能力" names no responsible unit$/);
    expect(r.out[1]).toBe('1 file(s), 2 task(s): 1 error(s), 0 warning(s)');
  });

  it('prints the version-1 JSON shape exactly', () => {
    const r = run([join(dir, 'plan.txt'), '--format', 'json']);
    const json = JSON.parse(r.out.join(''));
    json.files[0].path = 'plan.txt';
    const R = (l: number, c: number, l2: number, c2: number) => ({ start: { line: l, character: c }, end: { line: l2, character: c2 } });
    expect(json).toEqual({
      version: 1,
      files: [
        {
          path: 'plan.txt',
          level: '市',
          place: null,
          catalogue: 'national-2019',
          tasks: [
            {
              path: '二.1',
              title: '组织规划实施',
              range: R(1, 0, 1, 34),
              units: [
                { name: '市生态环境局', role: 'lead', tagged: false },
                { name: '市发改委', role: 'support', tagged: false },
              ],
              vague: [],
              noUnit: false,
            },
            { path: '二.2', title: '提升污水处理能力', range: R(2, 0, 2, 25), units: [], vague: [], noUnit: true },
          ],
          targets: [
            { indicator: '城镇污水处理率', catalogueId: json.files[0].targets[0].catalogueId, surface: '城镇污水处理率达95%以上', op: '>=', value: 95, unit: '%', year: null, tagged: false, range: R(2, 11, 2, 24) },
          ],
          diagnostics: [{ code: 'missing-responsible-unit', severity: 'error', message: '任务 二.2「提升污水处理能力」未明确责任单位', range: R(2, 0, 2, 25) }],
          coverage: { binding: json.files[0].coverage.binding },
        },
      ],
      summary: { files: 1, tasks: 2, errors: 1, warnings: 0 },
    });
    expect(typeof json.files[0].targets[0].catalogueId).toBe('string');
    // 城镇污水处理率 is the one binding indicator this fragment addresses
    expect(json.files[0].coverage.binding.covered).toBe(1);
    expect(json.files[0].coverage.binding.missing).not.toContain('城镇污水处理率');
    expect(json.files[0].coverage.binding.missing.length).toBe(json.files[0].coverage.binding.total - 1);
  });

  it('decodes GB18030 and UTF-8 with BOM', () => {
    writeFileSync(join(dir, 'gbk.txt'), iconv.encode(plan, 'gb18030'));
    writeFileSync(join(dir, 'bom.txt'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(plan)]));
    for (const f of ['gbk.txt', 'bom.txt']) {
      const r = run([join(dir, f), '--format', 'json']);
      const file = JSON.parse(r.out.join('')).files[0];
      expect(file.tasks.map((t: { title: string }) => t.title)).toEqual(['组织规划实施', '提升污水处理能力']);
      expect(file.tasks[0].range.start).toEqual({ line: 1, character: 0 });
    }
  });

  it('reports a binary file and a missing path, checks the rest, and exits 2', () => {
    const sub = mkdtempSync(join(tmpdir(), 'ecoplan-batch-'));
    writeFileSync(join(sub, 'ecoplan.config.yaml'), 'level: 县\nrules:\n  missing-binding-indicators: off\n');
    writeFileSync(join(sub, 'a.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]));
    writeFileSync(join(sub, 'b.txt'), plan);
    writeFileSync(join(sub, 'ignored.docx'), 'x');
    const r = run([sub, join(sub, 'missing.md')]);
    expect(r.code).toBe(2);
    expect(r.err.map((e) => e.replace(sub, 'DIR'))).toEqual([
      'ecoplan: DIR/missing.md: 无法访问 / cannot access (ENOENT)',
      'ecoplan: DIR/a.md: 不是文本文件(含有 NUL 字节)',
    ]);
    expect(r.out[r.out.length - 1]).toBe('共检查 1 个文件、2 项任务:1 个错误,0 个警告,2 个文件无法读取');
  });

  it('rejects bad usage with exit 2', () => {
    expect(run([]).code).toBe(2);
    expect(run(['x.md', '--level', '省']).err[0]).toMatch(/^ecoplan: --level 只能是 市 或 县/);
    expect(run(['x.md', '--format']).code).toBe(2);
  });

  it('never crashes on junk: random bytes, a broken front matter, a 5 MB file', () => {
    const junk = Buffer.alloc(4096);
    for (let i = 0; i < junk.length; i++) junk[i] = (i * 7919) % 251 || 1;
    writeFileSync(join(dir, 'junk.md'), junk);
    writeFileSync(join(dir, 'broken.md'), '---\necoplan: [level: 市\n---\n二、主要任务\n1.任务。(责任单位:市生态环境局)\n');
    writeFileSync(join(dir, 'big.md'), ('1.推进治理。城镇污水处理率达95%以上。(责任单位:市住建局)\n').repeat(60000));
    const junkRun = run([join(dir, 'junk.md')]);
    expect(junkRun.code).toBe(2);
    expect(junkRun.err[0]).toMatch(/junk\.md: (不是文本文件|无法识别文件编码)/);
    const broken = run([join(dir, 'broken.md'), '--format', 'json']);
    const d = JSON.parse(broken.out.join('')).files[0].diagnostics;
    expect(d.map((x: { code: string; range: { start: { line: number } } }) => [x.code, x.range.start.line])).toEqual([['invalid-settings', 1]]);
    const big = run([join(dir, 'big.md'), '--format', 'json']);
    expect(JSON.parse(big.out.join('')).summary).toEqual({ files: 1, tasks: 60000, errors: 0, warnings: 0 });
  });
});
