import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AnalysisCache, analysePlan } from '../../server/src/core/analyse';
import { allDivisions, divisionByCode, divisionsLoaded } from '../../server/src/core/place/divisions';
import { fileReport } from '../../server/src/cli/jsonReport';

// Imported above without a plan read: the division data must not be parsed yet (it is parsed on
// the first plan, not at start-up). This module runs in its own vitest context, so nothing else
// can have loaded it.
const loadedAtImport = divisionsLoaded();

const plan = (head: string) => analysePlan(`# ${head}关于创建国家生态文明建设示范区的实施方案\n\n一、总体要求\n\n(一)指导思想\n`, { uri: 'file:///p.md' });

describe('division data', () => {
  it('is not parsed when the analysis, the server and the CLI modules are loaded, only on the first plan', async () => {
    await import('../../server/src/lsp/server');
    await import('../../server/src/cli/analyseFile');
    expect(loadedAtImport).toBe(false);
    expect(divisionsLoaded()).toBe(false);
    plan('余姚市');
    expect(divisionsLoaded()).toBe(true);
  });

  it('holds every province-, prefecture- and county-level unit with its type by structure', () => {
    const all = allDivisions();
    const count = (t: string) => all.filter((d) => d.type === t).length;
    expect(count('直辖市') + count('省') + count('自治区')).toBe(31);
    expect(count('自治州')).toBe(30);
    expect(count('盟')).toBe(3);
    expect(count('地区')).toBe(7);
    expect(count('林区')).toBe(1);
    expect(count('特区')).toBe(1);
    expect(count('自治旗')).toBe(3);
    expect(count('自治县')).toBe(117);
    expect(all.length).toBeGreaterThan(3000);
    // no statistical unit (开发区, 管理区) is a division
    expect(all.some((d) => /开发区|管理区/.test(d.name))).toBe(false);
    const yuyao = divisionByCode('330281')!;
    expect([yuyao.name, yuyao.type, yuyao.parent?.name, yuyao.parent?.parent?.name, yuyao.short]).toEqual(['余姚市', '县级市', '宁波市', '浙江省', '余姚']);
    expect(divisionByCode('429021')!.parent?.name).toBe('湖北省');
    expect(divisionByCode('610103')!.type).toBe('市辖区'); // 碑林区 is a 区, not a 林区
  });
});

