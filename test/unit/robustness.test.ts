import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analysePlan } from '../../server/src/core/analyse';
import { LineIndex } from '../../server/src/core/text/lineIndex';
import { fw } from '../support/fullWidth';

// Pieces real plans are made of, and the ways they go wrong, shuffled at random.
const PIECES = [
  '一、', '二、主要任务', '(一)', '(二)', fw('(') + '三' + fw(')'), '1.', '2、', '3.', '(1)', '①', '## ', '# ', '**', '- ', '> ',
  '(责任单位:', '(牵头单位:', '〔', '〕', ')', ')', fw(')'), '牵头,', '按职责分工负责', '负责', '、', ',', fw(','), '。', ';',
  '市生态环境局', '市发改委', '各镇(街道、园区)', '市级相关部门', '@', '@{', '}', fw('@'), '市农合联执委会(市供销社)',
  '[[', ']]', '【【', '】】', '城镇污水处理率', '森林覆盖率', ' ≥', '≤', '≈', '95', '%', '以上', '以下', '达', '不低于', '到2023年,',
  '面积不减少、性质不改变', '| 序号 | 工作任务 | 责任单位 |', '| --- | --- | --- |', '| 1 | 任务 | 市财政局 |', '---', 'ecoplan:', '  level: 县',
  '<!-- ecoplan-disable missing-responsible-unit -->', '```', '\n', '\n\n', '\r\n', ' ', '\u3000', '\uFFFD', '\u0000', '\uD83D\uDE00', '\uD800',
];

function checkRanges(text: string) {
  for (const format of ['markdown', 'text'] as const) {
    const a = analysePlan(text, { uri: 'fuzz.md', format });
    const idx = new LineIndex(text);
    const inside = (r: { start: { line: number; character: number }; end: { line: number; character: number } }) => {
      expect(r.start.line).toBeGreaterThanOrEqual(0);
      expect(r.end.line).toBeLessThan(idx.lineCount);
      expect(idx.offset(r.start)).toBeLessThanOrEqual(idx.offset(r.end));
    };
    for (const d of a.diagnostics) inside(d.range);
    for (const t of a.model.tasks) inside(t.range);
    for (const t of a.model.targets) inside(t.range);
    for (const c of a.model.clauses) for (const u of c.units) expect(text.slice(idx.offset(u.range.start), idx.offset(u.range.end))).toBe(u.name);
    expect(() => JSON.stringify(a.diagnostics)).not.toThrow();
  }
}

describe('bad input never crashes the reader', () => {
  it('reads random plans made of real and broken pieces, with every range inside the text', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 120 }), (pieces) => checkRanges(pieces.join(''))), { numRuns: 300, seed: 20261123 });
  });

  it('reads arbitrary Unicode, including lone surrogates and control characters', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (s) => checkRanges(s)), { numRuns: 300, seed: 7 });
  });
});
