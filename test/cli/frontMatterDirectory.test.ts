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

describe('the directory named in the front matter (read by core/frontMatter.ts, as the server reads it)', () => {
  it('a Markdown plan uses ecoplan.departments, resolved against its folder; a .txt plan has no front matter', () => {
    const root = mkdtempSync(join(tmpdir(), 'ecoplan-fmdir-'));
    mkdirSync(join(root, 'plans'));
    mkdirSync(join(root, 'dirs'));
    writeFileSync(join(root, 'dirs', '部门.yaml'), 'departments:\n  - {name: 区水务和湖泊局}\n  - {name: 区城市管理和综合执法局, aliases: [区城管执法局]}\n');
    writeFileSync(join(root, 'ecoplan.config.yaml'), 'rules:\n  missing-binding-indicators: off\n');
    const front = ['---', 'title: "---"', 'ecoplan:', '  level: 县', '  departments: "../dirs/部门.yaml"  # 区编办名录', '---'];
    writeFileSync(join(root, 'plans', 'nanhu.md'), [...front, ...body].join('\r\n'));
    writeFileSync(join(root, 'plans', 'nanhu.txt'), [...front, ...body].join('\r\n'));
    expect(diagnostics(join(root, 'plans', 'nanhu.md'))).toEqual([]);
    // plain text is read line by line: its `---` lines are text, so the built-in directory is used
    expect(diagnostics(join(root, 'plans', 'nanhu.txt')).filter((d) => d.includes('department'))).toEqual(['8 unknown-department 「区水务和湖泊局」不在内置部门名录中;是否是:区水利局?']);
  });
});
