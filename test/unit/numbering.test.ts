import { describe, expect, it } from 'vitest';
import { matchNumbering } from '../../server/src/core/recognise/numbering';
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
