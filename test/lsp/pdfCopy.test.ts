import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, Hover, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { analysePlan } from '../../server/src/core/analyse';
import { LspClient } from '../support/lspClient';

// A plan copied from a PDF, through the real server over stdio: lines broken at the page's width,
// a 第3页 共8页 footer inside one unit (县农业农村/第3页 共8页/局, lines 11–13) and a bare page number
// inside another (县水/4/利局, lines 17–19). Everything the server says lands on the user's own text.
const PLAN = readFileSync(join(__dirname, '../fixtures/variety/88-pdf-page-of-bare-number.txt'), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'ecoplan-lsp-pdf-'));
writeFileSync(join(dir, 'plan.txt'), PLAN);
const uri = pathToFileURL(join(dir, 'plan.txt')).toString();

const R = (l: number, c: number, l2: number, c2: number) => ({ start: { line: l, character: c }, end: { line: l2, character: c2 } });
const apply = (text: string, edits: TextEdit[]) => TextDocument.applyEdits(TextDocument.create('x', 'plaintext', 1, text), edits);
const lines = (text: string) => text.split('\n');
const unitsOf = (text: string) => analysePlan(text, { uri: 'plan.txt', format: 'text' }).model.tasks.map((t) => `${t.path} ${t.units.map((u) => `${u.name}:${u.role}`).join('、')}`);

describe('a PDF copy in the language server (stdio)', () => {
  const client = new LspClient();
  let diagnostics: Diagnostic[] = [];

  beforeAll(async () => {
    await client.initialize(dir, {}, { settings: { include: ['*.txt'], rules: { 'missing-binding-indicators': 'off', 'assumed-settings': 'off' } } });
    const first = client.nextDiagnostics(uri);
    client.open(uri, PLAN);
    diagnostics = (await first).diagnostics;
  });
  afterAll(() => client.stop());

  it('publishes diagnostics at their original lines and columns', () => {
    expect(lines(PLAN)[12]).toBe('第3页 共8页');
    expect(lines(PLAN)[18]).toBe('4');
    expect(diagnostics.map((d) => [d.code, d.range])).toEqual([
      ['renamed-indicator', R(5, 9, 5, 19)],
      // the task's numbered line runs from (二) on line 14 to the end of line 15, where its sentence ends
      ['missing-responsible-unit', R(14, 0, 15, 28)],
    ]);
    expect(PLAN.split('\n')[5].slice(9, 19)).toBe('受污染耕地安全利用率');
  });

  it('hovers on either part of a unit the footer splits, showing that department', async () => {
    for (const position of [{ line: 11, character: 27 }, { line: 13, character: 0 }]) {
      const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position });
      expect(hover.range).toEqual(R(11, 25, 13, 1));
      const md = (hover.contents as { value: string }).value;
      expect(md.split('\n')[0]).toMatch(/^\*\*县农业农村局\*\*/);
      expect(md).toContain('二.(一) 实施土壤污染源头防控行动');
    }
    // the footer itself is nobody's
    expect(await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 12, character: 2 } })).toBeNull();
  });

  it('renames a unit split by a footer: its first part replaced, its last emptied, the footer kept; the result reads as the renamed unit', async () => {
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri }, position: { line: 13, character: 0 }, newName: '县农业农村发展局' });
    expect(edit.changes![uri]).toEqual([
      { range: R(11, 25, 11, 30), newText: '县农业农村发展局' },
      { range: R(13, 0, 13, 1), newText: '' },
    ]);
    const renamed = apply(PLAN, edit.changes![uri]);
    expect(lines(renamed).slice(11, 14)).toEqual(['查制度。（责任单位：县生态环境分局、县自然资源局、县农业农村发展局', '第3页 共8页', '）']);
    // nothing else changed
    expect(lines(renamed).filter((_, i) => i !== 11 && i !== 13)).toEqual(lines(PLAN).filter((_, i) => i !== 11 && i !== 13));
    expect(unitsOf(renamed)).toEqual([
      '二.(一) 县生态环境分局:lead、县自然资源局:support、县农业农村发展局:support',
      '二.(二) ',
      '二.(三) 县水利局:lead、县生态环境分局:support、县林业局:support',
    ]);
  });

  it('renames a unit a bare page number splits (县水/4/利局) the same way', async () => {
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri }, position: { line: 19, character: 1 }, newName: '县水务局' });
    expect(edit.changes![uri]).toEqual([
      { range: R(17, 28, 17, 30), newText: '县水务局' },
      { range: R(19, 0, 19, 2), newText: '' },
    ]);
    const renamed = apply(PLAN, edit.changes![uri]);
    expect(lines(renamed).slice(17, 20)).toEqual(['河道清淤疏浚和岸线整治，恢复水生生物多样性。（牵头单位：县水务局', '4', '；配合单位：县生态环境分局、县林业局）']);
    expect(unitsOf(renamed)[2]).toBe('二.(三) 县水务局:lead、县生态环境分局:support、县林业局:support');
  });

  it('offers the clause for the PDF-copied task without one, inserted where its sentence ends in the original', async () => {
    const d = diagnostics.find((x) => x.code === 'missing-responsible-unit')!;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
    const fix = actions.find((a) => a.isPreferred)!;
    expect(fix.edit!.changes![uri]).toEqual([{ range: R(15, 28, 15, 28), newText: '（责任单位：）' }]);
    const fixed = apply(PLAN, fix.edit!.changes![uri]);
    expect(lines(fixed)[15]).toBe('效衔接，健全村庄保洁长效机制，建设美丽宜居示范村20个。（责任单位：）');
    expect(lines(fixed).filter((_, i) => i !== 15)).toEqual(lines(PLAN).filter((_, i) => i !== 15));
  });
});
