import { describe, expect, it } from 'vitest';
import { completionContext } from '../../server/src/lsp/features/completion';
import { paramsProblem } from '../../server/src/lsp/validate';

describe('completion context and message validation stay linear on hostile input', () => {
  const lines: [string, string][] = [
    ['@ repeated', '@'.repeat(200_000)],
    ['[[ repeated', '[['.repeat(100_000)],
    ['clause openers without a closer', '(责任单位:'.repeat(40_000)],
    ['clause words with spaces and no colon', `责任单位${' '.repeat(200_000)}`],
    ['a long clause of units', `(责任单位:${'县生态环境局、'.repeat(30_000)}`],
  ];
  it.each(lines)('%s: answers in linear time', (_name, line) => {
    const t = performance.now();
    const ctx = completionContext(line);
    expect(performance.now() - t).toBeLessThan(1000);
    expect(ctx === null || ctx.from <= line.length).toBe(true);
  });

  it('reads the context of a clause after its last separator', () => {
    expect(completionContext('1.治污。(责任单位:县生态环境局、县住')).toEqual({ kind: 'department', from: 18, braced: false });
    expect(completionContext('见[[城镇污水')).toEqual({ kind: 'indicator', from: 3, closing: ']]' });
  });

  it('checks a 10,000-element array of positions in linear time, naming the first bad one', () => {
    const positions = Array.from({ length: 9_999 }, (_, i) => ({ line: i, character: 0 }));
    positions.push({ line: 3, character: -1 });
    const t = performance.now();
    expect(paramsProblem('textDocument/selectionRange', { textDocument: { uri: 'file:///a.plan.md' }, positions })).toEqual({
      zh: 'positions[9999].character 应为不小于 0 的整数(最大 2147483647),实为数值 -1',
      en: 'positions[9999].character: expected an integer from 0 to 2147483647, got the number -1',
    });
    expect(performance.now() - t).toBeLessThan(1000);
    expect(paramsProblem('textDocument/selectionRange', { textDocument: { uri: 'file:///a.plan.md' }, positions: Array(10_001).fill({ line: 0, character: 0 }) })).toEqual({
      zh: 'positions 的元素超过 10000 个',
      en: 'positions: more than 10000 elements',
    });
  });
});
