import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../server/src/cli/main';
import { fw } from '../support/fullWidth';

// A plan pasted from a web page with every , ( ) : ; % in ASCII (test/fixtures/variety/73-ascii-punctuation.txt),
// checked by the CLI: the JSON report's targets, exactly, and the same report for its full-width twin.
const ascii = readFileSync(join('test', 'fixtures', 'variety', '73-ascii-punctuation.txt'), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'ecoplan-ascii-'));
writeFileSync(join(dir, 'ascii.txt'), ascii);
writeFileSync(join(dir, 'full.txt'), ascii.replace(/[,():;%]/g, (c) => fw(c)));

function report(file: string) {
  const out: string[] = [];
  const code = runCheck([join(dir, file), '--format', 'json'], (s) => out.push(s), () => undefined);
  return { code, json: JSON.parse(out.join('\n')) as { files: { targets: Record<string, unknown>[]; diagnostics: { code: string; range: { start: { line: number; character: number } } }[] }[] } };
}

const R = (l: number, a: number, b: number) => ({ start: { line: l, character: a }, end: { line: l, character: b } });

describe('ecoplan check on an ASCII-punctuated plan', () => {
  it('reports every target exactly, the aspiration with its tier', () => {
    const { code, json } = report('ascii.txt');
    expect(code).toBe(1);
    expect(json.files[0].targets).toEqual([
      { indicator: '主要污染物排放总量', catalogueId: null, surface: '主要污染物排放总量持续减少', op: 'trend', value: null, unit: null, year: 2025, tagged: false, range: R(4, 27, 40), text: '持续减少' },
      { indicator: '优良天数比例', catalogueId: 'good-air-days-ratio', surface: '空气质量优良天数比率确保达到80%', op: '>=', value: 80, unit: '%', year: 2025, tagged: false, range: R(5, 14, 31), match: 'alias', writtenName: '空气质量优良天数比率' },
      { indicator: '优良天数比例', catalogueId: 'good-air-days-ratio', surface: '空气质量优良天数比率确保达到80%,力争达到85%', op: '>=', value: 85, unit: '%', year: 2025, tagged: false, range: R(5, 14, 39), match: 'alias', writtenName: '空气质量优良天数比率', tier: 'aspirational' },
      { indicator: 'PM2.5浓度下降幅度', catalogueId: 'pm25-concentration-decline', surface: 'PM2.5年均浓度控制在35微克/立方米以内', op: '<=', value: 35, unit: '微克/立方米', year: 2025, tagged: false, range: R(5, 40, 62), match: 'alias', writtenName: 'PM2.5年均浓度' },
      { indicator: '城镇污水处理率', catalogueId: 'urban-sewage-treatment-rate', surface: '城镇污水处理率达到90%以上', op: '>=', value: 90, unit: '%', year: 2025, tagged: false, range: R(5, 63, 77) },
      { indicator: '林草覆盖率', catalogueId: 'forest-grass-coverage-rate', surface: '森林覆盖率达到30%', op: '>=', value: 30, unit: '%', year: 2025, tagged: false, range: R(5, 78, 88), match: 'former', writtenName: '森林覆盖率' },
      { indicator: '优良天数比例', catalogueId: 'good-air-days-ratio', surface: '空气质量优良天数比率达到82%', op: '>=', value: 82, unit: '%', year: 2025, tagged: false, range: R(7, 18, 33), match: 'alias', writtenName: '空气质量优良天数比率' },
      { indicator: '城镇污水处理率', catalogueId: 'urban-sewage-treatment-rate', surface: '城镇污水处理率达到95%以上', op: '>=', value: 95, unit: '%', year: null, tagged: false, range: R(8, 20, 34) },
      { indicator: '受污染耕地安全利用率', catalogueId: 'contaminated-farmland-safe-utilization-rate', surface: '受污染耕地安全利用率达到90%', op: '>=', value: 90, unit: '%', year: null, tagged: false, range: R(9, 22, 37), match: 'other-edition', writtenName: '受污染耕地安全利用率' },
    ]);
    // the aspiration (85%) conflicts with nothing; the firm 80% and 82%, 90% and 95% do
    expect(json.files[0].diagnostics.filter((d) => d.code === 'conflicting-targets').map((d) => `${d.range.start.line}:${d.range.start.character}`)).toEqual(['5:14', '5:63', '7:18', '8:20']);
  });

  it('gives the same report for the same plan in full-width punctuation, but for the surfaces', () => {
    const strip = (j: ReturnType<typeof report>['json']) => ({
      targets: j.files[0].targets.map(({ surface: _s, ...t }) => t),
      diagnostics: j.files[0].diagnostics.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.character}`),
    });
    const full = report('full.txt').json;
    // the surface is the user's own text
    expect(full.files[0].targets[1].surface).toBe(`空气质量优良天数比率确保达到80${fw('%')}`);
    expect(strip(full)).toEqual(strip(report('ascii.txt').json));
  });
});
