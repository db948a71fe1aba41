import { describe, expect, it } from 'vitest';
import { analysePlan } from '../../server/src/core/analyse';
import { assignedIndicators, compareWithCity } from '../../server/src/core/review/cityCompare';
import { namesCountyLevelUnits } from '../../server/src/core/recognise/departmentName';

// A city plan and two of its counties (衢州市: 常山县, 开化县), written for these tests in the plans' usual forms.
const CITY = `# 衢州市创建国家生态文明建设示范市实施方案

## 一、主要目标

到2025年,城镇污水处理率达到97%以上,集中式饮用水水源地水质优良比例达到100%,PM2.5年均浓度控制在28微克/立方米以下。

## 二、主要任务

1. 加快城镇污水管网建设,各县(市、区)城镇污水处理率到2025年达到95%以上。责任单位:市住建局、各县(市、区)人民政府

2. 推进生活垃圾分类,城镇生活垃圾无害化处理率保持100%。责任单位:市综合执法局,各县(市、区)人民政府

3. 提高政府绿色采购比例。责任单位:市财政局、各功能区管委会
`;

const CHANGSHAN = `# 常山县创建国家生态文明建设示范县实施方案

## 一、主要目标

到2025年,城镇污水处理率达到93%以上,集中式饮用水水源地水质优良比例达到100%,PM2.5年均浓度控制在30微克/立方米以下。到2030年,城镇污水处理率达到96%以上。

## 二、主要任务

1. 加快城镇污水管网建设。责任单位:县住建局
`;

const KAIHUA = `# 开化县创建国家生态文明建设示范县实施方案

## 一、主要目标

到2025年,城镇污水处理率力争达到98%,城镇生活垃圾无害化处理率逐年提升,PM2.5年均浓度控制在25微克/立方米以下。

## 二、主要任务

1. 推进垃圾分类。责任单位:县综合执法局
`;

const analyse = (text: string, uri: string) => analysePlan(text, { uri });

const r = (l1: number, c1: number, l2: number, c2: number) => ({ start: { line: l1, character: c1 }, end: { line: l2, character: c2 } });
const TITLE = '《衢州市创建国家生态文明建设示范市实施方案》';

describe('compareWithCity', () => {
  const city = analyse(CITY, 'file:///plans/quzhou.md');

  it('finds the county targets weaker than the city’s, and what the city assigns its counties that the county leaves out', () => {
    expect(compareWithCity(analyse(CHANGSHAN, 'file:///plans/changshan.md'), city)).toEqual([
      {
        kind: 'assigned-without-target',
        catalogueId: 'urban-domestic-waste-harmless-treatment-rate',
        indicator: '城镇生活垃圾无害化处理率',
        range: r(0, 0, 0, 22),
        city: { range: r(10, 12, 10, 30), surface: '城镇生活垃圾无害化处理率保持100%', op: '>=', value: 100, unit: '%', year: null },
        message: {
          zh: `市级方案${TITLE}将 城镇生活垃圾无害化处理率 落实到各县(市、区)(第 11 行:城镇生活垃圾无害化处理率保持100%),本方案未设定该指标的目标`,
          en: `The city plan ${TITLE} assigns 城镇生活垃圾无害化处理率 to its counties (line 11: 城镇生活垃圾无害化处理率保持100%); this plan sets no target for it`,
        },
      },
      {
        // compared with what the city asks of its counties (95%, in the task it assigns them), not its own 97%
        kind: 'weaker-than-city',
        catalogueId: 'urban-sewage-treatment-rate',
        indicator: '城镇污水处理率',
        range: r(4, 7, 4, 21),
        countyTarget: 0,
        city: { range: r(8, 21, 8, 41), surface: '城镇污水处理率到2025年达到95%以上', op: '>=', value: 95, unit: '%', year: 2025 },
        message: {
          zh: `城镇污水处理率 目标 ≥93%(2025年)弱于市级方案${TITLE}第 9 行的目标 ≥95%(2025年)`,
          en: `城镇污水处理率: target ≥93% (2025) is weaker than the target ≥95% (2025) of the city plan ${TITLE} (line 9)`,
        },
      },
      {
        // lower is better: ≤30 promises less than ≤28
        kind: 'weaker-than-city',
        catalogueId: 'pm25-concentration-decline',
        indicator: 'PM2.5浓度下降幅度',
        range: r(4, 44, 4, 66),
        countyTarget: 2,
        city: { range: r(4, 44, 4, 66), surface: 'PM2.5年均浓度控制在28微克/立方米以下', op: '<=', value: 28, unit: '微克/立方米', year: 2025 },
        message: {
          zh: `PM2.5年均浓度 目标 ≤30微克/立方米(2025年)弱于市级方案${TITLE}第 5 行的目标 ≤28微克/立方米(2025年)`,
          en: `PM2.5年均浓度: target ≤30微克/立方米 (2025) is weaker than the target ≤28微克/立方米 (2025) of the city plan ${TITLE} (line 5)`,
        },
      },
    ]);
  });

  it('leaves alone aspirations, trends, stronger targets and targets for other years', () => {
    // 开化县: 力争达到98% (an aspiration still sets a target), 逐年提升 (a trend sets one too), ≤25 beats ≤28
    expect(compareWithCity(analyse(KAIHUA, 'file:///plans/kaihua.md'), city)).toEqual([]);
  });

  it('compares nothing when the city plan assigns nothing and states no target', () => {
    const bare = analyse('# 衢州市创建国家生态文明建设示范市实施方案\n\n## 一、主要任务\n\n1. 提高政府绿色采购比例。责任单位:市财政局、各功能区管委会\n', 'file:///plans/q.md');
    expect(assignedIndicators(bare)).toEqual([]);
    expect(compareWithCity(analyse(CHANGSHAN, 'file:///plans/changshan.md'), bare)).toEqual([]);
  });

  it('reads the indicators a city assigns: named in a task whose clause names its counties, once each', () => {
    expect(assignedIndicators(city).map((a) => [a.catalogueId, a.statement.range.start.line])).toEqual([
      ['urban-sewage-treatment-rate', 8],
      ['urban-domestic-waste-harmless-treatment-rate', 10],
    ]);
  });

  it('points at the assigning clause when the task names the indicator without a target', () => {
    const text = '# 衢州市创建国家生态文明建设示范市实施方案\n\n## 一、主要任务\n\n1. 加强水源地保护,提升集中式饮用水水源地水质优良比例。责任单位:市生态环境局、各区县政府\n';
    expect(assignedIndicators(analyse(text, 'file:///plans/q.md'))).toEqual([
      { catalogueId: 'drinking-water-source-quality-ratio', name: '集中式饮用水水源地水质优良比例', statement: { range: r(4, 29, 4, 46), surface: '责任单位:市生态环境局、各区县政府' } },
    ]);
  });
});

describe('namesCountyLevelUnits', () => {
  it('knows a distributive over the county-level units from one over towns, zones or departments', () => {
    const yes = ['各县(市、区)人民政府', '各县(市、区)', '各区县政府', '各县市区党委、政府', '各旗县(市、区)', '各县区', '各区(县、市)人民政府', '各县级市'];
    const no = ['各镇(街道)', '各乡镇人民政府', '各开发区管委会', '各功能区管委会', '各部门', '相关部门', '各园区', '县住建局'];
    expect(yes.filter((w) => !namesCountyLevelUnits(w))).toEqual([]);
    expect(no.filter((w) => namesCountyLevelUnits(w))).toEqual([]);
  });
});