// As plans write their place at the start of a title: code and level (管理规程 第三条)
const TABLE: [string, string, '市' | '县'][] = [
  ['余姚市', '330281', '县'],
  ['浙江省余姚市', '330281', '县'],
  ['宁波市余姚市', '330281', '县'],
  ['浙江省宁波市余姚市', '330281', '县'],
  ['宁波市', '330200', '市'],
  ['慈溪市', '330282', '县'],
  ['昆山市', '320583', '县'],
  ['江苏省昆山市', '320583', '县'],
  ['仙桃市', '429004', '县'],
  ['石河子市', '659001', '县'],
  ['咸宁市', '421200', '市'],
  ['舟山市', '330900', '市'],
  ['海口市', '460100', '市'],
  ['东莞市', '441900', '市'],
  ['儋州市', '460400', '市'],
  ['吉林市', '220200', '市'],
  ['吉林省吉林市', '220200', '市'],
  ['内蒙古自治区鄂尔多斯市', '150600', '市'],
  // the four municipalities' districts are 市 level, their 县 county level
  ['天津市蓟州区', '120119', '市'],
  ['蓟州区', '120119', '市'],
  ['北京市朝阳区', '110105', '市'],
  ['北京市门头沟区', '110109', '市'],
  ['北京市通州区', '110112', '市'],
  ['上海市浦东新区', '310115', '市'],
  ['浦东新区', '310115', '市'],
  ['重庆市大足区', '500111', '市'],
  ['重庆市城口县', '500229', '县'],
  ['城口县', '500229', '县'],
  // a 设区市's districts are 县 level; names shared across provinces settled by a superior
  ['长春市朝阳区', '220104', '县'],
  ['吉林省长春市朝阳区', '220104', '县'],
  ['武汉市青山区', '420107', '县'],
  ['湖北省武汉市青山区', '420107', '县'],
  ['包头市青山区', '150204', '县'],
  ['南通市通州区', '320612', '县'],
  ['南京市鼓楼区', '320106', '县'],
  ['福州市鼓楼区', '350102', '县'],
  ['杭州市拱墅区', '330105', '县'],
  ['拱墅区', '330105', '县'],
  // 撤县设区 (长安县 2002, 临安市 2017): the district of a 设区市 is 县 level
  ['西安市长安区', '610116', '县'],
  ['杭州市临安区', '330112', '县'],
  // 撤县设市: a plan written before still says 澄江县
  ['澄江县', '530481', '县'],
  // autonomous prefectures, 盟, 地区: 市 level, by full or short name
  ['湘西州', '433100', '市'],
  ['湘西土家族苗族自治州', '433100', '市'],
  ['湖南省湘西州', '433100', '市'],
  ['湘西自治州', '433100', '市'],
  ['恩施州', '422800', '市'],
  ['黔东南州', '522600', '市'],
  ['阿坝州', '513200', '市'],
  ['延边朝鲜族自治州', '222400', '市'],
  ['伊犁州', '654000', '市'],
  ['西双版纳州', '532800', '市'],
  ['大理州', '532900', '市'],
  ['海南州', '632500', '市'],
  ['锡林郭勒盟', '152500', '市'],
  ['阿拉善盟', '152900', '市'],
  ['兴安盟', '152200', '市'],
  ['大兴安岭地区', '232700', '市'],
  ['阿里地区', '542500', '市'],
  // 旗, 自治旗, 自治县, 林区, 特区: 县 level
  ['鄂尔多斯市伊金霍洛旗', '150627', '县'],
  ['伊金霍洛旗', '150627', '县'],
  ['莫力达瓦达斡尔族自治旗', '150722', '县'],
  ['莫力达瓦旗', '150722', '县'],
  ['长阳土家族自治县', '420528', '县'],
  ['长阳县', '420528', '县'],
  ['宜昌市长阳县', '420528', '县'],
  ['神农架林区', '429021', '县'],
  ['湖北省神农架林区', '429021', '县'],
  ['六枝特区', '520203', '县'],
  ['六盘水市六枝特区', '520203', '县'],
  ['广西壮族自治区桂林市阳朔县', '450321', '县'],
  ['2021年扶风县', '610324', '县'],
  // a prefecture's short name before its county, a province's before its city
  ['宁波余姚市', '330281', '县'],
  ['鄂尔多斯伊金霍洛旗', '150627', '县'],
  ['浙江宁波市', '330200', '市'],
  ['《余姚市', '330281', '县'],
  ['关于余姚市', '330281', '县'],
];

