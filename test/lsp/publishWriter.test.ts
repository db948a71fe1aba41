import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodePublishMessage } from '../../server/src/lsp/publishWriter';

// publishDiagnostics over stdio is encoded from the bytes of the last publish (lsp/publishWriter.ts):
// whatever the diagnostics kept, added, dropped or reordered, the message must parse to what was sent.

const diagnostic = (line: number, message: string) => ({
  range: { start: { line, character: 2 }, end: { line, character: 9 } },
  severity: 1,
  code: 'target-below-threshold',
  codeDescription: { href: 'https://github.com/ecoplan/ecoplan/blob/main/docs/rules/target-below-threshold.md' },
  source: 'ecoplan',
  message,
});

const publish = (uri: string, version: number | undefined, diagnostics: object[]) => ({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri, version, diagnostics } });
const decode = (b: Buffer) => JSON.parse(b.toString('utf8'));

describe('publishDiagnostics encoded from the last publish', () => {
  it('parses to the message sent, first and after an edit that keeps, changes and adds diagnostics', () => {
    const a = diagnostic(3, '城镇污水处理率 目标 ≥85% 低于 2019 版(市)约束性指标 ≥95%');
    const b = diagnostic(7, 'say "quoted" \\ and \u2028');
    const c = diagnostic(9, '任务 二.1「加强环境信息公开」未明确责任单位');
    const first = publish('file:///p/方案.plan.md', 1, [a, b, c]);
    expect(decode(encodePublishMessage(first as never, 'utf-8'))).toEqual(first);
    const d = diagnostic(8, '新的');
    const second = publish('file:///p/方案.plan.md', 2, [a, d, b, c]);
    expect(decode(encodePublishMessage(second as never, 'utf-8'))).toEqual(second);
    // a version-less publish leaves the field out, as JSON.stringify does
    const third = publish('file:///p/方案.plan.md', undefined, [c, a]);
    expect(decode(encodePublishMessage(third as never, 'utf-8'))).toEqual({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///p/方案.plan.md', diagnostics: [c, a] } });
    const empty = publish('file:///p/方案.plan.md', 4, []);
    expect(encodePublishMessage(empty as never, 'utf-8').toString('utf8')).toBe('{"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","params":{"uri":"file:///p/方案.plan.md","version":4,"diagnostics":[]}}');
    // any other message: JSON as vscode-jsonrpc writes it
    const other = { jsonrpc: '2.0', id: 3, result: { items: [1, 2] } };
    expect(encodePublishMessage(other as never, 'utf-8').toString('utf8')).toBe(JSON.stringify(other));
  });

  it('parses to the message sent over random sequences of publishes drawn from a pool of diagnostics', () => {
    const pool = Array.from({ length: 12 }, (_, i) => diagnostic(i, `问题 ${i} ${'字'.repeat(i)}`));
    fc.assert(
      fc.property(fc.array(fc.array(fc.nat({ max: pool.length - 1 }), { maxLength: 15 }), { minLength: 1, maxLength: 8 }), (lists) => {
        lists.forEach((list, v) => {
          const msg = publish(`file:///p/${lists.length}.md`, v, list.map((i) => pool[i]));
          expect(decode(encodePublishMessage(msg as never, 'utf-8'))).toEqual(msg);
        });
      }),
      { numRuns: 300, seed: 12 },
    );
  });
});
