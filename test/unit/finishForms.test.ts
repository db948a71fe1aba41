import { describe, expect, it } from 'vitest';
import { lastDeadlineYear } from '../../server/src/core/recognise/deadlineYear';
import { read } from '../support/plan';

/** indicator, op, value, year, line of every target. */
const years = (plan: string, format: 'markdown' | 'text' = 'text') => read(plan, format).targets.map((t) => [t.indicator, t.op, t.value, t.year, t.range.start.line]);

describe('a goals section states its year once, above the targets it lists', () => {
  it('gives numbered goal items without a year the year of the section intro', () => {
    const plan = ['某县实施方案', '一、发展目标', '至2027年,生态文明建设水平明显提升,具体指标是:', '(一)环境质量。城镇污水处理率达到90%。', '(二)生态保护。林草覆盖率达到50%。', '二、重点任务', '1.推进治污。农村生活污水治理率达到60%。(责任单位:县生态环境分局)'];
    expect(years(plan.join('\n'))).toEqual([
      ['城镇污水处理率', '>=', 90, 2027, 3],
      ['林草覆盖率', '>=', 50, 2027, 4],
      ['农村生活污水治理率', '>=', 60, null, 6],
    ]);
  });

  it('takes the nearest deadline above in the same node or its ancestors, never a sibling item’s or a base year', () => {
    const plan = [
      '# 某市实施方案',
      '## 二、创建目标',
      '2025年底前,各项指标全面达标。',
      '1. 近期目标。到2024年,城镇污水处理率达到85%。',
      '   (1) 林草覆盖率达到45%。',
      '2. 远期目标。单位地区生产总值能耗较2020年下降13.5%,城镇生活垃圾无害化处理率达到100%。',
      '## 三、主要任务',
      '1. 城镇污水处理率达到95%。(责任单位:市住建局)',
    ];
    expect(years(plan.join('\n'), 'markdown').map((t) => [t[0], t[3]])).toEqual([
      ['城镇污水处理率', 2024],
      ['林草覆盖率', 2024],
      ['单位地区生产总值能耗', 2025],
      ['城镇生活垃圾无害化处理率', 2025],
      ['城镇污水处理率', null],
    ]);
  });

  it('keeps a dash paragraph’s year to that paragraph', () => {
    const plan = ['某旗实施方案', '一、主要目标', '——水环境。到2025年,城镇污水处理率达到85%。', '——生态。林草覆盖率达到45%。'];
    expect(years(plan.join('\n')).map((t) => [t[0], t[3]])).toEqual([
      ['城镇污水处理率', 2025],
      ['林草覆盖率', null],
    ]);
  });

  it('reads only deadlines as section years', () => {
    expect(lastDeadlineYear('到2025年,具体目标如下:')).toBe(2025);
    expect(lastDeadlineYear('2026年底前完成,2027年前全面达标')).toBe(2027);
    expect(lastDeadlineYear('较2015年下降18%')).toBeNull();
    expect(lastDeadlineYear('12025年底')).toBeNull();
    // a base year in the target's own sentence is not its year either
    expect(years('单位地区生产总值能耗较2020年下降13.5%,城镇污水处理率达到95%。')).toEqual([
      ['单位地区生产总值能耗', '>=', 13.5, null, 0],
      ['城镇污水处理率', '>=', 95, null, 0],
    ]);
    const long = '较2015年'.repeat(20000) + '截至2030年';
    const t0 = Date.now();
    expect(lastDeadlineYear(long)).toBe(2030);
    expect(Date.now() - t0).toBeLessThan(500);
  });
});

/** path, title, units as name:role, vague of every task. */
const tasks = (plan: string, format: 'markdown' | 'text' = 'text') => read(plan, format).tasks.map((t) => [t.path, t.title, t.units.map((u) => `${u.name}:${u.role}`), t.vague.map((v) => v.text)]);

