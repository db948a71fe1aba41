import { describe, expect, it } from 'vitest';
import { builtinSynonyms, loadSynonyms, prefixVariants } from '../../server/src/core/catalogue/synonyms';
import { loadTargetVocabulary, targetVocabulary } from '../../server/src/core/recognise/targetVocabulary';
import { fw } from '../support/fullWidth';
import { names, read } from '../support/plan';

/** indicator, catalogueId (or null), op, value, unit, year, and the range's start and end character. */
const found = (line: string) =>
  read(line).targets.map((t) => [t.indicator, t.catalogueId, t.op, t.value, t.unit, t.year, t.range.start.character, t.range.end.character]);

describe('stage one: every target statement, also of metrics the catalogue lacks', () => {
  it('keeps a local metric with its value, without the leading scope words and the year', () => {
    expect(found('到2025年,全市湿地保护率达到70%以上,新能源公交车比例不低于80%。')).toEqual([
      ['湿地保护率', null, '>=', 70, '%', 2025, 9, 21],
      ['新能源公交车比例', null, '>=', 80, '%', 2025, 22, 36],
    ]);
    expect(found('到2025年我县农村生活污水治理率达到60%。')).toEqual([['农村生活污水治理率', null, '>=', 60, '%', 2025, 8, 22]]);
    expect(found('加快推进污水管网建设,使城镇污水收集率达到70%。')).toEqual([['城镇污水收集率', null, '>=', 70, '%', null, 12, 24]]);
    expect(found('湿地保护率≥70%,城市生活垃圾回收利用率控制在不低于35%。')[0]).toEqual(['湿地保护率', null, '>=', 70, '%', null, 0, 9]);
  });

  it('never takes a bare head word for a metric, and reads 县城 as a variant of 城镇', () => {
    expect(found('严格落实生态保护红线管控,确保面积不减少、性质不改变。')).toEqual([]);
    expect(found('开展河道综合整治,县城污水处理率达到95%以上。')).toEqual([['城镇污水处理率', 'urban-sewage-treatment-rate', '>=', 95, '%', null, 9, 23]]);
  });

  it('reads units written in words or in full as their symbols', () => {
    expect(found('湿地面积不低于2.5万亩,用水总量控制在3.2亿立方米以内,自然岸线长度不少于120公里,森林蓄积量达到1200万立方米。')).toEqual([
      ['湿地面积', null, '>=', 2.5, '万亩', null, 0, 12],
      ['用水总量', null, '<=', 3.2, '亿立方米', null, 13, 29],
      ['自然岸线长度', null, '>=', 120, '公里', null, 30, 44],
      ['森林蓄积量', null, '>=', 1200, '万立方米', null, 45, 60],
    ]);
    expect(found('湿地面积保持在120平方公里以上。')).toEqual([['湿地面积', null, '>=', 120, '平方公里', null, 0, 16]]);
  });

  it('reads PM2.5 as a concentration in μg/m³, lower is better, never as a decline ≥ the value', () => {
    expect(found('细颗粒物(PM2.5)年均浓度控制在29微克每立方米以下。')).toEqual([['PM2.5浓度下降幅度', 'pm25-concentration-decline', '<=', 29, 'μg/m³', null, 0, 28]]);
    expect(found('细颗粒物(PM2.5)年平均浓度降至30微克每立方米。')).toEqual([['PM2.5浓度下降幅度', 'pm25-concentration-decline', '<=', 30, 'μg/m³', null, 0, 26]]);
  });

  it('gives each name its own value after 分别, in order, with a shared 以上', () => {
    expect(found('空气质量优良率和水环境功能区达标率分别达到90%和95%。')).toEqual([
      ['优良天数比例', 'good-air-days-ratio', '>=', 90, '%', null, 0, 28],
      ['水环境功能区达标率', null, '>=', 95, '%', null, 8, 28],
    ]);
    expect(found('城镇污水处理率和农村生活污水治理率分别为95%、60%以上。').map((t) => [t[0], t[2], t[3]])).toEqual([
      ['城镇污水处理率', '>=', 95],
      ['农村生活污水治理率', '>=', 60],
    ]);
    // one value for two names: both share it
    expect(found('湿地保护率和河湖水面率分别达到70%。').map((t) => [t[0], t[3]])).toEqual([
      ['湿地保护率', 70],
      ['河湖水面率', 70],
    ]);
  });

  it('gives every name of a list the trend after it', () => {
    expect(found('农村卫生厕所普及率、绿色出行比例、公众生态环境满意度逐年提升。')).toEqual([
      ['农村无害化卫生厕所普及率', 'rural-sanitary-toilet-coverage-rate', 'trend', null, null, null, 0, 30],
      ['绿色出行比例', null, 'trend', null, null, null, 10, 30],
      // 公众生态环境满意度 is an alias of the catalogue's satisfaction indicator
      ['公众对生态文明建设的满意度', 'public-satisfaction-eco-civilization', 'trend', null, null, null, 17, 30],
    ]);
    expect(read('生态环境满意度稳中向好、持续改善。').targets.map((t) => [t.indicator, t.op, t.text])).toEqual([['生态环境满意度', 'trend', '稳中向好、持续改善']]);
  });

  it('reads a trend written before a catalogue name, and only before a name that ends the phrase', () => {
    expect(found('进一步降低单位地区生产总值能耗。')).toEqual([['单位地区生产总值能耗', 'energy-consumption-per-gdp', 'trend', null, null, null, 0, 15]]);
    expect(found('持续提升林草覆盖率。')).toEqual([['林草覆盖率', 'forest-grass-coverage-rate', 'trend', null, null, null, 0, 9]]);
    expect(found('进一步提高城镇污水处理率运行水平。')).toEqual([]);
    expect(found('提高湿地保护率,加强湿地管护。')).toEqual([]);
  });

  it('reads the same statement written with full-width digits and brackets', () => {
    expect(found(fw('湿地保护率达到70%以上,细颗粒物(PM2.5)年均浓度控制在29微克每立方米以下。'))).toEqual([
      ['湿地保护率', null, '>=', 70, '%', null, 0, 12],
      ['PM2.5浓度下降幅度', 'pm25-concentration-decline', '<=', 29, 'μg/m³', null, 13, 41],
    ]);
  });

  it('does not take words without a metric head, or a metric without a value, as targets', () => {
    expect(found('确保全市生态环境质量明显好转,绿色发展水平进一步提高。')).toEqual([]);
    expect(found('建立湿地保护率考核机制。')).toEqual([]);
  });
});

