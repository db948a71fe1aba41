import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import departmentsData from '../../data/departments/builtin.yaml';
import clauseVerbsData from '../../data/vocab/clauseVerbs.yaml';
import { AnalysisCache, analysePlan } from '../../server/src/core/analyse';
import { checkClauseVerbs, findResponsibilityClauses, findSubjectClause, firstNamedLeadsAt } from '../../server/src/core/recognise/responsibilityClause';
import { foldWidth } from '../../server/src/core/text/fold';

// Issue 18 items 4 and 5: responsibility written as prose, "the first named leads" stated once, broken
// brackets and names that hold brackets, the unit as the subject of a duty list's sentence.

/** Clauses of one line: form, exact text (so the exact range), units "name:role", vague parties, and whether it waits for the rule. */
function clauses(line: string) {
  return findResponsibilityClauses(foldWidth(line), 0).map((c) => ({
    form: c.form,
    text: line.slice(c.start, c.end),
    units: c.units.map((u) => `${line.slice(u.start, u.end)}:${u.role}`),
    vague: c.vague.map((v) => line.slice(v.start, v.end)),
    ...(c.needsFirstLeads ? { needsFirstLeads: true } : {}),
  }));
}

describe('responsibility written as a sentence of prose', () => {
  it('由A、B分别牵头，各镇（街道）负责落实。 at the end of the paragraph: both lead, the towns are vague', () => {
    const line = '(一)完善农村公路网络。推进通村公路提质改造。由县自然资源局、县交通运输局分别牵头，各镇（街道）负责落实。';
    expect(clauses(line)).toEqual([
      { form: 'lead-support', text: '由县自然资源局、县交通运输局分别牵头，各镇（街道）负责落实', units: ['县自然资源局:lead', '县交通运输局:lead'], vague: ['各镇（街道）'] },
    ]);
    expect(findResponsibilityClauses(foldWidth(line), 100)[0].start).toBe(100 + line.indexOf('由'));
  });

  it('此项工作由A牵头，B保障资金，各乡镇具体实施。: words pointing back at the task before 由, a funding role supports', () => {
    const line = '2.推进防沙治沙。完成沙化土地综合治理5万亩。此项工作由县林草局牵头，县财政局保障资金，各乡镇具体实施。';
    expect(clauses(line)).toEqual([
      { form: 'lead-support', text: '此项工作由县林草局牵头，县财政局保障资金，各乡镇具体实施', units: ['县林草局:lead', '县财政局:support'], vague: ['各乡镇'] },
    ]);
  });

  it('A牵头负责，B、C配合。 with no 由, and the same in ASCII punctuation', () => {
    const want = { form: 'lead-support', units: ['县交通运输局:lead', '县公安局:support', '县城市管理局:support'], vague: [] };
    expect(clauses('加强渣土车管理。县交通运输局牵头负责，县公安局、县城市管理局配合。')).toEqual([{ ...want, text: '县交通运输局牵头负责，县公安局、县城市管理局配合' }]);
    expect(clauses('加强渣土车管理。县交通运输局牵头负责,县公安局、县城市管理局配合。')).toEqual([{ ...want, text: '县交通运输局牵头负责,县公安局、县城市管理局配合' }]);
  });

  it('a vague party only (各镇（街道）按照职责分工做好落实。), and a modal after the party dropped (相关部门要…)', () => {
    expect(clauses('各镇（街道）按照职责分工做好落实。')).toEqual([{ form: 'by-duty', text: '各镇（街道）按照职责分工做好落实', units: [], vague: ['各镇（街道）'] }]);
    expect(clauses('相关部门要按职责分工抓好落实。')).toEqual([{ form: 'by-duty', text: '相关部门要按职责分工抓好落实', units: [], vague: ['相关部门'] }]);
    // 各地 is a party of partyNames.yaml's vague words; 各部门要密切 is not one (the phrase goes on)
    expect(clauses('各地要按照职责分工抓好落实。')).toEqual([{ form: 'by-duty', text: '各地要按照职责分工抓好落实', units: [], vague: ['各地'] }]);
  });

  it('a lead marker after a name in prose: A（牵头）、B、C按职责分工负责。', () => {
    expect(clauses('推行扬尘在线监测。区住房和城乡建设局（牵头）、区城市管理局、区交通运输局按职责分工负责。')).toEqual([
      { form: 'lead-support', text: '区住房和城乡建设局（牵头）、区城市管理局、区交通运输局按职责分工负责', units: ['区住房和城乡建设局:lead', '区城市管理局:support', '区交通运输局:support'], vague: [] },
    ]);
  });

  it('a sentence after ；', () => {
    expect(clauses('加强监管；由县水利局牵头，县农业农村局配合。')).toEqual([{ form: 'lead-support', text: '由县水利局牵头，县农业农村局配合', units: ['县水利局:lead', '县农业农村局:support'], vague: [] }]);
  });

  it('ordinary sentences that mention a department or a role word are not clauses', () => {
    for (const line of [
      '拆除违法建筑，整治占道经营行为，配合县市场监督管理局开展联合检查。',
      '建立由县政府牵头、各部门参与的工作机制。',
      '各部门要加强协作，抓好落实。',
      '县生态环境局负责在年底前完成排查。',
      '主办单位：青岚市生态环境局 单位地址：青岚市人民路1号',
      '每项任务排在首位的为牵头部门，其余为配合部门，请认真抓好落实。',
      '各部门要密切配合。',
    ])
      expect(clauses(line), line).toEqual([]);
  });
});

