// Status bar and lenses follow every settings change (issue 21 item 4): a change of the ecoplan settings
// (ecoplan.include making an open .txt a plan) makes the server ask the client for fresh code lenses and
// inlay hints, and the lenses it then gives are the plan's.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { CodeLens } from 'vscode-languageserver-protocol';
import { LspClient } from '../support/lspClient';

const TEXT = ['待办', '一、本周', '1.核对断面数据。', ''].join('\n');

describe('a settings change refreshes the lenses and hints of open editors', () => {
  const client = new LspClient();
  afterAll(() => client.stop());

  it('asks for code lenses and inlay hints again, and the newly included file has its lenses', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ecoplan-refresh-'));
    writeFileSync(join(dir, 'todo.txt'), TEXT);
    const uri = pathToFileURL(join(dir, 'todo.txt')).toString();
    let settings: unknown = { include: [] };
    const asked: string[] = [];
    client.connection.onRequest('workspace/configuration', () => [settings]);
    client.connection.onRequest('workspace/codeLens/refresh', () => (asked.push('codeLens'), null));
    client.connection.onRequest('workspace/inlayHint/refresh', () => (asked.push('inlayHint'), null));
    await client.initialize(dir, { workspace: { configuration: true, codeLens: { refreshSupport: true }, inlayHint: { refreshSupport: true } } });
    const first = client.nextDiagnostics(uri);
    client.open(uri, TEXT);
    expect((await first).diagnostics).toEqual([]);
    expect(await client.request<CodeLens[] | null>('textDocument/codeLens', { textDocument: { uri } })).toBeNull();

    settings = { include: ['*.txt'] };
    client.notify('workspace/didChangeConfiguration', { settings: null });
    // (a publish of the start-up settings may still come first)
    let codes: string[] = [];
    for (let i = 0; i < 5 && codes.length === 0; i++) codes = (await client.nextDiagnostics(uri)).diagnostics.map((d) => String(d.code));
    expect(codes).toEqual(['assumed-settings', 'missing-binding-indicators', 'missing-responsible-unit']);
    for (let i = 0; i < 20 && asked.length < 2; i++) await new Promise((r) => setTimeout(r, 50));
    expect(asked.sort()).toEqual(['codeLens', 'inlayHint']);
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    expect(lenses.map((l) => `${l.range.start.line} ${l.command?.title}`)).toEqual(['0 按市级指标检查(未指定级别,默认按市级)· 2019版 · 更改…', '1 1 项任务 · 1 项无责任单位']);
  });
});