describe('more forms of unseen plans', () => {
  it('reads requirements set by the level above, 累计, 全覆盖 and the catalogue value verb 严格落实', () => {
    expect(read('单位地区生产总值能耗完成市下达的目标任务,农村生活垃圾集中收集储运实现全覆盖。').targets.map((t) => [t.indicator, t.op, t.text])).toEqual([
      ['单位地区生产总值能耗', 'qualitative', '完成市下达的目标任务'],
      ['农村生活垃圾集中收集储运', 'qualitative', '实现全覆盖'],
    ]);
    expect(read('自然岸线保有率不低于上级下达的管控目标。').targets.map((t) => [t.indicator, t.op, t.text])).toEqual([['自然岸线保有率', 'qualitative', '不低于上级下达的管控目标']]);
    expect(read('严格落实河长制。').targets.map((t) => [t.indicator, t.op, t.text])).toEqual([['河长制', 'qualitative', '严格落实']]);
    expect(read('应当实施强制性清洁生产企业通过审核的比例完成年度审核计划。').targets.map((t) => [t.op, t.text])).toEqual([['qualitative', '完成年度审核计划']]);
    expect(found('水土流失综合治理面积累计达到180平方公里。')).toEqual([['水土流失综合治理面积', null, '>=', 180, '平方公里', null, 0, 21]]);
  });

  it('reads a decline written without its base year as a change, never compared with the level threshold', () => {
    expect(read('碳排放强度下降18%,化学需氧量排放总量下降10%以上。').targets.map((t) => [t.indicator, t.catalogueId !== null, t.op, t.value, t.unit, t.relative])).toEqual([
      ['碳排放强度', true, '>=', 18, '%', '下降'],
      ['化学需氧量排放总量', false, '>=', 10, '%', '下降'],
    ]);
  });

  it('reads the year of a sentence across ; and commas, but not the year inside a tag', () => {
    expect(read('到2025年,主要指标为:生态环境状况指数≥62;林草覆盖率≥55%;城镇污水处理率≥88%。').targets.map((t) => [t.indicator, t.year])).toEqual([
      ['生态环境状况指数', 2025],
      ['林草覆盖率', 2025],
      ['城镇污水处理率', 2025],
    ]);
    expect(read('【【城镇新建绿色建筑比例 ≥55% 2026年】】,新能源公交车比例达到80%。').targets.map((t) => [t.indicator, t.year])).toEqual([
      ['城镇新建绿色建筑比例', 2026],
      ['新能源公交车比例', null],
    ]);
  });

  it('reads a task table whose 目标要求 cell states the target, and whose title cell may name the indicator', () => {
    const plan = ['| 序号 | 任务名称 | 目标要求 | 责任单位 |', '|---|---|---|---|', '| 1 | 生态文明建设规划 | 制定实施 | 区生态环境分局 |', '| 2 | 再生水利用 | 再生水利用率达到30% | 区水务局 |', '| 3 | 绿色出行 | 公共交通出行分担率达到60% | 区交通运输局 |'].join('\n');
    expect(read(plan).targets.map((t) => [t.indicator, t.catalogueId !== null, t.op, t.value, t.range.start.line])).toEqual([
      ['生态文明建设规划', true, 'qualitative', null, 2],
      ['再生水利用率', false, '>=', 30, 3],
      ['公共交通出行分担率', true, '>=', 60, 4],
    ]);
  });
});

