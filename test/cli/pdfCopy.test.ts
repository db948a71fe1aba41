import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../server/src/cli/main';

// A plan copied from a PDF through the CLI: the reader reads the normalised text (lines joined, page
// numbers dropped) and every finding is printed at the line and column of the user's own file.
const fixture = readFileSync(join(__dirname, '../fixtures/variety/88-pdf-page-of-bare-number.txt'), 'utf8');
// the unit broken by the 第3页 共8页 footer (县农业农村/…/局) made one the directory lacks, at the same width
const plan = fixture.replace('县农业农村\n第3页 共8页\n局', '县农业农业\n第3页 共8页\n局');
const dir = mkdtempSync(join(tmpdir(), 'ecoplan-pdf-'));
writeFileSync(join(dir, 'plan.txt'), plan);
writeFileSync(join(dir, 'ecoplan.config.json'), JSON.stringify({ rules: { 'missing-binding-indicators': 'off', 'assumed-settings': 'off' } }));

describe('ecoplan check on a PDF copy', () => {
  it('prints each finding at its line and column in the file as written', () => {
    expect(plan).not.toBe(fixture);
    const out: string[] = [];
    const code = runCheck([join(dir, 'plan.txt')], (s) => out.push(s), () => {});
    expect(code).toBe(1);
    expect(out.map((l) => l.replace(/^.*plan\.txt/, 'plan.txt'))).toEqual([
      // 受污染耕地安全利用率 starts at line 6 column 10 (`到2025年，全县` before it)
      'plan.txt:6:10 warning renamed-indicator 「受污染耕地安全利用率」属于 生态文明建设示范区(市)建设指标,不在本方案采用的 国家生态文明建设示范市县建设指标中',
      // the unit's first part, 县农业农业, ends line 12 (from column 26); its 局 is on line 14, after the footer
      'plan.txt:12:26 hint unknown-department 「县农业农业局」不在内置部门名录中;是否是:县农业农村局?',
      // the task's numbered line: (二) at line 15 column 1
      'plan.txt:15:1 error missing-responsible-unit 任务 二.(二)「实施农村人居环境整治行动」未明确责任单位',
      '共检查 1 个文件、3 项任务:1 个错误,1 个警告',
    ]);
    const lines = plan.split('\n');
    expect(lines[11].slice(25)).toBe('县农业农业');
    expect(lines[12]).toBe('第3页 共8页');
    expect(lines[13]).toBe('局）');
    expect(lines[14].startsWith('（二）')).toBe(true);
  });
});
