import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic, Hover } from 'vscode-languageserver-protocol';
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
});
