import { describe, expect, it } from 'vitest';
import { scanTags } from '../../server/src/core/recognise/tags';
import { foldWidth } from '../../server/src/core/text/fold';
import { fw } from '../support/fullWidth';

const scan = (line: string) => scanTags(foldWidth(line), 0);

describe('indicator tags', () => {
  it('reads a reference tag and target tags', () => {
    expect(scan('提高[[城镇污水处理率]]').indicators).toEqual([
      { start: 2, end: 13, name: '城镇污水处理率', nameStart: 4, op: null, value: null, unit: null, year: null, text: null },
    ]);
    expect(scan('[[城镇污水处理率 ≥95%]]').indicators[0]).toMatchObject({ name: '城镇污水处理率', op: '>=', value: 95, unit: '%', year: null });
    expect(scan('[[化肥施用强度 ≤410千克/公顷 2023年]]').indicators[0]).toMatchObject({ name: '化肥施用强度', op: '<=', value: 410, unit: '千克/公顷', year: 2023 });
    expect(scan('[[城镇污水处理率>=95%]]').indicators[0]).toMatchObject({ name: '城镇污水处理率', op: '>=', value: 95 });
  });

  it('reads the full-width form 【【…】】 and full-width operators and digits', () => {
    expect(scan('【【政府绿色采购比例 ≥80%】】').indicators[0]).toMatchObject({ start: 0, end: 17, name: '政府绿色采购比例', op: '>=', value: 80, unit: '%' });
    expect(scan(`【【政府绿色采购比例 ${fw('>=80%')}】】`).indicators[0]).toMatchObject({ op: '>=', value: 80, unit: '%' });
  });

  it('reads a qualitative requirement', () => {
    expect(scan('[[生态保护红线 面积不减少、性质不改变、功能不降低]]').indicators[0]).toMatchObject({ name: '生态保护红线', op: 'qualitative', text: '面积不减少、性质不改变、功能不降低' });
  });

  it('reads a direction without a number as a trend, as prose is read, with its year', () => {
    expect(scan('[[湿地保护率 逐年提升]]').indicators[0]).toEqual({ start: 0, end: 14, name: '湿地保护率', nameStart: 2, op: 'trend', value: null, unit: null, year: null, text: '逐年提升' });
    expect(scan('[[单位地区生产总值能耗 持续下降、稳中向好 2025年]]').indicators[0]).toMatchObject({ op: 'trend', text: '持续下降、稳中向好', year: 2025 });
    // a requirement that merely contains a trend word stays qualitative
    expect(scan('[[优良天数比例 完成上级下达的目标任务]]').indicators[0]).toMatchObject({ op: 'qualitative', text: '完成上级下达的目标任务' });
  });

  it('reports an unclosed tag without swallowing the rest of the line', () => {
    const r = scan('确保[[城镇污水处理率 ≥95%,并由@市住建局负责');
    expect(r.problems).toEqual([{ kind: 'unclosed-indicator-tag', start: 2, end: 11, detail: '[[城镇污水处理率' }]);
    expect(r.departments.map((d) => d.name)).toEqual(['市住建局']);
  });

  it('reports an unknown operator, an empty tag, a missing operator', () => {
    expect(scan('[[政府绿色采购比例 ≈80%]]').problems).toEqual([{ kind: 'unknown-operator', start: 11, end: 12, detail: '≈' }]);
    expect(scan('[[ ]]').problems[0].kind).toBe('empty-indicator-tag');
    expect(scan('[[城镇污水处理率 95%]]').problems[0]).toMatchObject({ kind: 'missing-operator', detail: '95%' });
  });

  it('stays linear on a line of ten thousand unclosed openers', () => {
    const r = scan('[[城镇污水处理率 '.repeat(10000) + '[[政府绿色采购比例 ≥80%]]');
    expect(r.problems.length).toBe(10000);
    expect(r.indicators.map((t) => t.name)).toEqual(['政府绿色采购比例']);
  });
});

describe('department tags', () => {
  it('reads @name up to punctuation, @{…}, full-width @, and strips a trailing role word', () => {
    const r = scan(`(责任单位:@市生态环境局、${fw('@')}市发改委、@{市农合联执委会(市供销社)}) 由@市财政局牵头`);
    expect(r.departments.map((d) => d.name)).toEqual(['市生态环境局', '市发改委', '市农合联执委会(市供销社)', '市财政局']);
    expect(r.departments[0]).toEqual({ start: 6, end: 13, name: '市生态环境局', nameStart: 7 });
  });

  it('reports an empty @ and an unclosed @{, and ignores e-mail addresses', () => {
    expect(scan('由@ 负责').problems).toEqual([{ kind: 'empty-department-tag', start: 1, end: 2, detail: '@' }]);
    expect(scan('@{市农合联执委会 配合').problems[0]).toMatchObject({ kind: 'unclosed-department-tag', start: 0 });
    expect(scan('电子邮箱:hbxnhjbh@163.com').departments).toEqual([]);
  });
});
