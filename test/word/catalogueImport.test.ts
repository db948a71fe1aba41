// ecoplan catalogue import: an indicator table in the layout of the 2019 edition's published table,
// as a Word table and as a spreadsheet (merged 领域/任务 cells, values per terrain, a * mark, a bad row).
import { mkdtempSync, readFileSync } from 'node:fs';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import ExcelJS from 'exceljs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { builtinEditions } from '../../server/src/core/catalogue/builtin';
import { loadUserCatalogue } from '../../server/src/core/catalogue/userCatalogue';
import * as word from '../../server/src/cli/word';

const dir = mkdtempSync(join(tmpdir(), 'ecoplan-catalogue-'));
const HEADER = ['领域', '任务', '序号', '指标名称', '单位', '指标值', '指标属性', '适用范围'];
// [领域, 任务, 序号, 名称, 单位, 指标值 (lines), 属性, 适用范围]; null = merged with the cell above
const ROWS: (string | null)[][] = [
  ['生态制度', '(一)目标责任体系与制度建设', '1', '生态文明建设规划', '-', '制定实施', '约束性', '市县'],
  [null, null, '3', '生态文明建设工作占党政实绩考核的比例', '%', '≥22', '约束性', '市县'],
  ['生态安全', '(三)生态系统保护', '11', '林草覆盖率', '%', '山区≥60\n丘陵区≥40\n平原地区≥18', '约束性', '市县'],
  [null, null, '12*', '生物物种资源保护', '-', '重点保护物种种群数量不降低', '参考性', '市县'],
  [null, null, '13', '自然岸线保有率', '%', '≈35', '约束性', '市'],
];

async function docxTable(): Promise<Buffer> {
  const cell = (text: string, rowSpan?: number) => new TableCell({ rowSpan, children: text.split('\n').map((t) => new Paragraph(t)) });
  const rows = [new TableRow({ children: HEADER.map((h) => cell(h)) })];
  ROWS.forEach((r, i) => {
    const children: TableCell[] = [];
    r.forEach((c, j) => {
      if (c === null) return;
      const span = j < 2 && ROWS[i + 1]?.[j] === null ? ROWS.slice(i + 1).findIndex((x) => x[j] !== null) : -2;
      children.push(cell(c, span === -1 ? ROWS.length - i : span > 0 ? span + 1 : undefined));
    });
    rows.push(new TableRow({ children }));
  });
  return Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('附件 国家生态文明建设示范县建设指标'), new Table({ rows })] }] }));
}

