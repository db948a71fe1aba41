import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic, DocumentSymbol } from 'vscode-languageserver-protocol';
import { LspClient } from '../support/lspClient';

// A 规划 whose headings are numbered 1 / 1.1 / 1.1.1 (test/fixtures/variety/46-decimal-plan-outline.txt),
// through the real server over stdio: the outline the editor shows and the errors it underlines.
describe('language server: a plan with decimal headings', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ecoplan-lsp-decimal-'));
  const text = readFileSync(join('test', 'fixtures', 'variety', '46-decimal-plan-outline.txt'), 'utf8');
  writeFileSync(join(dir, '规划.txt'), text);
  const u = pathToFileURL(join(dir, '规划.txt')).toString();
  const client = new LspClient();
  let diags: Diagnostic[] = [];
  beforeAll(async () => {
    // a pasted .txt plan is a plan when `ecoplan.include` names it
    await client.initialize(dir, {}, { settings: { include: ['*.txt'] } });
    const first = client.nextDiagnostics(u);
    client.open(u, text);
    diags = (await first).diagnostics;
  });
  afterAll(() => client.stop());

  it('shows the decimal outline as document symbols, tasks with their lead unit', async () => {
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: u } });
    const tree = (ss: DocumentSymbol[], depth = 0): string[] =>
      ss.flatMap((s) => [`${'  '.repeat(depth)}${s.name} ${s.range.start.line}:${s.range.start.character}-${s.range.end.line}:${s.range.end.character}${s.detail ? ` ${s.detail}` : ''}`, ...tree(s.children ?? [], depth + 1)]);
    expect(tree(symbols)).toEqual([
      '1 总则 3:0-7:30',
      '  1.1 规划背景 4:0-5:52',
      '  1.2 指导思想 6:0-7:30',
      '2 主要任务 8:0-21:43',
      '  2.1 优化生态空间格局 9:0-13:49',
      '    2.1.1 落实生态保护红线管控 10:0-11:65 牵头:县自然资源局',
      '    2.1.2 推进自然保护地整合优化 12:0-13:49 牵头:县林业局',
      '  2.2 改善生态环境质量 14:0-18:41',
      '    2.2.1 深化大气污染协同治理 15:0-16:61 牵头:县生态环境分局',
      '    2.2.2 加强农村生活污水治理 17:0-18:41 无责任单位',
      '  2.3 构建生态经济体系 19:0-21:43',
      '    2.3.1 发展生态农业 20:0-21:43 牵头:县农业农村局',
      '3 保障措施 22:0-26:23',
      '  3.1 加强组织领导 23:0-24:26',
      '  3.2 强化资金保障 25:0-26:23',
    ]);
  });

  it('underlines the one task without a unit, on its heading line', () => {
    const shown = diags.filter((d) => d.code !== 'missing-binding-indicators');
    expect(shown.map((d) => [d.code, d.severity, `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`, d.message])).toEqual([
      ['assumed-settings', 3, '0:0-0:26', '按县级指标检查:依据第 1 行的「澄溪县」;如不对,可在 front matter 中写 ecoplan: {level: 市}'],
      ['missing-responsible-unit', 1, '17:0-17:16', '任务 2.2.2「加强农村生活污水治理」未明确责任单位'],
    ]);
  });
});
