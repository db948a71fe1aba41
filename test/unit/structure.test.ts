import { describe, expect, it } from 'vitest';
import { analysePlan } from '../../server/src/core/analyse';
import { classifySection, isTimetableStage } from '../../server/src/core/outline';
import { matchNumbering, RANK } from '../../server/src/core/recognise/numbering';
import { levelFromDocument, placeAtStart } from '../../server/src/core/title';
import planLevel from '../../data/vocab/planLevel.yaml';
import sectionKinds from '../../data/vocab/sectionKinds.yaml';
import { analyse, read } from '../support/plan';

// Plans written for these tests in forms the corpus plans do not use: chapters named by their
// content, 第一章 as the top level, no 一、 level at all, timetables, goals as —— paragraphs,
// numbers alone on their line, and titles of every level.

const tasksOf = (text: string, format: 'text' | 'markdown' = 'text') => read(text, format).tasks.map((t) => [t.path, t.range.start.line, t.title, t.noUnit]);
const diagnosticsOf = (text: string, codes: string[], format: 'text' | 'markdown' = 'text') =>
  analyse(text, format)
    .diagnostics.filter((d) => codes.includes(d.code))
    .map((d) => [d.code, d.severity, `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`, d.message]);

describe('the vocabularies (data/vocab)', () => {
  it('give every section-kind word and every place unit one meaning only', () => {
    const kinds = (sectionKinds as { kinds: Record<string, string[]> }).kinds;
    expect(Object.keys(kinds)).toEqual(['task', 'guide', 'target', 'safeguard', 'schedule']);
    const words = Object.values(kinds).flat();
    expect(new Set(words).size).toBe(words.length);
    const units = (planLevel as { units: Record<string, string[]> }).units;
    expect(Object.keys(units)).toEqual(['县', '市']);
    const all = Object.values(units).flat();
    expect(new Set(all).size).toBe(all.length);
  });
});

describe('chapter kinds (data/vocab/sectionKinds.yaml)', () => {
  it('tells the non-task parts from chapters named by their content', () => {
    const kinds = ['总体要求', '指导思想和基本原则', '工作目标和时间安排', '创建目标与主要指标', '加强组织领导', '保障措施', '附则', '实施步骤', '主要目标和重点任务', '目标任务', '创建指标达标行动', '推进绿色低碳发展,构建绿色产业体系', '聚焦碳达峰目标,推进能源结构调整', '深入打好蓝天保卫战'];
    expect(kinds.map((t) => [t, classifySection(t)])).toEqual([
      ['总体要求', 'guide'],
      ['指导思想和基本原则', 'guide'],
      ['工作目标和时间安排', 'target'],
      ['创建目标与主要指标', 'target'],
      ['加强组织领导', 'safeguard'],
      ['保障措施', 'safeguard'],
      ['附则', 'safeguard'],
      ['实施步骤', 'schedule'],
      ['主要目标和重点任务', 'task'],
      ['目标任务', 'task'],
      ['创建指标达标行动', 'task'],
      ['推进绿色低碳发展,构建绿色产业体系', null],
      ['聚焦碳达峰目标,推进能源结构调整', null],
      ['深入打好蓝天保卫战', null],
    ]);
  });

  it('tells a dated stage of a timetable from a work item', () => {
    expect(['动员部署阶段(2022年3月—4月)', '示范引领再提升(2023-长期)', '全面实施阶段,2022年5月至2023年底', '启动创建阶段', '召开创建推进会'].map(isTimetableStage)).toEqual([true, true, true, false, false]);
  });

  // 第一部分 / 第一篇 rank above 第一章, which a long plan puts inside them (data/vocab/numbering.yaml)
  it('reads 第一章 / 第一部分 / 第一节 as numbering above 一、', () => {
    expect(['第一章 总体要求', '第二部分:重点任务', '第三节推进绿色发展', '第一批试点'].map((l) => {
      const m = matchNumbering(l);
      return m ? [m.rank, m.marker, l.slice(m.textStart)] : null;
    })).toEqual([[RANK.PART, '第一章', '总体要求'], [-0.3, '第二部分', '重点任务'], [RANK.PART_SECTION, '第三节', '推进绿色发展'], null]);
  });
});

