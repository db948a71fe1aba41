import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../server/src/cli/main';

// A task table pasted from a web page one cell per line (test/fixtures/variety/36-cell-per-line-task-table.txt):
// through the CLI, each table task's diagnostics land on its row's first cell (the 序号 cell's line).
const plan = join('test', 'fixtures', 'variety', '36-cell-per-line-task-table.txt');

function run(args: string[]) {
  const out: string[] = [];
  const code = runCheck(args, (s) => out.push(s), () => undefined);
  return { code, out: out.map((l) => l.replace(plan, 'plan.txt')) };
}

describe('ecoplan check on a task table pasted one cell per line', () => {
  it('reads its 16 tasks and puts each finding at its exact line:col', () => {
    const r = run([plan]);
    expect(r.code).toBe(1);
    expect(r.out).toEqual([
      'plan.txt:1:1 information assumed-settings 按县级指标检查:云溪区为湖南省岳阳市辖区(430603)',
      'plan.txt:1:1 warning missing-binding-indicators 方案未对 12 项约束性指标设定目标(共 20 项适用):生态文明建设规划、党委政府对生态文明建设重大目标任务部署情况、河长制 等,全部列在相关信息中',
      'plan.txt:101:10 warning renamed-indicator 「受污染耕地安全利用率」属于 生态文明建设示范区(市)建设指标,不在本方案采用的 国家生态文明建设示范市县建设指标中',
      // row 12: both unit cells pasted as lone spaces; the row starts at its 序号 cell, line 161
      'plan.txt:161:1 error missing-responsible-unit 任务 附件1.12「发展生态农业」未明确责任单位',
      'plan.txt:207:1 hint unknown-department 「区机关事务服务中心」不在内置部门名录中',
      '共检查 1 个文件、16 项任务:1 个错误,2 个警告',
    ]);
  });

  it('reports the table tasks with their units and roles in the JSON report', () => {
    const json = JSON.parse(run([plan, '--format', 'json']).out.join(''));
    const tasks = json.files[0].tasks as { path: string; range: { start: { line: number } }; units: { name: string; role: string }[]; vague: unknown[] }[];
    expect(tasks.length).toBe(16);
    expect(tasks.slice(3, 5).map((t) => [t.path, t.range.start.line, t.units.map((u) => `${u.name}:${u.role}`), t.vague.length])).toEqual([
      ['附件1.4', 60, ['区生态环境分局:lead', '区住房和城乡建设局:support', '区城市管理局:support'], 1],
      ['附件1.5', 72, ['区住房和城乡建设局:lead', '区水利局:support'], 0],
    ]);
  });
});
