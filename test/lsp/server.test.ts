import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, CompletionItem, CompletionList, Diagnostic, DocumentSymbol, Hover, InlayHint, Location, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { LspClient } from '../support/lspClient';

const PLAN = [
  '---', // 0
  'ecoplan:', // 1
  '  level: 市', // 2
  '  catalogue: national-2019', // 3
  '---', // 4
  '# 青溪市创建国家生态文明建设示范市实施方案', // 5
  '', // 6
  '## 三、主要任务', // 7
  '', // 8
  '### (一)健全制度', // 9
  '', // 10
  '1.组织规划实施。制定年度计划。(责任单位:@市生态环境局、市发改委)', // 11
  '', // 12
  '2.提升污水处理能力。城镇污水处理率达85%以上。(责任单位:市住建局、市生态环境局)', // 13
  '', // 14
  '3.推进植树造林。到2023年,森林覆盖率不低于19%。', // 15
  '', // 16
  '4.扩大绿色采购。[[政府绿色采购比例 ≥80%]]。(牵头单位:市财政局)', // 17
  '', // 18
].join('\n');

const OTHER = ['---', 'ecoplan:', '  level: 市', '---', '# 附属方案', '', '1.加强监测。(责任单位:市生态环境局)', '', '2.加强执法。(牵头单位:@市生态环境局)', ''].join('\n');

const DIRECTORY = ['departments:', '  - name: 市生态环境局', '    aliases: [市环保局]', '  - name: 市发展和改革委员会', '    aliases: [市发改委]', '  - name: 市住房和城乡建设局', '    aliases: [市住建局]', '  - name: 市财政局', ''].join('\n');

const dir = mkdtempSync(join(tmpdir(), 'ecoplan-lsp-'));
writeFileSync(join(dir, 'plan.md'), PLAN);
writeFileSync(join(dir, 'other.plan.md'), OTHER);
writeFileSync(join(dir, 'departments.yaml'), DIRECTORY);
// the directory comes from the user's config, never from a plan's front matter (issue 22)
writeFileSync(join(dir, 'ecoplan.config.yaml'), 'departments: departments.yaml\n');
writeFileSync(join(dir, 'notes.md'), '# 会议记录\n\n1.这不是方案。\n');
const uri = pathToFileURL(join(dir, 'plan.md')).toString();
const otherUri = pathToFileURL(join(dir, 'other.plan.md')).toString();

function apply(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('x', 'markdown', 1, text), edits);
}
const line = (text: string, n: number) => text.split('\n')[n];
const codesAt = (ds: Diagnostic[]) => ds.map((d) => `${d.code}@${d.range.start.line}`).sort();