describe('the plan place from its title', () => {
  it.each(TABLE)('%s → %s (%s)', (written, code, level) => {
    const a = plan(written);
    expect(a.settings.place?.code).toBe(code);
    expect(a.settings.level).toBe(level);
    expect(a.settings.levelFrom).toBe('document');
  });

  it('has at least 60 rows', () => expect(TABLE.length).toBeGreaterThanOrEqual(60));

  it('says why: the place and what it is (zh, en)', () => {
    const message = (head: string, locale: 'zh' | 'en' = 'zh') =>
      analysePlan(`# ${head}创建国家生态文明建设示范区实施方案\n`, { uri: 'file:///p.md', locale }).diagnostics.find((d) => d.code === 'assumed-settings')?.message;
    expect(message('余姚市')).toBe('按县级指标检查:余姚市为浙江省宁波市辖县级市(330281)');
    expect(message('余姚市', 'en')).toBe('Checked against the county-level (县) thresholds: 余姚市 (330281) is a 县级市 of 浙江省宁波市');
    expect(message('天津市蓟州区')).toBe('按市级指标检查:蓟州区为直辖市天津市所辖区(120119)');
    expect(message('神农架林区')).toBe('按县级指标检查:神农架林区为湖北省直辖林区(429021)');
    expect(message('湘西州')).toBe('按市级指标检查:湘西土家族苗族自治州为湖南省辖自治州(433100)');
    expect(message('武汉市青山区')).toBe('按县级指标检查:青山区为湖北省武汉市辖区(420107)');
    // a former name (撤县设市): the unit renamed from it, said as a guess
    expect(message('澄江县')).toBe('按县级指标检查:「澄江县」不是现行行政区划名称,按更名后的单位认定——澄江市为云南省玉溪市辖县级市(530481)(更名前为县);如不是该地,可在 front matter 中写 ecoplan: {place: 区划代码}');
    expect(message('澄江县', 'en')).toBe('Checked against the county-level (县) thresholds: "澄江县" is no current unit, read as the unit renamed from it: 澄江市 (530481) is a 县级市 of 云南省玉溪市 (a 县 before); if that is not the place, set ecoplan: {place: CODE} in front matter');
  });

  it('reads the place from the issuer or a signature when the title names none', () => {
    const issuer = analysePlan('发布机构:余姚市人民政府办公室\n\n创建国家生态文明建设示范区实施方案\n\n一、总体要求\n', { uri: 'file:///p.txt', format: 'text' });
    expect([issuer.settings.place?.code, issuer.settings.level]).toEqual(['330281', '县']);
    const signed = analysePlan('# 创建国家生态文明建设示范区实施方案\n\n一、总体要求\n\n略。\n\n余姚市人民政府办公室\n\n2022年5月6日\n', { uri: 'file:///p.md' });
    expect([signed.settings.place?.code, signed.settings.level]).toEqual(['330281', '县']);
  });

  it('settles a shared name by the superior the text names, else lists the candidates', () => {
    const settled = analysePlan('# 青山区创建国家生态文明建设示范区实施方案\n\n为落实武汉市生态文明建设部署,制定本方案。\n', { uri: 'file:///p.md' });
    expect([settled.settings.place?.code, settled.settings.level]).toEqual(['420107', '县']);
    const chaoyang = analysePlan('# 朝阳区创建国家生态文明建设示范区实施方案\n\n按照北京市的部署,结合北京市实际。\n', { uri: 'file:///p.md' });
    expect([chaoyang.settings.place?.code, chaoyang.settings.level]).toEqual(['110105', '市']);

    const open = analysePlan('# 青山区创建国家生态文明建设示范区实施方案\n\n一、总体要求\n', { uri: 'file:///p.md' });
    expect(open.settings.place).toBeUndefined();
    expect(open.settings.level).toBe('县'); // both candidates are a 设区市's 区
    const d = open.diagnostics.find((x) => x.code === 'ambiguous-place')!;
    expect(d.severity).toBe('information');
    expect(d.range).toEqual({ start: { line: 0, character: 2 }, end: { line: 0, character: 5 } });
    expect(d.message).toBe('「青山区」对应 2 个行政区划:内蒙古自治区包头市青山区(150204)、湖北省武汉市青山区(420107);文中未写明其上级,无法确定是哪一个。请在 front matter 中写明代码,如 ecoplan: {place: 150204}');

    // 朝阳区 of 北京 is 市 level, of 长春 县 level: unsettled, the title's word decides (区 → 县)
    const mixed = analysePlan('# 朝阳区创建国家生态文明建设示范区实施方案\n', { uri: 'file:///p.md' });
    expect(mixed.settings.level).toBe('县');
    expect(mixed.settings.placeAmbiguous?.candidates.map((c) => c.code)).toEqual(['110105', '220104']);
  });

  it('an edit in the body that names the superior settles the place in an editor too (no stale patch)', () => {
    const cache = new AnalysisCache();
    const before = '# 青山区创建国家生态文明建设示范区实施方案\n\n一、总体要求\n\n为落实部署,制定本方案。\n';
    expect(analysePlan(before, { uri: 'file:///p.md', cache }).settings.placeAmbiguous?.candidates.map((c) => c.code)).toEqual(['150204', '420107']);
    const after = before.replace('为落实部署', '为落实武汉市部署');
    const edited = analysePlan(after, { uri: 'file:///p.md', cache });
    expect(edited.settings.place?.code).toBe('420107');
    expect(edited.diagnostics.some((d) => d.code === 'ambiguous-place')).toBe(false);
    // and back: the superior removed, the candidates again
    expect(analysePlan(before, { uri: 'file:///p.md', cache }).settings.placeAmbiguous?.candidates.length).toBe(2);
  });

  it('honours a front-matter place; front-matter level still wins', () => {
    const placed = analysePlan('---\necoplan:\n  place: 420107\n---\n# 青山区创建国家生态文明建设示范区实施方案\n', { uri: 'file:///p.md' });
    expect([placed.settings.place?.code, placed.settings.level, placed.settings.levelFrom]).toEqual(['420107', '县', 'front-matter']);
    expect(placed.diagnostics.some((x) => x.code === 'ambiguous-place')).toBe(false);
    const both = analysePlan('---\necoplan:\n  level: 市\n---\n# 余姚市创建国家生态文明建设示范区实施方案\n', { uri: 'file:///p.md' });
    expect([both.settings.place?.code, both.settings.level, both.settings.levelFrom]).toEqual(['330281', '市', 'front-matter']);
    const bad = analysePlan('---\necoplan:\n  place: 999999\n---\n# 余姚市创建国家生态文明建设示范区实施方案\n', { uri: 'file:///p.md' });
    expect(bad.diagnostics.find((x) => x.code === 'invalid-settings')?.message).toBe('place 的值「999999」无效:应为县级以上行政区划代码(GB/T 2260,6 位数字,如 420107)');
    expect(bad.settings.place?.code).toBe('330281');
  });

  it('falls back to the title words for a place that is no unit, without an error', () => {
    // 宁波 alone is only a superior's short name, never the plan's place
    for (const [head, level] of [['青溪市石渠口区', '县'], ['宁波市石渠口区', '县'], ['云岫市', '市'], ['苏州工业园区', '县'], ['宁波石渠口区', '县']] as const) {
      const a = plan(head);
      expect([a.settings.place, a.settings.level]).toEqual([undefined, level]);
      expect(a.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    }
  });

  it('puts the place in the JSON report', () => {
    expect(fileReport('p.md', plan('余姚市')).place).toEqual({ code: '330281', name: '余姚市', type: '县级市', province: '浙江省', prefecture: '宁波市' });
    expect(fileReport('p.md', plan('天津市蓟州区')).place).toEqual({ code: '120119', name: '蓟州区', type: '市辖区', province: '天津市', prefecture: null });
    expect(fileReport('p.md', plan('青溪市石渠口区')).place).toBeNull();
  });

  it('reads a long title line in linear time', () => {
    const long = '余'.repeat(200_000) + '市创建方案';
    const t = performance.now();
    analysePlan(`# ${long}\n`, { uri: 'file:///p.md' });
    analysePlan(`发布机构:${'宁波市'.repeat(50_000)}\n\n一、总体要求\n`, { uri: 'file:///p.txt', format: 'text' });
    expect(performance.now() - t).toBeLessThan(3000);
  });
});

// The three real plans (outside the project; skipped visibly without them)
const corpusDir = join(process.cwd(), '..', 'shared', 'corpus');
describe.skipIf(!existsSync(corpusDir))('the real plans keep their level, with their place', () => {
  it.each([
    ['cixi-2022.txt', '330282', '县'],
    ['xianning-2022.txt', '421200', '市'],
    ['zhoushan-2020.txt', '330900', '市'],
  ])('%s → %s %s', (file, code, level) => {
    const a = analysePlan(readFileSync(join(corpusDir, file), 'utf8'), { uri: `file:///${file}`, format: 'text' });
    expect([a.settings.place?.code, a.settings.level]).toEqual([code, level]);
  });
});