describe('role words as labels', () => {
  it('参加单位 supports, and a list ending with 等 keeps its last unit', () => {
    expect(clauses('推进管网建设。（牵头单位：生态环境厅、住房城乡建设厅；参加单位：水利厅、农业农村厅等）')[0].units).toEqual([
      '生态环境厅:lead',
      '住房城乡建设厅:lead',
      '水利厅:support',
      '农业农村厅:support',
    ]);
  });

  it('主责/协办, with and without 单位, and 实施主体 naming a vague party', () => {
    expect(clauses('（主责单位：工业和信息化厅；协办单位：生态环境厅、商务厅）')[0].units).toEqual(['工业和信息化厅:lead', '生态环境厅:support', '商务厅:support']);
    expect(clauses('（主责：农业农村厅；协办：生态环境厅）')[0].units).toEqual(['农业农村厅:lead', '生态环境厅:support']);
    expect(clauses('（实施主体：各市（地）人民政府；参加单位：生态环境厅）')).toEqual([
      { form: 'labelled', text: '（实施主体：各市（地）人民政府；参加单位：生态环境厅）', units: ['生态环境厅:support'], vague: ['各市（地）人民政府'] },
    ]);
  });
});

describe('broken brackets', () => {
  const units = ['县生态环境局:lead', '县农业农村局:support'];
  it('[ closed by )] or by 】, 〔 closed by ), mixed widths: the whole bracket is the clause, no stray closer in a name', () => {
    expect(clauses('查明污染分布。[责任单位：县生态环境局、县农业农村局)]')).toEqual([{ form: 'labelled', text: '[责任单位：县生态环境局、县农业农村局)]', units, vague: [] }]);
    expect(clauses('查明污染分布。[责任单位：县生态环境局、县农业农村局】')).toEqual([{ form: 'labelled', text: '[责任单位：县生态环境局、县农业农村局】', units, vague: [] }]);
    expect(clauses('查明污染分布。〔县生态环境局牵头，县农业农村局配合)')).toEqual([{ form: 'lead-support', text: '〔县生态环境局牵头，县农业农村局配合)', units, vague: [] }]);
    expect(clauses('查明污染分布。（责任单位:县生态环境局、县农业农村局)')).toEqual([{ form: 'labelled', text: '（责任单位:县生态环境局、县农业农村局)', units, vague: [] }]);
  });

  it('a clause never closed before the paragraph ends with 。: up to the 。', () => {
    expect(clauses('开展尾矿库排查整治。（牵头单位：县生态环境局；配合单位：县农业农村局、各乡镇人民政府。')).toEqual([
      { form: 'labelled', text: '（牵头单位：县生态环境局；配合单位：县农业农村局、各乡镇人民政府', units, vague: ['各乡镇人民政府'] },
    ]);
  });

  it('a 。 inside a clause that closes later does not cut it', () => {
    expect(clauses('建立清单。（责任单位：县生态环境局、县农业农村局，各乡镇。以下均需各乡镇落实，不再列出。）')).toEqual([
      { form: 'labelled', text: '（责任单位：县生态环境局、县农业农村局，各乡镇。以下均需各乡镇落实，不再列出。）', units, vague: ['各乡镇'] },
    ]);
  });

  it('a wrong closer after a bracket that is no clause reads nothing', () => {
    expect(clauses('完成改造（2024年底前】。推进工作（详见附件)')).toEqual([]);
  });
});