describe('language server over stdio (push diagnostics)', () => {
  const client = new LspClient();
  let diagnostics: Diagnostic[] = [];

  beforeAll(async () => {
    const init = await client.initialize(dir, { textDocument: { completion: { completionItem: { snippetSupport: true } } } });
    expect(init.capabilities.hoverProvider).toBe(true);
    const first = client.nextDiagnostics(uri);
    client.open(uri, PLAN);
    diagnostics = (await first).diagnostics;
  });
  afterAll(() => client.stop());

  it('publishes the plan diagnostics with codes, rule links and related information', () => {
    expect(codesAt(diagnostics)).toEqual(['missing-binding-indicators@5', 'missing-responsible-unit@15', 'renamed-indicator@15', 'target-below-threshold@13'].sort());
    const below = diagnostics.find((d) => d.code === 'target-below-threshold')!;
    expect(below).toMatchObject({
      severity: 1,
      source: 'ecoplan',
      message: '城镇污水处理率 目标 ≥85% 低于 2019 版(市)约束性指标 ≥95%',
      range: { start: { line: 13, character: 11 }, end: { line: 13, character: 24 } },
      codeDescription: { href: 'https://github.com/ecoplan/ecoplan/blob/main/docs/rules/target-below-threshold.md' },
    });
  });

  it('re-checks after an incremental edit and drops the fixed problem', async () => {
    const next = client.nextDiagnostics(uri);
    client.change(uri, 2, [{ range: { start: { line: 13, character: 19 }, end: { line: 13, character: 21 } }, text: '95' }]);
    const p = await next;
    expect(p.version).toBe(2);
    expect(codesAt(p.diagnostics)).toEqual(['missing-binding-indicators@5', 'missing-responsible-unit@15', 'renamed-indicator@15'].sort());
    const back = client.nextDiagnostics(uri);
    client.change(uri, 3, [{ range: { start: { line: 13, character: 19 }, end: { line: 13, character: 21 } }, text: '85' }]);
    expect(codesAt((await back).diagnostics)).toEqual(codesAt(diagnostics));
  });

  it('completes departments after @, matching pinyin initials, same level first', async () => {
    const r = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: { line: 11, character: 23 } });
    const items = r.items;
    const eco = items.find((i) => i.label === '市生态环境局')!;
    expect(eco.filterText).toBe('市生态环境局 shishengtaihuanjingju ssthjj 市环保局 shihuanbaoju shbj');
    expect(eco.textEdit).toEqual({ range: { start: { line: 11, character: 23 }, end: { line: 11, character: 23 } }, newText: '市生态环境局' });
    // the units this plan uses first (most used first), then the other 市 units; at most 50 of them
    const sorted = [...items].sort((a, b) => (a.sortText! < b.sortText! ? -1 : 1));
    // (the tag at the cursor is the name being typed: not counted) in the form this plan writes them
    expect(sorted.slice(0, 5).map((i) => i.label)).toEqual(['市发改委', '市财政局', '市生态环境局', '市住建局', '市委办公室']);
    expect(r.isIncomplete).toBe(true);
    expect(items.length).toBe(50);
    // a short form is a detail of its department, not a row of its own
    expect(eco.detail).toBe('简称:市环保局');
    expect(eco.labelDetails).toEqual({ description: '市环保局' });
    expect(items.some((i) => i.label === '市环保局' || i.label === '市发展和改革委员会')).toBe(false);
    expect(items.find((i) => i.label === '市发改委')).toMatchObject({ detail: '= 市发展和改革委员会', textEdit: { newText: '市发改委' } });
  });

  it('completes indicators after [[ with unit, threshold and attribute, as a snippet', async () => {
    const edited = client.nextDiagnostics(uri);
    client.change(uri, 4, [{ range: { start: { line: 18, character: 0 }, end: { line: 18, character: 0 } }, text: '5.提升污水处理。[[' }]);
    await edited;
    const r = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: { line: 18, character: 11 } });
    const item = r.items.find((i: CompletionItem) => i.label === '城镇污水处理率')!;
    expect(item.detail).toBe('% · 国标≥95% · 约束性');
    expect(item.textEdit).toEqual({ range: { start: { line: 18, character: 11 }, end: { line: 18, character: 11 } }, newText: '城镇污水处理率 ≥${1:95}%]]' });
    expect(item.insertTextFormat).toBe(2);
    expect(r.items.some((i: CompletionItem) => i.label === '秸秆综合利用率')).toBe(false); // a 县 indicator in a 市 plan
  });

  it('completes the unit after a number in a target', async () => {
    const edited = client.nextDiagnostics(uri);
    client.change(uri, 5, [{ range: { start: { line: 18, character: 0 }, end: { line: 18, character: 11 } }, text: '5.绿化。城镇人均公园绿地面积达15' }]);
    await edited;
    const r = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line: 18, character: 19 } });
    expect(r.map((i) => i.label)).toEqual(['平方米/人以上', '平方米/人']);
    const restored = client.nextDiagnostics(uri);
    client.change(uri, 6, [{ range: { start: { line: 18, character: 0 }, end: { line: 18, character: 19 } }, text: '' }]);
    await restored;
  });

  it('hovers an indicator with its catalogue card and the plan targets', async () => {
    const h = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 13, character: 13 } });
    const md = (h.contents as { value: string }).value;
    expect(md).toContain('**城镇污水处理率**(国家生态文明建设示范市县建设指标 第 29 项)');
    expect(md).toContain('- 指标值:市 ≥95%');
    expect(md).toContain('- 属性:约束性');
    expect(md).toContain('- 第 14 行:≥85%');
    expect(h.range).toEqual({ start: { line: 13, character: 11 }, end: { line: 13, character: 18 } });
  });

  it('hovers a department with its names and tasks, here and in the workspace', async () => {
    const h = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 11, character: 25 } });
    const md = (h.contents as { value: string }).value;
    expect(md).toBe(['**市生态环境局**  \n简称:市环保局', '**牵头任务(1)**', '- 三.(一).1 组织规划实施', '**配合任务(1)**', '- 三.(一).2 提升污水处理能力', '工作区其他方案中另有 2 项任务'].join('\n\n'));
  });

  it('goes to the definition of a department in the directory file', async () => {
    const d = await client.request<Location>('textDocument/definition', { textDocument: { uri }, position: { line: 11, character: 33 } });
    expect(d).toEqual({ uri: pathToFileURL(join(dir, 'departments.yaml')).toString(), range: { start: { line: 3, character: 10 }, end: { line: 3, character: 19 } } });
  });

  it('finds references of a department across the workspace, tags and prose alike', async () => {
    const refs = await client.request<Location[]>('textDocument/references', { textDocument: { uri }, position: { line: 11, character: 25 }, context: { includeDeclaration: true } });
    expect(refs.map((r) => `${r.uri === uri ? 'plan' : 'other'}:${r.range.start.line}:${r.range.start.character}`).sort()).toEqual(['other:6:13', 'other:8:14', 'plan:11:23', 'plan:13:36'].sort());
  });

  it('renames a department everywhere as one workspace edit', async () => {
    const prep = await client.request<{ range: unknown; placeholder: string }>('textDocument/prepareRename', { textDocument: { uri }, position: { line: 13, character: 38 } });
    expect(prep.placeholder).toBe('市生态环境局');
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri }, position: { line: 13, character: 38 }, newName: '市生态环境保护局' });
    const plan = apply(PLAN, edit.changes![uri]);
    expect(line(plan, 11)).toBe('1.组织规划实施。制定年度计划。(责任单位:@市生态环境保护局、市发改委)');
    expect(line(plan, 13)).toBe('2.提升污水处理能力。城镇污水处理率达85%以上。(责任单位:市住建局、市生态环境保护局)');
    const other = apply(readFileSync(join(dir, 'other.plan.md'), 'utf8'), edit.changes![otherUri]);
    expect(line(other, 6)).toBe('1.加强监测。(责任单位:市生态环境保护局)');
    expect(line(other, 8)).toBe('2.加强执法。(牵头单位:@市生态环境保护局)');
    const braced = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri }, position: { line: 11, character: 25 }, newName: '市生态环境局(市环保局)' });
    expect(line(apply(PLAN, braced.changes![uri]), 11)).toBe('1.组织规划实施。制定年度计划。(责任单位:@{市生态环境局(市环保局)}、市发改委)');
  });

  it('gives the outline as document symbols, tasks with their lead unit', async () => {
    const s = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    const flat = (xs: DocumentSymbol[]): string[] => xs.flatMap((x) => [`${x.name}${x.detail ? ` [${x.detail}]` : ''}`, ...flat(x.children ?? [])]);
    expect(flat(s)).toEqual(['青溪市创建国家生态文明建设示范市实施方案', '三、主要任务', '(一)健全制度', '1.组织规划实施 [牵头:市生态环境局]', '2.提升污水处理能力 [牵头:市住建局]', '3.推进植树造林 [无责任单位]', '4.扩大绿色采购 [牵头:市财政局]']);
  });

  it('finds tasks and departments as workspace symbols, and leaves non-plan Markdown alone', async () => {
    const s = await client.request<{ name: string; location: Location }[]>('workspace/symbol', { query: '污水' });
    expect(s.map((x) => x.name)).toEqual(['三.(一).2 提升污水处理能力']);
    const all = await client.request<{ name: string; location: Location }[]>('workspace/symbol', { query: '' });
    expect(all.some((x) => x.location.uri.endsWith('notes.md'))).toBe(false);
    expect(all.filter((x) => x.name === '市生态环境局').length).toBe(1);
  });

  it('folds by outline level and expands selections from a unit outwards', async () => {
    const f = await client.request<{ startLine: number; endLine: number }[]>('textDocument/foldingRange', { textDocument: { uri } });
    expect(f.map((r) => [r.startLine, r.endLine])).toEqual([[5, 17], [7, 17], [9, 17]]);
    const sel = await client.request<{ range: { start: { line: number; character: number }; end: { line: number; character: number } }; parent?: unknown }[]>('textDocument/selectionRange', { textDocument: { uri }, positions: [{ line: 13, character: 40 }] });
    const chain: string[] = [];
    for (let s: any = sel[0]; s; s = s.parent) chain.push(`${s.range.start.line}:${s.range.start.character}-${s.range.end.line}:${s.range.end.character}`);
    // unit → clause → task → (一) → 三 → the whole plan under its title
    expect(chain).toEqual(['13:36-13:42', '13:25-13:43', '13:0-13:43', '9:0-17:38', '7:0-17:38', '5:0-17:38']);
  });

  it('offers quick fixes that produce exactly the intended text', async () => {
    const ctx = (code: string) => ({ diagnostics: diagnostics.filter((d) => d.code === code) });
    const actions = async (l: number, c: number, code: string) => client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: l, character: c }, end: { line: l, character: c } }, context: ctx(code) });
    const fix = async (l: number, c: number, code: string, title: string) => {
      const a = (await actions(l, c, code)).find((x) => x.title.startsWith(title));
      expect(a, title).toBeTruthy();
      return apply(PLAN, a!.edit!.changes![uri]);
    };
    expect(line(await fix(15, 0, 'missing-responsible-unit', '添加责任单位'), 15)).toBe('3.推进植树造林。到2023年,森林覆盖率不低于19%。(责任单位:)');
    expect(line(await fix(15, 20, 'renamed-indicator', '改为「林草覆盖率」'), 15)).toBe('3.推进植树造林。到2023年,林草覆盖率不低于19%。');
    expect(line(await fix(13, 12, 'target-below-threshold', '将目标提高到国标 95'), 13)).toBe('2.提升污水处理能力。城镇污水处理率达95%以上。(责任单位:市住建局、市生态环境局)');
    const disabled = await fix(13, 12, 'target-below-threshold', '在此行停用「目标低于国家指标值」检查');
    expect(disabled.split('\n').slice(13, 15)).toEqual(['<!-- ecoplan-disable-next-line target-below-threshold -->', '2.提升污水处理能力。城镇污水处理率达85%以上。(责任单位:市住建局、市生态环境局)']);
    expect(line(await fix(13, 40, 'none', '将责任单位转换为部门标记'), 13)).toBe('2.提升污水处理能力。城镇污水处理率达85%以上。(责任单位:@市住建局、@市生态环境局)');
    expect(line(await fix(13, 14, 'none', '将目标转换为指标标记'), 13)).toBe('2.提升污水处理能力。[[城镇污水处理率 ≥85%]]。(责任单位:市住建局、市生态环境局)');
  });

  it('shows the national bar after each target as an inlay hint, and task counts as code lenses', async () => {
    const hints = await client.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 19, character: 0 } } });
    expect(hints.map((h) => `${h.position.line}:${h.position.character} ${h.label}`)).toEqual(['13:24 国标≥95% 约束', '15:27 国标按地形而定(方案未设定地形) 参考(待核实)', '17:26 国标≥80% 约束']);
    const lenses = await client.request<{ range: { start: { line: number } }; command: { title: string } }[]>('textDocument/codeLens', { textDocument: { uri } });
    expect(lenses.map((l) => `${l.range.start.line} ${l.command.title}`)).toEqual(['5 按市级指标检查(依据 front matter)· 2019版 · 更改…', '7 4 项任务 · 1 项无责任单位', '9 4 项任务 · 1 项无责任单位']);
  });

  it('marks departments and indicators with semantic tokens', async () => {
    const t = await client.request<{ data: number[] }>('textDocument/semanticTokens/full', { textDocument: { uri } });
    const tokens: string[] = [];
    let l = 0;
    let c = 0;
    for (let i = 0; i < t.data.length; i += 5) {
      l += t.data[i];
      c = t.data[i] === 0 ? c + t.data[i + 1] : t.data[i + 1];
      tokens.push(`${l}:${c}+${t.data[i + 2]} ${t.data[i + 3]}/${t.data[i + 4]}`);
    }
    // type 0 department, 1 indicator; modifiers 2 binding, 4 reference
    expect(tokens).toEqual(['11:23+6 0/0', '11:30+4 0/0', '13:11+7 1/2', '13:31+4 0/0', '13:36+6 0/0', '15:16+5 1/4', '17:11+8 1/2', '17:33+4 0/0']);
  });
});

