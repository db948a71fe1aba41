import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocumentSymbol, Range } from 'vscode-languageserver/node';
import { analysePlan } from '../../server/src/core/analyse';
import { documentSymbols } from '../../server/src/lsp/features/documentSymbols';

// VS Code rejects a whole documentSymbol answer when one symbol's selectionRange is not inside
// its range (found by running the .vsix in code-server), so check the invariant on every plan we have.
const before = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
const contains = (outer: Range, inner: Range) => before(outer.start, inner.start) && before(inner.end, outer.end);

function violations(symbols: DocumentSymbol[], parent?: DocumentSymbol): string[] {
  const out: string[] = [];
  for (const s of symbols) {
    if (!contains(s.range, s.selectionRange)) out.push(`${s.name}: selectionRange ${JSON.stringify(s.selectionRange)} outside ${JSON.stringify(s.range)}`);
    if (parent && !contains(parent.range, s.range)) out.push(`${s.name}: range outside its parent ${parent.name}`);
    out.push(...violations(s.children ?? [], s));
  }
  return out;
}

describe('document symbols', () => {
  const plans: [string, string, 'markdown' | 'text'][] = readdirSync('samples').map((f) => [f, readFileSync(join('samples', f), 'utf8'), 'markdown']);
  const corpus = join('..', 'shared', 'corpus');
  if (existsSync(corpus)) for (const f of readdirSync(corpus).filter((x) => x.endsWith('.txt'))) plans.push([f, readFileSync(join(corpus, f), 'utf8'), 'text']);

  it.each(plans)('%s: every selection range lies inside its symbol, every symbol inside its parent', (name, text, format) => {
    const a = analysePlan(text, { uri: name, format });
    const symbols = documentSymbols(a.model.outline, a.model.tasks, a.model.text);
    expect(symbols.length).toBeGreaterThan(0);
    expect(violations(symbols)).toEqual([]);
  });

  it('gives a one-line task a range to the end of its line', () => {
    const text = ['## 三、主要任务', '1.编制规划。(责任单位:市生态环境局)'].join('\n');
    const a = analysePlan(text, { uri: 't.md' });
    const [section] = documentSymbols(a.model.outline, a.model.tasks, a.model.text);
    expect(section.children![0]).toMatchObject({
      name: '1.编制规划',
      detail: '牵头:市生态环境局',
      range: { start: { line: 1, character: 0 }, end: { line: 1, character: 20 } },
      selectionRange: { start: { line: 1, character: 0 }, end: { line: 1, character: 20 } },
    });
  });
});

describe('document symbol names', () => {
  it('names 第一章 levels with a space, and an empty numbering by its number alone', () => {
    const text = ['# 某县实施方案', '## 第二章 重点任务', '一、推进绿色发展', '(一)推进治理。(责任单位:县生态环境分局)', '1、', '(二)'].join('\n');
    const a = analysePlan(text, { uri: 't.md' });
    const names = (ss: DocumentSymbol[]): string[] => ss.flatMap((s) => [s.name, ...names(s.children ?? [])]);
    expect(names(documentSymbols(a.model.outline, a.model.tasks, a.model.text))).toEqual(['某县实施方案', '第二章 重点任务', '一、推进绿色发展', '(一)推进治理', '1', '(二)']);
  });
});
