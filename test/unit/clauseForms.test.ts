import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import clauseVerbsData from '../../data/vocab/clauseVerbs.yaml';
import partyNamesData from '../../data/vocab/partyNames.yaml';
import type { Range } from '../../server/src/core/model/types';
import { builtinDirectory } from '../../server/src/core/departments/directory';
import { checkPartyNames, continuesVaguePhrase, isVaguePhrase, looksLikeJurisdiction, looksLikeUnit } from '../../server/src/core/recognise/departmentName';
import { checkClauseVerbs, findResponsibilityClauses, parseClauseBody } from '../../server/src/core/recognise/responsibilityClause';
import { foldWidth } from '../../server/src/core/text/fold';
import { fw } from '../support/fullWidth';
import { read } from '../support/plan';

/**
 * Clause forms of other provinces, read through the plan reader (pasted text) so that every
 * unit, role, vague phrase and range is the one an editor or the CLI shows. Ranges are
 * `line:character-line:character`, 0-based, UTF-16.
 */
const at = (r: Range) => `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;

function clausesOf(lines: string[]) {
  return read(['二、重点任务', ...lines].join('\n'), 'text')
    .clauses.filter((c) => c.form !== 'tags')
    .map((c) => ({
      form: c.form,
      at: at(c.range),
      units: c.units.map((u) => `${u.name}:${u.role}@${at(u.range)}`),
      vague: c.vague.map((v) => `${v.text}@${at(v.range)}`),
    }));
}

function tasksOf(lines: string[]) {
  return read(['二、重点任务', ...lines].join('\n'), 'text').tasks.map((t) => ({
    path: t.path,
    units: t.units.map((u) => `${u.name}:${u.role}`),
    vague: t.vague.map((v) => v.text),
    noUnit: t.noUnit,
  }));
}

describe('clause forms with roles', () => {
  it('〔A牵头,B、C参与,各县、区人民政府负责落实〕: 参与 supports, 各县、区人民政府 is one vague phrase', () => {
    expect(clausesOf(['1.推进工业园区循环化改造。〔市生态环境局牵头,市发展和改革局、市工业和信息化局参与,各县、区人民政府负责落实〕'])).toEqual([
      {
        form: 'lead-support',
        at: '1:14-1:56',
        units: ['市生态环境局:lead@1:15-1:21', '市发展和改革局:support@1:24-1:31', '市工业和信息化局:support@1:32-1:40'],
        vague: ['各县、区人民政府@1:43-1:51'],
      },
    ]);
  });

  it('[A牵头,B、C配合,各县(市)区政府负责落实]: square brackets, full-width too', () => {
    const expected = {
      form: 'lead-support',
      at: '1:11-1:46',
      units: ['市水务局:lead@1:12-1:16', '市工信委:support@1:19-1:23', '市城乡建设局:support@1:24-1:30'],
      vague: ['各县(市)区政府@1:33-1:41'],
    };
    expect(clausesOf(['2.实施雨污分流改造。[市水务局牵头,市工信委、市城乡建设局配合,各县(市)区政府负责落实]'])).toEqual([expected]);
    const wide = `2.实施雨污分流改造。${fw('[')}市水务局牵头${fw(',')}市工信委、市城乡建设局配合${fw(',')}各县${fw('(')}市${fw(')')}区政府负责落实${fw(']')}`;
    expect(clausesOf([wide])).toEqual([{ ...expected, vague: [`各县${fw('(')}市${fw(')')}区政府@1:33-1:41`] }]);
  });

  it('(A、B牵头督导,C、D配合): two leads', () => {
    expect(clausesOf(['3.严厉打击环境违法行为。(市生态环境局、市发展和改革局牵头督导,市公安局、市自然资源局配合)'])).toEqual([
      {
        form: 'lead-support',
        at: '1:13-1:47',
        units: ['市生态环境局:lead@1:14-1:20', '市发展和改革局:lead@1:21-1:28', '市公安局:support@1:33-1:37', '市自然资源局:support@1:38-1:44'],
        vague: [],
      },
    ]);
  });

  it('an aside in 〈〉 names nobody: no 风景区管委会, no 下同〉', () => {
    expect(clausesOf(['4.推动工业绿色转型。(责任单位:市经济和信息化局、市发展改革委,各区人民政府〈含开发区、风景区管委会,下同〉)'])).toEqual([
      {
        form: 'labelled',
        at: '1:11-1:56',
        units: ['市经济和信息化局:lead@1:17-1:25', '市发展改革委:support@1:26-1:32'],
        vague: ['各区人民政府@1:33-1:39'],
      },
    ]);
  });

  it('asides in brackets, (以下各项均需……,不再列出) nested or standalone, name nobody', () => {
    expect(clausesOf(['5.整治黑臭水体。(责任单位:市住建局,各县区政府(含功能区管委会),以下各项均需各县区政府落实,不再列出)'])).toEqual([
      { form: 'labelled', at: '1:9-1:54', units: ['市住建局:lead@1:15-1:19'], vague: ['各县区政府@1:20-1:25'] },
    ]);
    expect(clausesOf(['5.整治黑臭水体。(责任单位:市住建局,各县区政府(以下各项均需各县区政府落实,不再列出))'])).toEqual([
      { form: 'labelled', at: '1:9-1:46', units: ['市住建局:lead@1:15-1:19'], vague: ['各县区政府@1:20-1:25'] },
    ]);
    expect(clausesOf(['5.整治黑臭水体。(责任单位:市住建局)(以下各项均需各县区政府落实,不再列出)'])).toEqual([
      { form: 'labelled', at: '1:9-1:20', units: ['市住建局:lead@1:15-1:19'], vague: [] },
    ]);
  });

  it('labelled forms: 牵头单位/配合单位, 责任部门, 主责单位/协办单位, 牵头部门/参与部门, 主办/协办', () => {
    expect(
      clausesOf([
        '1.加强监管(牵头单位:市生态环境局;配合单位:市财政局、市水务局)',
        '2.加强监管(责任部门:市生态环境局/市财政局)',
        '3.加强监管(主责单位:市生态环境局/协办单位:市财政局)',
        '4.加强监管(牵头部门:市生态环境局,参与部门:市财政局和市水务局)',
        '5.加强监管【主办:市生态环境局;协办:市财政局及市水务局】',
      ]),
    ).toEqual([
      { form: 'labelled', at: '1:6-1:34', units: ['市生态环境局:lead@1:12-1:18', '市财政局:support@1:24-1:28', '市水务局:support@1:29-1:33'], vague: [] },
      { form: 'labelled', at: '2:6-2:24', units: ['市生态环境局:lead@2:12-2:18', '市财政局:support@2:19-2:23'], vague: [] },
      { form: 'labelled', at: '3:6-3:29', units: ['市生态环境局:lead@3:12-3:18', '市财政局:support@3:24-3:28'], vague: [] },
      { form: 'labelled', at: '4:6-4:34', units: ['市生态环境局:lead@4:12-4:18', '市财政局:support@4:24-4:28', '市水务局:support@4:29-4:33'], vague: [] },
      { form: 'labelled', at: '5:6-5:30', units: ['市生态环境局:lead@5:10-5:16', '市财政局:support@5:20-5:24', '市水务局:support@5:25-5:29'], vague: [] },
    ]);
  });

  it('verb forms: A负责,B、C配合 · A牵头、B协同 · A、B按职责分工负责 · A牵头负责,B等单位参与 · A(牵头)、B', () => {
    expect(
      clausesOf([
        '1.加强监管(市生态环境局负责,市财政局、市水务局配合)',
        '2.加强监管(市生态环境局牵头、市财政局协同)',
        '3.加强监管(市生态环境局、市财政局按职责分工负责)',
        '4.加强监管(市生态环境局牵头负责,市财政局等单位参与)',
        '5.加强监管(市生态环境局(牵头)、市财政局)',
        '6.加强监管(市生态环境局牵头负责督促落实,各县(市、区)人民政府具体落实)',
        '7.加强监管(市生态环境局和市财政局负责)',
      ]),
    ).toEqual([
      { form: 'lead-support', at: '1:6-1:28', units: ['市生态环境局:lead@1:7-1:13', '市财政局:support@1:16-1:20', '市水务局:support@1:21-1:25'], vague: [] },
      { form: 'lead-support', at: '2:6-2:23', units: ['市生态环境局:lead@2:7-2:13', '市财政局:support@2:16-2:20'], vague: [] },
      { form: 'by-duty', at: '3:6-3:26', units: ['市生态环境局:lead@3:7-3:13', '市财政局:support@3:14-3:18'], vague: [] },
      { form: 'lead-support', at: '4:6-4:28', units: ['市生态环境局:lead@4:7-4:13', '市财政局:support@4:18-4:22'], vague: [] },
      { form: 'lead-support', at: '5:6-5:23', units: ['市生态环境局:lead@5:7-5:13', '市财政局:support@5:18-5:22'], vague: [] },
      { form: 'lead-support', at: '6:6-6:38', units: ['市生态环境局:lead@6:7-6:13'], vague: ['各县(市、区)人民政府@6:22-6:33'] },
      { form: 'responsible', at: '7:6-7:21', units: ['市生态环境局:lead@7:7-7:13', '市财政局:support@7:14-7:18'], vague: [] },
    ]);
  });

  it('units split by 、 , ; / 和 及 with one role each; names holding 和/与 stay whole', () => {
    expect(clausesOf(['1.加强监管(责任单位:市发展和改革局、市海洋与渔业局,市财政局;市水利和湖泊局/市政府办和市住房和城乡建设局及市交通局)'])).toEqual([
      {
        form: 'labelled',
        at: '1:6-1:61',
        units: [
          '市发展和改革局:lead@1:12-1:19',
          '市海洋与渔业局:support@1:20-1:27',
          '市财政局:support@1:28-1:32',
          '市水利和湖泊局:support@1:33-1:40',
          '市政府办:support@1:41-1:45',
          '市住房和城乡建设局:support@1:46-1:55',
          '市交通局:support@1:56-1:60',
        ],
        vague: [],
      },
    ]);
  });

  it('a unit with its own parentheses vs. an aside; 等 endings', () => {
    expect(clausesOf(['1.推进供销改革(责任单位:市农业农村局、市农合联执委会(市供销社)、市发改委等)', '2.推进供销改革(责任单位:市农业农村局(含市畜牧兽医中心)、市林业局等市级相关部门)'])).toEqual([
      {
        form: 'labelled',
        at: '1:8-1:41',
        units: ['市农业农村局:lead@1:14-1:20', '市农合联执委会(市供销社):support@1:21-1:34', '市发改委:support@1:35-1:39'],
        vague: [],
      },
      { form: 'labelled', at: '2:8-2:43', units: ['市农业农村局:lead@2:14-2:20', '市林业局:support@2:31-2:35'], vague: ['市级相关部门@2:36-2:42'] },
    ]);
  });

  it('a clause in the middle of a line, followed by more text', () => {
    expect(clausesOf(['1.开展河湖清四乱行动(市水利局牵头、市自然资源局配合),2023年底前全面完成整治任务。'])).toEqual([
      { form: 'lead-support', at: '1:11-1:28', units: ['市水利局:lead@1:12-1:16', '市自然资源局:support@1:19-1:25'], vague: [] },
    ]);
  });

  it('a clause on its own next line, also labelled lists on lines of their own, belong to the task above', () => {
    const lines = [
      '1.推进农村生活污水治理。',
      '(市农业农村局牵头,市生态环境局、市住建局协同)',
      '2.加强秸秆综合利用。',
      '  牵头单位:市农业农村局  配合单位:市发改委、市生态环境局',
      '3.开展饮用水源地保护。',
      '牵头部门:市生态环境局',
      '参与部门:市水利局;市卫健委',
    ];
    expect(tasksOf(lines)).toEqual([
      { path: '二.1', units: ['市农业农村局:lead', '市生态环境局:support', '市住建局:support'], vague: [], noUnit: false },
      { path: '二.2', units: ['市农业农村局:lead', '市发改委:support', '市生态环境局:support'], vague: [], noUnit: false },
      { path: '二.3', units: ['市生态环境局:lead', '市水利局:support', '市卫健委:support'], vague: [], noUnit: false },
    ]);
    expect(clausesOf(lines).map((c) => c.at)).toEqual(['2:0-2:24', '4:2-4:31', '6:0-6:11', '7:0-7:14']);
  });

  it('【牵头单位】A【配合单位】B、C: labels alone in brackets head the names after them', () => {
    expect(
      clausesOf([
        '1.严守生态保护红线。红线面积不减少。【牵头单位】区自然资源分局【配合单位】区生态环境分局、各镇人民政府',
        '2.推进供销改革。【责任单位】区农业农村局、区农合联执委会(区供销社);【协办单位】区财政局。2024年底前完成。',
        '3.推进供销改革。[牵头部门]区商务局 [配合部门]区市场监管局',
      ]),
    ).toEqual([
      { form: 'labelled', at: '1:19-1:52', units: ['区自然资源分局:lead@1:25-1:32', '区生态环境分局:support@1:38-1:45'], vague: ['各镇人民政府@1:46-1:52'] },
      {
        form: 'labelled',
        at: '2:9-2:46',
        units: ['区农业农村局:lead@2:15-2:21', '区农合联执委会(区供销社):support@2:22-2:35', '区财政局:support@2:42-2:46'],
        vague: [],
      },
      { form: 'labelled', at: '3:9-3:32', units: ['区商务局:lead@3:15-3:19', '区市场监管局:support@3:26-3:32'], vague: [] },
    ]);
  });

  it('roles written after the names in 〈〉 or 【】', () => {
    expect(clausesOf(['1.推进秸秆利用。(责任单位:县农业农村局〈牵头〉,县发展和改革局、县生态环境分局〈配合〉)', '2.推进秸秆利用。(县农业农村局【牵头】、县财政局)'])).toEqual([
      {
        form: 'labelled',
        at: '1:9-1:46',
        units: ['县农业农村局:lead@1:15-1:21', '县发展和改革局:support@1:26-1:33', '县生态环境分局:support@1:34-1:41'],
        vague: [],
      },
      { form: 'lead-support', at: '2:9-2:26', units: ['县农业农村局:lead@2:10-2:16', '县财政局:support@2:21-2:25'], vague: [] },
    ]);
  });

  it('a clause wrapped onto the next line: both halves, the second supporting', () => {
    const lines = ['1.建设空气自动监测站4个。(责任单位:区生态环境分局、区财政局、', '区大数据中心)', '2.开展绿色机关创建。(区机关事务服务中心牵头,区财政局,', '各街道办事处配合)'];
    expect(clausesOf(lines)).toEqual([
      { form: 'labelled', at: '1:14-1:33', units: ['区生态环境分局:lead@1:20-1:27', '区财政局:support@1:28-1:32'], vague: [] },
      { form: 'responsible', at: '2:0-2:7', units: ['区大数据中心:support@2:0-2:6'], vague: [] },
      { form: 'lead-support', at: '3:11-3:29', units: ['区机关事务服务中心:lead@3:12-3:21', '区财政局:support@3:24-3:28'], vague: [] },
      { form: 'lead-support', at: '4:0-4:9', units: [], vague: ['各街道办事处@4:0-4:6'] },
    ]);
    expect(tasksOf(lines)).toEqual([
      { path: '二.1', units: ['区生态环境分局:lead', '区财政局:support', '区大数据中心:support'], vague: [], noUnit: false },
      { path: '二.2', units: ['区机关事务服务中心:lead', '区财政局:support'], vague: ['各街道办事处'], noUnit: false },
    ]);
    // the end of a bracket that is not a clause is not one either
    expect(clausesOf(['1.实施三年行动(2022年—', '2024年)。', '2.建立督察制度(以下简称', '“市生态环境局”)。'])).toEqual([]);
  });

  it('a label after the task sentence, without brackets, up to the next 。; units split by spaces; deadlines and persons are not units', () => {
    expect(
      clausesOf([
        '1.推进污水处理提质增效。责任单位:市住建局 市水务局。2023年底前完成。',
        '2.推进污水处理提质增效。(责任领导:张三;责任单位:市住建局;完成时限:2023年12月底)',
        '3.推进污水处理提质增效;牵头处室:执法支队、监测站',
      ]),
    ).toEqual([
      { form: 'labelled', at: '1:13-1:27', units: ['市住建局:lead@1:18-1:22', '市水务局:support@1:23-1:27'], vague: [] },
      { form: 'labelled', at: '2:13-2:47', units: ['市住建局:lead@2:27-2:31'], vague: [] },
      { form: 'labelled', at: '3:13-3:26', units: ['执法支队:lead@3:18-3:22', '监测站:lead@3:23-3:26'], vague: [] },
    ]);
  });

  it('a sentence that is nothing but a clause: ……。由A牵头,B、C配合。; a sentence that does more is not one', () => {
    expect(
      clausesOf([
        '1.推进污水治理。由市住建局牵头,市水务局、市财政局配合。2023年底前完成。',
        '2.推进污水治理。由各县区政府负责组织实施。',
        '3.推进污水治理。由市生态环境局牵头,会同市发改委等部门制定实施方案。',
        '4.推进污水治理。由企业自行负责。',
        '(三)由市生态环境局负责全市监测网络建设。',
      ]),
    ).toEqual([
      { form: 'lead-support', at: '1:9-1:28', units: ['市住建局:lead@1:10-1:14', '市水务局:support@1:17-1:21', '市财政局:support@1:22-1:26'], vague: [] },
      { form: 'responsible', at: '2:9-2:21', units: [], vague: ['各县区政府@2:10-2:15'] },
    ]);
  });

  it('white space before a label\'s colon is not a separator', () => {
    expect(clausesOf(['1.推进治理。(责任单位 :市住建局 、市水务局)', '2.推进治理。责任单位 : 市住建局'])).toEqual([
      { form: 'labelled', at: '1:7-1:25', units: ['市住建局:lead@1:14-1:18', '市水务局:support@1:20-1:24'], vague: [] },
      { form: 'labelled', at: '2:7-2:18', units: ['市住建局:lead@2:14-2:18'], vague: [] },
    ]);
  });

  it('labels in Markdown bold', () => {
    const model = read(['## 二、主要任务', '', '1. 推进治理。**责任单位**:市生态环境局、市财政局', '', '2. 推进治理。(**牵头单位**:市生态环境局;**配合单位:** 市财政局)'].join('\n'), 'markdown');
    expect(model.tasks.map((t) => t.units.map((u) => `${u.name}:${u.role}@${at(u.range)}`))).toEqual([
      ['市生态环境局:lead@2:17-2:23', '市财政局:support@2:24-2:28'],
      ['市生态环境局:lead@4:18-4:24', '市财政局:support@4:35-4:39'],
    ]);
  });

  it('named counties and districts answer for themselves; kinds of place do not', () => {
    expect(clausesOf(['1.推进海岛生态修复(岱山县、嵊泗县负责)'])).toEqual([
      { form: 'responsible', at: '1:10-1:21', units: ['岱山县:lead@1:11-1:14', '嵊泗县:support@1:15-1:18'], vague: [] },
    ]);
    expect(clausesOf(['1.推进海岛生态修复(沿海地区负责)', '2.推进生态修复(城区负责)'])).toEqual([]);
  });

  it('junk in a labelled list is not a unit', () => {
    expect(clausesOf(['1.加强监管(责任单位:市生态环境局、待定、2023年底)', '2.加强监管(责任单位:待定)'])).toEqual([
      { form: 'labelled', at: '1:6-1:29', units: ['市生态环境局:lead@1:12-1:18'], vague: [] },
    ]);
  });
});

describe('brackets that are not clauses', () => {
  it('yield no units', () => {
    const lines = [
      '1.建立生态环境保护督察制度(以下简称“市生态环境局”)。',
      '2.实施三年行动(2022—2024年)。',
      '3.城镇污水处理率达95%(含)以上。',
      '4.细颗粒物(PM2.5)浓度持续下降。',
      '5.污水项目由企业建设(由市政府负责的项目除外)。',
      '6.推进治理(由企业自行负责)。',
    ];
    expect(clausesOf(lines)).toEqual([]);
    expect(tasksOf(lines).every((t) => t.noUnit)).toBe(true);
    expect(findResponsibilityClauses(foldWidth(`${fw('(')}一${fw(')')}全面开展创建`), 0)).toEqual([]);
  });

  it('a web page footer `主办单位:…` and indicator tags are not clauses', () => {
    expect(findResponsibilityClauses('主办单位:咸宁市生态环境局 单位地址:咸宁市银桂路15号', 0)).toEqual([]);
    expect(findResponsibilityClauses('主办单位:咸宁市生态环境局', 0)).toEqual([]);
    expect(findResponsibilityClauses('[[城镇污水处理率 ≥95%]]达标。【【林草覆盖率 ≥40%】】', 0)).toEqual([]);
  });

  it('a table cell still reads as a list, and a county name in a cell is a scope, not a unit', () => {
    expect(parseClauseBody('市生态环境局、市财政局', 0, true)?.units.map((u) => `${u.name}:${u.role}`)).toEqual(['市生态环境局:lead', '市财政局:support']);
    expect(parseClauseBody('岱山县', 0, true)).toBeNull();
  });
});

describe('the clause vocabulary is data', () => {
  const vocab = checkClauseVerbs(clauseVerbsData);

  it('every verb gives its role in a clause', () => {
    for (const [role, words] of Object.entries(vocab.verbs)) {
      for (const verb of words) {
        const roles = findResponsibilityClauses(`(市水务局牵头,市财政局${verb})`, 0)[0]?.units.map((u) => u.role);
        const alone = findResponsibilityClauses(`(市财政局、市水务局${verb})`, 0)[0]?.units.map((u) => u.role);
        expect([verb, roles], verb).toEqual([verb, ['lead', role === 'lead' ? 'lead' : 'support']]);
        expect([verb, alone], verb).toEqual([verb, role === 'support' ? ['support', 'support'] : ['lead', role === 'lead' ? 'lead' : 'support']]);
      }
    }
  });

  it('every label gives its role', () => {
    for (const [role, words] of Object.entries(vocab.labels)) {
      for (const label of words) {
        const units = findResponsibilityClauses(`(${label}:市财政局、市水务局)`, 0)[0]?.units.map((u) => u.role);
        expect([label, units]).toEqual([label, role === 'support' ? ['support', 'support'] : role === 'lead' ? ['lead', 'lead'] : ['lead', 'support']]);
      }
    }
  });

  it('`responsible` leads against supporters: (A、B负责,C配合)', () => {
    expect(findResponsibilityClauses('(市财政局、市水务局负责,市审计局配合)', 0)[0].units.map((u) => `${u.name}:${u.role}`)).toEqual([
      '市财政局:lead',
      '市水务局:lead',
      '市审计局:support',
    ]);
  });

  it('a broken vocabulary names its file and key', () => {
    expect(() => checkClauseVerbs({ ...vocab, verbs: { ...vocab.verbs, support: [] } })).toThrow('data/vocab/clauseVerbs.yaml: `verbs.support` must be a non-empty list of words');
    expect(() => checkClauseVerbs({ ...vocab, verbs: { ...vocab.verbs, support: ['配合', '牵头'] } })).toThrow('data/vocab/clauseVerbs.yaml: `牵头` is listed under verbs.lead and verbs.support');
    expect(() => checkClauseVerbs(null)).toThrow('data/vocab/clauseVerbs.yaml: `labels.lead` must be a non-empty list of words');
    const names = checkPartyNames(partyNamesData);
    expect(() => checkPartyNames({ ...names, unitEndings: '局' })).toThrow('data/vocab/partyNames.yaml: `unitEndings` must be a non-empty list of words');
    expect(() => checkPartyNames({ ...names, vague: { ...names.vague, contains: [{ qualifiers: ['相关'] }] } })).toThrow(
      'data/vocab/partyNames.yaml: `vague.contains[0].bodies` must be a non-empty list of words',
    );
  });

  it('party names: organisations, jurisdictions, vague phrases and their continuations', () => {
    const names = checkPartyNames(partyNamesData);
    for (const ending of names.unitEndings) expect([ending, looksLikeUnit(`市测试${ending}`)]).toEqual([ending, true]);
    expect(['人行舟山市中支', '宁波海关', '市农合联执委会(市供销社)'].map(looksLikeUnit)).toEqual([true, true, true]);
    expect(['下同〉', '待定', '风景区', '市', '企业自行', '全社会'].map(looksLikeUnit)).toEqual([false, false, false, false, false, false]);
    expect(['岱山县', '宗汉街道', '沙县', '沿海地区', '超大城市', '各区', '自然保护区'].map(looksLikeJurisdiction)).toEqual([true, true, false, false, false, false, false]);
    expect(['市级相关部门', '各镇(街道、园区)', '领导小组其他成员单位', '市直各部门', '市生态环境局'].map(isVaguePhrase)).toEqual([true, true, true, true, false]);
    expect([
      continuesVaguePhrase('各县', '区人民政府'),
      continuesVaguePhrase('各县(市)', '区政府'),
      continuesVaguePhrase('各县市区党委', '政府'),
      continuesVaguePhrase('各县', '市财政局'),
      continuesVaguePhrase('各有关部门', '区政府'),
    ]).toEqual([true, true, true, false, false]);
  });
});

describe('linear time on adversarial lines', () => {
  const timed = <T>(f: () => T): [T, number] => {
    const t0 = performance.now();
    const r = f();
    return [r, performance.now() - t0];
  };

  it('100 KB of 、-separated names: one bracket too long to be a clause, and 2,000 clauses on one line all read', () => {
    const names = Array.from({ length: 12500 }, (_, i) => `市第${i}局`).join('、'); // ~100 KB
    const [one] = timed(() => findResponsibilityClauses(`(责任单位:${names})`, 0));
    expect(one).toEqual([]);
    const [bare] = timed(() => findResponsibilityClauses(`责任单位:${names}`, 0));
    expect(bare).toEqual([]);
    const many = Array.from({ length: 2000 }, (_, i) => `(市第${i}局牵头,市第${i}办、市第${i}委配合)`).join('');
    const [found, ms] = timed(() => findResponsibilityClauses(many, 0));
    expect(found.length).toBe(2000);
    expect(found[1999].units.map((u) => `${u.name}:${u.role}`)).toEqual(['市第1999局:lead', '市第1999办:support', '市第1999委:support']);
    expect(ms).toBeLessThan(5000);
  });

  it('50,000 unmatched 〔 and [ then a clause; a maximal clause of verbs and separators', () => {
    const line = '〔'.repeat(50000) + '['.repeat(50000) + '。加强监管〔市生态环境局牵头,市财政局配合〕';
    const [found, ms] = timed(() => findResponsibilityClauses(line, 0));
    expect(found.map((c) => c.units.map((u) => u.name))).toEqual([['市生态环境局', '市财政局']]);
    expect(ms).toBeLessThan(5000);
    // the longest body read (600 characters) full of verbs, asides and conjunctions
    const body = '牵头负责配合参与'.repeat(37) + '和及与'.repeat(4);
    expect(findResponsibilityClauses(`(${body})`, 0)).toEqual([]);
    const pieces = Array.from({ length: 80 }, () => '市和局').join('、');
    // 100 KB of sentence ends and labels without a list
    const [ends, ms4] = timed(() => findResponsibilityClauses('。;'.repeat(25000) + '责任单位:'.repeat(10000), 0));
    expect([ends, ms4 < 5000]).toEqual([[], true]);
    // 50,000 unmatched closers, and a labelled run of 10,000 labels
    const [closers, ms2] = timed(() => findResponsibilityClauses(')'.repeat(50000) + '(市生态环境局负责)', 0));
    expect([closers.length, ms2 < 5000]).toEqual([1, true]);
    const labels = '【牵头单位】市生态环境局【配合单位】市财政局'.repeat(5000);
    const [runs, ms3] = timed(() => findResponsibilityClauses(labels, 0));
    expect([runs.length, runs[0].units.length, runs[0].units[9999].role, ms3 < 5000]).toEqual([1, 10000, 'support', true]);
    const [full] = findResponsibilityClauses(`(责任单位:${pieces}(含${'、'.repeat(100)}))`, 0);
    expect([full.units.length, full.units[79].end, full.vague]).toEqual([80, 325, []]);
  });
});

describe('the built-in department directory and the unit shapes agree', () => {
  it('every built-in name and alias looks like a unit, none like a vague phrase', () => {
    const all = builtinDirectory.departments.flatMap((d) => [d.name, ...d.aliases]);
    expect(all.length).toBeGreaterThan(100);
    expect(all.filter((n) => !looksLikeUnit(n) || isVaguePhrase(n))).toEqual([]);
  });
});

describe('any mix of clause material', () => {
  it('never throws; every unit and vague span lies inside its clause and reads as its name', () => {
    const words = ['(', ')', '〔', '〕', '【', '】', '[', ']', '〈', '〉', '、', ',', ';', '/', ' ', '。', ':', '责任单位:', '牵头单位', '配合单位:', '牵头', '配合', '负责', '按职责分工负责', '参与', '等', '和', '由', '含', '以下', '下同', '各县', '区人民政府', '市生态环境局', '市财政局', '岱山县', '@', '@{市农合联执委会(市供销社)}', '**'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { maxLength: 40 }), (parts) => {
        const line = parts.join('');
        for (const c of findResponsibilityClauses(line, 0)) {
          expect(c.start >= 0 && c.end <= line.length && c.start < c.end).toBe(true);
          for (const u of c.units) {
            expect(u.start >= c.start && u.end <= c.end).toBe(true);
            expect(['lead', 'support']).toContain(u.role);
            expect(line.slice(u.start, u.end)).toBe(u.name);
          }
          for (const v of c.vague) {
            expect(v.start >= c.start && v.end <= c.end).toBe(true);
            expect(line.slice(v.start, v.end)).toBe(v.text);
          }
        }
      }),
      { numRuns: 3000, seed: 10 },
    );
  });
});