describe('language server: indicator references and department fixes', () => {
  const dir2 = mkdtempSync(join(tmpdir(), 'ecoplan-lsp2-'));
  const text = ['---', 'ecoplan:', '  level: 市', '---', '# 方案', '1.治污。城镇污水处理率达95%以上。(责任单位:市生态坏境局)', '2.巩固。[[城镇污水处理率]]保持95%以上,[[城镇污水处理率 ≥95%]]。(责任单位:市住建局)', ''].join('\n');
  writeFileSync(join(dir2, 'a.plan.md'), text);
  const u = pathToFileURL(join(dir2, 'a.plan.md')).toString();
  const client = new LspClient();
  let diags: Diagnostic[] = [];
  beforeAll(async () => {
    await client.initialize(dir2);
    const first = client.nextDiagnostics(u);
    client.open(u, text);
    diags = (await first).diagnostics;
  });
  afterAll(() => client.stop());

  it('finds every statement of an indicator: prose, reference tag and target tag', async () => {
    const refs = await client.request<Location[]>('textDocument/references', { textDocument: { uri: u }, position: { line: 5, character: 9 }, context: { includeDeclaration: true } });
    expect(refs.map((r) => `${r.range.start.line}:${r.range.start.character}-${r.range.end.character}`)).toEqual(['5:5-12', '6:7-14', '6:26-33']);
  });

  it('fixes a misspelt department to the suggestion', async () => {
    const d = diags.find((x) => x.code === 'unknown-department')!;
    expect(d.severity).toBe(4);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: u }, range: d.range, context: { diagnostics: [d] } });
    const fix = actions.find((a) => a.title === '改为「市生态环境局」')!;
    expect(line(apply(text, fix.edit!.changes![u]), 5)).toBe('1.治污。城镇污水处理率达95%以上。(责任单位:市生态环境局)');
  });
});

