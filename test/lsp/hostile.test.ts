// Regression tests for the three bugs the outside fuzzer found (issue 12), over the real server.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompletionList, Hover, Location, SelectionRange } from 'vscode-languageserver-protocol';
import { LspClient } from '../support/lspClient';

const PLAN = [
  '---', // 0
  'ecoplan:', // 1
  '  level: 县', // 2
  '---', // 3
  '# 青山县创建国家生态文明建设示范县实施方案', // 4
  '', // 5
  '## 二、主要任务', // 6
  '', // 7
  '1.整治河道。城镇污水处理率达95%以上。(责任单位:县生态环境局、县住建局)', // 8
  '', // 9
  '2.推进造林。(责任单位:@', // 10
  '',
].join('\n');

const dir = mkdtempSync(join(tmpdir(), 'ecoplan-hostile-'));
const uri = pathToFileURL(join(dir, 'qingshan.plan.md')).toString();
const other = pathToFileURL(join(dir, 'other.plan.md')).toString();
writeFileSync(join(dir, 'other.plan.md'), ['# 附属方案', '', '1.加强监测。(责任单位:县生态环境局)', ''].join('\n'));

/** A client that records the server's log lines. */
function loggingClient() {
  const client = new LspClient();
  const logs: string[] = [];
  client.connection.onNotification('window/logMessage', (p: { message: string }) => {
    logs.push(p.message);
  });
  return { client, logs };
}

async function until(cond: () => boolean, ms = 5000) {
  const end = Date.now() + ms;
  while (!cond() && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
}

async function rpcError(p: Promise<unknown>): Promise<{ code: number; message: string }> {
  try {
    await p;
  } catch (e) {
    const err = e as { code: number; message: string };
    return { code: err.code, message: err.message };
  }
  throw new Error('expected an error response');
}

const chain = (s: SelectionRange | undefined): string[] => {
  const out: string[] = [];
  for (let x = s; x; x = x.parent) out.push(`${x.range.start.line}:${x.range.start.character}-${x.range.end.line}:${x.range.end.character}`);
  return out;
};

describe.each([
  ['push', {}],
  ['pull', { textDocument: { diagnostic: {} } }],
])('a malformed didOpen (%s diagnostics) is logged and ignored; the server goes on', (_mode, caps) => {
  const { client, logs } = loggingClient();
  beforeAll(async () => {
    await client.initialize(dir, caps);
    // the message: textDocument is a string
    void client.connection.sendNotification('textDocument/didOpen', { textDocument: 'file:///x.plan.md' });
    void client.connection.sendNotification('textDocument/didOpen', { textDocument: { languageId: 'markdown', version: 1, text: '# 无 uri' } });
    void client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: 42 }] });
    void client.connection.sendNotification('textDocument/didClose', null);
    client.open(uri, PLAN);
    await until(() => logs.length >= 4);
  });
  afterAll(() => client.stop());

  it('logs each bad notification with what is wrong', () => {
    expect(logs.slice(0, 4)).toEqual([
      '已忽略无效的 textDocument/didOpen 通知:textDocument 应为对象,实为字符串',
      '已忽略无效的 textDocument/didOpen 通知:textDocument.uri 应为带协议的 URI 字符串,实为缺失',
      '已忽略无效的 textDocument/didChange 通知:contentChanges[0].text 应为字符串,实为数值 42',
      '已忽略无效的 textDocument/didClose 通知:参数 应为对象,实为数组', // the client library sends null as [null]
    ]);
  });

  it('answers completion, department hover, references and workspace symbols as before', async () => {
    const c = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: { line: 10, character: 14 } });
    expect(c.items[0].label).toBe('县生态环境局');
    const h = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 8, character: 30 } });
    // the card's first line ends in a Markdown hard break (two spaces) before the aliases
    expect((h.contents as { value: string }).value.split('\n')[0]).toBe('**县生态环境局**  ');
    const refs = await client.request<Location[]>('textDocument/references', { textDocument: { uri }, position: { line: 8, character: 30 }, context: { includeDeclaration: true } });
    expect(refs.map((r) => `${r.uri === uri ? 'plan' : r.uri === other ? 'other' : r.uri}:${r.range.start.line}:${r.range.start.character}`).sort()).toEqual(['other:2:13', 'plan:8:27']);
    const syms = await client.request<{ name: string }[]>('workspace/symbol', { query: '造林' });
    expect(syms.map((s) => s.name)).toEqual(['二.2 推进造林']);
    expect(client.stderr).toBe('');
  });
});

