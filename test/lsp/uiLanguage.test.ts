// One language per UI (issue 21 item 6): every label, hint and title in the client's language, no
// setting keys, rule ids or bare `?` in Chinese labels, and the English UI fully English.
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, CodeLens, CompletionList, DocumentSymbol, InlayHint } from 'vscode-languageserver/node';
import { describe, expect, it } from 'vitest';
import { analysePlan } from '../../server/src/core/analyse';
import { provideCodeActions } from '../../server/src/lsp/features/codeActions';
import { provideCodeLenses } from '../../server/src/lsp/features/codeLens';
import { provideCompletion } from '../../server/src/lsp/features/completion';
import { toLspDiagnostics } from '../../server/src/lsp/features/diagnostics';
import { provideDocumentSymbols } from '../../server/src/lsp/features/documentSymbols';
import { provideHover } from '../../server/src/lsp/features/hover';
import { provideInlayHints } from '../../server/src/lsp/features/inlayHints';
import { provideRename } from '../../server/src/lsp/features/rename';
import { PlanWorkspace } from '../../server/src/lsp/planWorkspace';
import { replacementSummary } from '../../server/src/word/importWord';

const uri = 'file:///plans/qingxi.md';
const PLAN = [
  '---', // 0
  'ecoplan:', // 1
  '  level: 市', // 2
  '---', // 3
  '# 青溪市创建国家生态文明建设示范市实施方案', // 4
  '', // 5
  '## 三、主要任务', // 6
  '', // 7
  '1.提升污水处理能力。城镇污水处理率达95%以上。(责任单位:市住建局、市生态环境局)', // 8
  '', // 9
  '2.推进植树造林。森林覆盖率不低于19%。', // 10
  '', // 11
  '3.扩大绿色采购。[[城镇]] (责任单位:@jxj)', // 12
  '', // 13
  '4.推进节水。(责任单位:@发改', // 14: being typed (a tag of its own until a name is chosen)
  '',
].join('\n');

function workspace(locale: 'zh' | 'en') {
  const doc = TextDocument.create(uri, 'markdown', 1, PLAN);
  const ws = new PlanWorkspace({ get: (u) => (u === uri ? doc : undefined), all: () => [doc] });
  ws.locale = locale;
  return ws;
}

function texts(locale: 'zh' | 'en') {
  const ws = workspace(locale);
  const a = ws.analysisOf(uri)!;
  const diagnostics = toLspDiagnostics(uri, a);
  const hints = (provideInlayHints(ws, { textDocument: { uri } }) as InlayHint[]).map((h) => `${h.position.line} ${h.label} | ${String(h.tooltip)}`);
  const lenses = (provideCodeLenses(ws, { textDocument: { uri } }) as CodeLens[]).map((l) => `${l.range.start.line} ${l.command!.title}`);
  const missing = diagnostics.find((d) => d.code === 'missing-responsible-unit')!;
  const fixes = (provideCodeActions(ws, { textDocument: { uri }, range: missing.range, context: { diagnostics: [missing] } }) as CodeAction[]).map((x) => x.title);
  const unknown = diagnostics.find((d) => d.code === 'unknown-indicator')!;
  const symbols = (provideDocumentSymbols(ws, { textDocument: { uri } }) as DocumentSymbol[])[0].children![0].children!.map((s) => `${s.name} | ${s.detail ?? ''}`);
  const completion = provideCompletion(ws, { textDocument: { uri }, position: { line: 14, character: 17 } }) as CompletionList;
  const first = completion.items.sort((x, y) => (x.sortText! < y.sortText! ? -1 : 1))[0];
  let renameError = '';
  try {
    provideRename(ws, { textDocument: { uri }, position: { line: 8, character: 33 }, newName: ' ' });
  } catch (e) {
    renameError = (e as Error).message;
  }
  const hover = provideHover(ws, { textDocument: { uri }, position: { line: 8, character: 40 } }) as { contents: { value: string } };
  return { hover: hover.contents.value, hints, lenses, fixes, unknown: unknown.message, symbols, completion: `${first.label} | ${first.detail} | ${(first.documentation as { value: string }).value}`, renameError };
}