describe('language server commands for the status bar and the table views', () => {
  const client = new LspClient();
  beforeAll(async () => {
    await client.initialize(dir, { textDocument: { diagnostic: {} } });
    client.open(uri, PLAN);
  });
  afterAll(() => client.stop());

  it('returns the coverage and the tables of a plan, and exports a table next to it', async () => {
    const cov = await client.request<{ binding: { covered: number; total: number }; tasks: number; tasksWithoutUnit: number; errors: number }>('workspace/executeCommand', { command: 'ecoplan.server.coverage', arguments: [uri] });
    expect(cov).toMatchObject({ tasks: 4, tasksWithoutUnit: 1, errors: 2 });
    expect(cov.binding.covered).toBe(2); // 城镇污水处理率, 政府绿色采购比例
    const t = await client.request<{ tasks: { path: string; lead: string[] }[]; indicators: { name: string; status: string }[] }>('workspace/executeCommand', { command: 'ecoplan.server.tables', arguments: [uri] });
    expect(t.tasks.map((x) => `${x.path} ${x.lead.join('、')}`)).toEqual(['三.(一).1 市生态环境局', '三.(一).2 市住建局', '三.(一).3 ', '三.(一).4 市财政局']);
    expect(t.indicators.find((x) => x.name === '城镇污水处理率')?.status).toBe('低于国标');
    const r = await client.request<{ written: string[] }>('workspace/executeCommand', { command: 'ecoplan.server.exportTable', arguments: [uri, 'tasks', 'csv'] });
    expect(r.written).toEqual([join(dir, 'plan-任务责任分解表.csv')]);
    expect(readFileSync(r.written[0], 'utf8').split('\r\n')[1]).toBe('\uFEFF'.slice(1) + '三.(一).1,组织规划实施,市生态环境局,市发改委,,,,12');
    // what the view shows: its filter and sort as row indexes, written in that order to a file marked 筛选
    const shown = await client.request<{ written: string[]; rows: number }>('workspace/executeCommand', { command: 'ecoplan.server.exportTable', arguments: [uri, 'tasks', 'csv', [3, 0]] });
    expect(shown).toEqual({ written: [join(dir, 'plan-任务责任分解表-筛选.csv')], rows: 2 });
    expect(readFileSync(shown.written[0], 'utf8').split('\r\n').slice(1, 3)).toEqual(['三.(一).4,扩大绿色采购,市财政局,,,,政府绿色采购比例,18', '三.(一).1,组织规划实施,市生态环境局,市发改委,,,,12']);
  });
});

