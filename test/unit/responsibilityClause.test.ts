import { describe, expect, it } from 'vitest';
import { findResponsibilityClauses } from '../../server/src/core/recognise/responsibilityClause';
import { foldWidth } from '../../server/src/core/text/fold';
import { fw } from '../support/fullWidth';

/** Clauses of one line as {form, units "name:role", vague}, reading the width-folded text as the reader does. */
function clauses(line: string) {
  return findResponsibilityClauses(foldWidth(line), 0).map((c) => ({
    form: c.form,
    text: line.slice(c.start, c.end),
    units: c.units.map((u) => `${line.slice(u.start, u.end)}:${u.role}${u.tagged ? ':tag' : ''}`),
    vague: c.vague.map((v) => line.slice(v.start, v.end)),
  }));
}

describe('responsibility clauses', () => {
  it('reads a 责任单位 list: the first unit leads', () => {
    expect(clauses('推动规划顺利实施。(责任单位:市生态环境局、市发改委、市财政局)')).toEqual([
      { form: 'labelled', text: '(责任单位:市生态环境局、市发改委、市财政局)', units: ['市生态环境局:lead', '市发改委:support', '市财政局:support'], vague: [] },
    ]);
  });

  it('reads full-width brackets and colons, keeping the user text', () => {
    const line = `全面实施。${fw('(')}责任单位${fw(':')}市水利和湖泊局、市生态环境局${fw(',')}各县市区人民政府${fw(')')}`;
    expect(clauses(line)).toEqual([
      { form: 'labelled', text: line.slice(5), units: ['市水利和湖泊局:lead', '市生态环境局:support'], vague: ['各县市区人民政府'] },
    ]);
  });

  it('reads 〔A、B牵头,C、D按职责分工负责〕 with nested brackets in a vague phrase', () => {
    expect(clauses('确保办结率100%。〔宁波生态环境局慈溪分局、市发改局牵头,市级相关部门、各镇(街道、园区)按职责分工负责〕')).toEqual([
      {
        form: 'lead-support',
        text: '〔宁波生态环境局慈溪分局、市发改局牵头,市级相关部门、各镇(街道、园区)按职责分工负责〕',
        units: ['宁波生态环境局慈溪分局:lead', '市发改局:lead'],
        vague: ['市级相关部门', '各镇(街道、园区)'],
      },
    ]);
  });

  it('splits `A、B等市级相关部门按职责分工负责` into units and a vague phrase', () => {
    expect(clauses('形成良好局面。(市委办公室、市发改局等市级相关部门按职责分工负责)')[0]).toMatchObject({
      form: 'by-duty',
      units: ['市委办公室:lead', '市发改局:support'],
      vague: ['市级相关部门'],
    });
  });

  it('reads (牵头单位:A), (A负责) and a unit name with its own parentheses', () => {
    expect(clauses('召开推进会。(牵头单位:市生态创建办)')[0].units).toEqual(['市生态创建办:lead']);
    expect(clauses('优先采购节能产品。(市财政局负责)')[0]).toMatchObject({ form: 'responsible', units: ['市财政局:lead'] });
    expect(clauses('(责任单位:市农业农村局、市农合联执委会(市供销社)、市综合执法局)')[0].units).toEqual([
      '市农业农村局:lead',
      '市农合联执委会(市供销社):support',
      '市综合执法局:support',
    ]);
  });

  it('reads a task holding several clauses', () => {
    const found = clauses('整改到位。〔A局牵头,市级相关部门按职责分工负责〕确保办结率100%。〔B局牵头,各有关部门按职责分工负责〕'.replace('A局', '市审计局').replace('B局', '市信访局'));
    expect(found.map((c) => c.units)).toEqual([['市审计局:lead'], ['市信访局:lead']]);
    expect(found.map((c) => c.vague)).toEqual([['市级相关部门'], ['各有关部门']]);
  });

  it('reads department tags inside a clause', () => {
    expect(clauses('(责任单位:@市生态环境局、@{市农合联执委会(市供销社)})')[0].units).toEqual(['市生态环境局:lead:tag', '市农合联执委会(市供销社):support:tag']);
  });

  it('records only vague phrases as vague (各县市区党委、政府 as one phrase), and drops a drafter aside', () => {
    expect(clauses('(责任单位:各县市区党委、政府及各有关部门)')[0]).toMatchObject({ units: [], vague: ['各县市区党委、政府', '各有关部门'] });
    expect(clauses('(责任单位:市水利和湖泊局,各县市区政府,以下均需各县市区政府落实,不再列出)')[0]).toMatchObject({
      units: ['市水利和湖泊局:lead'],
      vague: ['各县市区政府'],
    });
  });

  it('ignores brackets that are not clauses', () => {
    expect(clauses('(一)全面开展创建(2022年-2023年底)')).toEqual([]);
    expect(clauses('近岸海域水质优良比例(沿海地区)')).toEqual([]);
    expect(clauses('污水由企业自行处理(由企业负责)')).toEqual([]);
    expect(clauses('主办单位:咸宁市生态环境局 单位地址:咸宁市银桂路15号')).toEqual([]);
  });

  it('reads a bare 责任单位: line', () => {
    expect(clauses('责任单位:市住建局、市城管局。')).toEqual([{ form: 'labelled', text: '责任单位:市住建局、市城管局', units: ['市住建局:lead', '市城管局:support'], vague: [] }]);
  });

  it('stays linear on a long line of unmatched brackets, and reads the clause after them', () => {
    const line = '(责任单位:'.repeat(20000) + '。加强监管(责任单位:市生态环境局)' + ')'.repeat(20000);
    const found = clauses(line);
    expect(found.length).toBe(1);
    expect(found[0].units).toEqual(['市生态环境局:lead']);
  });
});
