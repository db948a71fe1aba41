import { describe, expect, it } from 'vitest';
import citationData from '../../data/catalogue/citations.yaml';
import { AnalysisCache, analysePlan } from '../../server/src/core/analyse';
import { builtinEditions } from '../../server/src/core/catalogue/builtin';
import { editionCitations, mayCiteEdition } from '../../server/src/core/catalogue/citations';
import type { Locale } from '../../server/src/core/locale';

// Invented plans in the forms real ones use: a signature block or an issuer above the title, a
// 根据……(文号) sentence in the preamble, then the tasks.
const TASKS = ['一、主要任务', '1.提升污水处理能力。到2025年,城镇污水处理率达95%以上。(责任单位:市住建局)'];
const CITY = '青溪市创建国家生态文明建设示范市实施方案';
const COUNTY = '石渠口县创建国家生态文明建设示范县实施方案';

function plan(title: string, preamble: string, head: string[] = []): string {
  return [...head, title, '', preamble, '', ...TASKS].join('\n');
}

function settled(text: string, options: { locale?: Locale; catalogue?: string; format?: 'text' | 'markdown' } = {}) {
  const a = analysePlan(text, { uri: 'plan.txt', format: options.format ?? 'text', locale: options.locale, catalogue: options.catalogue });
  return {
    edition: a.edition.id,
    from: a.settings.catalogueFrom,
    notes: a.diagnostics.filter((d) => d.code === 'incomplete-catalogue' || (d.code === 'assumed-settings' && !/级指标检查|^Checked against the (city|county)-level/.test(d.message))).map((d) => [d.code, d.range.start.line, d.message]),
  };
}

describe('the edition a plan cites', () => {
  it('reads every citation form of data/catalogue/citations.yaml, whatever its brackets', () => {
    const cases: [string, string][] = [
      ['根据生态环境部《关于印发〈国家生态文明建设示范市县建设指标〉〈国家生态文明建设示范市县管理规程〉的通知》(环生态〔2019〕76号),制定本方案。', 'national-2019'],
      ['根据环生态[2019]76号文件精神,制定本方案。', 'national-2019'],
      ['根据环生态(2019)76号文件精神,制定本方案。', 'national-2019'],
      ['对照《国家生态文明建设示范市县建设指标》查找差距,制定本方案。', 'national-2019'],
      ['依据《国家生态文明建设示范区管理规程(修订版)》《国家生态文明建设示范区建设指标(修订版)》(环办生态函〔2021〕353号),制定本方案。', 'national-2021'],
      ['依据《国家生态文明建设示范区建设指标》(2021年修订版),制定本方案。', 'national-2021'],
      ['对照《生态文明建设示范区(市)建设指标》,制定本方案。', 'national-2024-city'],
      ['根据《生态文明建设示范区（市）建设指标》（环办生态〔2024〕4号），制定本方案。', 'national-2024-city'],
      ['根据环办生态【2024】4号文件要求,制定本方案。', 'national-2024-city'],
    ];
    for (const [preamble, edition] of cases) expect([preamble, settled(plan(CITY, preamble)).edition]).toEqual([preamble, edition]);
  });

  it('keeps the default where nothing is cited, and never takes the 管理规程 alone for a list', () => {
    expect(settled(plan(CITY, '按照生态环境部《国家生态文明建设示范区管理规程(修订版)》等要求,制定本方案。'))).toEqual({ edition: 'national-2019', from: 'default', notes: [] });
    expect(editionCitations('国家生态文明建设示范县、市指标(试行)')).toEqual([]);
  });

  it('finds where each edition is first cited, in the words written, with the brackets they open', () => {
    const text = ['青溪市', '', '根据环生态〔2019〕76号、《国家生态文明建设示范区建设指标》(2021年修订版)要求,', '再次引用环生态〔2019〕76号。'].join('\n');
    expect(editionCitations(text)).toEqual([
      { editions: ['national-2019'], words: '环生态〔2019〕76号', line: 2 },
      { editions: ['national-2021'], words: '国家生态文明建设示范区建设指标》(2021年修订版)', line: 2 },
    ]);
    // a citation broken over two lines (a PDF copy) is still one
    expect(editionCitations('根据《生态文明建设示范区\n(县)建设指标》')).toEqual([{ editions: ['national-2024-county'], words: '生态文明建设示范区\n(县)建设指标', line: 0 }]);
  });

  it('holds a plan citing 2019 and the 2021 revision to 2019, the newest it cites that is complete, and says so', () => {
    const preamble = '根据生态环境部《关于印发〈国家生态文明建设示范市县建设指标〉的通知》(环生态〔2019〕76号)、《国家生态文明建设示范区建设指标》(2021年修订版)要求,制定本方案。';
    const head = ['青溪市人民政府办公室', '2022年4月8日', ''];
    expect(settled(plan(CITY, preamble, head))).toEqual({
      edition: 'national-2019',
      from: 'citation',
      notes: [
        [
          'assumed-settings',
          3,
          '按本方案引用的国家生态文明建设示范市县建设指标(环生态〔2019〕76号)检查:同时引用的国家生态文明建设示范区建设指标(2021年修订版)(第 6 行「国家生态文明建设示范区建设指标》(2021年修订版)」)在 EcoPlan 数据中尚不完整;如有其指标表,可用 ecoplan catalogue import 导入(见 README「方案设置」),再在 front matter 中写 ecoplan: {catalogue: national-2021}',
        ],
      ],
    });
    expect(settled(plan(CITY, preamble, head), { locale: 'en' }).notes).toEqual([
      [
        'assumed-settings',
        3,
        'Checked against national-2019, which the plan cites: national-2021, also cited ("国家生态文明建设示范区建设指标》(2021年修订版)", line 6), is incomplete in EcoPlan\'s data; given its table, bring it in with ecoplan catalogue import (README, Plan settings), then set ecoplan: {catalogue: national-2021} in front matter',
      ],
    ]);
  });
});