describe('language server (pull diagnostics)', () => {
  const client = new LspClient();
  beforeAll(async () => {
    await client.initialize(dir, { textDocument: { diagnostic: { dynamicRegistration: false } } });
  });
  afterAll(() => client.stop());

  it('answers textDocument/diagnostic for an open plan and pushes nothing', async () => {
    client.open(uri, PLAN);
    const r = await client.request<{ kind: string; items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
    expect(r.kind).toBe('full');
    expect(codesAt(r.items)).toEqual(['missing-binding-indicators@5', 'missing-responsible-unit@15', 'renamed-indicator@15', 'target-below-threshold@13'].sort());
    await new Promise((res) => setTimeout(res, 400));
    expect(client.published.size).toBe(0);
  });

  it('answers workspace/diagnostic for the plans that are not open only with diagnostics.scope workspace, and never for other Markdown', async () => {
    type Report = { items: { uri: string; items: Diagnostic[] }[] };
    expect((await client.request<Report>('workspace/diagnostic', { previousResultIds: [] })).items).toEqual([]);
    void client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { ecoplan: { diagnostics: { scope: 'workspace' } } } });
    const r = await client.request<Report>('workspace/diagnostic', { previousResultIds: [] });
    expect(r.items.map((i) => i.uri)).toEqual([otherUri]);
    expect(codesAt(r.items[0].items)).toEqual(['missing-binding-indicators@4']);
    // back to open files: the closed plan's problems are cleared once, then nothing is reported
    void client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { ecoplan: { diagnostics: { scope: 'openFiles' } } } });
    expect((await client.request<Report>('workspace/diagnostic', { previousResultIds: [] })).items).toEqual([{ kind: 'full', uri: otherUri, version: null, items: [] }]);
    expect((await client.request<Report>('workspace/diagnostic', { previousResultIds: [] })).items).toEqual([]);
  });
});
