import { describe, expect, it } from 'vitest';
import sectionKinds from '../../data/vocab/sectionKinds.yaml';
import { classifyItem, classifySection, tocLineKind } from '../../server/src/core/outline';
import type { OutlineNode } from '../../server/src/core/model/types';
import { analyse, read } from '../support/plan';

// Issue 18 items 3 and 6: any outline numbering, the task level chosen by structure, and the parts
// that are not tasks known by what their items are. Small plans written for these tests.

const nodesOf = (text: string, format: 'text' | 'markdown' = 'text') => {
  const out: string[] = [];
  const visit = (n: OutlineNode) => {
    out.push(`${n.range.start.line} ${n.path} ${n.sectionKind}${n.chapter ? ' chapter' : ''}`);
    n.children.forEach(visit);
  };
  read(text, format).outline.forEach(visit);
  return out;
};
const tasksOf = (text: string, format: 'text' | 'markdown' = 'text') => read(text, format).tasks.map((t) => [t.path, t.range.start.line, t.title, t.noUnit]);
const missingUnit = (text: string) =>
  analyse(text, 'text')
    .diagnostics.filter((d) => d.code === 'missing-responsible-unit')
    .map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.message}`);

describe('outlines in every numbering', () => {
  it('reads a 规划 with decimal headings 1 / 1.1 / 1.1.1: the leaves with paragraphs under 主要任务 are the tasks', () => {
    const text = [
      '石渠口区生态环境保护规划', // 0
      '1 总则', // 1
      '1.1 指导思想', // 2
      '坚持生态优先,推动绿色发展。', // 3
      '2 主要任务', // 4
      '2.1 大气污染防治', // 5
      '2.1.1 推进工业企业深度治理', // 6
      '开展重点行业超低排放改造。(责任单位:区生态环境分局)', // 7
      '2.1.2 加强扬尘管控', // 8
      '落实施工工地围挡和冲洗措施。', // 9
      '2.2 推进农村污水治理', // 10
      '分片建设农村生活污水处理设施。(责任单位:区农业农村局)', // 11
      '3 保障措施', // 12
      '3.1 加强组织领导', // 13
      '成立规划实施领导小组。', // 14
    ].join('\n');
    expect(nodesOf(text)).toEqual([
      '1 1 guide chapter', '2 1.1 guide', '4 2 task chapter', '5 2.1 task', '6 2.1.1 task', '8 2.1.2 task', '10 2.2 task', '12 3 safeguard chapter', '13 3.1 safeguard',
    ]);
    expect(tasksOf(text)).toEqual([
      ['2.1.1', 6, '推进工业企业深度治理', false],
      ['2.1.2', 8, '加强扬尘管控', true],
      ['2.2', 10, '推进农村污水治理', false],
    ]);
    expect(missingUnit(text)).toEqual(['8:0-8:12 任务 2.1.2「加强扬尘管控」未明确责任单位']);
  });

  it('keeps a decimal path below a Markdown chapter heading', () => {
    const md = ['# 石渠口区生态环境保护规划', '## 主要任务', '### 2.1 大气污染防治', '#### 2.1.1 推进工业企业深度治理', '开展重点行业超低排放改造。'].join('\n');
    expect(nodesOf(md, 'markdown')).toEqual(['0  task chapter', '1  task chapter', '2 2.1 task', '3 2.1.1 task']);
    expect(tasksOf(md, 'markdown')).toEqual([['2.1.1', 3, '推进工业企业深度治理', true]]);
  });

  it('reads 第一章 / 第一节 / 第一条: the articles of the task chapter are the tasks', () => {
    const text = [
      '石渠口区生态文明建设规划', // 0
      '第一章 总则', // 1
      '第一条 为推进示范区创建,编制本规划。', // 2
      '第二章 主要任务', // 3
      '第一节 生态空间', // 4
      '第二条 严守生态保护红线。开展红线监管。(责任单位:区自然资源局)', // 5
      '第二节 生态经济', // 6
      '第三条 发展生态农业。建设绿色食品基地。', // 7
      '第三章 保障措施', // 8
      '第四条 本规划自印发之日起施行。', // 9
    ].join('\n');
    expect(nodesOf(text)).toEqual([
      '1 第一章 guide chapter', '2 第一章.第一条 guide', '3 第二章 task chapter', '4 第二章.第一节 task', '5 第二章.第一节.第二条 task', '6 第二章.第二节 task', '7 第二章.第二节.第三条 task', '8 第三章 safeguard chapter', '9 第三章.第四条 safeguard',
    ]);
    expect(tasksOf(text)).toEqual([
      ['第二章.第一节.第二条', 5, '严守生态保护红线', false],
      ['第二章.第二节.第三条', 7, '发展生态农业', true],
    ]);
  });

  it('reads (N) that never restart across chapters, national style', () => {
    const text = [
      '石渠口区空气质量改善行动方案', // 0
      '一、总体要求', // 1
      '(一)指导思想。坚持精准治污。', // 2
      '二、优化产业结构', // 3
      '(二)淘汰落后产能。依法依规退出落后产能。(牵头单位:区发展改革局)', // 4
      '三、优化交通结构', // 5
      '(三)推广新能源车辆。新增公交车全部使用新能源车辆。', // 6
    ].join('\n');
    expect(nodesOf(text)).toEqual(['1 一 guide chapter', '2 一.(一) guide', '3 二 task chapter', '4 二.(二) task', '5 三 task chapter', '6 三.(三) task']);
    expect(tasksOf(text)).toEqual([
      ['二.(二)', 4, '淘汰落后产能', false],
      ['三.(三)', 6, '推广新能源车辆', true],
    ]);
  });

  it('takes circled items that carry the work under a heading-only 1. as the tasks; a 1. with work over title-only items stays one task', () => {
    const text = [
      '石渠口区农村环境整治方案', // 0
      '一、重点任务', // 1
      '(一)改善村容村貌', // 2
      '1.推进厕所革命', // 3
      '①排查问题厕所。逐户排查,建立台账。', // 4
      '②规范户厕建设。严格执行技术规范。(责任单位:区农业农村局)', // 5
      '2.推进垃圾治理。完善收运体系,推进分类减量。', // 6
      '①完善收运体系。', // 7
      '②推进分类减量。', // 8
    ].join('\n');
    expect(tasksOf(text)).toEqual([
      ['一.(一).1.①', 4, '排查问题厕所', true],
      ['一.(一).1.②', 5, '规范户厕建设', false],
      ['一.(一).2', 6, '推进垃圾治理', true],
    ]);
  });

  it('takes the items of an annual 工作要点 numbered straight through, with no 一、, as its tasks', () => {
    const items = ['深化蓝天保卫战', '打好碧水保卫战', '推进净土保卫战', '加强固废治理'].map((t, i) => `${i + 1}.${t}。实施专项整治,完成年度任务。${i % 2 === 0 ? '(责任单位:区生态环境分局)' : ''}`);
    const text = ['石渠口区2024年生态环境工作要点', '2024年,全区生态环境工作坚持稳中求进,提出如下要点。', ...items].join('\n');
    expect(tasksOf(text)).toEqual([
      ['1', 2, '深化蓝天保卫战', false],
      ['2', 3, '打好碧水保卫战', true],
      ['3', 4, '推进净土保卫战', false],
      ['4', 5, '加强固废治理', true],
    ]);
    // chapters are parts, not tasks, when they hold items or too few of them carry work
    const parts = ['石渠口区实施方案', '一、总体要求', '坚持生态优先,推动绿色发展,全面推进创建工作。', '二、重点任务', '全面推进各项任务落实,确保按期完成创建目标。', '三、保障措施', '加强组织领导。'].join('\n');
    expect(tasksOf(parts)).toEqual([]);
  });

  it('reads a 1、 that opens its own (1) on the same line as a group of tasks', () => {
    const text = [
      '石渠口区目标责任分解方案', // 0
      '一、工作任务', // 1
      '1、加强扬尘管控。(责任单位:区住房和城乡建设局)', // 2
      '2、(1)开展排污口排查。(责任单位:区生态环境分局)', // 3
      '(2)加强水源地巡查。', // 4
    ].join('\n');
    expect(nodesOf(text)).toEqual(['1 一 task chapter', '2 一.1 task', '3 一.2 task', '3 一.2.(1) task', '4 一.2.(2) task']);
    expect(tasksOf(text)).toEqual([
      ['一.1', 2, '加强扬尘管控', false],
      ['一.2.(1)', 3, '开展排污口排查', false],
      ['一.2.(2)', 4, '加强水源地巡查', true],
    ]);
    expect(missingUnit(text)).toEqual(['4:0-4:11 任务 一.2.(2)「加强水源地巡查」未明确责任单位']);
    expect(read(text, 'text').tasks[1].range).toEqual({ start: { line: 3, character: 2 }, end: { line: 3, character: 27 } });
  });

  it('takes the (1) items with paragraphs under a heading-only 1. as the tasks, four levels down', () => {
    const text = [
      '石渠口区空气质量改善方案', // 0
      '一、重点任务', // 1
      '(一)深化工业治理', // 2
      '1. 优化产业布局', // 3
      '(1)严格项目准入。新建项目须符合产业政策。', // 4
      '(2)推进退城入园。对城区企业实施搬迁改造。', // 5
      '2. 推进车辆结构升级', // 6
      '加快淘汰老旧柴油货车。(责任单位:区交通运输局)', // 7
    ].join('\n');
    expect(tasksOf(text)).toEqual([
      ['一.(一).1.(1)', 4, '严格项目准入', true],
      ['一.(一).1.(2)', 5, '推进退城入园', true],
      ['一.(一).2', 6, '推进车辆结构升级', false],
    ]);
  });
});

describe('parts that are not tasks, known by what their items are', () => {
  it('reads a content-titled chapter of 领导机制/资金投入/督查考核/氛围 items as 保障措施: no task, but the item with a clause', () => {
    const text = [
      '石渠口区创建实施方案', // 0
      '一、推进绿色发展', // 1
      '(一)推动产业转型。推进园区循环化改造。(责任单位:区发展改革局)', // 2
      '(二)加强宣传教育。开展生态文明进社区活动。', // 3
      '(三)发展生态农业。推广绿色防控。', // 4
      '二、全面加强组织实施,切实强化要素保障', // 5
      '(一)健全领导机制。成立创建工作领导小组。', // 6
      '(二)加大资金投入。统筹财政资金支持创建。', // 7
      '(三)严格督查考核。纳入年度综合考核。(责任单位:区委督查室)', // 8
      '(四)营造良好氛围。广泛宣传创建工作。', // 9
    ].join('\n');
    expect(nodesOf(text)).toEqual(['1 一 task chapter', '2 一.(一) task', '3 一.(二) task', '4 一.(三) task', '5 二 safeguard chapter', '6 二.(一) safeguard', '7 二.(二) safeguard', '8 二.(三) safeguard', '9 二.(四) safeguard']);
    expect(tasksOf(text)).toEqual([
      ['一.(一)', 2, '推动产业转型', false],
      ['一.(二)', 3, '加强宣传教育', true],
      ['一.(三)', 4, '发展生态农业', true],
      ['二.(三)', 8, '严格督查考核', false],
    ]);
  });

  it('reads a content-titled chapter of 指导思想/基本原则/主要目标 items as guidance, and an item titled 主要目标 in a task chapter as goals', () => {
    const text = [
      '石渠口区创建实施方案', // 0
      '一、坚持系统谋划', // 1
      '(一)指导思想。坚持生态优先。', // 2
      '(二)基本原则。坚持系统治理。', // 3
      '(三)主要目标。到2025年,城镇污水处理率达到95%以上。', // 4
      '二、目标任务', // 5
      '(一)主要目标', // 6
      '到2026年,创建工作通过验收。', // 7
      '(二)重点任务', // 8
      '1.推进污水治理。建设污水管网。', // 9
    ].join('\n');
    expect(nodesOf(text)).toEqual(['1 一 guide chapter', '2 一.(一) guide', '3 一.(二) guide', '4 一.(三) target', '5 二 task chapter', '6 二.(一) target', '8 二.(二) task', '9 二.(二).1 task']);
    expect(tasksOf(text)).toEqual([['二.(二).1', 9, '推进污水治理', true]]);
  });

  it('reads goals under a decimal heading as goals: a target without a year takes the year its section states', () => {
    const text = [
      '石渠口区生态环境保护规划', // 0
      '1 规划总则', // 1
      '1.2 规划目标', // 2
      '到2028年,规划目标如下:', // 3
      '1.2.1 具体指标', // 4
      '城镇污水处理率达到96%以上。', // 5
      '2 主要任务', // 6
      '2.1 推进污水治理', // 7
      '完善城镇污水管网。(责任单位:区水务局)', // 8
    ].join('\n');
    const model = read(text, 'text');
    expect(nodesOf(text)).toEqual(['1 1 guide chapter', '2 1.2 target', '4 1.2.1 target', '6 2 task chapter', '7 2.1 task']);
    expect(model.targets.map((t) => [t.range.start.line, t.indicator, t.op, t.value, t.year])).toEqual([[5, '城镇污水处理率', '>=', 96, 2028]]);
    expect(tasksOf(text)).toEqual([['2.1', 7, '推进污水治理', false]]);
  });

  it('knows item titles by the vocabulary (data/vocab/sectionKinds.yaml items)', () => {
    const items = (sectionKinds as { items: Record<string, string[]> }).items;
    for (const [kind, words] of Object.entries(items)) for (const w of words) expect([w, classifyItem(`健全${w}`)]).toEqual([w, kind]);
    // an item word is no task word, and is not a chapter word of another kind
    const kinds = (sectionKinds as { kinds: Record<string, string[]> }).kinds;
    for (const w of Object.values(items).flat()) expect([w, classifySection(w) === 'task' || kinds.task.includes(w)]).toEqual([w, false]);
    expect(['健全领导机制', '加大资金投入', '严格督查考核', '营造良好氛围', '指导思想', '主要目标', '推进环境信息公开和规划环评', '加强生态环境监测能力建设', '推动产业转型'].map((t) => classifyItem(t))).toEqual([
      'safeguard', 'safeguard', 'safeguard', 'safeguard', 'guide', 'target', null, null, null,
    ]);
  });
});

describe('a table of contents', () => {
  it('opens no node: a 目录 with dot leaders and page numbers, then the body from the line that repeats its first entry', () => {
    const text = [
      '石渠口区生态文明建设规划', // 0
      '目  录', // 1
      '一、总体要求..........1', // 2
      '二、主要任务..........3', // 3
      '(一)推进污水治理......3', // 4
      '一、总体要求', // 5
      '坚持生态优先。', // 6
      '二、主要任务', // 7
      '(一)推进污水治理', // 8
      '完善城镇污水管网。', // 9
    ].join('\n');
    expect(nodesOf(text)).toEqual(['5 一 guide chapter', '7 二 task chapter', '8 二.(一) task']);
    expect(tasksOf(text)).toEqual([['二.(一)', 8, '推进污水治理', true]]);
  });

  it('takes every short line after 目录 for an entry while no body comes (a copy that ends in its contents)', () => {
    const text = ['石渠口区生态文明建设规划', '目 录', '一、规划总则', '(一)指导思想', '二、规划任务', '(一)生态制度', '1.完善生态环境保护制度', '2.建立资源高效利用制度'].join('\n');
    expect(nodesOf(text)).toEqual([]);
    expect(missingUnit(text)).toEqual([]);
  });

  it('ends the contents at the first sentence when the body does not repeat the first entry', () => {
    const text = ['石渠口区生态文明建设规划', '目录', '前言', '一、主要任务', '为推进示范区创建,制定本规划。', '一、主要任务', '(一)推进污水治理。完善管网。'].join('\n');
    expect(tasksOf(text)).toEqual([['一.(一)', 6, '推进污水治理', true]]);
  });

  it('stays linear on 10,000 contents entries, a 200 KB line of dot leaders and 10,000 decimal headings', () => {
    const entries = Array.from({ length: 10000 }, (_, i) => `(${i % 10 === 0 ? '一' : '二'})推进治理……${i}`);
    const t0 = performance.now();
    expect(tasksOf(['石渠口区规划', '目录', ...entries, '一、主要任务', '(一)推进治理。完善管网。'].join('\n'))).toEqual([['一.(一)', 10003, '推进治理', true]]);
    expect(tasksOf(['石渠口区规划', '目录', `一、主要任务${'.'.repeat(200000)}1`, '(一)推进治理。完善管网。'].join('\n')).map((t) => [t[0], t[1]])).toEqual([['一.(一)', 3]]);
    // (longer than a contents entry: a line of the body)
    expect(tasksOf(['石渠口区规划', '一、主要任务', `(一)推进治理${'.'.repeat(200000)}1`].join('\n')).map((t) => [t[0], t[1]])).toEqual([['一.(一)', 2]]);
    const decimal = ['石渠口区规划', '2 主要任务', ...Array.from({ length: 10000 }, (_, i) => `2.${(i % 99) + 1}.${(i % 9) + 1} 推进治理`)].join('\n');
    expect(tasksOf(decimal).length).toBe(10000);
    expect(performance.now() - t0).toBeLessThan(5000);
  });

  it('tells a contents line by itself: its head, or dot leaders with a page number', () => {
    expect(['目录', '目  录', '## 目录', '第二章 规划目标 ........ 15', '一、总体要求…………3', '目录管理', '一、总体要求', '(一)推进污染防治……', '----', '1.加快推进。到2025年完成……5'].map(tocLineKind)).toEqual([
      'head', 'head', 'head', 'leader', 'leader', null, null, null, null, null,
    ]);
  });
});
