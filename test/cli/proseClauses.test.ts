import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Issue 18 item 4 through the built CLI: a plan whose tasks state their responsibility as sentences of
// prose (test/fixtures/variety/56-prose-clause-sentence.txt). Only the task that names nobody is an error.
const dir = mkdtempSync(join(tmpdir(), 'ecoplan-cli-prose-'));
copyFileSync(join('test', 'fixtures', 'variety', '56-prose-clause-sentence.txt'), join(dir, 'plan.txt'));
writeFileSync(join(dir, 'ecoplan.config.json'), JSON.stringify({ level: '县', rules: { 'missing-binding-indicators': 'off' } }));

const run = (...args: string[]) => spawnSync(process.execPath, [join('dist', 'cli.js'), 'check', join(dir, 'plan.txt'), ...args], { encoding: 'utf8' });

describe('ecoplan check on responsibility written as prose', () => {
  it('reports the task with no unit and the vague-only one, and nothing on the tasks whose sentence names their units', () => {
    const r = run();
    expect(r.status).toBe(1);
    expect(r.stdout.trimEnd().split('\n').map((l) => l.replace(/^.*plan\.txt/, 'plan.txt'))).toEqual([
      'plan.txt:7:35 warning vague-responsibility 任务 二.(三)「清理道路沿线垃圾」只有笼统的责任表述(各镇（街道）),未明确牵头单位',
      'plan.txt:8:1 error missing-responsible-unit 任务 二.(四)「规范路域环境」未明确责任单位',
      '共检查 1 个文件、5 项任务:1 个错误,1 个警告',
    ]);
  });

  it('lists the units of the prose sentences with their roles in the JSON report', () => {
    const json = JSON.parse(run('--format', 'json').stdout);
    expect(json.files[0].tasks.map((t: { path: string; units: { name: string; role: string }[]; vague: string[] }) => [t.path, t.units.map((u) => `${u.name}:${u.role}`).join('、'), t.vague.join('、')])).toEqual([
      ['二.(一)', '县自然资源局:lead、县交通运输局:lead', '各镇（街道）'],
      ['二.(二)', '县交通运输局:lead、县公安局:support、县城市管理局:support', ''],
      ['二.(三)', '', '各镇（街道）'],
      ['二.(四)', '', ''],
      ['二.(五)', '县林业局:lead、县交通运输局:support、县农业农村局:support', ''],
    ]);
  });
});