describe('tasks by structure, not by title', () => {
  // a county three-year plan: no clause anywhere, task chapters named by their content
  const county = [
    '云岭县创建国家生态文明建设示范县三年行动方案', // 0
    '一、总体要求', // 1
    '(一)指导思想。坚持生态优先、绿色发展。', // 2
    '(二)工作目标。到2025年,城镇污水处理率达到85%以上。', // 3
    '二、推进绿色低碳发展,构建绿色产业体系', // 4
    '(一)推动产业结构调整。依法淘汰落后产能。', // 5
    '(二)加快能源结构优化。扩大清洁能源利用。', // 6
    '三、深入打好蓝天保卫战,持续改善空气质量', // 7
    '(一)强化扬尘污染治理。', // 8
    '四、保障措施', // 9
    '(一)加强组织领导。成立领导小组。', // 10
  ].join('\n');

  it('takes the leaf items of content-named chapters as tasks, and reports each without a unit', () => {
    expect(tasksOf(county)).toEqual([
      ['二.(一)', 5, '推动产业结构调整', true],
      ['二.(二)', 6, '加快能源结构优化', true],
      ['三.(一)', 8, '强化扬尘污染治理', true],
    ]);
    expect(diagnosticsOf(county, ['missing-responsible-unit'])).toEqual([
      ['missing-responsible-unit', 'error', '5:0-5:21', '任务 二.(一)「推动产业结构调整」未明确责任单位'],
      ['missing-responsible-unit', 'error', '6:0-6:21', '任务 二.(二)「加快能源结构优化」未明确责任单位'],
      ['missing-responsible-unit', 'error', '8:0-8:12', '任务 三.(一)「强化扬尘污染治理」未明确责任单位'],
    ]);
  });

  it('reads 第一章 as the top level of a Markdown plan: its 一、 are groups, their (一) tasks', () => {
    const md = [
      '# 青溪市生态文明建设示范市创建实施方案', // 0
      '## 第一章 总体要求', // 1
      '一、指导思想', // 2
      '坚持绿色发展。', // 3
      '## 第二章 推进生态空间优化', // 4
      '一、优化空间格局', // 5
      '(一)严守生态保护红线。(责任单位:市自然资源局)', // 6
      '(二)推进国土绿化。', // 7
      '二、推进绿色发展', // 8
      '(一)发展循环经济。', // 9
      '## 第三章 保障措施', // 10
      '一、加强组织领导', // 11
      '(一)成立领导小组。', // 12
    ].join('\n');
    expect(tasksOf(md, 'markdown')).toEqual([
      ['第二章.一.(一)', 6, '严守生态保护红线', false],
      ['第二章.一.(二)', 7, '推进国土绿化', true],
      ['第二章.二.(一)', 9, '发展循环经济', true],
    ]);
  });

  it('reads a plan with no 一、 level: its (一) items are the chapters', () => {
    const text = [
      '青山区生态文明建设示范区创建工作方案', // 0
      '(一)指导思想', // 1
      '坚持生态优先。', // 2
      '(二)重点任务', // 3
      '1.推进河湖治理。', // 4
      '(1)清理河道。', // 5
      '(2)修复岸线。', // 6
      '2.加强土壤污染防治。(责任单位:区生态环境分局)', // 7
      '(三)保障措施', // 8
      '1.加强组织领导。', // 9
    ].join('\n');
    expect(tasksOf(text)).toEqual([
      ['(二).1', 4, '推进河湖治理', true],
      ['(二).2', 7, '加强土壤污染防治', false],
    ]);
  });

  it('reads Markdown headings without numbers as chapters', () => {
    const md = ['# 某县实施方案', '## 总体要求', '1. 坚持绿色发展。', '## 推进污染防治', '1. 推进河湖治理。', '2. 加强土壤污染防治。', '## 保障措施', '1. 加强组织领导。'].join('\n');
    expect(tasksOf(md, 'markdown')).toEqual([
      ['1', 4, '推进河湖治理', true],
      ['2', 5, '加强土壤污染防治', true],
    ]);
  });

  it('reads a second plan in one Markdown file by its own chapters', () => {
    const md = ['# 青溪市创建示范市实施方案', '## 一、保障措施', '1. 加强组织领导。', '# 青山区创建示范区工作方案(2022—2024年)', '## 一、指导思想', '1. 坚持生态优先。', '## 二、推进污染防治', '1. 推进河湖治理。'].join('\n');
    expect(tasksOf(md, 'markdown')).toEqual([['二.1', 7, '推进河湖治理', true]]);
  });

  it('leaves the dated stages of a timetable out, and keeps the work items listed under them', () => {
    const timetable = [
      '一、重点任务', // 0
      '(一)推进污水治理。(责任单位:市住建局)', // 1
      '二、实施步骤', // 2
      '(一)动员部署阶段(2022年3月—4月)。制定方案,召开动员会。', // 3
      '(二)全面实施阶段(2022年5月—2023年12月)。', // 4
      '三、工作步骤', // 5
      '(一)启动阶段(2022年)', // 6
      '1.印发实施方案。(牵头单位:市创建办)', // 7
      '2.开展创建宣传。', // 8
      '(二)迎接考核验收', // 9
    ].join('\n');
    expect(tasksOf(timetable)).toEqual([
      ['一.(一)', 1, '推进污水治理', false],
      ['三.(一).1', 7, '印发实施方案', false],
      ['三.(一).2', 8, '开展创建宣传', true],
      ['三.(二)', 9, '迎接考核验收', true],
    ]);
  });

  it('keeps items with a clause in guide, goal and safeguard chapters as tasks', () => {
    const text = ['一、总体要求', '(一)编制规划。(责任单位:市发改委)', '(二)坚持生态优先。', '二、保障措施', '(一)加强督查。(牵头单位:市督查室)'].join('\n');
    expect(tasksOf(text)).toEqual([
      ['一.(一)', 1, '编制规划', false],
      ['二.(一)', 4, '加强督查', false],
    ]);
  });

  it('reads goals written as —— paragraphs under 主要目标 as targets, not tasks', () => {
    const text = [
      '二、主要目标', // 0
      '到2025年,生态文明建设水平明显提升。', // 1
      '——水环境质量。到2025年,城镇污水处理率达到95%以上。', // 2
      '——生态系统保护。生态保护红线面积不减少、性质不改变、功能不降低。', // 3
      '三、重点任务', // 4
      '(一)推进治理。(责任单位:市住建局)', // 5
    ].join('\n');
    const model = read(text, 'text');
    expect(model.tasks.map((t) => t.path)).toEqual(['三.(一)']);
    expect(model.targets.map((t) => [t.range.start.line, t.indicator, t.op, t.value])).toEqual([
      [2, '城镇污水处理率', '>=', 95],
      [3, '生态保护红线', 'qualitative', null],
    ]);
  });
});

