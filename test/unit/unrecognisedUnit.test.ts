import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analysePlan } from '../../server/src/core/analyse';
import { builtinDirectory } from '../../server/src/core/departments/directory';
import { isUnrecognisedUnit } from '../../server/src/core/departments/unitStanding';
import { deriveTables } from '../../server/src/core/tables/deriveTables';

const plan = (title: string, lines: string[]) => [`# ${title}`, '', '二、主要任务', '', ...lines, ''].join('\n');
const county = (lines: string[]) => plan('石渠口县创建国家生态文明建设示范县实施方案', lines);
const analyse = (text: string, directory = builtinDirectory) => analysePlan(text, { uri: 'file:///p.plan.txt', format: 'text', directory });
const findings = (text: string, directory = builtinDirectory) =>
  analyse(text, directory)
    .diagnostics.filter((d) => ['unrecognised-responsible-unit', 'missing-responsible-unit', 'unknown-department'].includes(d.code))
    .map((d) => `${d.range.start.line}:${d.range.start.character} ${d.severity} ${d.code} ${d.message}`);

describe('unrecognised-responsible-unit: a party that is not a unit leaves the task without one', () => {
  it('pinyin with no Chinese character and a bare department without its level are reported as warnings', () => {
    expect(findings(county(['1.推进节水型社会建设。(责任单位:发改局)', '2.加强机动车管理。(责任单位:@jxj)', '3.开展河道清淤。@jxj @环保局']))).toEqual([
      '4:0 warning unrecognised-responsible-unit 任务 二.1「推进节水型社会建设」的责任单位「发改局」不是可识别的单位名称,仍未明确责任单位;请写明层级,如「县发展和改革委员会」「区发展和改革委员会」',
      '4:18 hint unknown-department 「发改局」不在内置部门名录中;是否是:区发展和改革委员会、县发展和改革委员会、市发展和改革委员会?',
      '5:0 warning unrecognised-responsible-unit 任务 二.2「加强机动车管理」的责任单位「jxj」不是可识别的单位名称,仍未明确责任单位;请写出部门名称',
      '5:17 hint unknown-department 「jxj」不在内置部门名录中',
      '6:0 warning unrecognised-responsible-unit 任务 二.3「开展河道清淤」的责任单位「jxj、环保局」不是可识别的单位名称,仍未明确责任单位;请写明层级,如「县生态环境局」「区生态环境局」',
      '6:10 hint unknown-department 「jxj」不在内置部门名录中',
      '6:15 hint unknown-department 「环保局」不在内置部门名录中;是否是:区生态环境局、县生态环境局、市生态环境局?',
    ]);
  });

  it('in a city plan the suggestion is the city department, and the English message says the same', () => {
    const text = plan('石渠口市创建国家生态文明建设示范市实施方案', ['1.推进节水型社会建设。(责任单位:发改局)']);
    const d = analyse(text).diagnostics.find((x) => x.code === 'unrecognised-responsible-unit')!;
    expect(d.message).toBe('任务 二.1「推进节水型社会建设」的责任单位「发改局」不是可识别的单位名称,仍未明确责任单位;请写明层级,如「市发展和改革委员会」');
    const en = analysePlan(text, { uri: 'file:///p.plan.txt', format: 'text', locale: 'en' }).diagnostics.find((x) => x.code === 'unrecognised-responsible-unit')!;
    expect(en.message).toBe('Task 二.1 "推进节水型社会建设": "发改局" is not a recognisable unit name, so the task still names no responsible unit; write the level, e.g. 市发展和改革委员会');
  });

  it('plausible unknown units, a clause with one real unit, and a directory that lists the short form are not reported', () => {
    expect(
      findings(county(['1.发展生态旅游。(责任单位:县文旅局)', '2.推进绿色金融。(责任单位:人行石渠口支行)', '3.推进污水治理。(责任单位:县发改局、@jxj)', '4.完善监测网络。(牵头单位:省生态环境厅)'])),
    ).toEqual([
      '5:15 hint unknown-department 「人行石渠口支行」不在内置部门名录中',
      '6:21 hint unknown-department 「jxj」不在内置部门名录中',
      '7:15 hint unknown-department 「省生态环境厅」不在内置部门名录中;是否是:区生态环境局、县生态环境局、市生态环境局?',
    ]);
    const own = builtinDirectory.withEntries([{ name: '发改局', aliases: [], parent: null, source: 'ecoplan.departments.yaml' }]);
    expect(findings(county(['1.推进节水型社会建设。(责任单位:发改局)']), own)).toEqual([]);
  });

  it('a bare department named as the subject of a sentence counts (a county document speaking of its own bureau)', () => {
    const text = county(['1.水务局加强自然保护区的建设管理,组织开展执法检查。', '2.推进节水型社会建设。(责任单位:水务局)']);
    expect(analyse(text).diagnostics.filter((d) => d.code === 'unrecognised-responsible-unit').map((d) => d.range.start.line)).toEqual([5]);
  });

  it('the task table and the department list do not name such a party', () => {
    const t = deriveTables(analyse(county(['1.推进节水型社会建设。(责任单位:发改局)', '2.推进污水治理。(责任单位:县发改局、@jxj)'])));
    expect(t.tasks.map((r) => [r.path, r.lead, r.support])).toEqual([
      ['二.1', [], []],
      ['二.2', ['县发改局'], []],
    ]);
    expect(t.departments.map((r) => r.department)).toEqual(['县发展和改革委员会']);
  });

  it('what counts: by shape and the directory, not by a list', () => {
    const cases = ['jxj', 'fgw', '发改局', '环保局', '住建局', '县发改局', '区文旅局', '财政厅', '环境保护厅', '舟山人行', '宁波生态环境局慈溪分局', '人行慈溪支行', '石化基地管委会'];
    expect(cases.filter((n) => isUnrecognisedUnit(n, builtinDirectory))).toEqual(['jxj', 'fgw', '发改局', '环保局', '住建局']);
  });
});

// The costliest bug is a false warning on a real unit: no plan text the project holds gets one.
describe('unrecognised-responsible-unit on every plan text', () => {
  const dirs = ['test/fixtures/variety', 'samples', '../shared/corpus', '../shared/excerpts'].map((d) => (d.startsWith('..') ? join(process.cwd(), d) : d));
  for (const d of dirs) {
    it.skipIf(!existsSync(d))(`none in ${d}${existsSync(d) ? '' : ' (absent: skipped)'}`, () => {
      const files = readdirSync(d).filter((f) => /\.(md|txt)$/.test(f) && f !== 'README.md');
      expect(files.length).toBeGreaterThan(2);
      const got = files.flatMap((f) => {
        const a = analysePlan(readFileSync(join(d, f), 'utf8'), { uri: f, format: f.endsWith('.txt') ? 'text' : 'markdown' });
        return a.diagnostics.filter((x) => x.code === 'unrecognised-responsible-unit').map((x) => `${f}:${x.range.start.line}`);
      });
      expect(got).toEqual([]);
    });
  }
});
