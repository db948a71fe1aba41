import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeAction, Hover, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { LspClient } from '../support/lspClient';

// The ASCII-punctuated plan (test/fixtures/variety/73-ascii-punctuation.txt) opened in the real server over stdio:
// diagnostics at the exact positions of the user's text, and a hover on a target.
const PLAN = readFileSync(join('test', 'fixtures', 'variety', '73-ascii-punctuation.txt'), 'utf8');

describe('an ASCII-punctuated plan in the language server', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ecoplan-ascii-lsp-'));
  const uri = pathToFileURL(join(dir, 'binjiang.txt')).toString();
  writeFileSync(join(dir, 'binjiang.txt'), PLAN);
  const client = new LspClient();
  let first: PublishDiagnosticsParams;
  beforeAll(async () => {
    // a .txt file is a plan when ecoplan.include names it
    await client.initialize(dir, {}, { settings: { include: ['*.txt'], rules: { 'missing-binding-indicators': 'off' } } });
    const published = client.nextDiagnostics(uri);
    client.open(uri, PLAN);
    first = await published;
  }, 60_000);
  afterAll(() => client.stop());

  it('publishes each diagnostic at its place in the ASCII text', () => {
    const at = (d: PublishDiagnosticsParams['diagnostics'][number]) => `${d.code} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`;
    expect(first.diagnostics.map(at).filter((d) => !d.startsWith('assumed-settings'))).toEqual([
      'conflicting-targets 5:14-5:31',
      'conflicting-targets 5:63-5:77',
      'target-below-threshold 5:63-5:77',
      'renamed-indicator 5:78-5:83',
      'conflicting-targets 7:18-7:33',
      'unknown-department 7:59-7:67',
      'conflicting-targets 8:20-8:34',
      'missing-responsible-unit 9:0-9:38',
      'renamed-indicator 9:22-9:32',
    ]);
    const conflict = first.diagnostics.find((d) => d.code === 'conflicting-targets')!;
    expect(conflict.message).toBe('优良天数比例 的目标 ≥80% 与本方案其他处不一致:≥82%(第 8 行)');
  });

  it('shows the indicator card on a target written with ASCII punctuation, the aspiration marked', async () => {
    const hover = async (line: number, character: number) => {
      const h = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line, character } });
      return { range: h.range, lines: (h.contents as { value: string }).value.split('\n') };
    };
    const sewage = await hover(5, 66); // 城镇污水处理率达到90%以上
    expect(sewage.range).toEqual({ start: { line: 5, character: 63 }, end: { line: 5, character: 70 } });
    expect(sewage.lines[0]).toBe('**城镇污水处理率**(国家生态文明建设示范市县建设指标 第 29 项)');
    expect(sewage.lines.slice(-3)).toEqual(['本方案的目标(2 处):', '- 第 6 行:≥90%(2025 年)', '- 第 9 行:≥95%']);
    const airDays = await hover(5, 20); // 空气质量优良天数比率确保达到80%,力争达到85%
    expect(airDays.lines.slice(-4)).toEqual(['本方案的目标(3 处):', '- 第 6 行:≥80%(2025 年)', '- 第 6 行:≥85%(2025 年)(力争)', '- 第 8 行:≥82%(2025 年)']);
  });

  it('offers to convert a target to a tag only where one tag can say it (not a firm target and its aspiration in one stretch)', async () => {
    const titles = async (line: number, character: number) =>
      (await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: { start: { line, character }, end: { line, character } }, context: { diagnostics: [] } })).map((x) => x.title);
    expect((await titles(5, 20)).filter((t) => t.startsWith('将目标转换为指标标记'))).toEqual([]);
    expect((await titles(8, 25)).filter((t) => t.startsWith('将目标转换为指标标记'))).toEqual(['将目标转换为指标标记 [[城镇污水处理率 ≥95%]]']);
  });
});
