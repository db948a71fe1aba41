import fc from 'fast-check';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AnalysisCache, analysePlan } from '../../server/src/core/analyse';
import { collectMarkdownFacts, parseMarkdown, type MarkdownFacts } from '../../server/src/core/parse/markdown';
import { MarkdownFactsCache, splitIntoChunks } from '../../server/src/core/parse/markdownChunks';
import { fw } from '../support/fullWidth';
import { syntheticPlan } from '../support/synthetic';

// Facts as plain data, positions of table cells included, so two parses compare with toEqual.
function comparable(f: MarkdownFacts) {
  const cells = f.tables.map((t) => ({
    lines: [t.position!.start.line, t.position!.end.line],
    cells: t.children.flatMap((row) => row.children.map((c) => [c.position!.start.offset, c.position!.end.offset])),
  }));
  return { headings: [...f.headings], bold: [...f.boldStarts], masked: f.masked, comments: f.htmlComments, tables: cells, frontMatter: f.frontMatter };
}

const whole = (text: string) => comparable(collectMarkdownFacts(parseMarkdown(text)));
const chunked = (text: string) => comparable(new MarkdownFactsCache().facts(text));

const PIECES = [
  '# 标题', '## 二、主要任务', '### (一)任务', '1.', '(1)', '**1.强化生态空间管控。**严守红线。', '- 项目', '  - 子项', '    缩进代码',
  '> 引用', '```', '~~~', '<!-- ecoplan-disable missing-responsible-unit -->', '<!--', '-->', '<pre>', '</pre>', '<div>',
  '| 序号 | 工作任务 | 责任单位 |', '| --- | --- | --- |', '| 1 | 任务 | 市财政局 |', '---', 'ecoplan:', '  level: 县', '城镇污水处理率达95%以上。',
  '(责任单位:市生态环境局)', fw('(') + '牵头单位:市发改委' + fw(')'), '`代码`', '标题\n===', 'x'.repeat(300),
];

describe('Markdown facts parsed chunk by chunk', () => {
  it('cuts only at blank lines outside fences, comments and front matter', () => {
    const text = ['---', 'ecoplan:', '', '  level: 市', '---', '', 'a'.repeat(30), '', '```', '', 'b', '```', '', 'c', '', '<!--', '', '-->', '', 'd', '', '    e', ''].join('\n');
    expect(splitIntoChunks(text, 1).map((c) => [c.line, c.text.split('\n')[0]])).toEqual([
      [0, '---'],
      [6, 'a'.repeat(30)],
      [8, '```'],
      [13, 'c'],
      [15, '<!--'],
      [19, 'd'],
    ]);
    expect(splitIntoChunks(text, 1).map((c) => c.text).join('')).toBe(text);
  });

  it('gives the same facts as parsing the whole text, on the samples, the corpus and a synthetic plan', () => {
    const texts = readdirSync('samples').map((f) => readFileSync(join('samples', f), 'utf8'));
    const corpus = join('..', 'shared', 'corpus');
    if (existsSync(corpus)) for (const f of readdirSync(corpus)) texts.push(readFileSync(join(corpus, f), 'utf8'));
    texts.push(syntheticPlan(200 * 1024));
    for (const text of texts) expect(chunked(text)).toEqual(whole(text));
  });

  it('gives the same facts on random documents of Markdown pieces', () => {
    const doc = fc.array(fc.tuple(fc.constantFrom(...PIECES), fc.constantFrom('\n', '\n\n', '\n\n\n', ' ')), { maxLength: 200 }).map((xs) => xs.map(([p, sep]) => p + sep).join(''));
    fc.assert(
      fc.property(doc, (text) => {
        const cache = new MarkdownFactsCache();
        // small chunks, so random documents are cut many times
        const facts = comparable(cache.facts(text, 64));
        expect(facts).toEqual(whole(text));
      }),
      { numRuns: 300, seed: 1123 },
    );
  });

  it('parses only the chunk an edit touched, and the analysis is the same as without a cache', () => {
    const text = syntheticPlan(100 * 1024);
    const cache = new AnalysisCache();
    analysePlan(text, { uri: 'big.md', cache });
    expect(cache.markdown.lastParsed).toBeGreaterThan(10);
    const at = text.indexOf('城镇污水处理率达9', 50_000) + '城镇污水处理率达'.length;
    const edited = text.slice(0, at) + '8' + text.slice(at + 1);
    const incremental = analysePlan(edited, { uri: 'big.md', cache });
    expect(cache.markdown.lastParsed).toBe(1);
    expect(cache.lines.lastRead).toBe(1);
    const fresh = analysePlan(edited, { uri: 'big.md' });
    expect(incremental.diagnostics).toEqual(fresh.diagnostics);
    expect(incremental.model.tasks).toEqual(fresh.model.tasks);
    expect(incremental.model.targets).toEqual(fresh.model.targets);
    // and keystroke after keystroke: the digit put back, then a line added above (every line below moves)
    const back = analysePlan(text, { uri: 'big.md', cache });
    expect([cache.markdown.lastParsed, cache.lines.lastRead]).toEqual([1, 1]);
    expect(back.diagnostics).toEqual(analysePlan(text, { uri: 'big.md' }).diagnostics);
    const lines = text.split('\n').length;
    const shiftedText = text.slice(0, at) + '\n' + text.slice(at);
    analysePlan(shiftedText, { uri: 'big.md', cache });
    expect(cache.lines.lastRead).toBe(lines - text.slice(0, at).split('\n').length + 2);
  });

  it('gives the same analysis as a fresh one after any sequence of edits (random documents, random edits)', () => {
    const doc = fc.array(fc.tuple(fc.constantFrom(...PIECES), fc.constantFrom('\n', '\n\n', ' ')), { minLength: 5, maxLength: 120 }).map((xs) => xs.map(([p, sep]) => p + sep).join(''));
    const edit = fc.tuple(fc.nat(), fc.nat({ max: 12 }), fc.constantFrom('', '\n', '\n\n', '9', '**', '```', '<!--', '-->', '(责任单位:市财政局)', '城镇污水处理率达80%', '## 四、保障措施', '| 2 | 任务 | |'));
    fc.assert(
      fc.property(doc, fc.array(edit, { minLength: 1, maxLength: 6 }), (text, edits) => {
        const cache = new AnalysisCache();
        let current = text;
        analysePlan(current, { uri: 'p.md', cache });
        for (const [at, del, ins] of edits) {
          const i = at % (current.length + 1);
          current = current.slice(0, i) + ins + current.slice(i + del);
          const incremental = analysePlan(current, { uri: 'p.md', cache });
          const fresh = analysePlan(current, { uri: 'p.md' });
          expect(incremental.diagnostics).toEqual(fresh.diagnostics);
          expect(incremental.model.tasks).toEqual(fresh.model.tasks);
          expect(incremental.model.targets).toEqual(fresh.model.targets);
          expect(incremental.model.outline.map((n) => n.path)).toEqual(fresh.model.outline.map((n) => n.path));
        }
      }),
      { numRuns: 150, seed: 2026 },
    );
  });
});

