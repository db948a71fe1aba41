import { describe, expect, it } from 'vitest';
import tableColumnsData from '../../data/vocab/tableColumns.yaml';
import { isColumnFragment, readColumn, readSchema } from '../../server/src/core/recognise/tableColumns';
import { findPlainTables } from '../../server/src/core/recognise/tableLayout';
import { foldWidth } from '../../server/src/core/text/fold';
import { LineIndex } from '../../server/src/core/text/lineIndex';
import { read } from '../support/plan';

// One table reader for every layout (issue 18 item 2): the header's vocabulary (data/vocab/tableColumns.yaml)
// says which layout is a table and what each column is; every row is read by the same rules.

const tasksOf = (text: string, format: 'text' | 'markdown' = 'text') =>
  read(text, format).tasks.map((t) => [t.range.start.line, t.path, t.title, t.units.map((u) => `${u.name}:${u.role}`).join(' '), t.vague.map((v) => v.text).join(' '), t.noUnit]);
const targetsOf = (text: string, format: 'text' | 'markdown' = 'text') =>
  read(text, format).targets.map((t) => [t.range.start.line, t.range.start.character, t.indicator, t.op, t.value, t.unit, t.year]);
const layoutsOf = (text: string) => {
  const work = foldWidth(text);
  return findPlainTables(work, new LineIndex(text), new Set()).map((t) => [t.layout, t.header.join('/'), t.rows.length]);
};

describe('the column vocabulary (data/vocab/tableColumns.yaml)', () => {
  const vocab = tableColumnsData as { columns: Record<string, string[]>; values: Record<string, string[]>; levels: string[] };
  it('gives every column name one kind', () => {
    const words = [...Object.values(vocab.columns).flat(), ...Object.values(vocab.values).flat()];
    expect(new Set(words).size).toBe(words.length);
    expect(Object.keys(vocab.columns)).toEqual(['serial', 'group', 'title', 'detail', 'lead', 'support', 'list', 'deadline', 'attribute', 'remark', 'indicator', 'measure']);
    expect(Object.keys(vocab.values)).toEqual(['goal', 'baseline']);
  });

  it('reads a header cell as its kind, with the year a value column is for', () => {
    const cells = ['序号', '重点任务', '具体措施', '工作措施', '牵头单位', '牵头部门', '主责单位', '协办单位', '参加单位', '配合部门', '责任单位', '责任部门', '责任主体', '完成时限',
      '指标名称', '单位', '现状值', '目标值', '指标属性', '省级指标值', '2025年目标值', '2020年现状值', '2025年', '目标值(%)', '2023年重点任务', '规划目标值', '序  号', '牵头', '单位名称', '推进城镇污水处理', '2025年底前完成'];
    expect(cells.map((c) => [c, readColumn(c)?.kind ?? null, readColumn(c)?.year ?? null])).toEqual([
      ['序号', 'serial', null], ['重点任务', 'title', null], ['具体措施', 'detail', null], ['工作措施', 'detail', null],
      ['牵头单位', 'lead', null], ['牵头部门', 'lead', null], ['主责单位', 'lead', null], ['协办单位', 'support', null], ['参加单位', 'support', null], ['配合部门', 'support', null],
      ['责任单位', 'list', null], ['责任部门', 'list', null], ['责任主体', 'list', null], ['完成时限', 'deadline', null],
      ['指标名称', 'indicator', null], ['单位', 'measure', null], ['现状值', 'baseline', null], ['目标值', 'goal', null], ['指标属性', 'attribute', null],
      ['省级指标值', 'goal', null], ['2025年目标值', 'goal', 2025], ['2020年现状值', 'baseline', 2020], ['2025年', 'goal', 2025], ['目标值(%)', 'goal', null],
      ['2023年重点任务', 'title', 2023], ['规划目标值', 'goal', null], ['序  号', 'serial', null],
      ['牵头', null, null], ['单位名称', null, null], ['推进城镇污水处理', null, null], ['2025年底前完成', null, null],
    ]);
    expect(['牵头', '时限', '重点', '单位', '污水'].map(isColumnFragment)).toEqual([true, true, true, true, false]);
  });

  it('makes the latest year the goal and the earlier years baselines; an explicit 目标值 column wins over years', () => {
    const years = readSchema(['序号', '指标', '单位', '2020年', '2025年', '2023年']);
    expect([years.goal, years.columns.map((c) => c.kind)]).toEqual([4, ['serial', 'indicator', 'measure', 'baseline', 'goal', 'baseline']]);
    const named = readSchema(['指标名称', '2020年', '2030年', '2025年目标值']);
    expect([named.goal, named.columns[named.goal].year, named.columns.map((c) => c.kind)]).toEqual([3, 2025, ['indicator', 'baseline', 'baseline', 'goal']]);
    const task = readSchema(['序号', '重点任务', '牵头部门', '主责单位', '协办单位', '完成时限']);
    expect([task.tasks, task.indicators, task.lead, task.support, task.list, task.title]).toEqual([true, false, [2, 3], [4], [], 1]);
  });
});