async function xlsxTable(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('指标');
  ws.addRow(['国家生态文明建设示范县建设指标']);
  ws.addRow(HEADER);
  for (const r of ROWS) ws.addRow(r.map((c) => c ?? ''));
  ws.mergeCells('A3:A4');
  ws.mergeCells('B3:B4');
  ws.mergeCells('A5:A7');
  ws.mergeCells('B5:B7');
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function importTable(file: string, extra: string[] = []) {
  const out: string[] = [];
  const err: string[] = [];
  const yaml = join(dir, `${file}.yaml`);
  const code = await word.runWordCommand('catalogue', ['import', join(dir, file), '-o', yaml, ...extra], (s) => out.push(s), (s) => err.push(s));
  return { code, err, yaml };
}

const expected = (source: string, rows: number[]) => [
  { number: 1, id: 'eco-civilization-plan', name: '生态文明建设规划', unit: '-', value: '制定实施', thresholds: [{ qualitative: '制定实施' }], binding: true, applies: ['市', '县'], confidence: 'confirmed', source: `${source} (表格第 ${rows[0]} 行 / table row ${rows[0]})` },
  { number: 3, id: 'eco-civilization-performance-assessment-share', name: '生态文明建设工作占党政实绩考核的比例', unit: '%', value: '≥22', thresholds: [{ op: '>=', value: 22 }], direction: 'higher', binding: true, applies: ['市', '县'], confidence: 'confirmed', source: `${source} (表格第 ${rows[1]} 行 / table row ${rows[1]})` },
  {
    number: 11, id: expect.any(String), name: '林草覆盖率', unit: '%', value: '山区≥60 丘陵区≥40 平原地区≥18',
    thresholds: [{ terrain: '山区', op: '>=', value: 60 }, { terrain: '丘陵区', op: '>=', value: 40 }, { terrain: '平原地区', op: '>=', value: 18 }],
    direction: 'higher', binding: true, applies: ['市', '县'], confidence: 'confirmed', source: `${source} (表格第 ${rows[2]} 行 / table row ${rows[2]})`,
  },
  { number: 12, id: 'indicator-12', name: '生物物种资源保护', unit: '-', value: '重点保护物种种群数量不降低', thresholds: [{ qualitative: '重点保护物种种群数量不降低' }], binding: false, applies: ['市', '县'], confidence: 'confirmed', source: `${source} (表格第 ${rows[3]} 行 / table row ${rows[3]})`, note: '表中标有 *(见原表注释)' },
];

describe('ecoplan catalogue import', () => {
  it('reads a Word table in the 2019 layout into a user catalogue that validates, reporting the row it could not read', async () => {
    writeFileSync(join(dir, '指标表.docx'), await docxTable());
    const r = await importTable('指标表.docx', ['--extends', 'national-2019', '--id', 'national-2024-county-local', '--level', '县']);
    expect(r.err).toEqual([
      'ecoplan catalogue import: ' + join(dir, '指标表.docx') + ': 第 6 行 / row 6: 自然岸线保有率:「≈35」无法读取 / cannot read "≈35"',
      `ecoplan catalogue import: ${join(dir, '指标表.docx')} → ${r.yaml}:4 项指标,1 行无法读取 / 4 indicator(s), 1 row(s) not read`,
    ]);
    expect(r.code).toBe(1);
    const text = readFileSync(r.yaml, 'utf8');
    const cat = parse(text);
    expect(cat.extends).toBe('national-2019');
    expect(cat.edition).toEqual({ id: 'national-2024-county-local', title: '指标表', levels: ['县'], complete: false, source: '指标表.docx' });
    expect(cat.domains).toEqual([
      { name: '生态制度', tasks: ['(一)目标责任体系与制度建设'], ranges: [[1, 3]] },
      { name: '生态安全', tasks: ['(三)生态系统保护'], ranges: [[11, 12]] },
    ]);
    expect(cat.indicators).toEqual(expected('指标表.docx', [2, 3, 4, 5]));
    const loaded = loadUserCatalogue(text, builtinEditions);
    expect(loaded.problems).toEqual([]);
    expect(loaded.edition!.indicators.find((i) => i.name === '林草覆盖率')!.thresholds.map((t) => [t.terrain, t.op, t.value])).toEqual([
      ['山区', '>=', 60],
      ['丘陵区', '>=', 40],
      ['平原地区', '>=', 18],
    ]);
  });

  it('reads the same table from a spreadsheet with merged cells', async () => {
    writeFileSync(join(dir, '指标表.xlsx'), await xlsxTable());
    const r = await importTable('指标表.xlsx', ['--extends', 'national-2019']);
    expect(r.code).toBe(1);
    expect(r.err[0]).toMatch(/第 7 行 \/ row 7: 自然岸线保有率/);
    const cat = parse(readFileSync(r.yaml, 'utf8'));
    expect(cat.indicators).toEqual(expected('指标表.xlsx', [3, 4, 5, 6]));
    expect(cat.domains.map((d: { name: string }) => d.name)).toEqual(['生态制度', '生态安全']);
  });

  it('refuses a file with no indicator table, and an unknown --extends', async () => {
    writeFileSync(join(dir, 'empty.docx'), await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('没有表格')] }] })));
    const r = await importTable('empty.docx');
    expect(r.code).toBe(2);
    expect(r.err.at(-1)).toBe(`ecoplan catalogue import: ${join(dir, 'empty.docx')}: 没有读出任何指标 / no indicator read`);
    expect((await importTable('empty.docx', ['--extends', 'national-1999'])).err[0]).toMatch(/^ecoplan catalogue import: --extends 未知的指标体系/);
  });
});

describe('catalogue import on long cells', () => {
  it('reads a 200 000-character value cell in time proportional to its length', async () => {
    const { catalogueFromRows } = await import('../../server/src/word/catalogueImport');
    const opts = { source: 'x.xlsx', id: 'x', title: 'x', levels: ['县' as const] };
    const row = (n: number) => [['序号', '指标名称', '指标值', '指标属性'], ['1', '林草覆盖率', '山区'.repeat(n) + '≥60 ' + '丘陵区不低于'.repeat(n), '约束性']];
    const t0 = performance.now();
    const a = catalogueFromRows(row(20000), opts);
    const t1 = performance.now();
    const b = catalogueFromRows(row(40000), opts);
    const t2 = performance.now();
    expect(a.problems.length).toBe(1);
    expect(b.problems[0].message).toMatch(/^林草覆盖率:无法识别的限定词/);
    expect(t2 - t1).toBeLessThan(4 * (t1 - t0) + 50);
  });
});