describe('the Chinese UI is Chinese only', () => {
  const t = texts('zh');
  it('inlay hints: the bar, its attribute, what the plan has not set, no setting key or bare ? in the label', () => {
    expect(t.hints).toEqual([
      '8 国标≥95% 约束 | 国家生态文明建设示范市县建设指标',
      '10 国标按地形而定(方案未设定地形) 参考(待核实) | 国家生态文明建设示范市县建设指标(该指标值尚未核实)\n在 front matter 的 ecoplan: 中设定: terrain',
    ]);
  });
  it('code lenses, the suppress fix named by what the rule checks, the indicator suggestions, symbols, completion, rename', () => {
    expect(t.lenses).toEqual(['4 按市级指标检查(依据 front matter)· 2019版 · 更改…', '6 4 项任务 · 1 项无责任单位']);
    expect(t.fixes).toEqual(['添加责任单位', '在此行停用「任务未明确责任单位」检查']);
    expect(t.unknown).toBe('「城镇」不是指标体系中的指标名称;是否是:城镇污水处理率、城镇人均公园绿地面积、城镇新建绿色建筑比例?');
    expect(t.symbols).toEqual(['1.提升污水处理能力 | 牵头:市住建局', '2.推进植树造林 | 无责任单位', '3.扩大绿色采购 | 无责任单位', '4.推进节水 | 牵头:发改']);
    expect(t.completion).toBe('市发展和改革委员会 | 简称:市发改委、市发展改革委、市发改局、市发展和改革局 | 内置部门名录');
    expect(t.renameError).toBe('部门名称不能为空或换行');
    expect(t.hover).toBe('**市生态环境局**  \n简称:市环保局、市生态环境分局\n\n**牵头任务(0)**\n\n**配合任务(1)**\n\n- 三.1 提升污水处理能力');
    expect(replacementSummary({ image: 2 }, 'zh')).toBe('替换为占位注释:图片 2 处');
    expect(replacementSummary({}, 'zh')).toBe('无替换内容');
  });
});

describe('the English UI is English only', () => {
  const t = texts('en');
  it('inlay hints', () => {
    expect(t.hints).toEqual([
      '8 national ≥95% binding | 国家生态文明建设示范市县建设指标',
      '10 national depends on terrain (the plan sets none) reference (unverified) | 国家生态文明建设示范市县建设指标 (this value is not yet verified)\nset it under ecoplan: in the front matter: terrain',
    ]);
  });
  it('code lenses, fixes, suggestions, symbols, completion, rename', () => {
    expect(t.lenses).toEqual(['4 Checked against city level indicators (from the front matter) · 2019 edition · Change…', '6 4 tasks · 1 without a responsible unit']);
    expect(t.fixes).toEqual(['Add a responsibility clause', 'Disable "Task has no responsible unit" for this line']);
    expect(t.unknown).toBe('"城镇" is not an indicator of the catalogue; did you mean: 城镇污水处理率, 城镇人均公园绿地面积, 城镇新建绿色建筑比例?');
    expect(t.symbols).toEqual(['1.提升污水处理能力 | lead: 市住建局', '2.推进植树造林 | no responsible unit', '3.扩大绿色采购 | no responsible unit', '4.推进节水 | lead: 发改']);
    expect(t.completion).toBe('市发展和改革委员会 | short forms: 市发改委, 市发展改革委, 市发改局, 市发展和改革局 | built-in department directory');
    expect(t.renameError).toBe('the name must be one non-empty line');
    expect(t.hover).toBe('**市生态环境局**  \nShort forms: 市环保局, 市生态环境分局\n\n**Leads (0)**\n\n**Supports (1)**\n\n- 三.1 提升污水处理能力');
    expect(replacementSummary({ image: 2 }, 'en')).toBe('replaced by placeholder comments: 2 image(s)');
    expect(replacementSummary({}, 'en')).toBe('nothing replaced');
  });
});

it('the analysis behind both is the same plan', () => {
  expect(analysePlan(PLAN, { uri, format: 'markdown' }).model.tasks.length).toBe(4);
});
