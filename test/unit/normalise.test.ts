import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AnalysisCache, analysePlan } from '../../server/src/core/analyse';
import { isPageNumberLine, normaliseLayout } from '../../server/src/core/normalise/normalise';
import { textPieces } from '../../server/src/core/query';

// The normalising stage (server/src/core/normalise): a PDF copy made into what the reader expects,
// with a map back to the user's text.

const norm = (text: string, format: 'markdown' | 'text' = 'text') => normaliseLayout(text, format);

// A PDF copy set at 19 characters a line: a unit broken by the line break (县水/利局), a page
// footer between two lines of one sentence.
const WRAPPED = [
  '一、重点任务', // 0 (offset 0)
  '（一）加强水源地保护。完成水源保护区划', // 1 (7)
  '定，清理违法建设项目。（责任单位：县水', // 2 (27)
  '利局、县生态环境分局）', // 3 (47)
  '（二）推进绿色建筑发展。新建建筑全面执', // 4 (59)
  '— 3 —', // 5 (79)
  '行绿色建筑标准，推广装配式建筑和绿色建', // 6 (85)
  '材。（责任单位：县住房和城乡建设局）', // 7 (105)
].join('\n');

describe('normalising a PDF copy', () => {
  it('joins the lines of the page width that do not end a sentence, over a page footer, and maps every offset back', () => {
    const n = norm(WRAPPED);
    expect(n.layout.wrapWidth()).toBe(76); // 19 ems, in quarter ems
    expect(n.text).toBe(
      [
        '一、重点任务',
        '（一）加强水源地保护。完成水源保护区划定，清理违法建设项目。（责任单位：县水利局、县生态环境分局）',
        '（二）推进绿色建筑发展。新建建筑全面执行绿色建筑标准，推广装配式建筑和绿色建材。（责任单位：县住房和城乡建设局）',
      ].join('\n'),
    );
    const map = n.normalised!.map;
    // 定 (line 2's first character) follows 划 directly
    expect(n.text.indexOf('划定')).toBe(25);
    expect(map.toOriginal(26)).toBe(27);
    // 县水利局: 县 43 → 44, 水 44 → 45, 利 45 → 47 (after the dropped line break)
    expect(n.text.slice(43, 47)).toBe('县水利局');
    expect([43, 44, 45, 46].map((o) => map.toOriginal(o))).toEqual([44, 45, 47, 48]);
    // a range's end at the dropped break stays before it; a start goes after it
    expect(map.toOriginal(45, true)).toBe(46);
    expect(map.toOriginal(45)).toBe(47);
    // the footer line and both breaks around it are dropped: 执 (77) then 行 (85)
    const at = n.text.indexOf('执行');
    expect([map.toOriginal(at), map.toOriginal(at + 1)]).toEqual([77, 85]);
    // back: an original offset inside a dropped span goes to the next character read
    expect(map.toNormalised(46)).toBe(45);
    expect(map.toNormalised(80)).toBe(at + 1);
    expect(map.keptPieces(44, 49)).toEqual([
      [44, 46],
      [47, 49],
    ]);
  });

  it('reads the unit split by the line break whole, at its original place, in two parts', () => {
    const a = analysePlan(WRAPPED, { uri: 'wrapped.txt', format: 'text' });
    const unit = a.model.tasks[0].units.find((u) => u.name === '县水利局')!;
    expect(unit.range).toEqual({ start: { line: 2, character: 17 }, end: { line: 3, character: 2 } });
    expect(textPieces(a.model, unit.range)).toEqual([
      { start: { line: 2, character: 17 }, end: { line: 2, character: 19 } },
      { start: { line: 3, character: 0 }, end: { line: 3, character: 2 } },
    ]);
    expect(a.model.text).toBe(WRAPPED);
    expect(a.model.tasks.map((t) => [t.path, t.range.start.line, t.range.end.line, t.units.map((u) => u.name).join('、')])).toEqual([
      ['一.(一)', 1, 3, '县水利局、县生态环境分局'],
      ['一.(二)', 4, 7, '县住房和城乡建设局'],
    ]);
    // the second task's numbered line runs from line 4 over the footer to the end of line 7
    expect(a.model.tasks[1].range).toEqual({ start: { line: 4, character: 0 }, end: { line: 7, character: 18 } });
  });

  it('drops page-number lines wherever they stand, in every form', () => {
    for (const line of ['— 5 —', '—5—', '-6-', '- 6 -', '－６－', '第5页 共12页', '第 5 页', '共12页 第5页', '  — 12 —  ']) expect(isPageNumberLine(line), line).toBe(true);
    for (const line of ['5', '—', '一、5', '第5章', '-6-7-', '2025年', '---']) expect(isPageNumberLine(line), line).toBe(false);
    // a plan written one paragraph per line: the footer goes, nothing is joined
    const n = norm(['一、工作目标', '到2025年，城镇污水处理率达到95%以上。', '第2页 共9页', '二、重点任务'].join('\n'));
    expect(n.text).toBe(['一、工作目标', '到2025年，城镇污水处理率达到95%以上。', '二、重点任务'].join('\n'));
    expect(n.normalised!.map.toOriginal(n.text.indexOf('二'))).toBe(38);
  });

  it('drops the spaces a PDF puts between characters, and keeps those that separate', () => {
    const cases: [string, string][] = [
      ['（责任单位：县 住房和城乡建设局、县 水利局）', '（责任单位：县住房和城乡建设局、县水利局）'],
      ['一 、工作目标', '一、工作目标'],
      ['（ 二 ）推进绿色建筑', '（二）推进绿色建筑'],
      ['三、保 障 措 施', '三、保障措施'],
      ['前  言', '前言'],
      ['第 一 章　总 体 要 求', '第一章总体要求'],
      ['到 2025 年，全县城镇污水处理率达到 95%以上', '到2025年，全县城镇污水处理率达到 95%以上'],
      // kept: a space after a numbering, between two words, after a department tag, in a number's measure word
      ['第一章 总体要求', '第一章 总体要求'],
      ['中共沁河县委办公室 沁河县人民政府办公室', '中共沁河县委办公室 沁河县人民政府办公室'],
      ['由@县委宣传部 牵头，@县教育局 配合。', '由@县委宣传部 牵头，@县教育局 配合。'],
      ['单位地址：咸宁市银桂路15号 电子邮箱', '单位地址：咸宁市银桂路15号 电子邮箱'],
      ['一、 总体要求', '一、 总体要求'],
    ];
    for (const [input, want] of cases) expect(norm(input).text, input).toBe(want);
    // ranges: 县 住房和城乡建设局 maps back over the space it read through
    const n = norm(cases[0][0]);
    const at = n.text.indexOf('住房');
    expect([n.normalised!.map.toOriginal(at - 1), n.normalised!.map.toOriginal(at)]).toEqual([6, 8]);
  });

  it('leaves a plan in its usual form as it is, with no map: the samples, the variety fixtures that are not copies', () => {
    const dirs = [join(__dirname, '../../samples'), join(__dirname, '../fixtures/variety')];
    let checked = 0;
    // 04 and 53 carry a letter-spaced line of their own (web chrome `[大 中 小]`, a contents heading `目  录`),
    // which is despaced as in a PDF copy
    for (const dir of dirs) {
      for (const f of readdirSync(dir).filter((x) => /\.(md|txt)$/.test(x) && !/^\d+-pdf-|^04-|^53-/.test(x))) {
        const text = readFileSync(join(dir, f), 'utf8');
        const n = norm(text, f.endsWith('.txt') ? 'text' : 'markdown');
        expect(n.normalised, f).toBeNull();
        expect(n.text).toBe(text);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(30);
  });

  it('never joins across Markdown block syntax, and leaves front matter and code alone', () => {
    const md = [
      '---', // 0
      'title: 保 障 措 施', // 1
      '---', // 2
      '## 一、重点任务', // 3
      '推进城乡污水治理，加快城区雨污分流改造和', // 4 (20 ems)
      '乡镇污水处理设施提标，完善污水收集管网和', // 5
      '提升污水处理能力，推进管网建设和雨污分流', // 6
      '- 列表项目，加快城区雨污分流改造和乡镇污', // 7
      '```', // 8
      '保 障 措 施', // 9
      '```', // 10
      '## 二、保 障 措 施', // 11
    ].join('\n');
    const n = norm(md, 'markdown');
    expect(n.text.split('\n')).toEqual([
      '---',
      'title: 保 障 措 施',
      '---',
      '## 一、重点任务',
      '推进城乡污水治理，加快城区雨污分流改造和乡镇污水处理设施提标，完善污水收集管网和提升污水处理能力，推进管网建设和雨污分流',
      '- 列表项目，加快城区雨污分流改造和乡镇污',
      '```',
      '保 障 措 施',
      '```',
      '## 二、保障措施',
    ]);
  });

  it('moves diagnostic data back too: the place inside an empty clause a fix puts the cursor', () => {
    const text = ['一、重点任务', '（一）加强水源地保护。完成水源保护区划', '定，清理违法建设项目。（责任单位：）', '（二）推进绿色建筑发展。新建建筑全面执', '行绿色建筑标准，推广装配式建筑和绿色建', '材。（责任单位：县住房和城乡建设局）'].join('\n');
    const a = analysePlan(text, { uri: 'empty.txt', format: 'text' });
    const d = a.diagnostics.find((x) => x.code === 'missing-responsible-unit')!;
    expect(d.range.start).toEqual({ line: 1, character: 0 });
    expect(d.data?.emptyClause).toEqual({ line: 2, character: 17 });
    expect(text.split('\n')[2][17]).toBe('）');
  });

  it('is linear on adversarial input: a 1 MB line of spaced characters, 1 MB of wrapped lines, a long unclosed bracket', () => {
    const spaced = '县 '.repeat(350_000);
    const wrapped = '（责任单位：县农业农村局、县生态环境分局、县水\n'.repeat(40_000);
    const brackets = '（'.repeat(200_000) + '\n' + '局）'.repeat(100_000);
    for (const text of [spaced, wrapped, brackets]) {
      const t = performance.now();
      normaliseLayout(text, 'text');
      expect(performance.now() - t).toBeLessThan(3000);
    }
    expect(norm('县 '.repeat(4)).text).toBe('县县县县 ');
  });
});

describe('an edit inside one line of a plan and the normalising stage', () => {
  const plan = readFileSync(join(__dirname, '../../samples/yunling-county-plan.md'), 'utf8');
  const pdf = readFileSync(join(__dirname, '../fixtures/variety/88-pdf-page-of-bare-number.txt'), 'utf8');
  const view = (a: ReturnType<typeof analysePlan>) => JSON.parse(JSON.stringify({ model: { ...a.model, normalised: undefined }, diagnostics: a.diagnostics, settings: a.settings }, (k, v) => (k === 'parent' ? undefined : v)));

  it('reads in full when the edit makes the text need normalising (a space between two characters), as a fresh read', () => {
    const uri = 'file:///plans/yunling.md';
    const cache = new AnalysisCache();
    analysePlan(plan, { uri, cache });
    const at = plan.indexOf('县农业农村局牵头');
    const spaced = plan.slice(0, at + 1) + ' ' + plan.slice(at + 1);
    const edited = analysePlan(spaced, { uri, cache });
    expect(cache.lastWasEdit).toBe(false);
    // the one space between two characters is what the normalised text drops, so it is the user's text less that space
    expect(edited.model.normalised?.text).toBe(plan);
    expect(view(edited)).toEqual(view(analysePlan(spaced, { uri })));
    // and a plain keystroke afterwards, back in the usual form, is patched again only once the plan was read in full
    const typed = plan.slice(0, at) + '8' + plan.slice(at);
    analysePlan(typed, { uri, cache });
    expect(view(analysePlan(typed, { uri, cache }))).toEqual(view(analysePlan(typed, { uri })));
  });

  it('reads a normalised plan in full on every edit, giving what a fresh read gives', () => {
    const uri = 'file:///plans/pdf.txt';
    const cache = new AnalysisCache();
    analysePlan(pdf, { uri, format: 'text', cache });
    let text = pdf;
    for (const [find, insert] of [['县财政', '8'], ['示范村20个', '0'], ['开展\n', '河道'], ['县水', '务']] as const) {
      const at = text.indexOf(find) + find.length - 1;
      text = text.slice(0, at) + insert + text.slice(at);
      const edited = analysePlan(text, { uri, format: 'text', cache });
      expect(cache.lastWasEdit).toBe(false);
      expect(view(edited)).toEqual(view(analysePlan(text, { uri, format: 'text' })));
    }
  });
});
