import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { frontMatterBlock, frontMatterSetting, readFrontMatter, simpleFrontMatter, yamlFrontMatter } from '../../server/src/core/frontMatter';
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

  it('reads the front matter plans write without the YAML package, the same as the YAML package', () => {
    const text = ['---', 'title: 东湖区实施方案', 'ecoplan:', '  level: 县', '  catalogue: national-2019', '  period: 2022-2024', '  year: 2023', '  departments: ../部门.yaml', '---', '# 东湖区'].join('\r\n');
    const fm = simpleFrontMatter(text, frontMatterBlock(text)!)!;
    expect(fm).toEqual({
      data: { title: '东湖区实施方案', ecoplan: { level: '县', catalogue: 'national-2019', period: '2022-2024', year: 2023, departments: '../部门.yaml' } },
      range: { start: { line: 0, character: 0 }, end: { line: 8, character: 3 } },
      keyRanges: {
        level: { start: { line: 3, character: 9 }, end: { line: 3, character: 10 } },
        catalogue: { start: { line: 4, character: 13 }, end: { line: 4, character: 26 } },
        period: { start: { line: 5, character: 10 }, end: { line: 5, character: 19 } },
        year: { start: { line: 6, character: 8 }, end: { line: 6, character: 12 } },
        departments: { start: { line: 7, character: 15 }, end: { line: 7, character: 25 } },
      },
    });
    expect(fm).toEqual(yamlFrontMatter(text, frontMatterBlock(text)!));
    // an alias with no anchor parses but has no value: an error on the YAML's first line, not an exception
    expect(readFrontMatter('---\necoplan:\n  level: *a\n---\n正文')).toEqual({
      data: null,
      range: { start: { line: 0, character: 0 }, end: { line: 3, character: 3 } },
      keyRanges: {},
      error: { message: 'Unresolved alias (the anchor must be set before the alias): a', range: { start: { line: 1, character: 0 }, end: { line: 1, character: 8 } } },
    });
    // left to the YAML package: quotes, a comment after a value, a list, a decimal, an empty value, a multi-line value
    for (const body of ['ecoplan:\n  level: "县"', 'ecoplan:\n  level: 县 # 县级', 'ecoplan:\n  - 县', 'ecoplan:\n  x: 1.5', 'ecoplan:\n  level:', 'title: 东湖\n  区方案', 'ecoplan: {level: 县}']) {
      const t = `---\n${body}\n---\n`;
      expect(simpleFrontMatter(t, frontMatterBlock(t)!), body).toBeNull();
    }
  });

  it('gives the YAML package\'s data, key ranges and errors on generated front matter, simple or not', () => {
    // mostly what plans write, sometimes what they should not
    const pick = (good: string[], bad: string[]) => fc.oneof({ arbitrary: fc.constantFrom(...good), weight: 6 }, { arbitrary: fc.constantFrom(...bad), weight: 1 });
    const key = pick(['ecoplan', 'level', 'catalogue', 'title', 'departments', 'period', '名称', 'a.b', 'x_1'], ['true', 'null', '__proto__', 'a b', '2022', '-x', 'k:']);
    const value = pick(
      ['县', '市', 'national-2019', '2022-2024', '2023', '0123', './部门.yaml', '../部门.yaml', '东湖区 实施方案', '1_000', 'a:b', 'a#c', '县,市', '县?', '县\u0085区', '.x'],
      ['', '1.5', '1e5', '0x1F', '0o17', '.5', '.inf', 'true', 'False', 'null', '~', 'a: b', 'a #c', '"县"', "'县'", '[县, 市]', '{a: 1}', '- 县', '县 ', '县\u3000', '+5', '-5', '&a 县', '*a', '!!str 5', '|', '>', '%x', '@x', '`x`', '?县', ':县', '县:', '=', '<<', 'a\tb'],
    );
    const line = fc.record({
      indent: fc.constantFrom(0, 0, 0, 2, 2, 2, 2, 1, 4),
      key,
      sep: pick([': '], [':  ', ':', ' : ', ':\t']),
      value,
      kind: pick(['entry'], ['blank', 'comment', 'other']),
    });
    const doc = fc.record({ lines: fc.array(line, { minLength: 0, maxLength: 8 }), eol: fc.constantFrom('\n', '\r\n'), lead: fc.boolean() });
    let simple = 0;
    let total = 0;
    fc.assert(
      fc.property(doc, ({ lines, eol, lead }) => {
        const body = lines.map((l) => {
          const pad = ' '.repeat(l.indent);
          if (l.kind === 'blank') return pad;
          if (l.kind === 'comment') return `${pad}# 注释 ${l.value}`;
          if (l.kind === 'other') return `${pad}${l.value}`;
          return `${pad}${l.key}${l.sep}${l.value}`;
        });
        // mostly documents that begin with `ecoplan:` and an entry under it, as plans write them
        const all = lead ? ['ecoplan:', ...body] : body;
        const text = ['---', ...all, '---', '# 方案'].join(eol);
        const block = frontMatterBlock(text)!;
        const expected = yamlFrontMatter(text, block);
        const fast = simpleFrontMatter(text, block);
        total++;
        if (fast) {
          simple++;
          expect(fast, JSON.stringify(text)).toEqual(expected);
        }
        expect(readFrontMatter(text), JSON.stringify(text)).toEqual(expected);
      }),
      { numRuns: 3000, seed: 12 },
    );
    // the fast path is taken often enough for the comparison to mean something
    expect(total).toBe(3000);
    expect(simple).toBeGreaterThan(300);
  });

  it('reads every well-formed front matter of the subset without the YAML package, the same as the package', () => {
    const word = fc.constantFrom('县', '市', 'national-2019', '2022-2024', '2023', '0123', './部门.yaml', '东湖区 实施方案', 'a:b', '县,市', '县?', 'true-ish', '.x', '1_000', '2022-01-01', 'yes', 'off', '0b101', '1:30', 'Infinity', 'NaN', '0');
    const keyName = fc.constantFrom('ecoplan', 'level', 'catalogue', 'title', 'departments', 'period', '名称', 'a.b', 'x_1', 'k-2');
    const entry = fc.oneof(
      fc.record({ key: keyName, value: word }),
      fc.record({ key: keyName, children: fc.uniqueArray(fc.record({ key: keyName, value: word }), { minLength: 1, maxLength: 5, selector: (e) => e.key }), indent: fc.integer({ min: 1, max: 6 }) }),
    );
    const doc = fc.record({
      entries: fc.uniqueArray(entry, { minLength: 1, maxLength: 5, selector: (e) => e.key }),
      spaces: fc.integer({ min: 1, max: 3 }),
      extras: fc.array(fc.constantFrom('', '  ', '# 注释', '  # 注释'), { maxLength: 2 }),
      eol: fc.constantFrom('\n', '\r\n'),
    });
    fc.assert(
      fc.property(doc, ({ entries, spaces, extras, eol }) => {
        const sep = ':' + ' '.repeat(spaces);
        const lines: string[] = [...extras];
        for (const e of entries) {
          if ('value' in e) lines.push(`${e.key}${sep}${e.value}`);
          else {
            lines.push(`${e.key}:`, ...extras);
            for (const c of e.children) lines.push(`${' '.repeat(e.indent)}${c.key}${sep}${c.value}`);
          }
        }
        const text = ['---', ...lines, '---', '正文'].join(eol);
        const block = frontMatterBlock(text)!;
        const fast = simpleFrontMatter(text, block);
        expect(fast, JSON.stringify(text)).not.toBeNull();
        expect(fast, JSON.stringify(text)).toEqual(yamlFrontMatter(text, block));
      }),
      { numRuns: 1000, seed: 12 },
    );
  });
});
