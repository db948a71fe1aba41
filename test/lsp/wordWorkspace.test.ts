// .docx files in a workspace folder, in the workspace pull diagnostics (ecoplan.diagnostics.scope:
// workspace), over the real bundled server: imported in memory as `ecoplan check` does, each problem
// at the start of the Word file with its paragraph in the message; unreadable files get one error.
// A client that shows a .docx as its imported plan (VS Code's read-only `ecoplan-word:` view) gets the
// problems in that view at their real places instead (issue 21 item 5).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import officeCrypto from 'officecrypto-tool';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { LspClient } from '../support/lspClient';
import { typedPlanDocx } from '../support/wordFixture';

type Report = { items: { kind: string; uri: string; version: null; items: Diagnostic[] }[] };

const dir = mkdtempSync(join(tmpdir(), 'ecoplan-lsp-word-'));
const at = (name: string) => pathToFileURL(join(dir, name)).toString();
const START = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** A plan as Word writes it: a centred title, typed numbering, the second task without a unit. */
const planDocx = () => typedPlanDocx('南岭县创建国家生态文明建设示范县行动方案', ['一、重点任务', '1.完善河长制。建立巡河台账。（责任单位：县水利局）', '2.改善空气质量。空气质量优良天数比例达70%以上。']);

beforeAll(async () => {
  const good = await planDocx();
  writeFileSync(join(dir, '方案.docx'), good);
  writeFileSync(join(dir, 'truncated.docx'), good.subarray(0, Math.floor(good.length / 2)));
  writeFileSync(join(dir, 'locked.docx'), officeCrypto.encrypt(good, { password: 'secret' }));
  writeFileSync(join(dir, 'ecoplan.config.json'), JSON.stringify({ rules: { 'missing-binding-indicators': 'off' } }));
});

describe('workspace diagnostics for .docx files', () => {
  const client = new LspClient();
  beforeAll(() => client.initialize(dir));
  afterAll(() => client.stop());

  it('reports no Word file with the default scope, and each one with scope workspace', async () => {
    expect((await client.request<Report>('workspace/diagnostic', { previousResultIds: [] })).items).toEqual([]);
    void client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { ecoplan: { diagnostics: { scope: 'workspace' } } } });
    const r = await client.request<Report>('workspace/diagnostic', { previousResultIds: [] });
    expect(r.items.map((i) => i.uri)).toEqual([at('locked.docx'), at('truncated.docx'), at('方案.docx')]);
    const [locked, truncated, plan] = r.items;
    expect(plan.items.map((d) => [d.code, d.severity, d.range, d.message, d.data])).toEqual([
      ['missing-responsible-unit', 1, START, '任务 一.2「改善空气质量」未明确责任单位 [Word 第 4 段]', { path: '一.2', paragraph: 4, line: 12 }],
    ]);
    expect(locked.items).toEqual([
      { range: START, severity: 1, code: 'word-unreadable', source: 'ecoplan', message: 'locked.docx:无法检查:文件受密码保护,请在 Word 中取消密码后再导入' },
    ]);
    expect(truncated.items).toHaveLength(1);
    expect(truncated.items[0]).toMatchObject({ range: START, severity: 1, code: 'word-unreadable' });
    expect(truncated.items[0].message).toMatch(/^truncated\.docx:无法检查:文件已损坏或不完整\(.+\)$/);
    // switching back clears each Word file once
    void client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { ecoplan: { diagnostics: { scope: 'openFiles' } } } });
    const cleared = await client.request<Report>('workspace/diagnostic', { previousResultIds: [] });
    expect(cleared.items.map((i) => [i.uri, i.items])).toEqual([at('locked.docx'), at('truncated.docx'), at('方案.docx')].map((u) => [u, []]));
  });

  it('reads a Word file afresh when it changes on disk', async () => {
    void client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { ecoplan: { diagnostics: { scope: 'workspace' } } } });
    writeFileSync(join(dir, 'truncated.docx'), readFileSync(join(dir, '方案.docx')));
    const r = await client.request<Report>('workspace/diagnostic', { previousResultIds: [] });
    expect(r.items.find((i) => i.uri === at('truncated.docx'))!.items.map((d) => d.message)).toEqual(['任务 一.2「改善空气质量」未明确责任单位 [Word 第 4 段]']);
  });
});

describe('workspace diagnostics for .docx files, in English', () => {
  const client = new LspClient();
  beforeAll(async () => {
    await client.initialize(dir, {}, undefined, 'en');
    void client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { ecoplan: { diagnostics: { scope: 'workspace' } } } });
  });
  afterAll(() => client.stop());

  it('names the Word paragraph and why a file cannot be checked in English', async () => {
    const r = await client.request<Report>('workspace/diagnostic', { previousResultIds: [] });
    const byUri = new Map(r.items.map((i) => [i.uri, i.items.map((d) => d.message)]));
    expect(byUri.get(at('locked.docx'))).toEqual(['locked.docx: cannot be checked: the file is password-protected; remove the password in Word first']);
    expect(byUri.get(at('方案.docx'))).toEqual([expect.stringMatching(/ \[Word paragraph 4\]$/)]);
  });
});

describe('workspace diagnostics for .docx files, for a client with their read-only view (VS Code)', () => {
  const client = new LspClient();
  const view = (name: string) => `ecoplan-word:${new URL(at(name)).pathname}.plan.md`;
  beforeAll(async () => {
    await client.initialize(dir, {}, { wordView: 'ecoplan-word' });
    void client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { ecoplan: { diagnostics: { scope: 'workspace' } } } });
  });
  afterAll(() => client.stop());

  it('puts a readable file’s problems in its view at their real places, with the message alone; an unreadable file keeps its error', async () => {
    writeFileSync(join(dir, 'truncated.docx'), readFileSync(join(dir, '方案.docx')).subarray(0, 200));
    const r = await client.request<Report>('workspace/diagnostic', { previousResultIds: [] });
    expect(r.items.map((i) => i.uri)).toEqual([at('locked.docx'), at('truncated.docx'), view('方案.docx')]);
    const plan = r.items[2];
    expect(plan.items.map((d) => [d.code, d.severity, d.range, d.message])).toEqual([
      ['missing-responsible-unit', 1, { start: { line: 12, character: 0 }, end: { line: 12, character: 26 } }, '任务 一.2「改善空气质量」未明确责任单位'],
    ]);
    // the view shows the text those places are in: the line is the task's
    const text = await client.request<{ text: string }>('workspace/executeCommand', { command: 'ecoplan.server.wordText', arguments: [at('方案.docx')] });
    expect(text.text.split('\n')[12]).toBe('2.改善空气质量。空气质量优良天数比例达70%以上。');
    expect(r.items[0].items.map((d) => [d.code, d.range])).toEqual([['word-unreadable', START]]);
  });

  it('leaves an open view to the document’s own report', async () => {
    const text = await client.request<{ text: string }>('workspace/executeCommand', { command: 'ecoplan.server.wordText', arguments: [at('方案.docx')] });
    client.open(view('方案.docx'), text.text);
    const r = await client.request<Report>('workspace/diagnostic', { previousResultIds: [] });
    expect(r.items.map((i) => i.uri)).toEqual([at('locked.docx'), at('truncated.docx')]);
    const own = await client.request<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri: view('方案.docx') } });
    expect(own.items.filter((d) => d.code === 'missing-responsible-unit').map((d) => d.range.start.line)).toEqual([12]);
  });
});