describe('a plan written after a newer list was issued', () => {
  const preamble = '对照《国家生态文明建设示范市县建设指标》查找差距,制定本方案。';
  const note = (date: string) =>
    `本方案编制于${date},引用的是国家生态文明建设示范市县建设指标(环生态〔2019〕76号)(第 6 行「国家生态文明建设示范市县建设指标」);2024年2月已印发生态文明建设示范区(市)建设指标(环办生态〔2024〕4号),有更新的指标可对照;新版在 EcoPlan 数据中尚不完整,如有其指标表,可用 ecoplan catalogue import 导入(见 README「方案设置」)`;

  it('is told a newer list exists, from the issue date above its title, to the month', () => {
    expect(settled(plan(CITY, preamble, ['青溪市人民政府办公室', '2024年3月5日', ''])).notes).toEqual([['assumed-settings', 3, note('2024年3月')]]);
    // February 2024 itself: the 2024 lists were issued on the 1st, the plan was likely drafted before; the 2021 revision was there
    expect(settled(plan(CITY, preamble, ['青溪市人民政府办公室', '2024年2月20日', ''])).notes).toEqual([
      [
        'assumed-settings',
        3,
        '本方案编制于2024年2月,引用的是国家生态文明建设示范市县建设指标(环生态〔2019〕76号)(第 6 行「国家生态文明建设示范市县建设指标」);2021年已印发国家生态文明建设示范区建设指标(2021年修订版)(环办生态函〔2021〕353号),有更新的指标可对照;新版在 EcoPlan 数据中尚不完整,如有其指标表,可用 ecoplan catalogue import 导入(见 README「方案设置」)',
      ],
    ]);
    // a plan of 2021 citing 2019: the revision's month is unknown, so it is not said to be older
    expect(settled(plan(CITY, preamble, ['青溪市人民政府办公室', '2021年10月9日', ''])).notes).toEqual([]);
    expect(settled(plan(CITY, preamble, ['发布日期:2024-05-10', '', '']))).toMatchObject({ notes: [['assumed-settings', 3, note('2024年5月')]] });
  });

  it('reads the date of a signature at the end, else the year of its period', () => {
    const signed = [CITY, '', preamble, '', ...TASKS, '', '青溪市人民政府办公室', '2025年1月6日印发'].join('\n');
    expect(settled(signed).notes).toEqual([['assumed-settings', 0, note('2025年1月').replace('第 6 行', '第 3 行')]]);
    expect(settled(plan(`${CITY}(2025—2027年)`, preamble)).notes).toEqual([['assumed-settings', 0, note('2025年').replace('第 6 行', '第 3 行')]]);
    // a deadline in the last lines is no date of writing
    const deadline = [CITY, '', preamble, '', ...TASKS, '2. 2025年12月31日前完成整改。(责任单位:市生态环境局)'].join('\n');
    expect(settled(deadline).notes).toEqual([]);
  });

  it('says it in English', () => {
    expect(settled(plan(CITY, preamble, ['青溪市人民政府办公室', '2024年3月5日', '']), { locale: 'en' }).notes).toEqual([
      [
        'assumed-settings',
        3,
        'The plan dates from 2024-03 and cites national-2019 ("国家生态文明建设示范市县建设指标", line 6); a newer list, national-2024-city, was issued in 2024-02; the newer list is incomplete in EcoPlan\'s data, given its table, bring it in with ecoplan catalogue import (README, Plan settings)',
      ],
    ]);
  });
});

