import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The TextMate injection grammar's regexes use only syntax JavaScript and Oniguruma share, so they
// can be checked here on the shapes the reader accepts.
const g = JSON.parse(readFileSync('grammars/ecoplan.injection.tmLanguage.json', 'utf8'));
const indicator = new RegExp(g.repository['indicator-tag'].match, 'g');
const [braced, plain] = g.repository['department-tag'].patterns.map((p: { match: string }) => new RegExp(p.match, 'g'));
const clause = new RegExp(g.repository['responsibility-clause'].begin);

describe('TextMate injection grammar', () => {
  it('matches indicator tags with name, operator, value and unit, in both widths', () => {
    const m = [...'提高[[城镇污水处理率 ≥95%]]和【【政府绿色采购比例 ≥80%】】'.matchAll(indicator)];
    expect(m.map((x) => [x[2], x[3], x[4], x[5]])).toEqual([
      ['城镇污水处理率', '≥', '95', '%'],
      ['政府绿色采购比例', '≥', '80', '%'],
    ]);
    expect([...'[[生态保护红线 面积不减少]]'.matchAll(indicator)][0][6]).toBe(' 面积不减少');
  });

  it('matches department tags, braced names with punctuation, and not e-mail addresses', () => {
    expect([...'(责任单位:@市生态环境局、\uFF20市发改委)'.matchAll(plain)].map((x) => x[2])).toEqual(['市生态环境局', '市发改委']);
    expect([...'@{市农合联执委会(市供销社)}'.matchAll(braced)].map((x) => x[3])).toEqual(['市农合联执委会(市供销社)']);
    expect([...'邮箱 name@163.com'.matchAll(plain)]).toEqual([]);
  });

  it('opens a responsibility clause in either width', () => {
    expect(clause.exec('(责任单位:市住建局)')?.[2]).toBe('责任单位');
    expect(clause.exec('\uFF08牵头单位\uFF1A市财政局\uFF09')?.[2]).toBe('牵头单位');
    expect(clause.exec('(2022年)')).toBeNull();
  });
});