describe('layouts', () => {
  it('finds a table in each layout and only from a header of column names', () => {
    const tab = ['序号\t重点任务\t牵头单位\t完成时限', '1\t治理扬尘\t县住房和城乡建设局\t2024年'].join('\n');
    const pipe = ['|序号|重点任务|责任单位|', '|---|---|---|', '|1|治理扬尘|县住房和城乡建设局|'].join('\n');
    const spaces = ['序号  重点任务    责任单位', '1     治理扬尘    县住房和城乡建设局'].join('\n');
    const cellPerLine = ['序号', '重点任务', '责任单位', '1', '治理扬尘', '县住房和城乡建设局'].join('\n');
    const noSerial = ['指标名称', '现状值', '目标值', '城镇污水处理率', '90%', '95%', '优良天数比例', '80%', '85%'].join('\n');
    expect([tab, pipe, spaces, cellPerLine, noSerial].map(layoutsOf)).toEqual([
      [['delimited', '序号/重点任务/牵头单位/完成时限', 1]],
      [['delimited', '序号/重点任务/责任单位', 1]],
      [['delimited', '序号/重点任务/责任单位', 1]],
      [['cellPerLine', '序号/重点任务/责任单位', 1]],
      [['cellPerLine', '指标名称/现状值/目标值', 2]],
    ]);
    // prose with tabs, double spaces or short lines is no table; nor are column names that make no task or indicator table
    const prose = [
      '一、重点任务',
      '1.推进治理\t加强监管\t强化考核。(责任单位:县水利局)',
      '重点任务  责任单位  完成时限都要在年底前报送。',
      '领域',
      '类别',
      '备注',
      '任务',
      '目标',
      '单位',
    ].join('\n');
    expect(layoutsOf(prose)).toEqual([]);
    expect(tasksOf(prose)).toEqual([[1, '一.1', '推进治理\t加强监管\t强化考核', '县水利局:lead', '', false]]);
  });
});

