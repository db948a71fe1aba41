// What the commands write (issue 22): an existing output is kept unless --force, the input itself is
// never written over, a write that fails is one line naming the file written; and a spreadsheet
// whose one cell sits at XFD1048576 is refused before exceljs lays it out.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { docx, farCellXlsx, p, runCli } from './build';

const dir = mkdtempSync(join(tmpdir(), 'ecoplan-hostile-writes-'));
const PLAN = ['---', 'ecoplan:', '  level: 县', '---', '# 石渠口区创建国家生态文明建设示范区实施方案', '', '## 二、主要任务', '', '1.整治黑臭水体。城镇污水处理率达95%以上。(责任单位:区生态环境分局)', ''].join('\n');
const MINE = '---\necoplan:\n  level: 县\n---\n# 我改过的方案 <!-- 审阅意见 -->\n';
const TABLE = p('领域') + `<w:tbl>${[['序号', '指标名称', '单位', '指标值', '指标属性'], ['1', '城镇污水处理率', '%', '≥95', '约束性']].map((r) => `<w:tr>${r.map((c) => `<w:tc>${p(c)}</w:tc>`).join('')}</w:tr>`).join('')}</w:tbl>`;

beforeAll(() => {
  writeFileSync(join(dir, '方案.docx'), docx(p('石渠口区创建国家生态文明建设示范区实施方案', '<w:jc w:val="center"/>') + p('二、主要任务') + p('1.推进垃圾分类。(责任单位:区城管局)')));
  writeFileSync(join(dir, '方案.plan.md'), MINE);
  writeFileSync(join(dir, 'P.plan.md'), PLAN);
  writeFileSync(join(dir, '附表.md'), '我的附表\n');
  writeFileSync(join(dir, '指标.docx'), docx(TABLE));
  writeFileSync(join(dir, 'far.xlsx'), farCellXlsx('XFD1048576'));
  writeFileSync(join(dir, 'farcol.xlsx'), farCellXlsx('XFD1'));
});

