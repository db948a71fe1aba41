import { describe, expect, it } from 'vitest';
import searchWordsData from '../../data/vocab/departmentSearchWords.yaml';
import { builtinDirectory } from '../../server/src/core/departments/directory';
import { checkSearchWords, matchRank, SEARCH_WORDS, withoutLevel } from '../../server/src/lsp/presentation/nameMatch';

describe('data/vocab/departmentSearchWords.yaml', () => {
  it('names built-in departments (without the level word), each word found by none of their names', () => {
    for (const [name, words] of SEARCH_WORDS) {
      const d = builtinDirectory.resolve(`市${name}`);
      expect(d?.name, name).toBe(`市${name}`);
      for (const w of words) expect([d!.name, ...d!.aliases].some((n) => n.includes(w)), `${name}: ${w} is already part of a name`).toBe(false);
    }
  });

  it('rejects a malformed file naming the key', () => {
    expect(() => checkSearchWords({ ...(searchWordsData as object), 水利局: [] })).toThrow('data/vocab/departmentSearchWords.yaml: `水利局` must be a non-empty list of words');
    expect(() => checkSearchWords(['水利局'])).toThrow('must map department names to lists of words');
  });
});

describe('matchRank: what a typed text finds', () => {
  const fg = ['市发展和改革委员会', '市发改委', '市发展改革委', '市发改局', '市发展和改革局'];
  it('ranks a short form, a start, a part, pinyin after the level word, pinyin anywhere', () => {
    expect(withoutLevel('市发改委')).toBe('发改委');
    expect(withoutLevel('市委')).toBe('市委');
    expect(matchRank('发改委', fg)).toBe(0);
    expect(matchRank('发改', fg)).toBe(1);
    expect(matchRank('改革', fg)).toBe(2);
    expect(matchRank('fg', fg)).toBe(3);
    expect(matchRank('sfg', fg)).toBe(4);
    expect(matchRank('gaige', fg)).toBe(4);
    expect(matchRank('环保', fg)).toBe(-1);
    expect(matchRank('国土', ['市自然资源和规划局'], ['国土', '国土资源'])).toBe(0);
    expect(matchRank('', fg)).toBe(0);
    // indicators: no level word to strip (区域… is not 区 + 域…)
    expect(matchRank('污水处理', ['城镇污水处理率'], [], false)).toBe(2);
  });

  it('stays linear on a long typed text', () => {
    const t0 = performance.now();
    expect(matchRank('发'.repeat(200_000), fg)).toBe(-1);
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});
