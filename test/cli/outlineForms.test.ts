import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../server/src/cli/main';

// `ecoplan check` on plans whose outline is numbered in the forms of issue 18 item 3 (test/fixtures/variety).
function check(file: string) {
  const out: string[] = [];
  const code = runCheck([join('test', 'fixtures', 'variety', file)], (s) => out.push(s), () => {});
  return { code, out: out.map((l) => l.replace(/^.*variety[\\/]/, '')) };
}

describe('ecoplan check: outlines in other numberings', () => {
  it('reads a 规划 with decimal headings: its 1.1.1 leaves are the tasks, the one without a unit is an error on its heading line', () => {
    const r = check('46-decimal-plan-outline.txt');
    expect(r.code).toBe(1);
    expect(r.out).toEqual([
      '46-decimal-plan-outline.txt:1:1 information assumed-settings 按县级指标检查:依据第 1 行的「澄溪县」;如不对,可在 front matter 中写 ecoplan: {level: 市}',
      '46-decimal-plan-outline.txt:1:1 warning missing-binding-indicators 方案未对 20 项约束性指标设定目标(共 20 项适用):生态文明建设规划、党委政府对生态文明建设重大目标任务部署情况、生态文明建设工作占党政实绩考核的比例 等,全部列在相关信息中;其中 1 项只提及未设目标',
      '46-decimal-plan-outline.txt:18:1 error missing-responsible-unit 任务 2.2.2「加强农村生活污水治理」未明确责任单位',
      '共检查 1 个文件、5 项任务:1 个错误,1 个警告',
    ]);
  });

  it('reads no task in a table of contents: only the body after it holds tasks', () => {
    const r = check('53-toc-page-numbers.txt');
    expect(r.out.filter((l) => l.includes('missing-responsible-unit') || l.startsWith('共检查'))).toEqual([
      '53-toc-page-numbers.txt:18:1 error missing-responsible-unit 任务 二.(二)「发展生态经济」未明确责任单位',
      '共检查 1 个文件、2 项任务:1 个错误,1 个警告',
    ]);
  });
});
