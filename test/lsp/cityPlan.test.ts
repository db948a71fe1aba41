// A county plan beside its city plan in the editor (issue 20 §3): information diagnostics on the county
// pointing at the city plan's statement, the city's target in the county's hover, and a refresh of the
// open county when the city plan is edited. Over stdio, with the bundled server.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { Diagnostic, Hover } from 'vscode-languageserver-protocol';
import { LspClient } from '../support/lspClient';

// written for these tests in the plans' usual forms: 衢州市 and two of its counties, and 正定县 of another prefecture
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

const ZHENGDING = `# 正定县创建国家生态文明建设示范县实施方案

## 一、主要目标

到2025年,城镇污水处理率达到90%以上。

## 二、主要任务

1. 加快城镇污水管网建设。责任单位:县住建局
`;

const CITY_CODES = new Set(['weaker-than-city-target', 'city-assigned-indicator-without-target', 'parent-plan-not-found']);
const r = (l1: number, c1: number, l2: number, c2: number) => ({ start: { line: l1, character: c1 }, end: { line: l2, character: c2 } });
const TITLE = '《衢州市创建国家生态文明建设示范市实施方案》';

function workspace() {
  const dir = mkdtempSync(join(tmpdir(), 'ecoplan-city-'));
  const file = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return pathToFileURL(join(dir, name)).toString();
  };
  return { dir, city: file('衢州市实施方案.plan.md', CITY), changshan: file('常山县实施方案.plan.md', CHANGSHAN), zhengding: file('正定县实施方案.plan.md', ZHENGDING) };
}

const cityFindings = (ds: Diagnostic[]) => ds.filter((d) => CITY_CODES.has(String(d.code))).map(({ code, severity, message, range, relatedInformation }) => ({ code, severity, message, range, relatedInformation }));

describe('a county plan beside its city plan in the workspace', () => {
  const client = new LspClient();
  afterAll(() => client.stop());
  const ws = workspace();

  it('shows what the city plan asks as information on the county, each pointing at the city’s statement', async () => {
    const published = await client.startWith(ws.dir, ws.changshan, CHANGSHAN);
    const related = (range: ReturnType<typeof r>, message: string) => [{ location: { uri: ws.city, range }, message }];
    expect(cityFindings(published.diagnostics)).toEqual([
      {
        code: 'city-assigned-indicator-without-target',
        severity: 3,
        message: `市级方案${TITLE}将 城镇生活垃圾无害化处理率 落实到各县(市、区)(第 11 行:城镇生活垃圾无害化处理率保持100%),本方案未设定该指标的目标`,
        range: r(0, 0, 0, 22),
        relatedInformation: related(r(10, 12, 10, 30), '市级方案:城镇生活垃圾无害化处理率保持100%'),
      },
      {
        code: 'weaker-than-city-target',
        severity: 3,
        message: `城镇污水处理率 目标 ≥93%(2025年)弱于市级方案${TITLE}第 9 行的目标 ≥95%(2025年)`,
        range: r(4, 7, 4, 21),
        relatedInformation: related(r(8, 21, 8, 41), '市级方案:城镇污水处理率到2025年达到95%以上'),
      },
      {
        code: 'weaker-than-city-target',
        severity: 3,
        message: `PM2.5年均浓度 目标 ≤30微克/立方米(2025年)弱于市级方案${TITLE}第 5 行的目标 ≤28微克/立方米(2025年)`,
        range: r(4, 44, 4, 66),
        relatedInformation: related(r(4, 44, 4, 66), '市级方案:到2025年PM2.5年均浓度控制在28微克/立方米以下'),
      },
    ]);
  });

  it('gives the city plan’s targets in the hover of a county target', async () => {
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: ws.changshan }, position: { line: 4, character: 9 } });
    const value = (hover.contents as { value: string }).value;
    expect(value.split('\n\n').at(-1)).toBe(
      ['- 市级方案:到2025年城镇污水处理率达到97%以上(衢州市实施方案.plan.md 第 5 行)', '- 市级方案:城镇污水处理率到2025年达到95%以上(衢州市实施方案.plan.md 第 9 行)'].join('\n'),
    );
  });

  it('refreshes the open county when the city plan is edited', async () => {
    // the city opened, then its counties' target lowered from 95% to 90%: the county's 93% is no longer weaker
    const cityOpened = client.nextDiagnostics(ws.city);
    const countyOnOpen = client.nextDiagnostics(ws.changshan);
    client.open(ws.city, CITY);
    expect(cityFindings((await cityOpened).diagnostics)).toEqual([]);
    expect(cityFindings((await countyOnOpen).diagnostics).length).toBe(3);
    const countyAgain = client.nextDiagnostics(ws.changshan);
    client.change(ws.city, 2, [{ range: r(8, 36, 8, 38), text: '90' }]);
    expect(cityFindings((await countyAgain).diagnostics).map((d) => `${d.code} ${d.range.start.line}:${d.range.start.character}`)).toEqual([
      'city-assigned-indicator-without-target 0:0',
      'weaker-than-city-target 4:44',
    ]);
  });

  it('gives a county of another prefecture nothing', async () => {
    const published = client.nextDiagnostics(ws.zhengding);
    client.open(ws.zhengding, ZHENGDING);
    expect(cityFindings((await published).diagnostics)).toEqual([]);
  });
});

describe('in an English UI', () => {
  const client = new LspClient();
  afterAll(() => client.stop());

  it('says it in English', async () => {
    const ws = workspace();
    await client.initialize(ws.dir, {}, undefined, 'en');
    const published = client.nextDiagnostics(ws.changshan);
    client.open(ws.changshan, CHANGSHAN);
    expect(cityFindings((await published).diagnostics).map((d) => [d.message, d.relatedInformation![0].message])).toEqual([
      [`The city plan ${TITLE} assigns 城镇生活垃圾无害化处理率 to its counties (line 11: 城镇生活垃圾无害化处理率保持100%); this plan sets no target for it`, 'City plan: 城镇生活垃圾无害化处理率保持100%'],
      [`城镇污水处理率: target ≥93% (2025) is weaker than the target ≥95% (2025) of the city plan ${TITLE} (line 9)`, 'City plan: 城镇污水处理率到2025年达到95%以上'],
      [`PM2.5年均浓度: target ≤30微克/立方米 (2025) is weaker than the target ≤28微克/立方米 (2025) of the city plan ${TITLE} (line 5)`, 'City plan: 到2025年PM2.5年均浓度控制在28微克/立方米以下'],
    ]);
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: ws.changshan }, position: { line: 4, character: 9 } });
    expect((hover.contents as { value: string }).value.split('\n\n').at(-1)).toBe(
      ['- City plan: 到2025年城镇污水处理率达到97%以上 (衢州市实施方案.plan.md line 5)', '- City plan: 城镇污水处理率到2025年达到95%以上 (衢州市实施方案.plan.md line 9)'].join('\n'),
    );
  });
});
