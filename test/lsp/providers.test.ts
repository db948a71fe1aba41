import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, CompletionList, DocumentSymbol, Range, SelectionRange } from 'vscode-languageserver/node';
import { describe, expect, it } from 'vitest';
import { provideCodeActions } from '../../server/src/lsp/features/codeActions';
import { provideCodeLenses } from '../../server/src/lsp/features/codeLens';
import { COMMANDS, executeCommand } from '../../server/src/lsp/features/commands';
import { provideCompletion } from '../../server/src/lsp/features/completion';
import { provideDefinition } from '../../server/src/lsp/features/definition';
import { toLspDiagnostics } from '../../server/src/lsp/features/diagnostics';
import { provideDocumentSymbols } from '../../server/src/lsp/features/documentSymbols';
import { provideFoldingRanges } from '../../server/src/lsp/features/folding';
import { provideHover } from '../../server/src/lsp/features/hover';
import { provideInlayHints } from '../../server/src/lsp/features/inlayHints';
import { findReferences } from '../../server/src/lsp/features/references';
import { providePrepareRename, provideRename } from '../../server/src/lsp/features/rename';
import { provideSelectionRanges } from '../../server/src/lsp/features/selectionRanges';
import { provideSemanticTokens } from '../../server/src/lsp/features/semanticTokens';
import { provideWorkspaceSymbols } from '../../server/src/lsp/features/workspaceSymbols';
import type { DocumentStore } from '../../server/src/lsp/planSource';
import { PlanWorkspace } from '../../server/src/lsp/planWorkspace';

/**
 * Each LSP feature as a provider over the workspace interface, on documents in memory: no server
 * process, no stdio (test/lsp/server.test.ts keeps the protocol itself). The plans are small and
 * written for these tests; a folder on disk holds only the jurisdiction's config and directory.
 */

const PLAN = [
  '---',
  'ecoplan:',
  '  level: 县',
  '---',
  '# 青石县创建国家生态文明建设示范县实施方案',
  '',
  '## 一、主要目标',
  '',
  '到2025年,城镇污水处理率达到80%以上。',
  '',
  '## 二、重点任务',
  '',
  '(一)深化水环境治理',
  '',
  '1.推进城镇污水管网建设。(责任单位:县住建局、县水务集团)',
  '',
  '2.开展饮用水水源地整治。',
  '',
  '(二)推进绿色发展',
  '',
  '3.推广清洁能源。(责任单位:@县发展改革局)',
  '',
].join('\n');

const OTHER = ['---', 'ecoplan:', '  level: 县', '---', '# 青石县农村人居环境整治方案', '', '## 一、重点任务', '', '1.推进农村生活污水治理。(责任单位:县住建局、县农业农村局)', ''].join('\n');

function setUp(extra: [string, string][] = []) {
  const root = mkdtempSync(join(tmpdir(), 'ecoplan-providers-'));
  writeFileSync(join(root, 'ecoplan.config.yaml'), 'departments: 部门.yaml\n');
  writeFileSync(join(root, '部门.yaml'), 'departments:\n  - {name: 县水务集团}\n  - {name: 县发展改革局}\n');
  const file = (name: string) => pathToFileURL(join(root, name)).toString();
  const uri = file('qingshi.md');
  const other = file('nongcun.md');
  const docs = new Map<string, TextDocument>();
  for (const [name, text] of [['qingshi.md', PLAN], ['nongcun.md', OTHER], ...extra]) docs.set(file(name), TextDocument.create(file(name), 'markdown', 1, text));
  const store: DocumentStore = { get: (u) => docs.get(u), all: () => [...docs.values()] };
  const ws = new PlanWorkspace(store);
  ws.folders = [root];
  return { root, uri, other, file, ws };
}

const r = (x: Range) => `${x.start.line}:${x.start.character}-${x.end.line}:${x.end.character}`;
const at = (uri: string, line: number, character: number) => ({ textDocument: { uri }, position: { line, character } });
const noEdit = async () => ({ applied: true });