describe('a numbering alone on its line', () => {
  const text = [
    '一、重点任务', // 0
    '(一)', // 1
    '推进污水治理', // 2
    '城镇污水处理率达95%以上。(责任单位:市住建局)', // 3
    '(二)', // 4
    '', // 5
    '加强信息公开。(责任单位:市生态环境局)', // 6
    '(三)', // 7
    '(四)推进绿色采购。(责任单位:市财政局)', // 8
    '(五)(责任单位:市水利局)全面落实河长制,加强河湖管护。', // 9
    '1、', // 10
  ].join('\n');

  it('takes its title from the next line with text, as one task', () => {
    const model = read(text, 'text');
    expect(model.tasks.map((t) => [t.path, t.range.start.line, t.title, t.units.map((u) => u.name)])).toEqual([
      ['一.(一)', 1, '推进污水治理', ['市住建局']],
      ['一.(二)', 4, '加强信息公开', ['市生态环境局']],
      ['一.(四)', 8, '推进绿色采购', ['市财政局']],
      ['一.(五)', 9, '(责任单位:市水利局)全面落实河长制,加…', ['市水利局']],
    ]);
    expect(model.targets.map((t) => [t.range.start.line, t.indicator])).toEqual([[3, '城镇污水处理率']]);
    expect(model.tasks[0].targets).toEqual([0]);
  });

  it('reports a truly empty numbering as empty-numbering, not as a task without a unit', () => {
    expect(diagnosticsOf(text, ['empty-numbering', 'missing-responsible-unit'])).toEqual([
      ['empty-numbering', 'warning', '7:0-7:3', '编号「(三)」后没有内容(一.(三)),不计为任务'],
      ['empty-numbering', 'warning', '10:0-10:2', '编号「1」后没有内容(一.(五).1),不计为任务'],
    ]);
    const en = analysePlan(text, { uri: 'plan.txt', format: 'text', locale: 'en' }).diagnostics.filter((d) => d.code === 'empty-numbering');
    expect(en.map((d) => d.message)).toEqual(['Numbering "(三)" has no text (一.(三)); it is not counted as a task', 'Numbering "1" has no text (一.(五).1); it is not counted as a task']);
  });

  it('never shows an empty task title: a task line that is only a clause shows its first words', () => {
    const model = read(['一、重点任务', '(一)(牵头单位:市住建局)', '推进污水管网建设。'].join('\n'), 'text');
    expect(model.tasks.map((t) => [t.path, t.title])).toEqual([['一.(一)', '(牵头单位:市住建局) 推进污水管网建设…']]);
  });

  it('stays linear on 10,000 lone numberings and on a 200 KB chapter title', () => {
    const lone = ['一、重点任务', ...Array.from({ length: 10000 }, () => '1、')].join('\n');
    const model = read(lone, 'text');
    expect(model.tasks).toEqual([]);
    expect(analyse(lone, 'text').diagnostics.filter((d) => d.code === 'empty-numbering').length).toBe(10000);
    const long = ['一、' + '推进绿色发展目标'.repeat(25000), '(一)推进治理。'].join('\n');
    expect(tasksOf(long)).toEqual([['一.(一)', 1, '推进治理', true]]);
  });
});

