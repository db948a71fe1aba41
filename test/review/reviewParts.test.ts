import { describe, expect, it } from 'vitest';
import { analysePlan } from '../../server/src/core/analyse';
import { approvalStatement, documentKind, domainsCovered, PART_ORDER, REVIEW_PARTS } from '../../server/src/core/review/planParts';

/** data/vocab/reviewParts.yaml: its entries, and what they decide. */
describe('the review vocabulary', () => {
  it('has the six domains of the 规划编制指南, and words for every part and column', () => {
    expect(Object.keys(REVIEW_PARTS.domains)).toEqual(['生态制度', '生态安全', '生态空间', '生态经济', '生态生活', '生态文化']);
    expect(Object.keys(REVIEW_PARTS.parts).sort()).toEqual([...PART_ORDER].sort());
    expect(REVIEW_PARTS.required).toEqual({ plan: ['status', 'targets', 'tasks', 'projects', 'safeguards'], scheme: ['targets', 'tasks', 'safeguards', 'steps'] });
    expect(Object.keys(REVIEW_PARTS.projectColumns)).toEqual(['investment', 'unit', 'period']);
    const lists = [...Object.values(REVIEW_PARTS.parts), ...Object.values(REVIEW_PARTS.domains), ...Object.values(REVIEW_PARTS.projectColumns), ...Object.values(REVIEW_PARTS.kinds), REVIEW_PARTS.subjects, REVIEW_PARTS.approval.bodies, REVIEW_PARTS.approval.verbs];
    for (const list of lists) {
      expect(list.length).toBeGreaterThan(0);
      expect(new Set(list).size).toBe(list.length);
      for (const w of list) expect(w).toMatch(/^\S{2,}$/);
    }
  });

  it('tells a 规划 from an 实施方案 by its title', () => {
    expect(documentKind('黟县国家生态文明建设示范县规划(2021—2030年)')).toBe('plan');
    expect(documentKind('黄山市生态文明建设规划纲要')).toBe('plan');
    expect(documentKind('某县生态文明建设规划实施方案')).toBe('scheme');
    expect(documentKind('祁门县创建国家生态文明建设示范县三年行动方案')).toBe('scheme');
    expect(documentKind('关于做好2023年生态环境保护工作的通知')).toBe(null);
    expect(documentKind(null)).toBe(null);
  });

  it('finds who approves the plan, not a party committee meeting', () => {
    const approval = (text: string) => approvalStatement(analysePlan(text, { uri: 'p.md' }).model);
    expect(approval('标题\n本规划经县人民代表大会常务委员会审议通过后实施。')).toEqual({ stated: true, body: '人民代表大会常务委员会审议', line: 2 });
    expect(approval('规划报市人民政府批准后颁布实施。')).toEqual({ stated: true, body: '人民政府批准', line: 1 });
    expect(approval('县委常委会、县政府常务会每年专题研究生态文明建设。')).toEqual({ stated: false });
  });

  it('reads the domains from the headings above the tasks and the tasks\' titles', () => {
    const model = analysePlan(['二、主要任务', '(一)构建生态空间格局', '1.严守生态保护红线。(责任单位:县自然资源局)', '(二)发展生态经济', '2.推进茶产业提质。(责任单位:县农业农村局)'].join('\n'), { uri: 'p.md' }).model;
    expect(domainsCovered(model)).toEqual({ covered: ['生态空间', '生态经济'], missing: ['生态制度', '生态安全', '生态生活', '生态文化'] });
  });
});
