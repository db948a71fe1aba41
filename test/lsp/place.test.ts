import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, it } from 'vitest';
import { provideCodeActions } from '../../server/src/lsp/features/codeActions';
import { provideCodeLenses } from '../../server/src/lsp/features/codeLens';
import { COMMANDS, executeCommand } from '../../server/src/lsp/features/commands';
import { toLspDiagnostics } from '../../server/src/lsp/features/diagnostics';
import { provideHover } from '../../server/src/lsp/features/hover';
import type { DocumentStore } from '../../server/src/lsp/planSource';
import { PlanWorkspace } from '../../server/src/lsp/planWorkspace';

/** The plan's place where the level is shown (lens, hover, the status bar's summary) and the quick fix of ambiguous-place. */
function setUp(text: string) {
  const root = mkdtempSync(join(tmpdir(), 'ecoplan-place-'));
  const uri = pathToFileURL(join(root, 'qingshan.plan.md')).toString();
  const docs = new Map([[uri, TextDocument.create(uri, 'markdown', 1, text)]]);
  const store: DocumentStore = { get: (u) => docs.get(u), all: () => [...docs.values()] };
  const ws = new PlanWorkspace(store);
  ws.folders = [root];
  return { uri, ws, doc: docs.get(uri)! };
}

const YUYAO = ['# 余姚市创建国家生态文明建设示范区实施方案', '', '一、重点任务', '', '1.推进污水治理。(责任单位:市住建局)', ''].join('\n');

describe('the place shown', () => {
  it('on the title lens, in the title hover and in the summary the status bar shows', async () => {
    const { uri, ws } = setUp(YUYAO);
    expect(provideCodeLenses(ws, { textDocument: { uri } })![0].command!.title).toBe('按县级指标检查(余姚市,依据标题)· 2019版 · 更改…');
    const hover = provideHover(ws, { textDocument: { uri }, position: { line: 0, character: 4 } })!;
    expect((hover.contents as { value: string }).value).toBe(
      ['**行政区划:**浙江省宁波市余姚市(县级市,330281)', '**级别:**县级(依据标题中的「余姚市」(第 1 行))', '**指标体系:**国家生态文明建设示范市县建设指标(环生态〔2019〕76号)'].join('\n\n'),
    );
    const cov = (await executeCommand(ws, { command: COMMANDS.coverage, arguments: [uri] }, async () => ({ applied: true }))) as { summary: { place?: string; placeDetail?: string } };
    expect([cov.summary.place, cov.summary.placeDetail]).toEqual(['余姚市', '浙江省宁波市余姚市(县级市,330281)']);
  });

  it('ambiguous-place: one quick fix per candidate writes its code into the front matter', () => {
    const { uri, ws, doc } = setUp(['# 青山区创建国家生态文明建设示范区实施方案', '', '一、重点任务', ''].join('\n'));
    const a = ws.analysisOf(uri)!;
    const diags = toLspDiagnostics(uri, a).filter((d) => d.code === 'ambiguous-place');
    expect(diags.length).toBe(1);
    const fixes = provideCodeActions(ws, { textDocument: { uri }, range: diags[0].range, context: { diagnostics: diags } })!.filter((x) => x.title.startsWith('定为'));
    expect(fixes.map((f) => f.title)).toEqual(['定为 内蒙古自治区包头市青山区(150204):在 front matter 中写 ecoplan: {place: 150204}', '定为 湖北省武汉市青山区(420107):在 front matter 中写 ecoplan: {place: 420107}']);
    const edit = fixes[1].edit!.changes![uri][0];
    const next = TextDocument.applyEdits(doc, [edit]);
    expect(next.split('\n').slice(0, 5)).toEqual(['---', 'ecoplan:', '  place: 420107', '---', '# 青山区创建国家生态文明建设示范区实施方案']);
  });
});
