// 与上一稿比较 over stdio (the bundled server, dist/server.js): the open plan against an earlier file of
// the workspace (.md or .docx) or a text the client has (the committed version), answered with the diff
// and one information diagnostic per change, source `EcoPlan 比较`.
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LspClient } from '../support/lspClient';

const DRAFTS = join(__dirname, '..', 'fixtures', 'review-drafts');
const dir = mkdtempSync(join(tmpdir(), 'ecoplan-draft-diff-'));
const uriOf = (name: string) => pathToFileURL(join(dir, name)).toString();

interface Result {
  diff: { changes: { kind: string; message: string }[]; summary: Record<string, number> };
  diagnostics: { range: { start: { line: number; character: number } }; severity: number; source: string; code: string; message: string }[];
  previous: string;
}

const SMALL = `某县创建国家生态文明建设示范县实施方案

一、主要任务

1.提升污水处理水平。到2023年，城镇污水处理率达到95%以上。（责任单位：县住建局）
`;

describe('ecoplan/draftDiff', () => {
  const client = new LspClient();
  const newText = readFileSync(join(DRAFTS, 'source', '安吉县-修改稿.md'), 'utf8');
  beforeAll(async () => {
    copyFileSync(join(DRAFTS, '安吉县-初稿.md'), join(dir, '初稿.md'));
    copyFileSync(join(DRAFTS, '安吉县-修改稿.docx'), join(dir, '修改稿.docx'));
    writeFileSync(join(dir, '修改稿.md'), newText);
    await client.startWith(dir, uriOf('修改稿.md'), newText);
  });
  afterAll(() => client.stop());

  it('compares the open plan with an earlier file: every change an information diagnostic at its place', async () => {
    const r = await client.request<Result>('ecoplan/draftDiff', { uri: uriOf('修改稿.md'), previous: { uri: uriOf('初稿.md') } });
    expect(r.previous).toBe('初稿.md');
    expect(r.diff.changes).toHaveLength(20);
    expect(r.diagnostics.slice(0, 5)).toEqual([
      { range: { start: { line: 24, character: 63 }, end: { line: 24, character: 76 } }, severity: 3, source: 'EcoPlan 比较', code: 'lead-removed', message: '三.(一).4 牵头单位:县水利局 → 删除' },
      { range: { start: { line: 48, character: 62 }, end: { line: 48, character: 66 } }, severity: 3, source: 'EcoPlan 比较', code: 'lead-changed', message: '三.(四).13 牵头单位:县水利局 → 县住建局' },
      { range: { start: { line: 30, character: 93 }, end: { line: 30, character: 116 } }, severity: 3, source: 'EcoPlan 比较', code: 'unit-dropped', message: '三.(二).6 删除责任单位:县交通运输局' },
      { range: { start: { line: 50, character: 66 }, end: { line: 50, character: 70 } }, severity: 3, source: 'EcoPlan 比较', code: 'unit-added', message: '三.(四).14 新增责任单位:县商务局' },
      { range: { start: { line: 30, character: 53 }, end: { line: 30, character: 69 } }, severity: 3, source: 'EcoPlan 比较', code: 'target-weakened', message: '三.(二).6 优良天数比例 目标较上一稿降低:>90%(2023年) → ≥90%(2023年)' },
    ]);
    // what only the old draft had sits on the new draft's title
    expect(r.diagnostics.filter((d) => d.code === 'task-removed')).toEqual([
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 32 } }, severity: 3, source: 'EcoPlan 比较', code: 'task-removed', message: '删除任务 三.(三).11 扩大政府绿色采购' },
    ]);
  });

  it('compares with a .docx of the workspace and with a text the client sends (the committed version)', async () => {
    // the .docx is the same draft as the open plan: nothing changed
    const same = await client.request<Result>('ecoplan/draftDiff', { uri: uriOf('修改稿.md'), previous: { uri: uriOf('修改稿.docx') } });
    expect([same.previous, same.diff.changes]).toEqual(['修改稿.docx', []]);
    const committed = await client.request<Result>('ecoplan/draftDiff', { uri: uriOf('修改稿.md'), previous: { text: newText.replace('城镇污水处理率达到90%以上', '城镇污水处理率达到95%以上'), label: 'HEAD' } });
    expect(committed.previous).toBe('HEAD');
    expect(committed.diagnostics.map((d) => [d.range.start.line, d.message])).toEqual([[48, '三.(四).13 城镇污水处理率 目标较上一稿降低:≥95%(2023年) → ≥90%(2023年)']]);
  });

  it('answers an error, never a crash, for what cannot be compared', async () => {
    writeFileSync(join(dir, 'notes.md'), '会议记录\n\n今天讨论了三件事。\n');
    client.open(uriOf('small.md'), SMALL);
    expect(await client.request('ecoplan/draftDiff', { uri: uriOf('notes.md'), previous: { uri: uriOf('初稿.md') } })).toEqual({ error: '当前文件不是方案,无法比较' });
    expect(await client.request('ecoplan/draftDiff', { uri: uriOf('small.md'), previous: { uri: uriOf('gone.md') } })).toEqual({ error: 'gone.md:无法读取' });
    expect(await client.request('ecoplan/draftDiff', { uri: uriOf('small.md'), previous: { uri: uriOf('small.md') } })).toEqual({ error: '请选择另一份文件作为上一稿' });
    await expect(client.request('ecoplan/draftDiff', { uri: uriOf('small.md'), previous: { text: 3 } })).rejects.toThrow('无效的 ecoplan/draftDiff 请求');
    // the server is still there
    const r = await client.request<Result>('ecoplan/draftDiff', { uri: uriOf('small.md'), previous: { text: SMALL.replace('县住建局', '县住建局、县水利局') } });
    expect(r.diagnostics.map((d) => d.message)).toEqual(['一.1 删除责任单位:县水利局']);
  });
});
