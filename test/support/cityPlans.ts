/**
 * A city plan and two of its counties (衢州市: 常山县, 开化县), written for the tests of the city comparison
 * (test/unit/cityCompare.test.ts, test/lsp/cityPlan.test.ts) in the plans' usual forms.
 */
export const CITY = `# 衢州市创建国家生态文明建设示范市实施方案

## 一、主要目标

到2025年,城镇污水处理率达到97%以上,集中式饮用水水源地水质优良比例达到100%,PM2.5年均浓度控制在28微克/立方米以下。

## 二、主要任务

1. 加快城镇污水管网建设,各县(市、区)城镇污水处理率到2025年达到95%以上。责任单位:市住建局、各县(市、区)人民政府

2. 推进生活垃圾分类,城镇生活垃圾无害化处理率保持100%。责任单位:市综合执法局,各县(市、区)人民政府

3. 提高政府绿色采购比例。责任单位:市财政局、各功能区管委会
`;

export const CHANGSHAN = `# 常山县创建国家生态文明建设示范县实施方案

## 一、主要目标

到2025年,城镇污水处理率达到93%以上,集中式饮用水水源地水质优良比例达到100%,PM2.5年均浓度控制在30微克/立方米以下。到2030年,城镇污水处理率达到96%以上。

## 二、主要任务

1. 加快城镇污水管网建设。责任单位:县住建局
`;

export const KAIHUA = `# 开化县创建国家生态文明建设示范县实施方案

## 一、主要目标

到2025年,城镇污水处理率力争达到98%,城镇生活垃圾无害化处理率逐年提升,PM2.5年均浓度控制在25微克/立方米以下。

## 二、主要任务

1. 推进垃圾分类。责任单位:县综合执法局
`;

/** How the comparison's messages name the city plan. */
export const CITY_TITLE = '《衢州市创建国家生态文明建设示范市实施方案》';

export const r = (l1: number, c1: number, l2: number, c2: number) => ({ start: { line: l1, character: c1 }, end: { line: l2, character: c2 } });
