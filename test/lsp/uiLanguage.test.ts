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
import { importErrorText, importWordFile, replacementSummary } from '../../server/src/word/importWord';
import { page } from '../../client/src/tablesPage';

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

describe('the table view speaks the UI language alone', () => {
  // The page's script run against a small stand-in for the DOM: what it renders for two indicator rows.
  class El {
    children: El[] = [];
    textContent = '';
    className = '';
    title = '';
    value = '';
    colSpan = 1;
    dataset: Record<string, string> = {};
    listeners: Record<string, (e: unknown) => void> = {};
    classList = { toggle: () => undefined };
    onclick: unknown = null;
    set innerHTML(_: string) {
      this.children = [];
    }
    get length() {
      return this.children.length;
    }
    set length(n: number) {
      this.children.length = n;
    }
    appendChild(c: El) {
      this.children.push(c);
      return c;
    }
    setAttribute() {}
    addEventListener(type: string, f: (e: unknown) => void) {
      this.listeners[type] = f;
    }
  }
  const render = (locale: 'zh' | 'en') => {
    const html = page('indicators', 'N', locale);
    const script = /<script nonce="N">([\s\S]*)<\/script>/.exec(html)![1];
    const ids = new Map(['q', 'dept', 'domain', 'status', 'compact', 'export', 'head', 'body', 'count'].map((id) => [id, new El()]));
    for (const id of ['dept', 'domain', 'status']) ids.get(id)!.appendChild(new El());
    let onMessage: (e: unknown) => void = () => undefined;
    const document = { getElementById: (id: string) => ids.get(id), createElement: () => new El(), body: new El() };
    const window = { addEventListener: (_: string, f: (e: unknown) => void) => (onMessage = f) };
    new Function('document', 'window', 'acquireVsCodeApi', script)(document, window, () => ({ getState: () => null, setState: () => undefined, postMessage: () => undefined }));
    const row = (number: number, name: string, status: string, attribute: string, verified: boolean) => ({ domain: '生态环境', number, name, unit: '%', target: '≥95%', threshold: '≥95%', verified, attribute, status, lead: ['县住建局', '县水务局'], support: [], lines: [8, 12] });
    onMessage({ data: { type: 'data', tables: { indicators: [row(17, '城镇污水处理率', '达标', '约束性', true), { ...row(21, '林草覆盖率', '未覆盖', '参考性', false), target: '未设定' }] } } });
    const text = (e: El) => e.children.map((c) => c.textContent);
    return {
      bar: /<div class="bar">([\s\S]*?)<\/div>/.exec(html)![1].replace(/\n/g, ''),
      head: text(ids.get('head')!.children[0]),
      rows: ids.get('body')!.children.map((r) => (r.className === 'group' ? `[${r.children[0].textContent}]` : text(r).join(' | '))),
      statuses: text(ids.get('status')!).slice(1),
      count: ids.get('count')!.textContent,
    };
  };

  it('Chinese', () => {
    const t = render('zh');
    expect(t.bar).toBe(
      '<input id="q" placeholder="筛选"><select id="dept"><option value="">全部部门</option></select><select id="domain"><option value="">全部领域</option></select><select id="status"><option value="">全部状态</option></select><button id="compact" aria-pressed="false" title="紧凑显示:行更密,隐藏次要列">紧凑</button><select id="export"><option value="">导出所示行…</option><option value="xlsx">XLSX</option><option value="csv">CSV</option><option value="html">HTML</option><option value="md">Markdown</option><option value="docx">Word(方案及附件表格)</option></select><span id="count"></span>',
    );
    expect(t.head).toEqual(['序号', '指标名称', '单位', '方案目标', '国家指标值', '指标属性', '状态', '牵头单位', '配合单位', '行']);
    expect(t.rows).toEqual(['[生态环境]', '17 | 城镇污水处理率 | % | ≥95% | ≥95% | 约束性 | 达标 | 县住建局、县水务局 |  | 8、12', '21 | 林草覆盖率 | % | 未设定 | ≥95%(待核实) | 参考性 | 未覆盖 | 县住建局、县水务局 |  | 8、12']);
    expect(t.statuses).toEqual(['未覆盖', '达标']);
    expect(t.count).toBe('2 行');
  });

  it('English: every label English; the plan’s own names (domain, indicator, units) as the plan has them', () => {
    const t = render('en');
    expect(t.bar).toBe(
      '<input id="q" placeholder="Filter"><select id="dept"><option value="">All departments</option></select><select id="domain"><option value="">All domains</option></select><select id="status"><option value="">All statuses</option></select><button id="compact" aria-pressed="false" title="Compact: denser rows, secondary columns hidden">Compact</button><select id="export"><option value="">Export the rows shown…</option><option value="xlsx">XLSX</option><option value="csv">CSV</option><option value="html">HTML</option><option value="md">Markdown</option><option value="docx">Word (the plan and its annex tables)</option></select><span id="count"></span>',
    );
    expect(t.head).toEqual(['No.', 'Indicator', 'Unit', 'Plan target', 'National value', 'Attribute', 'Status', 'Lead', 'Support', 'Line']);
    expect(t.rows).toEqual(['[生态环境]', '17 | 城镇污水处理率 | % | ≥95% | ≥95% | binding | meets | 县住建局, 县水务局 |  | 8, 12', '21 | 林草覆盖率 | % | not set | ≥95% (unverified) | reference | not covered | 县住建局, 县水务局 |  | 8, 12']);
    expect(t.statuses).toEqual(['not covered', 'meets']);
    expect(t.count).toBe('2 rows');
  });
});

it('a Word file that cannot be imported: why, in the UI language alone', async () => {
  const failure = await importWordFile(new TextEncoder().encode('not a zip'), '方案.docx').catch((e: unknown) => e);
  expect(importErrorText(failure, 'zh')).toBe('不是 Word(.docx)文件');
  expect(importErrorText(failure, 'en')).toBe('not a Word (.docx) file');
});