describe('hostile requests get InvalidParams, and the server stays up', () => {
  const { client, logs } = loggingClient();
  beforeAll(() => client.startWith(dir, uri, PLAN));
  afterAll(() => client.stop());

  it('rejects negative, fractional and huge positions, missing uris and wrong types, saying where', async () => {
    const ask = (method: string, params: unknown) => rpcError(client.request(method, params));
    expect(await ask('textDocument/completion', { textDocument: { uri }, position: { line: -1, character: 0 } })).toEqual({
      code: -32602,
      message: '无效的 textDocument/completion 请求:position.line 应为不小于 0 的整数(最大 2147483647),实为数值 -1',
    });
    expect(await ask('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 1e300 } })).toEqual({
      code: -32602,
      message: '无效的 textDocument/hover 请求:position.character 应为不小于 0 的整数(最大 2147483647),实为数值 1e+300',
    });
    expect((await ask('textDocument/selectionRange', { textDocument: { uri }, positions: [{ line: 0, character: -5 }] })).message).toBe(
      '无效的 textDocument/selectionRange 请求:positions[0].character 应为不小于 0 的整数(最大 2147483647),实为数值 -5',
    );
    expect((await ask('textDocument/documentSymbol', { textDocument: {} })).message).toBe('无效的 textDocument/documentSymbol 请求:textDocument.uri 应为带协议的 URI 字符串,实为缺失');
    expect((await ask('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, context: { diagnostics: [{ message: 3 }] } })).message).toBe(
      '无效的 textDocument/codeAction 请求:context.diagnostics[0].range 应为对象,实为缺失',
    );
    expect((await ask('workspace/symbol', 'query')).message).toBe('无效的 workspace/symbol 请求:参数 应为对象,实为数组'); // sent by position
    expect(logs).toContain('无效的 workspace/symbol 请求:参数 应为对象,实为数组');
    // and the plan is still served
    const s = await client.request<{ name: string }[]>('textDocument/documentSymbol', { textDocument: { uri } });
    expect(s.map((x) => x.name)).toEqual(['青山县创建国家生态文明建设示范县实施方案']);
  });

  it('treats completion past the end of a line as the line end: the edit ends at the line end', async () => {
    // line 10 is `2.推进造林。(责任单位:@`, 14 characters
    const c = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: { line: 10, character: 20823 } });
    expect(c.items[0].textEdit).toEqual({ range: { start: { line: 10, character: 14 }, end: { line: 10, character: 14 } }, newText: '县生态环境局' });
    for (const item of c.items) expect((item.textEdit as { range: { end: { character: number } } }).range.end.character).toBe(14);
    // a line past the end of the document is the last line, at its end
    const past = await client.request<CompletionList | unknown[]>('textDocument/completion', { textDocument: { uri }, position: { line: 400, character: 3 } });
    expect(past).toEqual([]);
  });

  it('clamps selectionRange positions outside the document to the document', async () => {
    const r = await client.request<SelectionRange[]>('textDocument/selectionRange', {
      textDocument: { uri },
      positions: [
        { line: 8, character: 9000 },
        { line: 206, character: 112 },
      ],
    });
    expect(r.length).toBe(2);
    // past the end of line 8 = its end (39): the clause that ends there, the task, 二, the plan under its title
    expect(chain(r[0])).toEqual(['8:21-8:39', '8:0-8:39', '6:0-10:14', '4:0-10:14']);
    // past the last line = the end of the document (line 11, empty)
    expect(chain(r[1])).toEqual(['11:0-11:0']);
  });
});