describe('task tables in every layout', () => {
  it('reads one cell per line with a header split over two lines, group rows, an empty cell and a wrapped cell', () => {
    const text = [
      '附件', // 0
      '序号', '重点', '任务', '牵头', '单位', '配合', '单位', '完成', '时限', // 1-9
      '一、生态安全', // 10
      '1', '推进污水管网建设,城镇污水处理率达到95%以上', '县住房和城乡建设局', '县水利局、各乡镇人民政府', '2025年', // 11-15
      '2', '实施河湖水系连通', '县水利局', '2024年', // 16-19: an empty 配合单位 cell pasted as nothing
      '二、生态文化', // 20
      '3', '建设生态文明教育基地,开展', '研学活动', '县教育局', '县委宣传部', '2025年', // 21-26: a title cell wrapped
      '三、保障措施', // 27
      '各单位要加强协作。', // 28
    ].join('\n');
    expect(tasksOf(text)).toEqual([
      [11, '附件.1', '推进污水管网建设,城镇污水处理率达到95%以上', '县住房和城乡建设局:lead 县水利局:support', '各乡镇人民政府', false],
      [16, '附件.2', '实施河湖水系连通', '县水利局:lead', '', false],
      [21, '附件.3', '建设生态文明教育基地,开展研学活动', '县教育局:lead 县委宣传部:support', '', false],
    ]);
    expect(targetsOf(text)).toEqual([[12, 9, '城镇污水处理率', '>=', 95, '%', null]]);
  });

  it('reads tab-separated rows: a cell wrapping under its column, a group row, — for no unit, 责任单位 with the first listed leading', () => {
    const text = [
      '序号\t重点任务\t责任单位\t完成时限', // 0
      '(一)水环境', // 1
      '1\t推进入河排污口整治\t县生态环境分局、县水利局、\t2024年', // 2
      '\t\t县农业农村局\t', // 3
      '2\t建设生态缓冲带\t—\t2025年', // 4
      '注:完成时限为最迟时间。', // 5
    ].join('\n');
    expect(tasksOf(text)).toEqual([
      [2, '表.1', '推进入河排污口整治', '县生态环境分局:lead 县水利局:support 县农业农村局:support', '', false],
      [4, '表.2', '建设生态缓冲带', '', '', true],
    ]);
  });

  it('reads space-aligned rows by the header cells they stand under, an empty cell left as blank space', () => {
    const text = [
      '序号  重点任务          牵头部门          协办单位          完成时限', // 0
      '1     治理道路扬尘      区城市管理局      区交通运输局      2024年', // 1
      '2     整治黑臭水体      区水务局                            2023年', // 2
      '      并建立长效机制                      区住房和城乡建设局', // 3
    ].join('\n');
    expect(tasksOf(text)).toEqual([
      [1, '表.1', '治理道路扬尘', '区城市管理局:lead 区交通运输局:support', '', false],
      [2, '表.2', '整治黑臭水体并建立长效机制', '区水务局:lead 区住房和城乡建设局:support', '', false],
    ]);
  });

  it('puts a diagnostic of a table task on its row\'s first cell', () => {
    const text = ['石门县创建国家生态文明建设示范县实施方案', '附件', '序号', '重点任务', '牵头单位', '配合单位', '1', '建设口袋公园', '2025年'].join('\n');
    const a = read(text, 'text');
    expect(a.tasks.map((t) => [t.range.start.line, t.range.start.character, t.range.end.character, t.noUnit])).toEqual([[6, 0, 1, true]]);
  });
});

