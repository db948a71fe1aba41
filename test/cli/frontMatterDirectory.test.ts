import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../server/src/cli/main';

function diagnostics(file: string): string[] {
  const out: string[] = [];
  const err: string[] = [];
  runCheck([file, '--format', 'json'], (s) => out.push(s), (s) => err.push(s));
  expect(err).toEqual([]);
  return JSON.parse(out.join('')).files[0].diagnostics.map((d: { code: string; message: string; range: { start: { line: number } } }) => `${d.range.start.line} ${d.code} ${d.message}`);
}

const body = ['# 南湖区创建国家生态文明建设示范区实施方案', '二、重点任务', '1.推进污水治理。(责任单位:区水务和湖泊局、区城管执法局)'];

describe('the directory file comes from the config, never from a plan (issue 22: a plan may come from someone else)', () => {
  it("a Markdown plan's ecoplan.departments is an invalid setting and is not read; the config's directory is used; a .txt plan has no front matter", () => {
    const root = mkdtempSync(join(tmpdir(), 'ecoplan-fmdir-'));
    mkdirSync(join(root, 'plans'));
    mkdirSync(join(root, 'dirs'));
    writeFileSync(join(root, 'dirs', '部门.yaml'), 'departments:\n  - {name: 区水务和湖泊局}\n  - {name: 区城市管理和综合执法局, aliases: [区城管执法局]}\n');
    writeFileSync(join(root, 'dirs', '他人.yaml'), 'departments:\n  - {name: 区他人局}\n');
    writeFileSync(join(root, 'ecoplan.config.yaml'), 'rules:\n  missing-binding-indicators: off\ndepartments: dirs/部门.yaml\n');
    const front = ['---', 'title: "---"', 'ecoplan:', '  level: 县', '  departments: "../dirs/他人.yaml"  # 区编办名录', '---'];
    writeFileSync(join(root, 'plans', 'nanhu.md'), [...front, ...body].join('\r\n'));
    writeFileSync(join(root, 'plans', 'nanhu.txt'), [...front, ...body].join('\r\n'));
    expect(diagnostics(join(root, 'plans', 'nanhu.md'))).toEqual([
      '4 invalid-settings departments 不能写在方案的 front matter 中:方案文件可能来自他人,不能由它决定读取哪个本地文件;请写在 ecoplan.config.yaml 中(或编辑器设置 ecoplan.departments)',
    ]);
    // plain text is read line by line: its `---` lines are text; the config's directory is used all the same
    expect(diagnostics(join(root, 'plans', 'nanhu.txt')).filter((d) => d.includes('department'))).toEqual([]);
  });
});
