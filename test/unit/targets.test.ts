import { describe, expect, it } from 'vitest';
import { fw } from '../support/fullWidth';
import { read } from '../support/plan';

const targets = (line: string) =>
  read(line).targets.map((t) => ({ indicator: t.indicator, op: t.op, value: t.value, unit: t.unit, year: t.year, tagged: t.tagged, surface: t.surface }));

describe('indicator targets in prose', () => {
  it('reads the conventional phrasings', () => {
    expect(targets('城镇污水处理率达95%以上。')).toEqual([{ indicator: '城镇污水处理率', op: '>=', value: 95, unit: '%', year: null, tagged: false, surface: '城镇污水处理率达95%以上' }]);
    expect(targets('生态环境状况指数不低于60。')[0]).toMatchObject({ indicator: '生态环境状况指数', op: '>=', value: 60, unit: null });
    expect(targets('政府绿色采购比例不低于80%。')[0]).toMatchObject({ op: '>=', value: 80, unit: '%' });
    expect(targets('单位国内生产总值建设用地使用面积下降率≥4.5%。')[0]).toMatchObject({ op: '>=', value: 4.5, unit: '%' });
    expect(targets('危险废物利用处置率保持100%。')[0]).toMatchObject({ indicator: '危险废物利用处置率', op: '>=', value: 100 });
    expect(targets('城镇人均公园绿地面积达15平方米/人以上。')[0]).toMatchObject({ op: '>=', value: 15, unit: '平方米/人' });
  });

  it('reads a year stated before the target in the same sentence', () => {
    expect(targets('到2023年,全市城镇污水处理率达到95%以上。')[0]).toMatchObject({ year: 2023, value: 95 });
    expect(targets('2022年底前完成。城镇污水处理率达到95%以上。')[0]).toMatchObject({ year: null });
  });

  it('resolves aliases and former names to the canonical indicator', () => {
    expect(targets('森林覆盖率不低于19%。')[0]).toMatchObject({ indicator: '林草覆盖率', op: '>=', value: 19 });
    expect(targets('城市污水处理率达95%以上。')[0]).toMatchObject({ indicator: '城镇污水处理率' });
  });

  it('reads qualitative targets and names sharing one requirement', () => {
    expect(targets('生态保护红线面积不减少、性质不改变、功能不降低。')).toEqual([
      { indicator: '生态保护红线', op: 'qualitative', value: null, unit: null, year: null, tagged: false, surface: '生态保护红线面积不减少、性质不改变、功能不降低' },
    ]);
    expect(targets('优良天数比例、PM2.5浓度下降幅度完成上级规定的考核任务。').map((t) => [t.indicator, t.op])).toEqual([
      ['优良天数比例', 'qualitative'],
      ['PM2.5浓度下降幅度', 'qualitative'],
    ]);
  });

  it('reads ≤ and 以下 on lower-is-better indicators and full-width digits', () => {
    expect(targets('单位地区生产总值用水量控制在31立方米/万元以下。')[0]).toMatchObject({ op: '<=', value: 31, unit: '立方米/万元' });
    expect(targets(`政府绿色采购比例达${fw('80%')}以上。`)[0]).toMatchObject({ op: '>=', value: 80, unit: '%' });
  });

  it('does not read a short alias inside a longer word, nor a name without a target', () => {
    // not 生活污水处理率 of the catalogue: the whole phrase is a local metric
    expect(read('农村生活污水处理率达到80%。').targets.map((t) => [t.indicator, t.catalogueId, t.op, t.value])).toEqual([['农村生活污水处理率', null, '>=', 80]]);
    expect(targets('24.提高城镇污水处理率。加快推进管网建设。')).toEqual([]);
  });

  it('reads tag targets and prose after a reference tag', () => {
    expect(targets('[[城镇污水处理率 ≥95%]]')[0]).toMatchObject({ indicator: '城镇污水处理率', op: '>=', value: 95, tagged: true, surface: '[[城镇污水处理率 ≥95%]]' });
    expect(targets('到2023年,[[城镇污水处理率]]达到95%以上')[0]).toMatchObject({ op: '>=', value: 95, year: 2023, tagged: true, surface: '[[城镇污水处理率]]达到95%以上' });
  });

  it('stays linear on a long line of indicator names without targets', () => {
    const found = targets('城镇污水处理率、'.repeat(30000) + '政府绿色采购比例达80%以上');
    expect(found.length).toBe(30001);
    expect(found[30000]).toMatchObject({ indicator: '政府绿色采购比例', value: 80 });
  });

  it('reads lists of names with unlisted measures, elided names, and (EI)/以及 between them', () => {
    const t = targets('村镇饮用水卫生合格率和农村饮用水达标人口覆盖率保持100%。');
    expect(t).toEqual([
      { indicator: '村镇饮用水卫生合格率', op: '>=', value: 100, unit: '%', year: null, tagged: false, surface: '村镇饮用水卫生合格率和农村饮用水达标人口覆盖率保持100%' },
      // the measure the catalogue lacks is a local target with the same value
      { indicator: '农村饮用水达标人口覆盖率', op: '>=', value: 100, unit: '%', year: null, tagged: false, surface: '农村饮用水达标人口覆盖率保持100%' },
    ]);
    expect(targets('到2023年,公众对生态文明建设的参与度和满意度均不低于80%。').map((x) => [x.indicator, x.op, x.value, x.year])).toEqual([
      ['公众对生态文明建设的参与度', '>=', 80, 2023],
      ['公众对生态文明建设的满意度', '>=', 80, 2023],
    ]);
    expect(targets('生态环境状况指数(EI)、林草覆盖率以及特有性或指示性水生物种保持率不降低。').map((x) => [x.indicator, x.op, x.surface.slice(-3)])).toEqual([
      // a number is what the catalogue asks of these two: 不降低 is a trend
      ['生态环境状况指数', 'trend', '不降低'],
      ['林草覆盖率', 'trend', '不降低'],
      // the catalogue's own value is 不降低: the target meets it
      ['特有性或指示性水生物种保持率', 'qualitative', '不降低'],
    ]);
  });

  it('reads a change against a base year as a rate, and a number after a qualitative bar', () => {
    const [rate] = read('单位GDP用水量较2015年下降率达到19%以上。').targets;
    expect(rate).toMatchObject({ indicator: '单位地区生产总值用水量', op: '>=', value: 19, unit: '%', year: null, relative: '较2015年下降率' });
    expect(targets('一般工业固体废物综合利用率稳定保持在99%以上。')[0]).toMatchObject({ op: '>=', value: 99, unit: '%' });
    expect(targets('受污染耕地安全利用率达到上级目标要求且不低于93%。')[0]).toMatchObject({ indicator: '受污染耕地安全利用率', op: '>=', value: 93 });
  });

  it('reads requirement phrases without running on into the next indicator', () => {
    expect(targets('单位地区生产总值能耗完成上级规定的目标任务,碳排放强度完成上级管控目标。').map((x) => [x.indicator, x.surface])).toEqual([
      ['单位地区生产总值能耗', '单位地区生产总值能耗完成上级规定的目标任务'],
      ['碳排放强度', '碳排放强度完成上级管控目标'],
    ]);
    expect(targets('生态环境状况指数保持为优良且不降低。')[0]).toMatchObject({ op: 'qualitative', surface: '生态环境状况指数保持为优良且不降低' });
    expect(read('单位地区生产总值用水量持续下降并达到上级考核要求。').targets[0]).toMatchObject({ op: 'qualitative', text: '下降并达到上级考核要求' });
  });

  it('reads the catalogue value verb before a qualitative indicator only when the name ends the phrase', () => {
    expect(targets('4.全面推行河长制。')).toEqual([{ indicator: '河长制', op: 'qualitative', value: null, unit: null, year: null, tagged: false, surface: '全面推行河长制' }]);
    expect(targets('建立健全突发生态环境事件应急管理机制,每年开展演练。').map((x) => x.surface)).toEqual(['建立健全突发生态环境事件应急管理机制']);
    // the name modifies what follows; the verb after a comma belongs to the next clause
    expect(targets('建立河长制工作季度通报机制。')).toEqual([]);
    expect(targets('落实建设用地土壤污染风险管控和修复名录制度,建立健全联动机制。')).toEqual([]);
    // a numeric indicator is not set by a verb
    expect(targets('依法全面开展规划环境影响评价。')).toEqual([]);
  });

  it('does not read an unclosed tag a second time as prose', () => {
    const plan = read('同步提升[[城镇污水处理率 ≥95%。');
    expect(plan.targets).toEqual([]);
    expect(plan.problems.map((p) => p.kind)).toEqual(['unclosed-indicator-tag']);
  });

  it('reads the value after a change written from a starting value', () => {
    expect(targets('城镇污水处理率由85%提高到95%以上。')).toEqual([{ indicator: '城镇污水处理率', op: '>=', value: 95, unit: '%', year: null, tagged: false, surface: '城镇污水处理率由85%提高到95%以上' }]);
  });

  it('reads a PM2.5 concentration as a concentration (lower is better), not as the decline the 2019 edition measures', () => {
    expect(targets('PM2.5年均浓度控制在30微克/立方米。').map((t) => [t.indicator, t.op, t.value, t.unit])).toEqual([['PM2.5浓度下降幅度', '<=', 30, '微克/立方米']]);
  });
});

