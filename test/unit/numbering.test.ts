import { describe, expect, it } from 'vitest';
import numberingData from '../../data/vocab/numbering.yaml';
import { checkNumberingKinds, isDecimalRank, matchNumbering, RANK } from '../../server/src/core/recognise/numbering';
import { foldWidth } from '../../server/src/core/text/fold';
import { fw } from '../support/fullWidth';

// the reader folds full-width forms before matching (text/fold.ts); so does this helper
const m = (raw: string) => {
  const s = foldWidth(raw);
  const r = matchNumbering(s);
  return r && { rank: r.rank, marker: r.marker, text: s.slice(r.textStart) };
};

describe('official numbering', () => {
  it('reads the four levels in both bracket widths', () => {
    expect(m('三、主要任务')).toEqual({ rank: 1, marker: '三', text: '主要任务' });
    expect(m('十二、其他')).toEqual({ rank: 1, marker: '十二', text: '其他' });
    expect(m(fw('(') + '一' + fw(')') + '健全制度')).toEqual({ rank: 2, marker: '(一)', text: '健全制度' });
    expect(m('(二)加强监管')).toEqual({ rank: 2, marker: '(二)', text: '加强监管' });
    expect(m('1.组织规划实施。')).toEqual({ rank: 3, marker: '1', text: '组织规划实施。' });
    expect(m('12、严格控制')).toEqual({ rank: 3, marker: '12', text: '严格控制' });
    expect(m('3' + fw('.') + '完善考核机制')).toEqual({ rank: 3, marker: '3', text: '完善考核机制' });
    expect(m(fw('(') + '1' + fw(')') + '启动阶段')).toEqual({ rank: 4, marker: '(1)', text: '启动阶段' });
    expect(m('①加强宣传')).toEqual({ rank: 5, marker: '①', text: '加强宣传' });
  });

  it('looks through Markdown prefixes and bold', () => {
    expect(m('## 三、主要任务')).toEqual({ rank: 1, marker: '三', text: '主要任务' });
    expect(m('**1.强化生态空间管控。**严守')).toEqual({ rank: 3, marker: '1', text: '强化生态空间管控。**严守' });
    expect(m('- (一)总体要求')).toEqual({ rank: 2, marker: '(一)', text: '总体要求' });
    expect(m('1. 召开推进会')).toEqual({ rank: 3, marker: '1', text: '召开推进会' });
  });

  it('keeps item 1 that starts with a year, and rejects decimals, years and bare numbers', () => {
    expect(m('1.2022年完成修编')).toEqual({ rank: 3, marker: '1', text: '2022年完成修编' });
    expect(m('2.5倍以上')).toBeNull();
    expect(m('2022年,全市')).toBeNull();
    expect(m('5.22生物多样性日')).toBeNull();
    expect(m('11')).toBeNull();
    expect(m('十四五期间')).toBeNull();
    expect(m('(2022年-2023年底)')).toBeNull();
  });
});

describe('numbering kinds held as data (data/vocab/numbering.yaml)', () => {
  const vocab = checkNumberingKinds(numberingData);

  it('lists the kinds from the highest level to the lowest, with the ranks the outline model has always had', () => {
    expect(vocab.kinds.map((k) => [k.kind, k.form, k.rank])).toEqual([
      ['volume', 'ordinal', -0.6],
      ['part', 'ordinal', -0.3],
      ['chapter', 'ordinal', 0],
      ['section', 'ordinal', 0.5],
      ['article', 'ordinal', 0.6],
      ['decimal', 'decimal', 0.7],
      ['cn', 'separated', 1],
      ['cn-paren', 'bracketed', 2],
      ['arabic', 'separated', 3],
      ['arabic-paren', 'bracketed', 4],
      ['circled', 'circled', 5],
    ]);
    expect(RANK).toEqual({ PART: 0, PART_SECTION: 0.5, CN: 1, CN_PAREN: 2, ARABIC: 3, ARABIC_PAREN: 4, CIRCLED: 5 });
  });

  it('matches one example of every kind it lists, at that kind’s rank', () => {
    const example: Record<string, string> = {
      volume: '第一编 总论', part: '第二篇 重点任务', chapter: '第三章 主要任务', section: '第一节 大气环境', article: '第十二条 加强监管',
      decimal: '2 主要任务', cn: '三、主要任务', 'cn-paren': '(一)健全制度', arabic: '1.组织实施', 'arabic-paren': '(1)启动阶段', circled: '①加强宣传',
    };
    for (const k of vocab.kinds) {
      const got = matchNumbering(example[k.kind]);
      expect([k.kind, got?.kind, got?.rank]).toEqual([k.kind, k.kind, k.rank]);
    }
    // every unit of every 第… kind
    for (const k of vocab.kinds.filter((x) => x.form === 'ordinal')) for (const u of k.units!) expect([u, matchNumbering(`第二${u} 标题`)?.kind]).toEqual([u, k.kind]);
  });

  it('names the file and the key of a broken vocabulary', () => {
    const kinds = vocab.kinds;
    expect(() => checkNumberingKinds(null)).toThrow('data/vocab/numbering.yaml: `kinds` must be a non-empty list');
    expect(() => checkNumberingKinds({ ...vocab, kinds: [kinds[1], kinds[0]] })).toThrow('data/vocab/numbering.yaml: `volume.rank` must be a number above the rank of the kind before it');
    expect(() => checkNumberingKinds({ ...vocab, kinds: [...kinds, { kind: 'more', form: 'ordinal', units: ['章'], rank: 9 }] })).toThrow('data/vocab/numbering.yaml: the unit `章` is claimed by chapter and more');
    expect(() => checkNumberingKinds({ ...vocab, kinds: [...kinds, { kind: 'roman', form: 'roman', rank: 9 }] })).toThrow('data/vocab/numbering.yaml: `roman.form` must be one of ordinal, decimal, separated, bracketed, circled');
    expect(() => checkNumberingKinds({ ...vocab, kinds: kinds.map((k) => (k.kind === 'decimal' ? { ...k, maxDepth: 9 } : k)) })).toThrow('data/vocab/numbering.yaml: `decimal` at its deepest (1.1) must stay above cn (1)');
    expect(() => checkNumberingKinds({ ...vocab, decimalTitle: {} })).toThrow('data/vocab/numbering.yaml: `decimalTitle` needs minLength, maxLength, notBefore and punctuation');
  });
});