describe('an edition incomplete in the data', () => {
  const cited = '根据环办生态〔2024〕4号文件要求,制定本方案。';
  const zh =
    '本方案引用的生态文明建设示范区(县)建设指标在 EcoPlan 中尚不完整(已收录 0 项指标):未收录指标的目标不与指标值比较,也不检查约束性指标是否都有目标;如有该版本的指标表,可用 ecoplan catalogue import <指标表.docx|.xlsx> -o national-2024-county.yaml --id national-2024-county 导入,再在 ecoplan.config.yaml 的 catalogues: 中列出';

  it('is the one a 县 plan citing the 2024 notice is held to, the level read from its title, and says which checks cannot run', () => {
    expect(settled(plan(COUNTY, cited))).toEqual({ edition: 'national-2024-county', from: 'citation', notes: [['incomplete-catalogue', 2, zh]] });
    // no threshold is taken from another list: the 85% below the 2019 市 bar is not flagged
    expect(analysePlan(plan(COUNTY, cited).replace('95%', '80%'), { uri: 'plan.txt', format: 'text' }).diagnostics.filter((d) => d.code === 'target-below-threshold')).toEqual([]);
    expect(settled(plan(COUNTY, cited), { locale: 'en' }).notes).toEqual([
      [
        'incomplete-catalogue',
        2,
        'Cited by the plan ("环办生态〔2024〕4号"): national-2024-county is incomplete in EcoPlan\'s data (0 indicators recorded): targets of other indicators are not compared with a threshold, and binding-indicator coverage is not checked; given the edition\'s table, run ecoplan catalogue import <table.docx|.xlsx> -o national-2024-county.yaml --id national-2024-county and list the file under catalogues: in ecoplan.config.yaml',
      ],
    ]);
  });

  it('holds a plan citing only the 2021 revision to it, and says so at its citation, not checking it against 2019', () => {
    const revised = plan(CITY, '根据《国家生态文明建设示范区建设指标(修订版)》(环办生态函〔2021〕353号)要求,制定本方案。').replace('95%', '85%');
    const a = analysePlan(revised, { uri: 'plan.txt', format: 'text' });
    expect(a.diagnostics.filter((d) => d.code !== 'assumed-settings').map((d) => [d.code, d.range.start.line, d.message])).toEqual([
      [
        'incomplete-catalogue',
        2,
        '本方案引用的国家生态文明建设示范区建设指标(2021年修订版)在 EcoPlan 中尚不完整(已收录 0 项指标):未收录指标的目标不与指标值比较,也不检查约束性指标是否都有目标;如有该版本的指标表,可用 ecoplan catalogue import <指标表.docx|.xlsx> -o national-2021.yaml --id national-2021 导入,再在 ecoplan.config.yaml 的 catalogues: 中列出',
      ],
    ]);
    // the same plan citing nothing is checked against 2019: 85% is below its 市 bar
    expect(analysePlan(plan(CITY, '制定本方案。').replace('95%', '85%'), { uri: 'plan.txt', format: 'text' }).diagnostics.filter((d) => d.code === 'target-below-threshold').map((d) => d.message)).toEqual(['城镇污水处理率 目标 ≥85% 低于 2019 版(市)约束性指标 ≥95%']);
  });

  it('gives a 市 plan citing the same notice the 市 list', () => {
    expect(settled(plan(CITY, cited))).toMatchObject({ edition: 'national-2024-city', from: 'citation' });
  });

  it('gives each level its own list when the plan cites the notice by its title, which names both', () => {
    const notice = '根据生态环境部办公厅《关于印发〈生态文明建设示范区(市)建设指标〉〈生态文明建设示范区(县)建设指标〉〈生态文明建设示范区管理规程〉的通知》,制定本方案。';
    expect([settled(plan(COUNTY, notice)).edition, settled(plan(CITY, notice)).edition]).toEqual(['national-2024-county', 'national-2024-city']);
  });
});