describe('names that hold brackets are one party each', () => {
  it('市委宣传部（市文明办）, 县农业农村局（县乡村振兴局）, 各县（市、区）人民政府, and one nested in the clause bracket', () => {
    expect(clauses('（责任单位：市委宣传部（市文明办）、县农业农村局（县乡村振兴局）、各县（市、区）人民政府）')).toEqual([
      { form: 'labelled', text: '（责任单位：市委宣传部（市文明办）、县农业农村局（县乡村振兴局）、各县（市、区）人民政府）', units: ['市委宣传部（市文明办）:lead', '县农业农村局（县乡村振兴局）:support'], vague: ['各县（市、区）人民政府'] },
    ]);
  });
});

describe('"the first named leads" stated once', () => {
  it('finds the statement in its usual wordings, and nothing in ordinary sentences', () => {
    const at = (t: string) => {
      const m = firstNamedLeadsAt(foldWidth(t));
      return m && t.slice(m.start, m.end);
    };
    expect(at('（省经信委、省发改委。列第一位者为牵头部门，下同）')).toBe('列第一位者为牵头部门，下同');
    expect(at('每项任务排在首位的为牵头部门，其余为配合部门。')).toBe('排在首位的为牵头部门');
    expect(at('注：第一个为牵头单位。')).toBe('第一个为牵头单位');
    expect(at('每项工作分工列在第一位的责任单位为牵头单位，要切实负起责任。')).toBe('列在第一位的责任单位为牵头单位');
    expect(at('排在前位为牵头部门，下同。')).toBe('排在前位为牵头部门，下同');
    expect(at('把生态文明建设放在第一位，由县政府牵头推进。')).toBeNull();
  });

  it('a bare list in the clause that states it is a clause, the first unit leading; its own words are no unit', () => {
    expect(clauses('实现负增长。（省经信委、省发改委（省能源局）。列第一位者为牵头部门，下同）')).toEqual([
      { form: 'listed', text: '（省经信委、省发改委（省能源局）。列第一位者为牵头部门，下同）', units: ['省经信委:lead', '省发改委（省能源局）:support'], vague: [] },
    ]);
  });

  it('elsewhere a bare list after a sentence waits for the plan to have said so; a gloss after a name or a non-party never does', () => {
    expect(clauses('推进集中供热替代。（省市场监管局、省生态环境厅）')).toEqual([
      { form: 'listed', text: '（省市场监管局、省生态环境厅）', units: ['省市场监管局:lead', '省生态环境厅:support'], vague: [], needsFirstLeads: true },
    ]);
    expect(clauses('推进屋顶光伏建设。(省能源局)')).toEqual([{ form: 'listed', text: '(省能源局)', units: ['省能源局:lead'], vague: [], needsFirstLeads: true }]);
    expect(clauses('由市农合联执委会（市供销社）组织。')).toEqual([]);
    expect(clauses('降低浓度。（PM2.5）')).toEqual([]);
    expect(clauses('开展整治。（各县（市、区））')).toEqual([]);
  });

  it('the plan keeps the bare lists after the statement and not before it, wherever it is stated', () => {
    const tasks = (text: string) =>
      analysePlan(text, { uri: 'file:///p.txt', format: 'text' }).model.tasks.map((t) => `${t.path} ${t.units.map((u) => `${u.name}:${u.role}`).join('、') || '-'}`);
    const body = ['二、主要任务', '1.推进集中供热。（省住房城乡建设厅、省能源局）', '2.淘汰燃煤锅炉。（省市场监管局、省生态环境厅）'];
    expect(tasks(body.join('\n'))).toEqual(['二.1 -', '二.2 -']);
    expect(tasks(['各项任务列第一位者为牵头单位。', ...body].join('\n'))).toEqual(['二.1 省住房城乡建设厅:lead、省能源局:support', '二.2 省市场监管局:lead、省生态环境厅:support']);
    expect(tasks([body[0], body[1], '2.淘汰燃煤锅炉。（省市场监管局、省生态环境厅。排在首位的为牵头部门，下同）', '3.推广清洁取暖。（省能源局）'].join('\n'))).toEqual([
      '二.1 -',
      '二.2 省市场监管局:lead、省生态环境厅:support',
      '二.3 省能源局:lead',
    ]);
  });
});

