// Plans recognised by what they are, in the editor (issue 21 item 1): an undeclared .md or .txt whose
// content is a plan is checked; ordinary Markdown is not; ecoplan.include takes any file (a .txt too, with
// its fixes), ecoplan.exclude silences one; the server says why a file is or is not a plan.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeAction, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { LspClient } from '../support/lspClient';

// written for this test in the form of a pasted county plan (title, 一、, numbered tasks, one clause)
const PLAN = [
  '石渠口县创建国家生态文明建设示范县实施方案',
  '为加快推进示范县创建,结合我县实际,制定本方案。',
  '一、工作目标',
  '到2025年,全县生态文明建设示范县创建指标全面达标,城镇污水处理率达到95%以上。',
  '二、重点任务',
  '1.推进农村生活污水治理。新建处理设施20处。(责任单位:县住建局、县生态环境局)',
  '2.加强秸秆综合利用。秸秆综合利用率达到90%以上。',
  '',
].join('\n');
// a file that reads as nothing in particular: checked only because ecoplan.include names it
const TODO = ['待办', '一、本周', '1.核对断面数据。', '2.推进管网建设。', ''].join('\n');

const dir = mkdtempSync(join(tmpdir(), 'ecoplan-sniff-'));
for (const d of ['notes', 'included']) mkdirSync(join(dir, d));
const files: Record<string, string> = {
  'plan.md': PLAN,
  'plan.txt': PLAN,
  'readme.md': readFileSync('test/fixtures/not-plans/rule-doc.md', 'utf8'),
  'minutes.txt': readFileSync('test/fixtures/not-plans/minutes-eco-meeting.txt', 'utf8'),
  'notes/plan.md': PLAN,
  'included/todo.txt': TODO,
};
for (const [f, text] of Object.entries(files)) writeFileSync(join(dir, f), text);
const uriOf = (f: string) => pathToFileURL(join(dir, f)).toString();

describe('which open files the server checks', () => {
  const client = new LspClient();
  const published = new Map<string, PublishDiagnosticsParams>();
  beforeAll(async () => {
    const settings = { include: ['included/*.txt'], exclude: ['notes/**'], rules: { 'missing-binding-indicators': 'off' } };
    await client.initialize(dir, {}, { settings });
    for (const [f, text] of Object.entries(files)) {
      const next = client.nextDiagnostics(uriOf(f));
      client.open(uriOf(f), text);
      published.set(f, await next);
    }
  });
  afterAll(() => client.stop());
  const codes = (f: string) => published.get(f)!.diagnostics.map((d) => `${d.range.start.line}:${d.code}`);

  it('an undeclared Markdown or text plan is checked', () => {
    expect(codes('plan.md')).toEqual(['0:assumed-settings', '6:missing-responsible-unit']);
    expect(codes('plan.txt')).toEqual(['0:assumed-settings', '6:missing-responsible-unit']);
  });

  it('a rule page with an example task and minutes naming units are not; an excluded plan is not', () => {
    expect(codes('readme.md')).toEqual([]);
    expect(codes('minutes.txt')).toEqual([]);
    expect(codes('notes/plan.md')).toEqual([]);
  });

  it('a .txt named by ecoplan.include is checked, and gets its fixes', async () => {
    expect(codes('included/todo.txt')).toEqual(['0:assumed-settings', '2:missing-responsible-unit', '3:missing-responsible-unit']);
    const diagnostics = published.get('included/todo.txt')!.diagnostics.filter((d) => d.range.start.line === 2);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: uriOf('included/todo.txt') }, range: diagnostics[0].range, context: { diagnostics } });
    expect(actions.map((a) => a.title)).toContain('添加责任单位');
  });

  it('says why each file is or is not a plan', async () => {
    const status = async (f: string) => (await client.request<{ status: string }>('workspace/executeCommand', { command: 'ecoplan.server.planStatus', arguments: [uriOf(f)] })).status;
    expect(await status('plan.md')).toBe('content');
    expect(await status('plan.txt')).toBe('content');
    expect(await status('readme.md')).toBe('not-a-plan');
    expect(await status('notes/plan.md')).toBe('excluded');
    expect(await status('included/todo.txt')).toBe('included');
    // the tables and the coverage have nothing for a file that is not a plan: the client then says why
    expect(await client.request('workspace/executeCommand', { command: 'ecoplan.server.coverage', arguments: [uriOf('readme.md')] })).toBeNull();
  });
});