describe('task tables with separate lead and supporting columns', () => {
  it('a table pasted one cell per line: 牵头部门 leads, 参与单位 supports, by position when every cell is there', () => {
    const plan = ['某市实施方案', '一、主要任务', '详见附件。', '附件', '序号', '工作任务', '牵头部门', '参与单位', '完成时间', '1', '推进河湖治理', '市水利局', '市生态环境局、市农业农村局', '2025年', '2', '建设绿色矿山', '市自然资源局', '各区县人民政府', '长期'];
    expect(tasks(plan.join('\n'))).toEqual([
      ['附件.1', '推进河湖治理', ['市水利局:lead', '市生态环境局:support', '市农业农村局:support'], []],
      ['附件.2', '建设绿色矿山', ['市自然资源局:lead'], ['各区县人民政府']],
    ]);
  });

  it('a row whose supporting cell is empty (a dropped blank line) has its one unit cell as the lead', () => {
    const simple = ['某县实施方案', '附件', '序号', '领域', '重点任务', '牵头单位', '协办单位', '完成时限', '1', '大气', '淘汰燃煤小锅炉', '县生态环境分局', '', '2024年', '2', '水', '整治黑臭水体', '县住房和城乡建设局', '县水利局', '2025年'];
    expect(tasks(simple.join('\n'))).toEqual([
      ['附件.1', '淘汰燃煤小锅炉', ['县生态环境分局:lead'], []],
      ['附件.2', '整治黑臭水体', ['县住房和城乡建设局:lead', '县水利局:support'], []],
    ]);
  });

  it('a GFM table reads 牵头单位 / 参与单位 / 协办单位 columns the same way', () => {
    const plan = [
      '# 某区实施方案',
      '',
      '| 序号 | 工作任务 | 牵头单位 | 参与单位 | 协办单位 |',
      '|---|---|---|---|---|',
      '| 1 | 推进河湖治理 | 区水利局 | 区生态环境分局 | 区农业农村局 |',
      '| 2 | 建设口袋公园 | 区城市管理局 |  |  |',
    ];
    expect(tasks(plan.join('\n'), 'markdown')).toEqual([
      ['表.1', '推进河湖治理', ['区水利局:lead', '区生态环境分局:support', '区农业农村局:support'], []],
      ['表.2', '建设口袋公园', ['区城市管理局:lead'], []],
    ]);
  });

  it('stays linear on a long flattened table', () => {
    // serials run to 999 (a longer table is not a task table); every row is read once
    const rows: string[] = [];
    for (let i = 1; i <= 900; i++) rows.push(String(i), `任务${i}`, '市水利局', '市生态环境局', '2025年');
    const plan = ['某市实施方案', '附件', '序号', '工作任务', '牵头单位', '配合单位', '完成时限', ...rows].join('\n');
    const t0 = Date.now();
    const t = read(plan, 'text').tasks;
    expect(t.length).toBe(900);
    expect(t[899].units.map((u) => `${u.name}:${u.role}`)).toEqual(['市水利局:lead', '市生态环境局:support']);
    expect(Date.now() - t0).toBeLessThan(5000);
  });
});

/** indicator, catalogueId, op, text, range start and end character. */
const targetsOf = (line: string) => read(line, 'text').targets.map((t) => [t.indicator, t.catalogueId, t.op, t.text ?? null, t.range.start.character, t.range.end.character]);

describe('a catalogue name that ends a document title after the catalogue value verb', () => {
  it('reads 制定实施《…规划(…)》 as the qualitative target of the indicator, the surface up to 》', () => {
    expect(targetsOf('组织编制规划。制定并实施《青石县生态文明建设规划(2021-2030)》,每年评估。')).toEqual([
      ['生态文明建设规划', 'eco-civilization-plan', 'qualitative', '制定并实施', 7, 36],
    ]);
    expect(targetsOf('制定实施《生态文明建设规划》。')).toEqual([['生态文明建设规划', 'eco-civilization-plan', 'qualitative', '制定实施', 0, 14]]);
  });

  it('reads nothing when the title is about something else, or there is no value verb before it', () => {
    expect(targetsOf('制定实施《青石县生态文明建设规划环境影响报告书》。')).toEqual([]);
    expect(targetsOf('认真学习《青石县生态文明建设规划(2021-2030)》。')).toEqual([]);
    expect(targetsOf('制定实施《青石县国土空间总体规划》。')).toEqual([]);
  });

  it('stays linear on a long line of titles', () => {
    const line = '制定实施《青石县'.repeat(20000) + '生态文明建设规划》';
    const t0 = Date.now();
    expect(targetsOf(line)).toEqual([['生态文明建设规划', 'eco-civilization-plan', 'qualitative', '制定实施', line.length - 17, line.length]]);
    expect(Date.now() - t0).toBeLessThan(3000);
  });
});

describe('an institution stated as achieved is a qualitative target', () => {
  it('reads 制度/机制/体系 followed by a completion phrase at the end of its clause, also after a year or 确保', () => {
    expect(targetsOf('到2025年,生态环境损害赔偿制度全面实施,自然资源资产产权制度基本建立。')).toEqual([
      ['生态环境损害赔偿制度', null, 'qualitative', '全面实施', 7, 21],
      ['自然资源资产产权制度', null, 'qualitative', '基本建立', 22, 36],
    ]);
    // 全面建立 is read by the value-verb reader the catalogue names use (全面 an adverb, as in 河长制全面实施)
    expect(targetsOf('确保流域横向生态补偿机制全面建立;')).toEqual([['流域横向生态补偿机制', null, 'qualitative', '建立', 2, 16]]);
    expect(read('到2025年,现代环境治理体系全面建成。', 'text').targets.map((t) => [t.indicator, t.year])).toEqual([['现代环境治理体系', 2025]]);
  });

  it('reads nothing where the prose works on an institution and states nothing as achieved', () => {
    expect(targetsOf('完善生态环境损害赔偿制度,健全磋商机制。')).toEqual([]);
    expect(targetsOf('推动生态环境损害赔偿制度全面落实。')).toEqual([]);
    expect(targetsOf('加快构建现代环境治理体系全面建成的保障措施。')).toEqual([]);
    expect(targetsOf('印发生态环境损害赔偿制度全面实施方案。')).toEqual([]);
    expect(targetsOf('生态环境损害赔偿制度改革全面实施。')).toEqual([]);
  });

  it('stays linear on a long run of institution words', () => {
    const line = '制度全面实施'.repeat(30000) + '。' + '赔偿制度'.repeat(30000);
    const t0 = Date.now();
    read(line, 'text');
    expect(Date.now() - t0).toBeLessThan(5000);
  });
});
