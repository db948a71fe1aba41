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
    expect(targets('农村生活污水处理率达到80%。')).toEqual([]);
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
});
