import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { LspClient } from '../support/lspClient';

describe('language server: empty numbering and the inferred level', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ecoplan-lsp-empty-'));
  const text = [
    '# 云岭县创建国家生态文明建设示范县实施方案', // 0
    '', // 1
    '## 三、主要任务', // 2
    '', // 3
    '1、', // 4
    '', // 5
    '推进污水管网建设。(责任单位:县住建局)', // 6
    '', // 7
    '2、', // 8
    '3、加强信息公开。(责任单位:县生态环境分局)', // 9
    '4、', // 10
  ].join('\n');
  writeFileSync(join(dir, 'a.plan.md'), text);
  const u = pathToFileURL(join(dir, 'a.plan.md')).toString();
  const client = new LspClient();
  let diags: Diagnostic[] = [];
  beforeAll(async () => {
    await client.initialize(dir);
    const first = client.nextDiagnostics(u);
    client.open(u, text);
    diags = (await first).diagnostics;
  });
  afterAll(() => client.stop());

  const fixFor = async (d: Diagnostic) => {
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: u }, range: d.range, context: { diagnostics: [d] } });
    return actions.find((a) => a.title === '删除空编号 (delete the empty numbering)')!;
  };

  it('publishes empty-numbering for the truly empty numberings only, and the level it inferred on the title line', () => {
    const shown = diags.filter((d) => d.code === 'empty-numbering' || d.code === 'assumed-settings' || d.code === 'missing-responsible-unit');
    expect(shown.map((d) => [d.code, d.severity, `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`, d.message])).toEqual([
      ['assumed-settings', 3, '0:0-0:22', '按县级指标检查:依据标题中的「云岭县」;如不对,可在 front matter 中写 ecoplan: {level: 市}'],
      ['empty-numbering', 2, '8:0-8:2', '编号「2」后没有内容(三.2),不计为任务'],
      ['empty-numbering', 2, '10:0-10:2', '编号「4」后没有内容(三.4),不计为任务'],
    ]);
  });

  it('deletes the empty numbering line, and only it', async () => {
    const [mid, last] = diags.filter((d) => d.code === 'empty-numbering');
    const fixMid = await fixFor(mid);
    expect(fixMid.isPreferred).toBe(true);
    expect(fixMid.edit!.changes![u]).toEqual([{ range: { start: { line: 8, character: 0 }, end: { line: 9, character: 0 } }, newText: '' }]);
    const after = TextDocument.applyEdits(TextDocument.create(u, 'markdown', 1, text), fixMid.edit!.changes![u]).split('\n');
    expect(after.slice(6, 10)).toEqual(['推进污水管网建设。(责任单位:县住建局)', '', '3、加强信息公开。(责任单位:县生态环境分局)', '4、']);
    // on the last line, the line break before it goes with it
    const fixLast = await fixFor(last);
    expect(fixLast.edit!.changes![u]).toEqual([{ range: { start: { line: 9, character: 23 }, end: { line: 10, character: 2 } }, newText: '' }]);
    expect(TextDocument.applyEdits(TextDocument.create(u, 'markdown', 1, text), fixLast.edit!.changes![u])).toBe(text.slice(0, text.lastIndexOf('\n')));
  });
});