describe('never overwrite without consent', () => {
  it('`import` keeps an existing .plan.md unless --force', () => {
    const kept = runCli(['import', '方案.docx'], dir);
    expect([kept.code, kept.stderr]).toEqual([2, `ecoplan import: 方案.plan.md: 已存在,未覆盖(如需覆盖请加 --force)/ exists; not overwritten (add --force to overwrite)\n`]);
    expect(readFileSync(join(dir, '方案.plan.md'), 'utf8')).toBe(MINE);
    const forced = runCli(['import', '方案.docx', '--force'], dir);
    expect(forced.code).toBe(0);
    expect(readFileSync(join(dir, '方案.plan.md'), 'utf8')).toContain('1.推进垃圾分类。(责任单位:区城管局)');
  });

  it('`export P.plan.md -o P.plan.md` and `import X.docx -o X.docx` refuse to write over their input, --force or not', () => {
    const exported = runCli(['export', 'P.plan.md', '-o', 'P.plan.md', '--force'], dir);
    expect([exported.code, exported.stderr]).toEqual([2, 'ecoplan export: P.plan.md: 是输入文件本身,不能写入 / is the input file itself; not written\n']);
    expect(readFileSync(join(dir, 'P.plan.md'), 'utf8')).toBe(PLAN);
    const before = readFileSync(join(dir, '方案.docx'));
    const imported = runCli(['import', '方案.docx', '-o', './方案.docx', '--force'], dir);
    expect([imported.code, imported.stderr]).toEqual([2, 'ecoplan import: ./方案.docx: 是输入文件本身,不能写入 / is the input file itself; not written\n']);
    expect(readFileSync(join(dir, '方案.docx')).equals(before)).toBe(true);
  });

  it('`export`, `table` and `catalogue import` keep an existing output unless --force', () => {
    writeFileSync(join(dir, 'P.docx'), 'mine');
    const exported = runCli(['export', 'P.plan.md'], dir);
    expect([exported.code, exported.stderr]).toEqual([2, `ecoplan export: P.docx: 已存在,未覆盖(如需覆盖请加 --force)/ exists; not overwritten (add --force to overwrite)\n`]);
    expect(readFileSync(join(dir, 'P.docx'), 'utf8')).toBe('mine');
    const table = runCli(['table', 'P.plan.md', '-o', '附表.md'], dir);
    expect([table.code, table.stderr]).toEqual([2, 'ecoplan table: 附表.md: 已存在,未覆盖(如需覆盖请加 --force)/ exists; not overwritten (add --force to overwrite)\n']);
    expect(readFileSync(join(dir, '附表.md'), 'utf8')).toBe('我的附表\n');
    expect(runCli(['table', 'P.plan.md', '-o', '附表.md', '--force'], dir).code).toBe(0);
    expect(readFileSync(join(dir, '附表.md'), 'utf8')).toContain('城镇污水处理率');
    writeFileSync(join(dir, '指标.yaml'), '# 我的指标体系\n');
    const catalogue = runCli(['catalogue', 'import', '指标.docx', '-o', '指标.yaml'], dir);
    expect([catalogue.code, catalogue.stderr]).toEqual([2, 'ecoplan catalogue import: 指标.yaml: 已存在,未覆盖(如需覆盖请加 --force)/ exists; not overwritten (add --force to overwrite)\n']);
    expect(readFileSync(join(dir, '指标.yaml'), 'utf8')).toBe('# 我的指标体系\n');
  });

  it('a write that fails is one line naming the file written, not a stack trace and not the input', () => {
    const catalogue = runCli(['catalogue', 'import', '指标.docx', '-o', 'missing/dir/x.yaml'], dir);
    expect([catalogue.code, catalogue.stderr]).toEqual([2, 'ecoplan catalogue import: 无法写入 / cannot write missing/dir/x.yaml (ENOENT)\n']);
    const imported = runCli(['import', '方案.docx', '-o', 'missing/dir/x.plan.md'], dir);
    expect([imported.code, imported.stderr]).toEqual([2, 'ecoplan import: 无法写入 / cannot write missing/dir/x.plan.md (ENOENT)\n']);
    const exported = runCli(['export', 'P.plan.md', '-o', 'missing/dir/x.docx'], dir);
    expect([exported.code, exported.stderr]).toEqual([2, 'ecoplan export: 无法写入 / cannot write missing/dir/x.docx (ENOENT)\n']);
    const table = runCli(['table', 'P.plan.md', '-o', 'missing/dir/x.md'], dir);
    expect([table.code, table.stderr]).toEqual([2, 'ecoplan table: 无法写入 / cannot write missing/dir/x.md (ENOENT)\n']);
    expect(existsSync(join(dir, 'missing'))).toBe(false);
  });
});

describe('spreadsheets that declare far more than they hold', () => {
  it('one cell at XFD1048576, or in column XFD, is refused before it is laid out', () => {
    const far = runCli(['catalogue', 'import', 'far.xlsx', '-o', 'far.yaml'], dir);
    expect([far.code, far.stderr]).toEqual([2, 'ecoplan catalogue import: far.xlsx: xl/worksheets/sheet1.xml 含有单元格 XFD1048576,超出指标表的范围(至多 256 列、20000 行) / xl/worksheets/sheet1.xml has a cell at XFD1048576, beyond an indicator table (at most 256 columns, 20000 rows)\n']);
    expect(far.peakMb).toBeLessThan(300);
    const column = runCli(['catalogue', 'import', 'farcol.xlsx', '-o', 'farcol.yaml'], dir);
    expect([column.code, column.stderr]).toEqual([2, 'ecoplan catalogue import: farcol.xlsx: xl/worksheets/sheet1.xml 含有单元格 XFD1,超出指标表的范围(至多 256 列、20000 行) / xl/worksheets/sheet1.xml has a cell at XFD1, beyond an indicator table (at most 256 columns, 20000 rows)\n']);
    expect(column.peakMb).toBeLessThan(300);
    expect(existsSync(join(dir, 'far.yaml'))).toBe(false);
  });
});
