import { describe, expect, it } from 'vitest';
import { analysePlan } from '../../server/src/core/analyse';

const plan = (lines: string[]) => ['# 某县创建国家生态文明建设示范县实施方案', '', '二、主要任务', '', ...lines, ''].join('\n');
const messages = (text: string) => analysePlan(text, { uri: 'file:///p.plan.txt', format: 'text', level: '县' }).diagnostics.filter((d) => d.code === 'missing-responsible-unit').map((d) => `${d.range.start.line}:${d.message}`);

describe('missing-responsible-unit: an empty clause is named as such', () => {
  it('in any bracket, label and colon width', () => {
    expect(messages(plan(['1.建设湿地公园。〔牵头单位: 〕', '2.整治黑臭水体。【配合部门:】', '3.推进垃圾分类。']))).toEqual([
      '4:任务 二.1「建设湿地公园」的牵头单位为空:请在「牵头单位:」后填写牵头和配合部门',
      '5:任务 二.2「整治黑臭水体」的配合部门为空:请在「配合部门:」后填写牵头和配合部门',
      '6:任务 二.3「推进垃圾分类」未明确责任单位',
    ]);
  });

  it('stays linear on a long line of open brackets and blanks', () => {
    const line = `1.开展整治。${'(责任单位 '.repeat(20_000)}${' '.repeat(100_000)}`;
    const t0 = performance.now();
    expect(messages(plan([line]))).toEqual(['4:任务 二.1「开展整治」未明确责任单位']);
    expect(performance.now() - t0).toBeLessThan(3000);
  });
});