describe('stage two: resolving the metric phrase through names, aliases and synonyms', () => {
  const resolved = (line: string) => read(line).targets.map((t) => [t.writtenName, t.indicator, t.match, t.matchConfidence ?? null]);
  it('resolves 城区/城市/城镇 variants, short forms and other wordings, with their confidence', () => {
    expect(resolved('城区生活垃圾无害化处理率达到100%。')).toEqual([['城区生活垃圾无害化处理率', '城镇生活垃圾无害化处理率', 'synonym', 'medium']]);
    expect(resolved('危废利用处置率保持100%。')).toEqual([['危废利用处置率', '危险废物利用处置率', 'synonym', 'high']]);
    expect(resolved('空气质量优良率达到90%。')).toEqual([['空气质量优良率', '优良天数比例', 'synonym', 'high']]);
    expect(resolved('地表水达到或好于III类水体比例达到90%,PM₂.₅年均浓度控制在25μg/m³以下。')).toEqual([
      ['地表水达到或好于III类水体比例', '水质达到或优于Ⅲ类比例提高幅度', 'synonym', 'high'],
      ['PM₂.₅年均浓度', 'PM2.5浓度下降幅度', 'synonym', 'high'],
    ]);
    expect(resolved('国家重点保护野生动、植物保护率达到95%以上。')).toEqual([['国家重点保护野生动、植物保护率', '国家重点保护野生动植物保护率', 'synonym', 'high']]);
    // the edition's own names and aliases win over synonyms
    expect(resolved('城镇污水处理率达95%。')).toEqual([['城镇污水处理率', '城镇污水处理率', 'name', null]]);
    expect(resolved('城市污水处理率达95%。')).toEqual([['城市污水处理率', '城镇污水处理率', 'alias', null]]);
  });

  it('reads a catalogue name that an edition writes without its head (`重点建设用地安全利用` + 率)', () => {
    expect(read('重点建设用地安全利用率达到100%。').targets.map((t) => [t.writtenName, t.catalogueId, t.value])).toEqual([['重点建设用地安全利用率', 'key-construction-land-safe-utilization', 100]]);
  });

  it('keeps the synonyms as data: every id exists in an edition, no synonym is already a name or alias', () => {
    const ids = new Set(names.allNames().map((n) => names.resolve(n)!.indicator.id));
    for (const id of builtinSynonyms.synonyms.keys()) expect(ids, id).toContain(id);
    for (const [id, list] of builtinSynonyms.synonyms) for (const s of list) expect(names.resolve(s.name), s.name).toMatchObject({ kind: 'synonym', indicator: { id } });
    expect(prefixVariants('城镇污水处理率', [['城镇', '城区', '城市']])).toEqual(['城区污水处理率', '城市污水处理率']);
    expect(loadSynonyms({ synonyms: { x: [{ name: 'A' }, { name: '湿地率', confidence: 'high' }, 'junk'] }, interchangeablePrefixes: [['城镇', 3]] })).toEqual({
      synonyms: new Map([['x', [{ name: '湿地率', confidence: 'high' }]]]),
      prefixGroups: [['城镇']],
    });
  });

  it('loads the vocabulary longest first and skips malformed entries', () => {
    expect(targetVocabulary.metricHeads.slice(-1)).toEqual(['率']);
    expect(targetVocabulary.trendAfter).toContain('逐年提升');
    expect(targetVocabulary.wordUnits.get('微克每立方米')).toBe('μg/m³');
    expect(targetVocabulary.yearBefore).toContain('到');
    expect(targetVocabulary.yearBase).toContain('较');
    expect(targetVocabulary.aspirational).toEqual(expect.arrayContaining(['力争', '争取', '努力']));
    expect(loadTargetVocabulary({ metricHeads: ['率', '覆盖率', 7, '率'], trendPhrases: { after: 'x' }, wordUnits: { 万亩: '万亩', bad: 3 }, yearStatement: { before: ['到', 2], after: '底' } })).toEqual({
      metricHeads: ['覆盖率', '率'],
      leadingWords: [],
      clauseWords: [],
      trendAfter: [],
      trendBefore: [],
      wordUnits: new Map([['万亩', '万亩']]),
      yearBefore: ['到'],
      yearAfter: [],
      yearBase: [],
      institutionHeads: [],
      completions: [],
      institutionNotAfter: [],
      aspirational: [],
    });
  });
});

describe('linear time on adversarial lines', () => {
  it('a long list of local metrics sharing one value', () => {
    const t = read('湿地保护率、'.repeat(20000) + '河湖水面率达到70%').targets;
    expect(t.length).toBe(20001);
    expect(t[20000]).toMatchObject({ indicator: '河湖水面率', value: 70, catalogueId: null });
  });
  it('a long run of text with no punctuation, and many short starts', () => {
    expect(read('湿'.repeat(200000) + '率达到70%').targets).toEqual([]);
    expect(read('、率'.repeat(100000)).targets).toEqual([]);
    expect(read('湿地率,'.repeat(50000)).targets).toEqual([]);
  });
  it('long lists of trends and of values after 分别', () => {
    expect(read('湿地保护率逐年提升、'.repeat(20000)).targets.length).toBe(20000);
    const each = read('湿地保护率和'.repeat(10000) + '河湖水面率分别达到' + '70%和'.repeat(10000) + '8%').targets;
    expect(each.length).toBe(10001);
    expect(each[10000]).toMatchObject({ indicator: '河湖水面率', value: 8 });
    expect(read('进一步降低'.repeat(40000) + '单位地区生产总值能耗').targets.length).toBe(1);
  });
});
