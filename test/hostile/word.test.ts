// Word files that declare or inflate to far more than they hold (issue 22): each is read within its
// limits or reported in one line naming it, the other plans of the run are still checked, and the
// run's peak memory stays under 300 MB. Runs the bundled CLI (dist/cli.js, built by `npm test`).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { docx, p, runCli, spacesDocx, zip } from './build';

const dir = mkdtempSync(join(tmpdir(), 'ecoplan-hostile-word-'));
const GOOD = ['# 石渠口区创建国家生态文明建设示范区实施方案', '', '## 二、主要任务', '', '1.整治黑臭水体。(责任单位:区生态环境分局、区水务局)', '', '2.推进垃圾分类。', ''].join('\n');
const TITLE = p('石渠口区创建国家生态文明建设示范区实施方案', '<w:jc w:val="center"/>');
const TASK = p('二、主要任务') + p('1.推进垃圾分类。');

const row = (cells: string) => `<w:tr>${cells}</w:tr>`;
const cell = (text: string, tcPr = '') => `<w:tc>${tcPr ? `<w:tcPr>${tcPr}</w:tcPr>` : ''}${p(text)}</w:tc>`;

const FILES: Record<string, Buffer> = {
  // a cell that declares 100,000,000 columns, a row that starts 100,000,000 columns in, and a
  // restarted vertical merge there: laid out on Word's 63 columns
  'gridspan.docx': docx(
    TITLE +
      `<w:tbl>${row(cell('指标', '<w:gridSpan w:val="100000000"/>') + cell('目标值'))}${row(`<w:trPr><w:gridBefore w:val="100000000"/><w:gridAfter w:val="100000000"/></w:trPr>` + cell('城镇污水处理率', '<w:vMerge w:val="restart"/>'))}${row(cell('', '<w:vMerge/>'))}</w:tbl>` +
      TASK,
  ),
  // a numbering level 50,000,000 deep, in the definition, an override and a paragraph
  'ilvl.docx': docx(TITLE + p('二、主要任务') + p('推进垃圾分类。', '<w:numPr><w:ilvl w:val="50000000"/><w:numId w:val="1"/></w:numPr>') + p('整治黑臭水体。', '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'), {
    numbering:
      '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="50000000"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl><w:lvl w:ilvl="0"><w:start w:val="3"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>' +
      '<w:num w:numId="1"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="40000000"><w:startOverride w:val="5"/></w:lvlOverride></w:num>',
  }),
  'spaces.docx': spacesDocx(400),
  // within every count, but more than a small budget holds
  'heavy.docx': docx(TITLE + p('二、主要任务') + Array.from({ length: 30000 }, (_, i) => p(`${i + 1}.推进城镇污水管网建设,城镇污水处理率达到95%以上。(责任单位:区住建局、区生态环境分局)`)).join('')),
  'paragraphs.docx': docx(TITLE + '<w:p/>'.repeat(200_000) + TASK),
  // entities that expand (a "billion laughs"): OOXML never declares a document type
  'doctype.docx': zip([{ name: 'word/document.xml', data: `<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "${'a'.repeat(1000)}"><!ENTITY b "${'&a;'.repeat(1000)}">]><w:document><w:body>${p('&b;')}</w:body></w:document>` }]),
};

beforeAll(() => {
  writeFileSync(join(dir, 'good.plan.md'), GOOD);
  writeFileSync(join(dir, 'ecoplan.config.yaml'), 'rules:\n  missing-binding-indicators: off\n  assumed-settings: off\n');
  for (const [name, bytes] of Object.entries(FILES)) writeFileSync(join(dir, name), bytes);
});

describe('hostile Word files on `ecoplan check`', () => {
  it('a table declaring 100,000,000 columns is laid out on 63; a numbering level of 50,000,000 shows no label', () => {
    const r = runCli(['check', 'gridspan.docx', 'ilvl.docx', 'good.plan.md'], dir);
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n').filter((l) => l.includes('missing-responsible-unit'))).toEqual([
      'gridspan.docx:16:1 error missing-responsible-unit 任务 二.1「推进垃圾分类」未明确责任单位 [Word 第 6 段]',
      'ilvl.docx:13:1 error missing-responsible-unit 任务 二.3「整治黑臭水体」未明确责任单位 [Word 第 4 段]',
      'good.plan.md:7:1 error missing-responsible-unit 任务 二.2「推进垃圾分类」未明确责任单位',
    ]);
    expect(r.stdout).toContain('共检查 3 个文件');
    expect(r.code).toBe(1);
    expect(r.peakMb).toBeLessThan(300);
  });

  it('a document.xml inflating to 400 MB of spaces and one of 200,000 paragraphs are each one line; the plan beside them is checked', () => {
    const r = runCli(['check', 'spaces.docx', 'paragraphs.docx', 'doctype.docx', 'good.plan.md'], dir);
    expect(r.stderr.trim().split('\n')).toEqual([
      'ecoplan: spaces.docx: word/document.xml 解压后超过 48 MB,不像方案文件',
      'ecoplan: paragraphs.docx: word/document.xml 含有 200003 个段落,超过上限 50000',
      'ecoplan: doctype.docx: word/document.xml 含有文档类型声明(DOCTYPE),不是 Word 生成的文件',
    ]);
    expect(r.stdout).toBe('good.plan.md:7:1 error missing-responsible-unit 任务 二.2「推进垃圾分类」未明确责任单位\n共检查 1 个文件、2 项任务:1 个错误,0 个警告,3 个文件无法读取\n');
    expect(r.code).toBe(2);
    expect(r.peakMb).toBeLessThan(300);
  });

  it('a file past its budget (heap or time) is reported, and the run goes on: the budget ends the worker, not the process', () => {
    const memory = runCli(['check', 'heavy.docx', 'good.plan.md'], dir, { env: { ECOPLAN_FILE_BUDGET_MB: '40' } });
    expect(memory.stderr).toBe('ecoplan: heavy.docx: 超出单个文件的内存上限(40 MB),未检查 / over the memory budget of one file (40 MB), not checked\n');
    expect(memory.stdout).toBe('good.plan.md:7:1 error missing-responsible-unit 任务 二.2「推进垃圾分类」未明确责任单位\n共检查 1 个文件、2 项任务:1 个错误,0 个警告,1 个文件无法读取\n');
    expect(memory.code).toBe(2);
    expect(memory.peakMb).toBeLessThan(300);
    const time = runCli(['check', 'heavy.docx', 'good.plan.md', '--lang', 'en'], dir, { env: { ECOPLAN_FILE_BUDGET_MS: '200' } });
    expect(time.stderr).toBe('ecoplan: heavy.docx: 超出单个文件的时间上限(0.2 秒),未检查 / over the time budget of one file (0.2 s), not checked\n');
    expect(time.code).toBe(2);
  });

  it('in English the same lines', () => {
    const r = runCli(['check', 'spaces.docx', '--lang', 'en'], dir);
    expect(r.stderr).toBe('ecoplan: spaces.docx: word/document.xml inflates to more than 48 MB: not a plan\n');
    expect(r.code).toBe(2);
  });

  it('`ecoplan import` of the 400 MB one says so in one line and writes nothing', () => {
    const r = runCli(['import', 'spaces.docx'], dir);
    expect(r.stderr).toBe('ecoplan import: spaces.docx: word/document.xml 解压后超过 48 MB,不像方案文件 / word/document.xml inflates to more than 48 MB: not a plan\n');
    expect(r.code).toBe(2);
    expect(r.peakMb).toBeLessThan(300);
  });
});