describe('the numbering of long plans and 规划', () => {
  it('reads 第一编 / 第一篇 / 第一部分 / 第一章 / 第一节 / 第一条, in Chinese or Arabic digits', () => {
    expect(['第一编 总论', '第二篇 重点任务', '第三部分:保障措施', '第3章 规划目标', '第十二节推进绿色发展', '第一百零一条 本规划自印发之日起施行'].map(m)).toEqual([
      { rank: -0.6, marker: '第一编', text: '总论' },
      { rank: -0.3, marker: '第二篇', text: '重点任务' },
      { rank: -0.3, marker: '第三部分', text: '保障措施' },
      { rank: 0, marker: '第3章', text: '规划目标' },
      { rank: 0.5, marker: '第十二节', text: '推进绿色发展' },
      { rank: 0.6, marker: '第一百零一条', text: '本规划自印发之日起施行' },
    ]);
    expect(['第一批试点', '第2022年', '第一阶段(2023年)'].map(m)).toEqual([null, null, null]);
  });

  it('reads decimal headings alone on their lines, each part deeper one level lower', () => {
    expect(['1 总则', '2.3 规划目标', '2.3.1 总体目标', '3.1.2.4 推进工业企业深度治理', '## 2.1 大气环境', '1.1. 规划背景', '4' + fw('．') + '2　强化资金保障  '].map(m)).toEqual([
      { rank: 0.7, marker: '1', text: '总则' },
      { rank: 0.75, marker: '2.3', text: '规划目标' },
      { rank: 0.8, marker: '2.3.1', text: '总体目标' },
      { rank: 0.85, marker: '3.1.2.4', text: '推进工业企业深度治理' },
      { rank: 0.75, marker: '2.1', text: '大气环境' },
      { rank: 0.75, marker: '1.1', text: '规划背景' },
      { rank: 0.75, marker: '4.2', text: '强化资金保障  ' },
    ]);
    expect(['1 总则', '2.3.1 总体目标', '1.组织实施'].map((l) => isDecimalRank(matchNumbering(l)!.rank))).toEqual([true, true, false]);
  });

  it('does not take a sentence, a quantity or a table row that starts with a number for a heading', () => {
    expect([
      '2.5 倍以上', // a quantity
      '10 月底前完成', // a date a PDF copy broke
      '3 个乡镇完成整治', // a count
      '2.1 加强管控。严格执行标准', // a sentence
      '1 城镇污水处理率 % ≥95', // a table row pasted with spaces
      '1\t推进工业治理\t县生态环境分局', // a table row pasted with tabs
      '1.2.3.4.5 太深的编号', // deeper than the data allows
      '2025 年目标', // a year
      '1.1规划背景', // no space: read as a decimal, not a heading
      '12', // a number alone (a table's serial cell)
      '1 ' + '很长的标题'.repeat(10), // longer than a heading
      '9 页', // a page count in a document site's header
      '3 序', // shorter than a heading
    ].map(m)).toEqual(Array(13).fill(null));
  });

  it('reads a lower numbering straight after a higher one as its inner item (`6、(1)…`)', () => {
    const n = matchNumbering('6、(1)水务局抓好保护区建设');
    expect(n && { marker: n.marker, rank: n.rank, inner: n.inner && { marker: n.inner.marker, rank: n.inner.rank, start: n.inner.start, text: '6、(1)水务局抓好保护区建设'.slice(n.inner.textStart) } }).toEqual({
      marker: '6', rank: 3, inner: { marker: '(1)', rank: 4, start: 2, text: '水务局抓好保护区建设' },
    });
    // not a higher level after a lower one, nor a number that is no marker
    expect(matchNumbering('(1)一、推进')?.inner).toBeUndefined();
    expect(matchNumbering('1、2 个乡镇')?.inner).toBeUndefined();
    expect(matchNumbering('1.(2022年)完成')?.inner).toBeUndefined();
  });

  it('stays linear on long lines of digits, dots, brackets and 第', () => {
    const lines = ['1.'.repeat(100000), '1 ' + '规'.repeat(200000), '第' + '一'.repeat(200000), '('.repeat(200000), '1.1 ' + '.'.repeat(200000), '6、'.repeat(100000)];
    const t0 = performance.now();
    for (const l of lines) matchNumbering(l);
    expect(performance.now() - t0).toBeLessThan(200);
  });
});