describe('precedence', () => {
  const cited = '根据《生态文明建设示范区(县)建设指标》(环办生态〔2024〕4号),制定本方案。';
  it('lets the front matter, then the config or flag, win over a citation', () => {
    const fm = ['---', 'ecoplan:', '  catalogue: national-2019', '---', `# ${COUNTY}`, '', cited, '', '## 一、主要任务', '1.提升污水处理能力。城镇污水处理率达85%以上。(责任单位:县住建局)'].join('\n');
    expect(settled(fm, { format: 'markdown' })).toEqual({ edition: 'national-2019', from: 'front-matter', notes: [] });
    expect(settled(plan(COUNTY, cited), { catalogue: 'national-2019' })).toEqual({ edition: 'national-2019', from: 'external', notes: [] });
  });
});

describe('citations and the editor', () => {
  it('reads the plan again when an edit adds a citation to a line', () => {
    const lines = [CITY, '', '为推进创建工作,制定本方案。', '', ...TASKS, '2.加强宣传。(责任单位:市委宣传部)', '3.完善制度。(责任单位:市发改委)'];
    const cache = new AnalysisCache();
    expect(analysePlan(lines.join('\n'), { uri: 'p.txt', format: 'text', cache }).edition.id).toBe('national-2019');
    lines[7] = '3.完善制度,对照《生态文明建设示范区(市)建设指标》补齐短板。(责任单位:市发改委)';
    const after = analysePlan(lines.join('\n'), { uri: 'p.txt', format: 'text', cache });
    expect([after.edition.id, cache.lastWasEdit]).toEqual(['national-2024-city', false]);
    expect(mayCiteEdition('3.完善制度。(责任单位:市发改委)')).toBe(false);
  });

  it('stays linear on a 400 KB line', () => {
    const text = '环生态〔2019〕7'.repeat(20000) + '《生态文明建设示范区(县' + ')'.repeat(100000);
    const t = performance.now();
    expect(editionCitations(text)).toEqual([]);
    expect(performance.now() - t).toBeLessThan(1000);
  });
});

describe('data/catalogue/citations.yaml', () => {
  it('names only built-in editions, each form once', () => {
    const entries = (citationData as { citations: { form: string; editions: string[] }[] }).citations;
    const ids = builtinEditions.map((e) => e.id);
    expect(entries.flatMap((c) => c.editions).filter((id) => !ids.includes(id))).toEqual([]);
    expect(new Set(entries.map((c) => c.form)).size).toBe(entries.length);
    // every edition's own document number is a form
    for (const e of builtinEditions) expect([e.id, entries.some((c) => c.form === e.document && c.editions.includes(e.id))]).toEqual([e.id, true]);
  });
});
