// The Markdown facts read without the parser (core/parse/plainFacts.ts) are the parser's: on every
// piece of the samples, the corpus, the excerpts and synthetic plans where the plain reader answers,
// on the forms it decides by hand (bold titles beside punctuation, headings in containers, front
// matter), and on random documents; and it does answer on most prose.
import fc from 'fast-check';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectMarkdownFacts, parseMarkdown, type MarkdownFacts } from '../../server/src/core/parse/markdown';
import { factsOf, ONE_OFF_CHUNK, splitIntoChunks } from '../../server/src/core/parse/markdownChunks';
import { plainFacts } from '../../server/src/core/parse/plainFacts';
import { syntheticPlan } from '../support/synthetic';

function comparable(f: MarkdownFacts) {
  const cells = f.tables.map((t) => ({
    lines: [t.position!.start.line, t.position!.end.line],
    cells: t.children.flatMap((row) => row.children.map((c) => [c.position!.start.offset, c.position!.end.offset])),
  }));
  return { headings: [...f.headings], bold: [...f.boldStarts], masked: f.masked, comments: f.htmlComments, tables: cells, frontMatter: f.frontMatter };
}

const parsed = (text: string, first: boolean) => comparable(collectMarkdownFacts(parseMarkdown(text, { frontMatter: first })));

/** Whether the plain reader answered, after checking that its answer is the parser's. */
function agrees(text: string, first: boolean): boolean {
  const plain = plainFacts(text, first);
  if (plain) expect(comparable(plain), JSON.stringify(text.slice(0, 200))).toEqual(parsed(text, first));
  return plain !== null;
}

function documents(): string[] {
  const texts = readdirSync('samples').map((f) => readFileSync(join('samples', f), 'utf8'));
  for (const dir of [join('..', 'shared', 'corpus'), join('..', 'shared', 'excerpts')]) {
    if (!existsSync(dir)) {
      console.warn(`skipped: ${dir} not found (the real plans of ../shared)`);
      continue;
    }
    for (const f of readdirSync(dir).sort()) if (f.endsWith('.txt')) texts.push(readFileSync(join(dir, f), 'utf8'));
  }
  texts.push(syntheticPlan(100 * 1024));
  return texts;
}

describe('Markdown facts without the parser', () => {
  it('agree with the parser on every piece and chunk of real and synthetic plans, and answer on most pieces', () => {
    let pieces = 0;
    let plain = 0;
    for (const text of documents()) {
      splitIntoChunks(text, 1).forEach((p, i) => {
        pieces++;
        if (agrees(p.text, i === 0)) plain++;
      });
      // whole chunks as a one-off analysis cuts them: the plain pieces and the parsed ones put together
      splitIntoChunks(text, ONE_OFF_CHUNK).forEach((c, i) => {
        agrees(c.text, i === 0);
        expect(comparable(factsOf(c.text, i === 0))).toEqual(parsed(c.text, i === 0));
      });
    }
    expect(pieces).toBeGreaterThan(1000);
    expect(plain / pieces).toBeGreaterThan(0.9);
  });

  it('reads headings, bold titles and front matter as the parser does', () => {
    const text = '---\necoplan:\n  level: 县\n---\n# 某县实施方案\n\n## 二、主要任务\n**1.推进垃圾分类。**加快设施建设。\n续行。\n\n**2.整治黑臭水体**\n';
    expect(plainFacts(text, true)).toEqual({
      headings: new Map([[4, 1], [6, 2]]),
      masked: [[0, 27]],
      htmlComments: [],
      tables: [],
      boldStarts: new Map([[7, '1.推进垃圾分类。'], [10, '2.整治黑臭水体']]),
      frontMatter: { value: 'ecoplan:\n  level: 县', start: 0, end: 27 },
    });
    expect(agrees(text, true)).toBe(true);
  });

  it('leaves to the parser what it does not follow', () => {
    for (const text of ['| a | b |\n|---|---|\n', '`代码`', '<!-- x -->', '- # 标题', '> # 标题', '1. # 标题', '    缩进', '\t缩进', '标题\n===', '标题\n---', '正文\n**1.任务。**后文', '**a** 和 *b*', '**a_b**', '---\nx: 1\n', '---\nx: 1\n--- \n', '**&amp;**x']) {
      expect(plainFacts(text, true), text).toBeNull();
    }
  });

  it('decides a bold title beside every kind of character as the parser does', () => {
    const around = ['。', ',', '，', '、', ')', '）', '」', '》', '.', ':', '!', '?', '%', '1', 'a', '严', ' ', '　', '—', '“', '”', '(', '（', '+', '$', '😀'];
    let answered = 0;
    for (const last of around) {
      for (const next of [...around, '']) {
        const text = `**1.任务${last}**${next}后文\n`;
        if (agrees(text, false)) answered++;
      }
    }
    expect(answered).toBeGreaterThan(500);
  });

  it('a fence opened inside a list item (`- - - ~~~`) is no place to cut: the pieces give what the whole gives', () => {
    const text = '- - - ~~~\n\n# 标题\n';
    expect(comparable(factsOf(text, false))).toEqual(parsed(text, false));
    expect(parsed(text, false).masked).toEqual([[6, 10]]);
    // `---` is front matter only at the head of the plan; elsewhere the fence after it holds to the end
    const rule = '---\n~~~\n---\n# 标题\n\n# 标题\n';
    expect(comparable(factsOf(rule, false))).toEqual(parsed(rule, false));
    expect(parsed(rule, false).headings).toEqual([]);
  });

  it('agrees with the parser on random documents of plan and Markdown pieces', () => {
    const PIECES = ['# 标题', '## 二、主要任务', '#5号机组', '#', '**1.强化生态空间管控。**严守红线。', '**2.任务**', '**3.任务.**后', '**', '- 项目', '+ 项', '1. 项目', '1.任务', '> 引用', '   # 缩进标题', '---', '***', '===', '- - -',
      '城镇污水处理率达95%以上。', '(责任单位:市生态环境局)', '[[城镇污水处理率]]', '@市住建局', '&amp;', '\\*', '　　首行缩进', '  两格', 'x'.repeat(80), '2022~2024年', '~~~', '---\necoplan:\n  level: 市\n---'];
    const doc = fc.array(fc.tuple(fc.constantFrom(...PIECES), fc.constantFrom('\n', '\n\n', '\r\n', ' ', '')), { maxLength: 40 }).map((xs) => xs.map(([p, sep]) => p + sep).join(''));
    fc.assert(
      fc.property(doc, fc.boolean(), (text, first) => {
        agrees(text, first);
        expect(comparable(factsOf(text, first))).toEqual(parsed(text, first));
      }),
      { numRuns: 1000 },
    );
  });
});