/** A code action as `title | kind | file: range → text, …` (the file's name only). */
function action(a: CodeAction): string {
  const edits = Object.entries(a.edit?.changes ?? {}).flatMap(([u, es]) => es.map((e) => `${u.slice(u.lastIndexOf('/') + 1)} ${r(e.range)} → ${JSON.stringify(e.newText)}`));
  return `${a.title} | ${a.kind}${a.isPreferred ? ' | preferred' : ''} | ${edits.join(', ')}${a.command ? ` | ${a.command.command} ${JSON.stringify(a.command.arguments?.slice(1))}` : ''}`;
}

/** The selection chain, innermost first. */
function chain(s: SelectionRange | undefined): string[] {
  const out: string[] = [];
  for (let x = s; x; x = x.parent) out.push(r(x.range));
  return out;
}

describe('providers on an in-memory workspace (no process, no connection)', () => {
  it('hover: an indicator shows its catalogue card and the plan’s targets; a department its names, tasks and uses in other plans', () => {
    const { uri, ws } = setUp();
    expect(provideHover(ws, at(uri, 8, 9))).toEqual({
      range: { start: { line: 8, character: 7 }, end: { line: 8, character: 14 } },
      contents: {
        kind: 'markdown',
        value: [
          '**城镇污水处理率**(国家生态文明建设示范市县建设指标 第 29 项)',
          '',
          '- 单位:%',
          '- 指标值:县 ≥85%',
          '- 原文:市 ≥95; 县 ≥85',
          '- 属性:约束性',
          '- 适用:市、县',
          '- 依据:国家生态文明建设示范市县建设指标(环生态〔2019〕76号)',
          '- 核实情况:已核实',
          '',
          '本方案的目标(1 处):',
          '- 第 9 行:≥80%(2025 年)',
        ].join('\n'),
      },
    });
    expect(provideHover(ws, at(uri, 14, 20))).toEqual({
      range: { start: { line: 14, character: 19 }, end: { line: 14, character: 23 } },
      contents: {
        kind: 'markdown',
        value: '**县住房和城乡建设局**  \n简称:县住建局、县住房城乡建设局、县住建委、县住房和城乡建设委员会\n\n**牵头任务(1)**\n\n- 二.(一).1 推进城镇污水管网建设\n\n**配合任务(0)**\n\n工作区其他方案中另有 1 项任务',
      },
    });
    expect(provideHover(ws, at(uri, 12, 2))).toBeNull();
  });

  it('definition: a department of the jurisdiction’s directory file goes to its entry; a built-in one has none', () => {
    const { root, uri, ws } = setUp();
    expect(provideDefinition(ws, at(uri, 14, 26))).toEqual({ uri: pathToFileURL(join(root, '部门.yaml')).toString(), range: { start: { line: 1, character: 11 }, end: { line: 1, character: 16 } } });
    expect(readFileSync(join(root, '部门.yaml'), 'utf8').split('\n')[1].slice(11, 16)).toBe('县水务集团');
    expect(provideDefinition(ws, at(uri, 14, 20))).toBeNull();
  });

  it('references and rename: every plan of the workspace that names the department (aliases merged)', () => {
    const { uri, other, ws } = setUp();
    const refs = findReferences(ws, uri, { line: 14, character: 20 })!;
    expect(refs.map((l) => `${l.uri === uri ? 'qingshi' : l.uri === other ? 'nongcun' : l.uri} ${r(l.range)}`)).toEqual(['qingshi 14:19-14:23', 'nongcun 8:19-8:23']);
    expect(providePrepareRename(ws, at(uri, 14, 20))).toEqual({ range: { start: { line: 14, character: 19 }, end: { line: 14, character: 23 } }, placeholder: '县住建局' });
    expect(providePrepareRename(ws, at(uri, 8, 9))).toBeNull();
    const edit = provideRename(ws, { ...at(uri, 14, 20), newName: ' 县住房和城乡建设局 ' })!;
    expect(Object.entries(edit.changes!).map(([u, es]) => `${u === uri ? 'qingshi' : 'nongcun'} ${es.map((e) => `${r(e.range)} ${e.newText}`).join(', ')}`)).toEqual([
      'qingshi 14:19-14:23 县住房和城乡建设局',
      'nongcun 8:19-8:23 县住房和城乡建设局',
    ]);
    expect(() => provideRename(ws, { ...at(uri, 14, 20), newName: '  ' })).toThrow('部门名称不能为空或换行');
  });

  it('completion: departments after @ (built-in and the jurisdiction’s), indicators after [[, units after a number', () => {
    const { uri, file, ws } = setUp([['draft.md', ['---', 'ecoplan:', '  level: 县', '---', '# 草稿', '', '城镇污水处理率达到95', '', '[[城镇污水', ''].join('\n')]]);
    const deps = provideCompletion(ws, at(uri, 20, 20)) as CompletionList;
    // `(责任单位:@县发展改|`: the built-in 县发展和改革委员会 (whose short forms match) and the jurisdiction's 县发展改革局
    expect(deps.isIncomplete).toBe(true); // always: each character asks again (issue 21)
    expect(deps.items.map((i) => `${i.label} ${i.sortText} ${r((i.textEdit as { range: Range }).range)} ${(i.textEdit as { newText: string }).newText} ${(i.documentation as { value: string }).value.replace(/^\/.*\//, '…/')}`)).toEqual([
      '县发展和改革委员会 2000 20:16-20:20 县发展和改革委员会 内置部门名录',
      '县发展改革局 2001 20:16-20:20 县发展改革局 …/部门.yaml',
    ]);
    // `城镇污水处理率达到95|`: the indicator's unit, with and without 以上
    expect(provideCompletion(ws, at(file('draft.md'), 6, 12))).toEqual([
      { label: '%以上', kind: 11, detail: '城镇污水处理率', sortText: '0', insertText: '%以上' },
      { label: '%', kind: 11, detail: '城镇污水处理率', sortText: '1', insertText: '%' },
    ]);
    // `[[城镇污水|`: the indicator as a snippet with the county threshold, closing the tag
    const inds = provideCompletion(ws, at(file('draft.md'), 8, 6)) as CompletionList;
    expect(inds.items.map((i) => `${i.label} | ${i.detail} | ${r((i.textEdit as { range: Range }).range)} ${(i.textEdit as { newText: string }).newText}`)).toEqual(['城镇污水处理率 | % · 国标≥85% · 约束性 | 8:2-8:6 城镇污水处理率 ≥${1:85}%]]']);
    // nothing to complete in a task's title
    expect(provideCompletion(ws, at(uri, 14, 5))).toEqual([]);
  });

  it('code actions: add a clause to a task without one, raise a target to the threshold, convert a clause or target to tags, disable a rule', () => {
    const { uri, ws } = setUp();
    const diagnostics = toLspDiagnostics(uri, ws.analysisOf(uri)!);
    const actionsAt = (line: number, character: number) =>
      provideCodeActions(ws, { textDocument: { uri }, range: { start: { line, character }, end: { line, character } }, context: { diagnostics: diagnostics.filter((d) => d.range.start.line === line) } })!.map(action);
    expect(actionsAt(16, 3)).toEqual([
      '添加责任单位 | quickfix | preferred | qingshi.md 16:13-16:13 → "(责任单位:)" | ecoplan.client.placeCursor [{"line":16,"character":19},true]',
      '在此行停用「任务未明确责任单位」检查 | quickfix | qingshi.md 16:0-16:0 → "<!-- ecoplan-disable-next-line missing-responsible-unit -->\\n"',
    ]);
    expect(actionsAt(8, 9)).toEqual([
      '将目标提高到国标 85 | quickfix | preferred | qingshi.md 8:16-8:18 → "85"',
      '在此行停用「目标低于国家指标值」检查 | quickfix | qingshi.md 8:0-8:0 → "<!-- ecoplan-disable-next-line target-below-threshold -->\\n"',
      '将目标转换为指标标记 [[城镇污水处理率 ≥80% 2025年]] | refactor.rewrite | qingshi.md 8:7-8:21 → "[[城镇污水处理率 ≥80% 2025年]]"',
    ]);
    expect(actionsAt(14, 20)).toEqual(['将责任单位转换为部门标记 (@) | refactor.rewrite | qingshi.md 14:19-14:19 → "@", qingshi.md 14:24-14:24 → "@"']);
  });

  it('code lens: the level and edition on the title line, task counts on each section with tasks', () => {
    const { uri, ws } = setUp();
    expect(provideCodeLenses(ws, { textDocument: { uri } })!.map((l) => `${r(l.range)} ${l.command!.title} ${l.command!.command}`)).toEqual([
      '4:0-4:22 按县级指标检查(依据 front matter)· 2019版 · 更改… ecoplan.setPlanSettings',
      '10:3-10:9 3 项任务 · 1 项无责任单位 ',
      '12:0-12:10 2 项任务 · 1 项无责任单位 ',
      '18:0-18:9 1 项任务 ',
    ]);
  });

  it('document symbols, folding and selection ranges follow the outline', () => {
    const { uri, ws } = setUp();
    const flat = (ss: DocumentSymbol[], depth = 0): string[] => ss.flatMap((x) => [`${'  '.repeat(depth)}${x.name}${x.detail ? ` (${x.detail})` : ''} ${r(x.range)}`, ...flat(x.children ?? [], depth + 1)]);
    expect(flat(provideDocumentSymbols(ws, { textDocument: { uri } })!)).toEqual([
      '青石县创建国家生态文明建设示范县实施方案 4:0-20:23',
      '  一、主要目标 6:0-8:22',
      '  二、重点任务 10:0-20:23',
      '    (一)深化水环境治理 12:0-16:13',
      '      1.推进城镇污水管网建设 (牵头:县住建局) 14:0-14:30',
      '      2.开展饮用水水源地整治 (无责任单位) 16:0-16:13',
      '    (二)推进绿色发展 18:0-20:23',
      '      3.推广清洁能源 (牵头:县发展改革局) 20:0-20:23',
    ]);
    expect(provideFoldingRanges(ws, { textDocument: { uri } })!.map((f) => `${f.startLine}-${f.endLine}`)).toEqual(['4-20', '6-8', '10-20', '12-16', '18-20']);
    // unit → clause → task → (一) → 二、 → the title; a position past the line's end stands for its end
    const [sel, past] = provideSelectionRanges(ws, { textDocument: { uri }, positions: [{ line: 14, character: 20 }, { line: 16, character: 99 }] })!;
    expect(chain(sel)).toEqual(['14:19-14:23', '14:13-14:30', '14:0-14:30', '12:0-16:13', '10:0-20:23', '4:0-20:23']);
    expect(chain(past)).toEqual(['16:0-16:13', '12:0-16:13', '10:0-20:23', '4:0-20:23']);
  });

  it('workspace symbols: tasks by title, departments by name or pinyin initials, across the plans', () => {
    const { uri, other, ws } = setUp();
    const names = (q: string) => provideWorkspaceSymbols(ws, { query: q }).map((s) => `${s.name} ${s.location.uri === uri ? 'qingshi' : s.location.uri === other ? 'nongcun' : '?'} ${r(s.location.range)}`);
    expect(names('污水')).toEqual(['二.(一).1 推进城镇污水管网建设 qingshi 14:0-14:30', '一.1 推进农村生活污水治理 nongcun 8:0-8:31']);
    expect(names('xswjt')).toEqual(['县水务集团 qingshi 14:24-14:29']);
    expect(names('县农业')).toEqual(['县农业农村局 nongcun 8:24-8:30']);
  });

  it('semantic tokens and inlay hints: departments known or not, binding indicators, the national bar after a target', () => {
    const { uri, ws } = setUp();
    // (line, char, length, type, modifiers) as deltas: 城镇污水处理率 binding; 县住建局, 县水务集团, 县发展改革局 known
    expect(provideSemanticTokens(ws, { textDocument: { uri } }).data).toEqual([8, 7, 7, 1, 2, 6, 19, 4, 0, 0, 0, 5, 5, 0, 0, 6, 16, 6, 0, 0]);
    expect(provideInlayHints(ws, { textDocument: { uri } })).toEqual([{ position: { line: 8, character: 21 }, label: '国标≥85% 约束', kind: 2, paddingLeft: true, tooltip: '国家生态文明建设示范市县建设指标' }]);
    expect(provideInlayHints(ws, { textDocument: { uri }, range: { start: { line: 10 }, end: { line: 20 } } })).toEqual([]);
  });

  it('commands: coverage, tables, writing the level into the front matter through the client, exporting tables beside the plan', async () => {
    const { root, uri, ws } = setUp();
    const coverage = (await executeCommand(ws, { command: COMMANDS.coverage, arguments: [uri] }, noEdit)) as Record<string, unknown>;
    expect({ ...coverage, editions: (coverage.editions as { id: string }[]).map((e) => e.id), binding: null }).toEqual({
      uri,
      edition: 'national-2019',
      level: '县',
      levelFrom: 'front-matter',
      summary: { level: '县级', edition: '2019版', from: '依据 front matter', fromDetail: '依据 front matter', editionTitle: '国家生态文明建设示范市县建设指标(环生态〔2019〕76号)' },
      editions: ['national-2019', 'national-2021', 'national-2024-city', 'national-2024-county'],
      binding: null,
      tasks: 3,
      tasksWithoutUnit: 1,
      errors: 2,
      warnings: 1,
    });
    const tables = (await executeCommand(ws, { command: COMMANDS.tables, arguments: [uri] }, noEdit)) as { tasks: { path: string; lead: string[]; support: string[]; line: number }[] };
    expect(tables.tasks.map((t) => `${t.path} ${t.lead.join('、')}/${t.support.join('、')} 第${t.line}行`)).toEqual(['二.(一).1 县住建局/县水务集团 第15行', '二.(一).2 / 第17行', '二.(二).3 县发展改革局/ 第21行']);

    const applied: unknown[] = [];
    const result = await executeCommand(ws, { command: COMMANDS.setPlanSettings, arguments: [uri, { level: '市', catalogue: 'national-2021' }] }, async (label, edit) => (applied.push({ label, edit }), { applied: true }));
    const edit = { range: { start: { line: 2, character: 9 }, end: { line: 2, character: 10 } }, newText: '市\n  catalogue: national-2021' };
    expect(result).toEqual({ applied: true, edit });
    expect(applied).toEqual([{ label: '设置方案级别与指标版本', edit: { changes: { [uri]: [edit] } } }]);
    expect(await executeCommand(ws, { command: COMMANDS.setPlanSettings, arguments: [uri, { level: '省' }] }, noEdit)).toEqual({ applied: false, reason: '未给出有效的级别或指标体系' });

    const all = (await executeCommand(ws, { command: COMMANDS.exportTable, arguments: [uri, 'all', 'csv'] }, noEdit)) as { written: string[]; rows: null };
    expect(all).toEqual({ written: ['指标责任明细表', '任务责任分解表', '部门任务清单', '覆盖报告'].map((t) => join(root, `qingshi-附表-${t}.csv`)), rows: null });
    // the rows a view shows (indexes into the table): the file says it is filtered
    expect(await executeCommand(ws, { command: COMMANDS.exportTable, arguments: [uri, 'tasks', 'md', [2, 0]] }, noEdit)).toEqual({ written: [join(root, 'qingshi-任务责任分解表-筛选.md')], rows: 2 });
    expect(readFileSync(join(root, 'qingshi-任务责任分解表-筛选.md'), 'utf8').split('\n').filter((l) => l.startsWith('| 二'))).toEqual([
      '| 二.(二).3 | 推广清洁能源 | 县发展改革局 |  |  |  |  | 21 |',
      '| 二.(一).1 | 推进城镇污水管网建设 | 县住建局 | 县水务集团 |  |  |  | 15 |',
    ]);
    // a second export finds the files there: nothing written over until the user confirms (overwrite)
    writeFileSync(join(root, 'qingshi-任务责任分解表-筛选.md'), 'the user’s own notes');
    expect(await executeCommand(ws, { command: COMMANDS.exportTable, arguments: [uri, 'tasks', 'md', [2, 0]] }, noEdit)).toEqual({ exists: [join(root, 'qingshi-任务责任分解表-筛选.md')] });
    expect(readFileSync(join(root, 'qingshi-任务责任分解表-筛选.md'), 'utf8')).toBe('the user’s own notes');
    expect(await executeCommand(ws, { command: COMMANDS.exportTable, arguments: [uri, 'tasks', 'md', [2, 0], true] }, noEdit)).toEqual({ written: [join(root, 'qingshi-任务责任分解表-筛选.md')], rows: 2 });
    expect(await executeCommand(ws, { command: COMMANDS.exportTable, arguments: [uri, 'tasks', 'pdf'] }, noEdit)).toBeNull();
    expect(await executeCommand(ws, { command: COMMANDS.coverage, arguments: ['file:///nowhere/x.md'] }, noEdit)).toBeNull();
  });
});
