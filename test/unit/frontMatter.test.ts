import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { frontMatterBlock, frontMatterSetting, readFrontMatter } from '../../server/src/core/frontMatter';
import { collectMarkdownFacts, parseMarkdown } from '../../server/src/core/parse/markdown';

const remarkBlock = (text: string) => collectMarkdownFacts(parseMarkdown(text)).frontMatter;

describe('front matter read before the plan', () => {
  it('finds the block remark-frontmatter finds, in every shape of fence, line ending and content', () => {
    const bodies = ['', 'ecoplan:\n  level: 县', 'a: 1\n\nb: 2', 'x: "---"', 'ecoplan: [1, 2]', '  - 列表', 'k: v\n--- x\n-- \n'];
    const opens = ['---', '--- ', '---\t', '----', ' ---', '---x'];
    const closes = ['---', '--- ', '---  \t', '...', '----', ' ---'];
    const eols = ['\n', '\r\n', '\r'];
    const afters = ['', '\n', '\n# 标题\n一、任务', '\n---\n正文'];
    let withBlock = 0;
    for (const body of bodies)
      for (const open of opens)
        for (const close of closes)
          for (const eol of eols)
            for (const after of afters) {
              const lines = body === '' ? [open, close] : [open, ...body.split('\n'), close];
              const text = lines.join(eol) + after.replace(/\n/g, eol);
              const expected = remarkBlock(text);
              expect(frontMatterBlock(text), JSON.stringify(text)).toEqual(expected);
              // a valid opening fence closed by a valid fence is always a block; a bad opening never is
              if (/^---[ \t]*$/.test(open) && /^---[ \t]*$/.test(close)) expect(expected?.end, JSON.stringify(text)).toBe(lines.join(eol).length);
              if (!/^---[ \t]*$/.test(open)) expect(expected).toBeNull();
              if (expected) withBlock++;
            }
    // 756 closed by their own fence, 189 by the `---` after a `...`/`----`/` ---` line that does not close
    expect(withBlock).toBe(7 * 3 * 3 * 3 * 4 + 7 * 3 * 3 * 3);
    expect(frontMatterBlock('---\necoplan:\n  level: 县\n')).toBeNull();
    expect(frontMatterBlock('正文\n---\na: 1\n---\n')).toBeNull();
  });

  it('gives the same block as remark on the samples and the corpus (corpus skipped when absent)', () => {
    const dirs = ['samples', '../shared/corpus'];
    let files = 0;
    for (const dir of dirs) {
      let names: string[] = [];
      try {
        names = readdirSync(dir);
      } catch {
        continue;
      }
      for (const n of names.filter((x) => /\.(md|txt)$/.test(x))) {
        const text = readFileSync(join(dir, n), 'utf8');
        expect(frontMatterBlock(text), n).toEqual(remarkBlock(text));
        files++;
      }
    }
    expect(files).toBeGreaterThanOrEqual(3);
  });

  it('reads settings with the ranges of their keys, and a YAML error at its line; none for plain text', () => {
    const text = ['---', 'title: 东湖区实施方案', 'ecoplan:', '  level: 县', '  departments: ../部门.yaml', '---', '# 东湖区创建国家生态文明建设示范区实施方案'].join('\r\n');
    const fm = readFrontMatter(text)!;
    expect(fm.range).toEqual({ start: { line: 0, character: 0 }, end: { line: 5, character: 3 } });
    expect(fm.keyRanges.level).toEqual({ start: { line: 3, character: 9 }, end: { line: 3, character: 10 } });
    expect(frontMatterSetting(fm, 'departments')).toBe('../部门.yaml');
    expect(frontMatterSetting(fm, 'catalogue')).toBeUndefined();
    expect(readFrontMatter(text, 'text')).toBeNull();
    const broken = readFrontMatter(['---', 'ecoplan:', '  level: [县', '---', '正文'].join('\n'))!;
    expect(broken.data).toBeNull();
    expect(broken.error?.range.start.line).toBe(2);
    expect(frontMatterSetting(readFrontMatter('---\necoplan: 县\n---\n'), 'departments')).toBeUndefined();
  });

  it('is linear: a long unclosed front matter and a long first line', () => {
    const long = '---\n' + 'a: 1\n'.repeat(200_000);
    const t0 = performance.now();
    expect(frontMatterBlock(long)).toBeNull();
    expect(frontMatterBlock('---' + ' '.repeat(500_000) + 'x\n---\n')).toBeNull();
    expect(frontMatterBlock('---\n' + 'x'.repeat(500_000) + '\n---')?.end).toBe(500_008);
    expect(performance.now() - t0).toBeLessThan(1000);
  });

  it('an alias with no anchor is a front-matter error on the YAML\'s first line, not an exception', () => {
    expect(readFrontMatter('---\necoplan:\n  level: *a\n---\n正文')).toEqual({
      data: null,
      range: { start: { line: 0, character: 0 }, end: { line: 3, character: 3 } },
      keyRanges: {},
      error: { message: { zh: 'Unresolved alias (the anchor must be set before the alias): a', en: 'Unresolved alias (the anchor must be set before the alias): a' }, range: { start: { line: 1, character: 0 }, end: { line: 1, character: 8 } } },
    });
  });
});