describe('indicator tables: the goal column, never the baseline', () => {
  it('reads 现状值 and 目标值 columns one cell per line: operator from the cell or the direction, unit from 单位', () => {
    const text = [
      '序号', '指标名称', '单位', '现状值', '目标值', '指标属性', // 0-5
      '1', '城镇污水处理率', '%', '91', '≥95', '约束性', // 6-11
      '2', '单位地区生产总值用水量', '立方米/万元', '46.2', '42', '约束性', // 12-17: a bare number of a lower-is-better indicator
      '3', '河长制', '-', '全面推行', '全面实施', '约束性', // 18-23
      '4', '集中式饮用水水源地水质优良比例', '%', '100', '100', '约束性', // 24-29
      '5', '黑臭水体消除比例', '%', '—', '稳定达标', '约束性', // 30-35
    ].join('\n');
    expect(targetsOf(text)).toEqual([
      [10, 0, '城镇污水处理率', '>=', 95, '%', null],
      [16, 0, '单位地区生产总值用水量', '<=', 42, '立方米/万元', null],
      [22, 0, '河长制', 'qualitative', null, null, null],
      [28, 0, '集中式饮用水水源地水质优良比例', '>=', 100, '%', null],
      [34, 0, '黑臭水体消除比例', 'qualitative', null, null, null],
    ]);
    // no column of units: the rows state targets, they are no tasks
    expect(tasksOf(text)).toEqual([]);
  });

  it('reads a ragged row of an indicator table with no column of units for catalogue indicators only: silence rather than a wrong value', () => {
    // a cell over several lines of terrains, pasted as labels first and values after (the 40-hunan excerpt):
    // whose value is whose is lost, and the last label reads as a name the catalogue lacks
    const ragged = ['序号', '指标名称', '单位', '指标值', '指标属性', '1', '林草覆盖率', '山区', '丘陵区', '高寒区或草原区覆盖率', '%', '≥60', '≥40', '≥70', '参考性'].join('\n');
    expect(targetsOf(ragged)).toEqual([]);
    // the same table with a row that fits its columns, and a ragged row whose values repeat one catalogue indicator
    const fits = ['序号', '指标名称', '单位', '指标值', '指标属性', '1', '城镇污水处理率', '%', '≥95', '约束性', '2', '林草覆盖率', '%', '≥60', '≥40', '参考性'].join('\n');
    expect(targetsOf(fits)).toEqual([
      [8, 0, '城镇污水处理率', '>=', 95, '%', null],
      [13, 0, '林草覆盖率', '>=', 60, '%', null],
    ]);
  });

  it('reads one column per year: the latest year is the target and its year; PM2.5 in 微克/立方米 is lower-is-better', () => {
    const text = ['指标\t单位\t2020年\t2023年\t2025年\t责任单位', 'PM2.5平均浓度\t微克/立方米\t36\t33\t30\t市生态环境局', '优良天数比例\t%\t85.2\t86\t88\t市生态环境局'].join('\n');
    expect(targetsOf(text)).toEqual([
      [1, 23, 'PM2.5浓度下降幅度', '<=', 30, '微克/立方米', 2025],
      [2, 17, '优良天数比例', '>=', 88, '%', 2025],
    ]);
    expect(tasksOf(text)).toEqual([
      [1, '表.1', 'PM2.5平均浓度', '市生态环境局:lead', '', false],
      [2, '表.2', '优良天数比例', '市生态环境局:lead', '', false],
    ]);
  });

  it('reads a GFM table the same way: 现状值 is never the target', () => {
    const md = ['| 指标名称 | 单位 | 现状值 | 目标值 |', '|---|---|---|---|', '| 城镇污水处理率 | % | 92 | ≥95 |'].join('\n');
    expect(targetsOf(md, 'markdown')).toEqual([[2, 21, '城镇污水处理率', '>=', 95, '%', null]]);
  });
});

describe('adversarial inputs stay linear', () => {
  it('reads a 3000-row table pasted one cell per line, and a 3000-row tab table, quickly', () => {
    const cells: string[] = ['序号', '重点任务', '牵头单位', '配合单位', '完成时限'];
    const tabs: string[] = ['序号\t重点任务\t牵头单位\t配合单位\t完成时限'];
    for (let r = 1; r <= 3000; r++) {
      cells.push(String(r), `推进第${r}项治理工程`, '县水利局', '县生态环境分局、各乡镇人民政府', '2025年');
      tabs.push(`${r}\t推进第${r}项治理工程\t县水利局\t县生态环境分局\t2025年`);
    }
    const t0 = Date.now();
    const a = read(cells.join('\n'), 'text').tasks;
    const b = read(tabs.join('\n'), 'text').tasks;
    expect([a.length, b.length, a[2999].units.map((u) => u.role), b[2999].range.start.line]).toEqual([3000, 3000, ['lead', 'support'], 3000]);
    expect(Date.now() - t0).toBeLessThan(8000);
  });

  it('runs of column names, separators and one enormous line do not go quadratic', () => {
    const words = Array.from({ length: 20000 }, (_, i) => (i % 2 ? '目标' : '备注')).join('\n');
    const wide = Array.from({ length: 20000 }, () => '序号').join('\t') + '\n' + Array.from({ length: 20000 }, (_, i) => `单元${i}`).join('  ');
    const pipes = '|'.repeat(200000);
    const t0 = Date.now();
    for (const text of [words, wide, pipes]) read(text, 'text');
    expect(Date.now() - t0).toBeLessThan(8000);
  });
});
