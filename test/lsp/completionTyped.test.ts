// Completion finds what people type (issue 21 item 2): a department without its level word, its short
// forms, pinyin and initials, inside a clause without `@`; an indicator by any part of its name.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompletionItem, CompletionList } from 'vscode-languageserver-protocol';
import { LspClient } from '../support/lspClient';

const typed = ['@发改', '@环境', '@生态', '@发改委', '@生态环境局', '@住建', '@城管', '@fg', '@sthj', '@国土', '生态'];
const head = (level: string, title: string) => ['---', 'ecoplan:', `  level: ${level}`, '---', `# ${title}`, '', '## 二、主要任务', ''];
const plan = (level: string, title: string) =>
  [...head(level, title), ...typed.map((t, i) => `${i + 1}.推进第${i + 1}项工作。(责任单位:${t}`), `${typed.length + 1}.提升污水处理能力。[[污水处理`, ''].join('\n');
const FIRST = 8; // the line of the first task

const sorted = (items: CompletionItem[]) => [...items].sort((a, b) => (a.sortText! < b.sortText! ? -1 : a.sortText! > b.sortText! ? 1 : 0));

function session(level: string, title: string, file: string) {
  const dir = mkdtempSync(join(tmpdir(), 'ecoplan-typed-'));
  const uri = pathToFileURL(join(dir, file)).toString();
  const text = plan(level, title);
  const lines = text.split('\n');
  const client = new LspClient();
  const complete = async (line: number) => {
    const r = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: { line, character: lines[line].length }, context: { triggerKind: 1 } });
    return { r, labels: sorted(r.items).map((i) => i.label) };
  };
  return { client, uri, text, lines, complete, dir };
}

// the first three rows for each line's typed text: the plan's level first, then 县 and 区
const CITY: [string, string[]][] = [
  ['@发改', ['市发展和改革委员会', '县发展和改革委员会', '区发展和改革委员会']],
  ['@环境', ['市生态环境局', '县生态环境局', '区生态环境局']],
  ['@生态', ['市生态环境局', '市生态文明建设示范区创建工作领导小组办公室', '县生态环境局']],
  ['@发改委', ['市发展和改革委员会', '县发展和改革委员会', '区发展和改革委员会']],
  ['@生态环境局', ['市生态环境局', '县生态环境局', '区生态环境局']],
  ['@住建', ['市住房和城乡建设局', '县住房和城乡建设局', '区住房和城乡建设局']],
  ['@城管', ['市城市管理局', '县城市管理局', '区城市管理局']],
  ['@fg', ['市发展和改革委员会', '县发展和改革委员会', '区发展和改革委员会']],
  ['@sthj', ['市生态环境局', '县生态环境局', '区生态环境局']],
  ['@国土', ['市自然资源和规划局', '县自然资源和规划局', '区自然资源和规划局']],
  ['生态', ['市生态环境局', '市生态文明建设示范区创建工作领导小组办公室', '县生态环境局']],
];

describe('department completion finds what is typed (市 plan)', () => {
  const s = session('市', '石渠口市创建国家生态文明建设示范市实施方案', 'city.plan.md');
  beforeAll(() => s.client.startWith(s.dir, s.uri, s.text));
  afterAll(() => s.client.stop());

  CITY.forEach(([text, first], i) => {
    it(`${text}: ${first[0]} first; the list is incomplete, its filter text starts with what is typed, it replaces it`, async () => {
      const line = FIRST + i;
      const { r, labels } = await s.complete(line);
      expect(labels.slice(0, 3)).toEqual(first);
      expect(r.isIncomplete).toBe(true);
      const query = text.replace(/^@/, '');
      expect(r.items.every((item) => item.filterText!.startsWith(`${query} `))).toBe(true);
      const end = s.lines[line].length;
      expect(sorted(r.items)[0].textEdit).toEqual({ range: { start: { line, character: end - query.length }, end: { line, character: end } }, newText: first[0] });
    });
  });

  it('a half-typed tag or a department without its level elsewhere in the plan is not offered as a unit of the plan', async () => {
    const { labels } = await s.complete(FIRST + 2); // `@生态`; the plan also has `@生态`, `@生态环境局`, `(责任单位:生态`
    expect(labels).not.toContain('生态');
    expect(labels).not.toContain('生态环境局');
  });

  it('[[ finds an indicator by any part of its name', async () => {
    const { r, labels } = await s.complete(FIRST + typed.length);
    expect(labels).toEqual(['城镇污水处理率']);
    expect(r.isIncomplete).toBe(true);
    expect(r.items[0].filterText!.startsWith('污水处理 ')).toBe(true);
    expect(r.items[0].textEdit).toEqual({ range: { start: { line: FIRST + typed.length, character: 14 }, end: { line: FIRST + typed.length, character: 18 } }, newText: '城镇污水处理率 ≥${1:95}%]]' });
  });

  it('each character gets the list for what is typed now: `@市` then `@市发改`', async () => {
    const line = FIRST; // `…(责任单位:@发改`: make it `@市`, ask, then `@市发改`, ask
    const end = s.lines[line].length;
    const published = s.client.nextDiagnostics(s.uri);
    s.client.change(s.uri, 2, [{ range: { start: { line, character: end - 2 }, end: { line, character: end } }, text: '市' }]);
    const one = await s.client.request<CompletionList>('textDocument/completion', { textDocument: { uri: s.uri }, position: { line, character: end - 1 }, context: { triggerKind: 1 } });
    expect(sorted(one.items)[0].label).toBe('市委办公室');
    expect(one.isIncomplete).toBe(true);
    s.client.change(s.uri, 3, [{ range: { start: { line, character: end - 1 }, end: { line, character: end - 1 } }, text: '发改' }]);
    // asked at once, before the keystroke's analysis: the answer is for `市发改`, not the `市` list
    const two = await s.client.request<CompletionList>('textDocument/completion', { textDocument: { uri: s.uri }, position: { line, character: end + 1 }, context: { triggerKind: 3 } });
    expect(sorted(two.items).map((i) => i.label)).toEqual(['市发展和改革委员会']);
    await published;
  });
});

describe('department completion in a 区 plan that writes its own units', () => {
  const text = [...head('县', '石渠口区创建国家生态文明建设示范区实施方案'), '1.整治黑臭水体。(责任单位:区生态环境分局)', '2.推进雨污分流。(责任单位:@环境', '3.推进节水。(责任单位:@发改', ''].join('\n');
  const dir = mkdtempSync(join(tmpdir(), 'ecoplan-typed-'));
  const uri = pathToFileURL(join(dir, 'district.plan.md')).toString();
  const client = new LspClient();
  beforeAll(() => client.startWith(dir, uri, text));
  afterAll(() => client.stop());
  const labels = async (line: number, character: number) =>
    sorted((await client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: { line, character } })).items).map((i) => i.label);

  it('`@环境` offers the unit the plan writes first, then its 区 and 县 forms, the 市 one last', async () => {
    expect(await labels(9, 18)).toEqual(['区生态环境分局', '县生态环境局', '市生态环境局']);
  });

  it('`@发改` offers the 区 form before the 县 form, the 市 one last', async () => {
    expect(await labels(10, 16)).toEqual(['区发展和改革委员会', '县发展和改革委员会', '市发展和改革委员会']);
  });
});
