// `ecoplan check` over a set holding a city plan and its counties (issue 20 §3): the counties' information
// findings against the city plan, made by the same code as the editor's (core/review/cityDiagnostics.ts).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../server/src/cli/main';
import type { JsonReport } from '../../server/src/cli/jsonReport';

function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runCheck(args, (s) => out.push(s), (s) => err.push(s));
  return { code, out, err };
}

// written for these tests in the plans' usual forms
const CITY = `# 衢州市创建国家生态文明建设示范市实施方案

## 一、主要目标

到2025年,城镇污水处理率达到97%以上,PM2.5年均浓度控制在28微克/立方米以下。

## 二、主要任务

1. 加快城镇污水管网建设,各县(市、区)城镇污水处理率到2025年达到95%以上。责任单位:市住建局、各县(市、区)人民政府

2. 推进生活垃圾分类,城镇生活垃圾无害化处理率保持100%。责任单位:市综合执法局,各县(市、区)人民政府
`;
const CHANGSHAN = `# 常山县创建国家生态文明建设示范县实施方案

## 一、主要目标

到2025年,城镇污水处理率达到93%以上,城镇生活垃圾无害化处理率达到100%,PM2.5年均浓度控制在30微克/立方米以下。

## 二、主要任务

1. 加快城镇污水管网建设。责任单位:县住建局
`;
const KAIHUA = `# 开化县创建国家生态文明建设示范县实施方案

## 一、主要目标

到2025年,城镇污水处理率达到96%以上,PM2.5年均浓度控制在25微克/立方米以下。

## 二、主要任务

1. 加快城镇污水管网建设。责任单位:县住建局
`;

function folder(files: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'ecoplan-city-cli-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

// the display path is relative to the working directory: from the temporary folder's name on
const shown = (l: string) => l.replace(/\\/g, '/').replace(/^.*?ecoplan-city-cli-[^/]+/, '<dir>');
const CITY_LINE = / information (weaker-than-city-target|city-assigned-indicator-without-target|parent-plan-not-found) /;
const TITLE = '《衢州市创建国家生态文明建设示范市实施方案》';

describe('ecoplan check on a city plan and its counties', () => {
  const dir = folder({ '衢州市.plan.md': CITY, '县/常山县.plan.md': CHANGSHAN, '县/开化县.plan.md': KAIHUA });

  it('reports each county’s targets weaker than the city’s, and what it leaves out, after its own findings', () => {
    const r = run([dir, '--format', 'text']);
    const lines = r.out.map(shown);
    expect(lines.filter((l) => CITY_LINE.test(l))).toEqual([
      `<dir>/县/常山县.plan.md:5:8 information weaker-than-city-target 城镇污水处理率 目标 ≥93%(2025年)弱于市级方案${TITLE}第 9 行的目标 ≥95%(2025年)`,
      `<dir>/县/常山县.plan.md:5:42 information weaker-than-city-target PM2.5年均浓度 目标 ≤30微克/立方米(2025年)弱于市级方案${TITLE}第 5 行的目标 ≤28微克/立方米(2025年)`,
      `<dir>/县/开化县.plan.md:1:1 information city-assigned-indicator-without-target 市级方案${TITLE}将 城镇生活垃圾无害化处理率 落实到各县(市、区)(第 11 行:城镇生活垃圾无害化处理率保持100%),本方案未设定该指标的目标`,
    ]);
    // each after its own file's findings, before the next file's
    const last = (name: string) => lines.map((l, i) => (l.includes(name) ? i : -1)).filter((i) => i >= 0);
    expect(Math.max(...last('常山县'))).toBeLessThan(Math.min(...last('开化县')));
    // information never fails a check
    expect(r.out.at(-1)).toMatch(/^共检查 3 个文件/);
  });

  it('puts them in the JSON report of the county, in English with --lang en', () => {
    const r = run([dir, '--format', 'json', '--lang', 'en']);
    const report = JSON.parse(r.out[0]) as JsonReport;
    const city = (name: string) => report.files.find((f) => f.path.endsWith(name))!.diagnostics.filter((d) => CITY_LINE.test(` ${d.severity} ${d.code} `));
    expect(city('常山县.plan.md').map((d) => [d.code, d.message, d.range.start.line, d.range.start.character])).toEqual([
      ['weaker-than-city-target', `城镇污水处理率: target ≥93% (2025) is weaker than the target ≥95% (2025) of the city plan ${TITLE} (line 9)`, 4, 7],
      ['weaker-than-city-target', `PM2.5年均浓度: target ≤30微克/立方米 (2025) is weaker than the target ≤28微克/立方米 (2025) of the city plan ${TITLE} (line 5)`, 4, 41],
    ]);
    expect(city('衢州市.plan.md')).toEqual([]);
  });

  it('gives the same from worker threads (--jobs 2, the bundled CLI)', () => {
    const r = spawnSync(process.execPath, [join(process.cwd(), 'bin', 'ecoplan.js'), 'check', dir, '--jobs', '2'], { encoding: 'utf8' });
    expect(r.stdout.split('\n').filter((l) => CITY_LINE.test(l)).length).toBe(3);
  });

  it('finds nothing for a county checked without its city plan', () => {
    const r = run([join(dir, '县')]);
    expect(r.out.filter((l) => CITY_LINE.test(l))).toEqual([]);
  });

  it('honours `parent:` of the user’s config, and its rules turning a finding off', () => {
    const other = folder({
      'ecoplan.config.yaml': 'parent: 市/方案.md\nrules:\n  city-assigned-indicator-without-target: "off"\n',
      '市/方案.md': CITY,
      '县/开化县.plan.md': KAIHUA.replace('96%', '90%'),
    });
    // only the county is checked: the city plan its config names is read for the comparison
    const r = run([join(other, '县')]);
    expect(r.out.filter((l) => CITY_LINE.test(l)).map(shown)).toEqual([
      `<dir>/县/开化县.plan.md:5:8 information weaker-than-city-target 城镇污水处理率 目标 ≥90%(2025年)弱于市级方案${TITLE}第 9 行的目标 ≥95%(2025年)`,
    ]);
  });

  it('refuses a config `parent:` outside the config’s folder, and says so', () => {
    const other = folder({ '县/ecoplan.config.yaml': 'parent: ../市/方案.md\n', '市/方案.md': CITY, '县/开化县.plan.md': KAIHUA.replace('96%', '90%') });
    const r = run([join(other, '县')]);
    expect(r.out.filter((l) => CITY_LINE.test(l))).toEqual([]);
    expect(r.err.length).toBe(1);
    expect(r.err[0].startsWith('ecoplan: ')).toBe(true);
    expect(shown(r.err[0].slice('ecoplan: '.length))).toBe(`<dir>/县/ecoplan.config.yaml:1: ../市/方案.md 不在配置文件所在目录内,未读取`);
  });
});