describe("the plan's level from its title and issuer (data/vocab/planLevel.yaml)", () => {
  it('reads the place a title starts with, and the level of its last unit', () => {
    const titles = ['云岭县创建国家生态文明建设示范县实施方案', '青溪市青山区创建国家生态文明建设示范区工作方案', '乌兰察布市察右后旗生态文明建设示范旗创建方案', '青溪市创建国家生态文明建设示范区实施方案', '湘南土家族苗族自治州创建实施方案', '2023年青山区生态文明建设工作方案', '国家生态文明建设示范区创建方案', '各县(市、区)人民政府'];
    expect(titles.map((t) => placeAtStart(t))).toEqual([
      { name: '云岭县', level: '县', start: 0 },
      { name: '青溪市青山区', level: '县', start: 0 },
      { name: '乌兰察布市察右后旗', level: '县', start: 0 },
      { name: '青溪市', level: '市', start: 0 },
      { name: '湘南土家族苗族自治州', level: '市', start: 0 },
      { name: '青山区', level: '县', start: 5 },
      null,
      null,
    ]);
  });

  const levelOf = (text: string, external: { level?: '市' | '县' } = {}) => {
    const a = analysePlan(text, { uri: 'plan.md', ...external });
    return [a.settings.level, a.settings.levelFrom, a.settings.levelEvidence ?? null];
  };

  it('infers 县 from a 区 or 县 title and 市 from a 市 title, with the words and line', () => {
    expect(levelOf('# 青溪市青山区创建国家生态文明建设示范区实施方案\n\n## 一、主要任务')).toEqual(['县', 'document', { words: '青溪市青山区', line: 0 }]);
    expect(levelOf('# 云岭县创建国家生态文明建设示范县三年行动方案')).toEqual(['县', 'document', { words: '云岭县', line: 0 }]);
    expect(levelOf('# 青溪市创建国家生态文明建设示范市实施方案\n\n各县(市、区)人民政府、市辖区各部门要抓好落实。')).toEqual(['市', 'document', { words: '青溪市', line: 0 }]);
  });

  it('reads a 县级市 from the head of a pasted page, and the issuer when the title names no place', () => {
    const cityCounty = ['发布机构:', '慈安市人民政府办公室', '政策层级:', '县级政策', '慈安市创建国家生态文明建设示范市三年行动方案(2022—2024年)', '一、指导思想'].join('\n');
    expect(levelOf(cityCounty)).toEqual(['县', 'document', { words: '县级政策', line: 3 }]);
    const issuer = ['青山区人民政府办公室', '关于印发生态文明建设示范区创建工作方案的通知', '生态文明建设示范区创建工作方案', '一、指导思想'].join('\n');
    expect(levelOf(issuer)).toEqual(['县', 'document', { words: '青山区', line: 0 }]);
  });

  it('lets the front matter and the settings outside the document win over the title', () => {
    expect(levelOf('---\necoplan:\n  level: 市\n---\n# 云岭县创建国家生态文明建设示范县实施方案')).toEqual(['市', 'front-matter', null]);
    expect(levelOf('# 云岭县创建国家生态文明建设示范县实施方案', { level: '市' })).toEqual(['市', 'external', null]);
    expect(levelOf('# 生态文明建设示范区创建实施方案\n\n## 一、主要任务\n\n青山区人民政府负责。')).toEqual([null, 'default', null]);
    // without a title, the head ends at the first numbered line: the body is never evidence
    expect(levelOf('一、主要任务\n(一)推进河湖治理。\n青山区人民政府负责落实。')).toEqual([null, 'default', null]);
  });

  it('says on the title line what was inferred and from which words, or what was assumed', () => {
    expect(diagnosticsOf('# 青溪市青山区创建国家生态文明建设示范区实施方案', ['assumed-settings'], 'markdown')).toEqual([
      ['assumed-settings', 'information', '0:0-0:25', '按县级指标检查:依据标题中的「青溪市青山区」;如不对,可在 front matter 中写 ecoplan: {level: 市}'],
    ]);
    expect(diagnosticsOf('青溪市创建国家生态文明建设示范市实施方案\n一、主要任务', ['assumed-settings'])).toEqual([
      ['assumed-settings', 'information', '0:0-0:20', '按市级指标检查:依据标题中的「青溪市」;县级市请在 front matter 中写 ecoplan: {level: 县}'],
    ]);
    expect(diagnosticsOf('# 生态文明建设示范区创建实施方案', ['assumed-settings'], 'markdown')).toEqual([
      ['assumed-settings', 'information', '0:0-0:17', '未能从标题或发文单位判断方案级别(市/县),按「市」和国家生态文明建设示范市县建设指标检查;可在 front matter 中写 ecoplan: {level: 县}'],
    ]);
    const en = analysePlan('# 云岭县创建国家生态文明建设示范县实施方案', { uri: 'plan.md', locale: 'en' }).diagnostics.filter((d) => d.code === 'assumed-settings');
    expect(en.map((d) => d.message)).toEqual(['Checked against the county-level (县) thresholds, inferred from "云岭县" in the title; if wrong, set ecoplan: {level: 市} in front matter']);
  });

  it('tells a plan written before its edition, or after a newer one, which edition it is checked against and why', () => {
    const before = '---\necoplan:\n  level: 县\n---\n# 云岭县生态文明建设示范县创建方案(2017—2019年)';
    expect(diagnosticsOf(before, ['assumed-settings'], 'markdown')).toEqual([
      ['assumed-settings', 'information', '4:0-4:30', '本方案编制于 2017 年,早于所检查的国家生态文明建设示范市县建设指标(环生态〔2019〕76号,2019年);未指定版本时按数据中最新的完整版本检查(可在 front matter 中写 ecoplan: {catalogue: …})'],
    ]);
    const after = '---\necoplan:\n  level: 市\n  catalogue: national-2019\n---\n# 青溪市生态文明建设示范市创建方案(2023—2025年)';
    expect(diagnosticsOf(after, ['assumed-settings'], 'markdown')).toEqual([
      ['assumed-settings', 'information', '5:0-5:30', '本方案编制于 2023 年,其时已有国家生态文明建设示范区建设指标(2021年修订版)(环办生态函〔2021〕353号,2021年);仍按国家生态文明建设示范市县建设指标(环生态〔2019〕76号,2019年)检查:2021年版在数据中不完整,这是 front matter 指定的版本'],
    ]);
    expect(diagnosticsOf('---\necoplan:\n  level: 市\n---\n# 青溪市生态文明建设示范市创建方案(2020—2022年)', ['assumed-settings'], 'markdown')).toEqual([]);
  });

  it('stays linear on a 200 KB title line', () => {
    const title = '青溪市' + '创建'.repeat(100000) + '实施方案';
    const model = read(`# ${title}\n`, 'markdown');
    expect(levelFromDocument(model)).toEqual({ level: '市', words: '青溪市', line: 0, inTitle: true });
    const noPlace = '创'.repeat(200000);
    expect(levelFromDocument(read(`# ${noPlace}\n`, 'markdown'))).toBeNull();
  });
});