describe('the unit as the subject of a duty list sentence', () => {
  const subject = (t: string) => {
    const m = findSubjectClause(t, 2, 0);
    return m && { text: t.slice(m.start, m.end), units: m.units.map((u) => `${t.slice(u.start, u.end)}:${u.role}`), vague: m.vague.map((v) => t.slice(v.start, v.end)) };
  };
  it('reads the names before the first duty word, right after the numbering', () => {
    expect(subject('2、水务局加强自然保护区的建设管理')).toEqual({ text: '水务局', units: ['水务局:lead'], vague: [] });
    expect(subject('4、农业农村局、畜牧兽医局要推进粪污资源化利用')).toEqual({ text: '农业农村局、畜牧兽医局', units: ['农业农村局:lead', '畜牧兽医局:support'], vague: [] });
    expect(subject('3、各乡镇人民政府继续开展人居环境整治')).toEqual({ text: '各乡镇人民政府', units: [], vague: ['各乡镇人民政府'] });
    expect(subject('5、各乡镇会同县生态环境局完成划定工作')).toEqual({ text: '各乡镇会同县生态环境局', units: ['县生态环境局:support'], vague: ['各乡镇'] });
    expect(subject('6、县应急管理局加强尾矿库监管')).toEqual({ text: '县应急管理局', units: ['县应急管理局:lead'], vague: [] });
    expect(subject('7、县委组织部要将生态文明纳入考核')).toEqual({ text: '县委组织部', units: ['县委组织部:lead'], vague: [] });
  });

  it('reads no owner from a task that starts with its action, or names a non-unit', () => {
    for (const t of ['5、加强对县水务局污水处理设施的监督检查', '1、各地要加强秸秆禁烧巡查', '1、污水处理厂要提标改造', '1、(1分,开展检查)', '1、建立由县政府负责的工作机制'])
      expect(subject(t), t).toBeNull();
  });

  it('only a numbered line with no clause of its own reads its subject', () => {
    const tasks = (text: string) => analysePlan(text, { uri: 'file:///p.txt', format: 'text' }).model.tasks.map((t) => `${t.path} ${t.units.map((u) => `${u.name}:${u.role}`).join('、') || '-'}`);
    expect(tasks(['一、工作任务', '1、水务局加强保护区管理。', '2、水务局加强河道管理。（责任单位：县河长办）', '县环保局加强监督检查。'].join('\n'))).toEqual([
      '一.1 水务局:lead',
      '一.2 县河长办:lead',
    ]);
  });
});

describe('the clause forms are data (data/vocab/clauseVerbs.yaml)', () => {
  const vocab = checkClauseVerbs(clauseVerbsData);
  it('holds the new role words, the "first named leads" pieces and the position rules', () => {
    expect(vocab.labels.support).toEqual(expect.arrayContaining(['参加单位', '参加部门', '协办单位', '协办']));
    expect(vocab.labels.lead).toEqual(expect.arrayContaining(['主责单位', '主责']));
    expect(vocab.labels.list).toContain('实施主体');
    expect(vocab.verbs.lead).toContain('分别牵头');
    expect(vocab.firstNamedLeads.position).toEqual(expect.arrayContaining(['第一位', '首位', '第一个']));
    expect(vocab.proseSentence.maxLength).toBe(120);
  });

  it('no duty word of a subject cuts a department name of the built-in directory: each reads whole as the subject', () => {
    const names = (departmentsData as { departments: { name: string; aliases?: string[] }[] }).departments.flatMap((d) => [d.name, ...(d.aliases ?? [])]).map((n) => n.replaceAll('{级}', '县'));
    expect(names.length).toBeGreaterThan(100);
    const misread = names.filter((name) => {
      const m = findSubjectClause(`1、${name}加强监管`, 2, 0);
      return !m || m.units.length !== 1 || m.units[0].name !== name;
    });
    expect(misread).toEqual([]);
  });

  it('rejects a vocabulary with a piece missing, naming the key', () => {
    expect(() => checkClauseVerbs({ ...vocab, firstNamedLeads: { ...vocab.firstNamedLeads, position: [] } })).toThrow('data/vocab/clauseVerbs.yaml: `firstNamedLeads.position` must be a non-empty list of words');
    expect(() => checkClauseVerbs({ ...vocab, proseSentence: { ...vocab.proseSentence, maxLength: 0 } })).toThrow('`proseSentence.maxLength` must be a number ≥ 10');
    expect(() => checkClauseVerbs({ ...vocab, subjectDuty: { ...vocab.subjectDuty, with: [] } })).toThrow('`subjectDuty.with` must be a non-empty list of words');
  });
});

