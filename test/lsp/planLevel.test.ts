import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { ApplyWorkspaceEditParams, CodeLens, TextEdit } from 'vscode-languageserver-protocol';
import { LspClient } from '../support/lspClient';

const BODY = ['# 东湖区创建国家生态文明建设示范区实施方案', '', '## 三、重点任务', '', '1.加强河湖管护。(责任单位:区水利局)', ''];
const BARE = BODY.join('\n');
const WITH_FM = ['---', 'title: 东湖区方案 # 送审稿', 'ecoplan:', '  level: 市', '  period: 2022-2025', '---', ...BODY].join('\n');

const apply = (text: string, edits: TextEdit[]) => TextDocument.applyEdits(TextDocument.create('x', 'markdown', 1, text), edits);

describe('the plan level where the drafter looks: code lens, status-bar data, and the command that writes the front matter', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ecoplan-level-'));
  writeFileSync(join(dir, 'bare.plan.md'), BARE);
  writeFileSync(join(dir, 'fm.plan.md'), WITH_FM);
  const bare = pathToFileURL(join(dir, 'bare.plan.md')).toString();
  const fm = pathToFileURL(join(dir, 'fm.plan.md')).toString();
  const client = new LspClient();
  const applied: ApplyWorkspaceEditParams[] = [];
  beforeAll(async () => {
    client.connection.onRequest('workspace/applyEdit', (p: ApplyWorkspaceEditParams) => {
      applied.push(p);
      return { applied: true };
    });
    // VS Code sends an unset ecoplan.level as '': that is no level, not an external one
    await client.initialize(dir, {}, { settings: { level: '' } });
    const a = client.nextDiagnostics(bare);
    const b = client.nextDiagnostics(fm);
    client.open(bare, BARE);
    client.open(fm, WITH_FM);
    await Promise.all([a, b]);
  });
  afterAll(() => client.stop());

  it('puts the level, where it came from and the edition on the title line, with a command to change them', async () => {
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: fm } });
    expect(lenses[0]).toEqual({
      range: { start: { line: 6, character: 0 }, end: { line: 6, character: 22 } },
      command: { title: '按市级指标检查(东湖区,依据 front matter)· 2019版 · 更改…', command: 'ecoplan.setPlanSettings', arguments: [fm] },
    });
    const bareLens = (await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: bare } }))[0];
    expect(bareLens.range.start.line).toBe(0);
    // 东湖区 is a unit of the divisions (南昌市东湖区): the lens names it
    expect(bareLens.command!.title).toMatch(/^按(市|县)级指标检查\((东湖区,)?(依据标题|未指定级别,默认按市级)\)· 2019版 · 更改…$/);
  });

  it('gives the status bar its level, edition and source of the level', async () => {
    const cov = await client.request<{ summary: Record<string, string>; editions: { id: string }[] }>('workspace/executeCommand', { command: 'ecoplan.server.coverage', arguments: [fm] });
    expect(cov.summary).toEqual({ level: '市级', edition: '2019版', from: '依据 front matter', fromDetail: '依据 front matter', editionTitle: '国家生态文明建设示范市县建设指标(环生态〔2019〕76号)', place: '东湖区', placeDetail: '江西省南昌市东湖区(市辖区,360102)' });
    expect(cov.editions.map((e) => e.id)).toEqual(['national-2019', 'national-2021', 'national-2024-city', 'national-2024-county']);
  });

  it('writes level and edition into existing front matter, other keys and the body untouched', async () => {
    const r = await client.request<{ applied: boolean; edit: TextEdit }>('workspace/executeCommand', { command: 'ecoplan.server.setPlanSettings', arguments: [fm, { level: '县', catalogue: 'national-2024-county' }] });
    expect(r.applied).toBe(true);
    const edits = applied.at(-1)!.edit.changes![fm];
    expect(edits).toEqual([r.edit]);
    expect(apply(WITH_FM, edits)).toBe(['---', 'title: 东湖区方案 # 送审稿', 'ecoplan:', '  level: 县', '  period: 2022-2025', '  catalogue: national-2024-county', '---', ...BODY].join('\n'));
    // the edit covers only what changed
    expect(r.edit).toEqual({ range: { start: { line: 3, character: 9 }, end: { line: 4, character: 19 } }, newText: '县\n  period: 2022-2025\n  catalogue: national-2024-county' });
  });

  it('adds front matter to a plan that has none, and refuses an unknown edition or level', async () => {
    await client.request('workspace/executeCommand', { command: 'ecoplan.server.setPlanSettings', arguments: [bare, { level: '县', catalogue: 'national-2019' }] });
    expect(apply(BARE, applied.at(-1)!.edit.changes![bare])).toBe(['---', 'ecoplan:', '  level: 县', '  catalogue: national-2019', '---', ...BODY].join('\n'));
    const n = applied.length;
    const r = await client.request<{ applied: boolean; reason: string }>('workspace/executeCommand', { command: 'ecoplan.server.setPlanSettings', arguments: [bare, { level: '省', catalogue: 'zhejiang-2020' }] });
    expect(r).toEqual({ applied: false, reason: '未给出有效的级别或指标体系' });
    expect(applied.length).toBe(n);
  });
});
