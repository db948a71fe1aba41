import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic, DocumentSymbol, Hover } from 'vscode-languageserver-protocol';
import { LspClient } from '../support/lspClient';

// A task table pasted from a web page one cell per line (test/fixtures/variety/36-cell-per-line-task-table.txt),
// opened in the real server over stdio: diagnostics at the exact original positions, the table's tasks as
// document symbols, a hover on a unit of a table row.
const text = readFileSync(join('test', 'fixtures', 'variety', '36-cell-per-line-task-table.txt'), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'ecoplan-lsp-table-'));
writeFileSync(join(dir, 'plan.txt'), text);
const uri = pathToFileURL(join(dir, 'plan.txt')).toString();
const at = (d: Diagnostic) => `${d.code} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`;

describe('language server on a task table pasted one cell per line', () => {
  const client = new LspClient();
  let diagnostics: Diagnostic[] = [];

  beforeAll(async () => {
    // a .txt file is a plan where the editor's ecoplan.include names it
    await client.initialize(dir, {}, { settings: { include: ['*.txt'] } });
    const first = client.nextDiagnostics(uri);
    client.open(uri, text);
    diagnostics = (await first).diagnostics;
  });
  afterAll(() => client.stop());

  it('publishes each diagnostic at its exact position: a table task\'s at its 序号 cell', () => {
    expect(text.split('\n')[160]).toBe('12');
    expect(diagnostics.map(at)).toEqual([
      'assumed-settings 0:0-0:24',
      'missing-binding-indicators 0:0-0:24',
      'renamed-indicator 100:9-100:19',
      'missing-responsible-unit 160:0-160:2',
      'unknown-department 206:0-206:9',
    ]);
    expect(diagnostics.find((d) => d.code === 'missing-responsible-unit')!.message).toBe('任务 附件1.12「发展生态农业」未明确责任单位');
  });

  it('lists the table\'s rows as task symbols, each with its lead unit', async () => {
    const s = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    const table = s.find((x) => x.name === '表格任务')!;
    expect(table.children!.length).toBe(16);
    expect(table.children!.slice(10, 13).map((c) => [c.name, c.detail, c.selectionRange.start.line, c.range.end.line])).toEqual([
      ['附件1.11 推进清洁生产审核', '牵头:区经济和信息化局', 148, 158],
      ['附件1.12 发展生态农业', '无责任单位', 160, 170],
      ['附件1.13 推行生活垃圾分类', '牵头:区城市管理局', 174, 184],
    ]);
  });

  it('hovers a unit in a table row with its department', async () => {
    // line 154: 区经济和信息化局, the 牵头单位 cell of row 11
    expect(text.split('\n')[154]).toBe('区经济和信息化局');
    const h = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 154, character: 3 } });
    const value = (h.contents as { value: string }).value;
    expect(value.split('\n')[0].trimEnd()).toBe('**区经济和信息化局**');
    expect(value).toContain('附件1.11');
  });
});