describe('linear on adversarial lines', () => {
  const time = (f: () => void) => {
    const t = performance.now();
    f();
    return performance.now() - t;
  };
  it('100 KB of prose sentences full of role verbs, of 。 inside open brackets, of wrong closers, of statements', () => {
    const lines = [
      '县交通运输局牵头负责，'.repeat(10000) + '。',
      '县交通运输局牵头，县公安局配合。'.repeat(6000),
      '（责任单位：县生态环境局。'.repeat(8000) + '）'.repeat(8000),
      '[责任单位：县生态环境局)'.repeat(8000) + '】'.repeat(8000),
      '列第一位者为牵头'.repeat(12000),
      '（县生态环境局、县水利局）'.repeat(8000),
    ];
    for (const line of lines) {
      const small = line.slice(0, line.length / 10);
      const t1 = time(() => findResponsibilityClauses(small, 0));
      const t10 = time(() => findResponsibilityClauses(line, 0));
      // ten times the text: not a hundred times the time (a slack of 30 for timer noise on a loaded machine)
      expect(t10, line.slice(0, 20)).toBeLessThan(Math.max(30 * t1, 400));
    }
    expect(findSubjectClause('县生态环境局'.repeat(20000), 0, 0)).toBeNull();
  });
});

describe('an edit inside one line still gives what a fresh read gives', () => {
  it('on the fixtures of these forms, with statements, bare lists and subjects typed in', () => {
    const dir = join(__dirname, '../fixtures/variety');
    const docs = ['58-first-named-leads-in-clause.txt', '59-first-named-leads-notice.txt', '64-unit-subject-duty-list.txt', '56-prose-clause-sentence.txt'].map((f) => readFileSync(join(dir, f), 'utf8'));
    const TYPED = ['。', '、', '（', '）', '列第一位者为牵头部门，下同', '排在首位的为牵头单位', '（省能源局）', '县水务局要', '牵头', '配合', 'x'];
    const strip = (a: ReturnType<typeof analysePlan>) => JSON.parse(JSON.stringify({ tasks: a.model.tasks, clauses: a.model.clauses, diagnostics: a.diagnostics }));
    fc.assert(
      fc.property(fc.nat({ max: docs.length - 1 }), fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom(0, 0, 1, 3), fc.constantFrom(...TYPED)), { minLength: 1, maxLength: 8 }), (d, edits) => {
        const cache = new AnalysisCache();
        let text = docs[d];
        analysePlan(text, { uri: 'file:///p.txt', format: 'text', cache });
        for (const [pick, column, remove, insert] of edits) {
          const lines = text.split('\n');
          const n = pick % lines.length;
          const start = lines.slice(0, n).join('\n').length + (n > 0 ? 1 : 0) + (column % (lines[n].length + 1));
          text = text.slice(0, start) + insert + text.slice(start + Math.min(remove, lines[n].length - (column % (lines[n].length + 1))));
          expect(strip(analysePlan(text, { uri: 'file:///p.txt', format: 'text', cache }))).toEqual(strip(analysePlan(text, { uri: 'file:///p.txt', format: 'text' })));
        }
      }),
      { numRuns: 40, seed: 1818 },
    );
  }, 120_000);
});

describe('a subject names the owner of a task but does not make an item a task', () => {
  it('an item of the 保障措施 part whose subject is a body stays out of the tasks', () => {
    const a = analysePlan(['二、主要任务', '1、县水务局加强河道管理。', '三、保障措施', '(一)县委县政府要高度重视。', '(二)各部门要密切配合。'].join('\n'), { uri: 'file:///p.txt', format: 'text' });
    expect(a.model.tasks.map((t) => `${t.path} ${t.units.map((u) => u.name).join('、')}`)).toEqual(['二.1 县水务局']);
    expect(a.diagnostics.filter((d) => d.code === 'vague-responsibility' || d.code === 'missing-responsible-unit')).toEqual([]);
  });
});
