import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeAction, Diagnostic, Hover } from 'vscode-languageserver-protocol';
import { analysePlan } from '../../server/src/core/analyse';
import { LspClient } from '../support/lspClient';

// Issue 18 item 4 over the real server: responsibility written as sentences of prose
// (test/fixtures/variety/56-prose-clause-sentence.txt, full-width punctuation as pasted from Word).
describe('language server: responsibility written as prose', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ecoplan-lsp-prose-'));
  const text = readFileSync(join('test', 'fixtures', 'variety', '56-prose-clause-sentence.txt'), 'utf8');
  writeFileSync(join(dir, 'plan.txt'), text);
  writeFileSync(join(dir, 'ecoplan.config.json'), JSON.stringify({ level: '县', rules: { 'missing-binding-indicators': 'off' } }));
  const uri = pathToFileURL(join(dir, 'plan.txt')).toString();
  const client = new LspClient();
  let diags: Diagnostic[] = [];
  beforeAll(async () => {
    // a pasted-text plan is a plan when ecoplan.include says so
    await client.initialize(dir, {}, { settings: { include: ['*.txt'] } });
    const first = client.nextDiagnostics(uri);
    client.open(uri, text);
    diags = (await first).diagnostics;
  });
  afterAll(() => client.stop());

  it('publishes the missing unit only on the task that names nobody (its whole line), and the vague-only task on its prose clause', () => {
    expect(diags.map((d) => [d.code, d.severity, `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`])).toEqual([
      ['vague-responsibility', 2, '6:34-6:50'],
      ['missing-responsible-unit', 1, '7:0-7:50'],
    ]);
  });

  it('hovers on a unit named in a prose sentence: the department and the tasks it leads and supports', async () => {
    // line 5: `(二)整治道路扬尘。…。县交通运输局牵头负责，县公安局、县城市管理局配合。`
    const line = text.split('\n')[5];
    const at = line.indexOf('县公安局');
    expect(at).toBe(43);
    const h = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 5, character: at + 1 } });
    expect((h.contents as { value: string }).value).toBe(['**县公安局**', '**牵头任务(0)**', '**配合任务(1)**', '- 二.(二) 整治道路扬尘'].join('\n\n'));
    const lead = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 5, character: line.indexOf('县交通运输局') + 2 } });
    expect((lead.contents as { value: string }).value).toBe(
      ['**县交通运输局**  \n简称:县交通局、县交通运输委员会', '**牵头任务(2)**', '- 二.(一) 完善农村公路网络\n- 二.(二) 整治道路扬尘', '**配合任务(1)**', '- 二.(五) 建设绿色廊道'].join('\n\n'),
    );
  });

  it('converts a prose clause to tags, bracing a name the sentence runs on from (`县交通运输局分别牵头`)', async () => {
    const line = text.split('\n')[4];
    const at = line.indexOf('由县自然资源局');
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 4, character: at + 3 }, end: { line: 4, character: at + 3 } }, context: { diagnostics: [] } });
    const convert = actions.find((a) => a.title === '将责任单位转换为部门标记 (@)')!;
    const edits = convert.edit!.changes![uri].map((e) => `${e.range.start.character}→${e.newText}`);
    const a = at + 1;
    const b = line.indexOf('县交通运输局');
    expect(edits).toEqual([`${a}→@`, `${b}→@{`, `${b + 6}→}`]);
    // applied, the plan reads back the same two units, now tagged, and their roles
    const lines = text.split('\n');
    lines[4] = line.slice(0, a) + '@' + line.slice(a, b) + '@{' + line.slice(b, b + 6) + '}' + line.slice(b + 6);
    expect(lines[4]).toContain('由@县自然资源局、@{县交通运输局}分别牵头');
    const task = analysePlan(lines.join('\n'), { uri: 'file:///p.txt', format: 'text' }).model.tasks[0];
    expect(task.units.map((u) => `${u.name}:${u.role}:${u.tagged}`)).toEqual(['县自然资源局:lead:true', '县交通运输局:lead:true']);
  });
});
