import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, CompletionItem, CompletionList, Diagnostic, TextEdit } from 'vscode-languageserver-protocol';
import { LspClient } from '../support/lspClient';

// A 区 plan with a real local bureau the built-in directory does not know (区水务和湖泊局), a task
// without a clause and one whose clause the drafter opened but has not filled.
const PLAN = [
  '---', // 0
  'ecoplan:', // 1
  '  level: 县', // 2
  '---', // 3
  '# 东湖区创建国家生态文明建设示范区实施方案', // 4
  '', // 5
  '## 三、重点任务', // 6
  '', // 7
  '1.加强河湖管护。落实河湖长制。(责任单位:区水务和湖泊局、区生态环境分局)', // 8
  '', // 9
  '2.推进绿色出行。', // 10
  '', // 11
  '3.开展节水行动。(责任单位:)', // 12
  '', // 13
].join('\n');

const apply = (text: string, edits: TextEdit[]) => TextDocument.applyEdits(TextDocument.create('x', 'markdown', 1, text), edits);
const CREATE = { workspace: { workspaceEdit: { documentChanges: true, resourceOperations: ['create' as const] } } };

async function start(folder: string, files: Record<string, string>, capabilities = CREATE, locale?: string) {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(folder, name, '..'), { recursive: true });
    writeFileSync(join(folder, name), text);
  }
  const client = new LspClient();
  await client.initialize(folder, capabilities, undefined, locale);
  const uri = pathToFileURL(join(folder, 'plans/dh.plan.md')).toString();
  const published = client.nextDiagnostics(uri);
  client.open(uri, PLAN);
  const diagnostics = (await published).diagnostics;
  const actionsFor = (d: Diagnostic) => client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
  return { client, uri, diagnostics, actionsFor };
}

describe('quick fixes that do no harm: 添加到部门名录', () => {
  it('creates ecoplan.departments.yaml and a config naming it when no directory is configured, as the first and preferred fix', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ecoplan-fix-'));
    const { client, diagnostics, actionsFor } = await start(dir, { 'plans/dh.plan.md': PLAN });
    try {
      const d = diagnostics.find((x) => x.code === 'unknown-department' && x.range.start.character === 22)!;
      expect(d.message).toBe('「区水务和湖泊局」不在内置部门名录中;是否是:区水利局?');
      const actions = await actionsFor(d);
      expect(actions.map((a) => [a.title, a.isPreferred ?? false])).toEqual([
        ['将「区水务和湖泊局」添加到部门名录', true],
        ['改为「区水利局」', false],
        ['在此行停用「部门不在部门名录中」检查', false],
        ['将责任单位转换为部门标记 (@)', false],
      ]);
      const dirUri = pathToFileURL(join(dir, 'ecoplan.departments.yaml')).toString();
      const cfgUri = pathToFileURL(join(dir, 'ecoplan.config.yaml')).toString();
      expect(actions[0].edit).toEqual({
        documentChanges: [
          { kind: 'create', uri: dirUri, options: { ignoreIfExists: true } },
          { textDocument: { uri: dirUri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: 'departments:\n  - name: 区水务和湖泊局\n' }] },
          { kind: 'create', uri: cfgUri, options: { ignoreIfExists: true } },
          { textDocument: { uri: cfgUri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: 'departments: ecoplan.departments.yaml\n' }] },
        ],
      });
    } finally {
      await client.stop();
    }
  });

  it('extends the configured directory file, keeping its comments and entries, and leaves the config alone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ecoplan-fix-'));
    const directory = ['# 东湖区部门名录(区编办 2023 年版)', 'departments:', '  - {name: 区生态环境分局, aliases: [区环保分局]}', '  - name: 区发展和改革局', '    aliases: [区发改局]', ''].join('\n');
    const config = ['# 东湖区方案检查设置', 'level: 县', 'departments: data/部门.yaml', 'rules:', '  vague-responsibility: off', ''].join('\n');
    const { client, diagnostics, actionsFor } = await start(dir, { 'plans/dh.plan.md': PLAN, 'ecoplan.config.yaml': config, 'data/部门.yaml': directory });
    try {
      const d = diagnostics.find((x) => x.code === 'unknown-department')!;
      expect(d.message).toBe('「区水务和湖泊局」不在本地部门名录中;是否是:区水利局?');
      const [add, ...rest] = await actionsFor(d);
      expect(add.title).toBe('将「区水务和湖泊局」添加到部门名录');
      expect(add.isPreferred).toBe(true);
      expect(rest.every((a) => !a.isPreferred)).toBe(true);
      const changes = add.edit!.documentChanges as { textDocument: { uri: string }; edits: TextEdit[] }[];
      expect(changes.map((c) => c.textDocument.uri)).toEqual([pathToFileURL(join(dir, 'data/部门.yaml')).toString()]);
      expect(apply(directory, changes[0].edits)).toBe(
        ['# 东湖区部门名录(区编办 2023 年版)', 'departments:', '  - {name: 区生态环境分局, aliases: [区环保分局]}', '  - name: 区发展和改革局', '    aliases: [区发改局]', '  - name: 区水务和湖泊局', ''].join('\n'),
      );
    } finally {
      await client.stop();
    }
  });

  it('adds the directory to an existing config with other keys; offers nothing for a broken directory or without file creation', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ecoplan-fix-'));
    const config = ['level: 县 # 区按县级指标', 'rules:', '  vague-responsibility: off', ''].join('\n');
    const { client, diagnostics, actionsFor } = await start(dir, { 'plans/dh.plan.md': PLAN, 'ecoplan.config.yaml': config });
    try {
      const add = (await actionsFor(diagnostics.find((x) => x.code === 'unknown-department')!))[0];
      const changes = add.edit!.documentChanges as ({ kind: string } | { textDocument: { uri: string }; edits: TextEdit[] })[];
      expect(changes.map((c) => ('kind' in c ? `create ${c.kind}` : c.textDocument.uri.split('/').pop()))).toEqual(['create create', 'ecoplan.departments.yaml', 'ecoplan.config.yaml']);
      expect(apply(config, (changes[2] as { edits: TextEdit[] }).edits)).toBe(['level: 县 # 区按县级指标', 'rules:', '  vague-responsibility: off', 'departments: ecoplan.departments.yaml', ''].join('\n'));
    } finally {
      await client.stop();
    }

    const broken = mkdtempSync(join(tmpdir(), 'ecoplan-fix-'));
    const b = await start(broken, { 'plans/dh.plan.md': PLAN, 'ecoplan.config.yaml': 'departments: dep.yaml\n', 'dep.yaml': 'departments:\n  - name: [区水利局\n' });
    try {
      const titles = (await b.actionsFor(b.diagnostics.find((x) => x.code === 'unknown-department')!)).map((a) => a.title);
      expect(titles).toEqual(['改为「区水利局」', '在此行停用「部门不在部门名录中」检查', '将责任单位转换为部门标记 (@)']);
    } finally {
      await b.client.stop();
    }

    const plain = mkdtempSync(join(tmpdir(), 'ecoplan-fix-'));
    const p = await start(plain, { 'plans/dh.plan.md': PLAN }, { workspace: { workspaceEdit: { documentChanges: true, resourceOperations: [] } } });
    try {
      const titles = (await p.actionsFor(p.diagnostics.find((x) => x.code === 'unknown-department')!)).map((a) => a.title);
      expect(titles).toEqual(['改为「区水利局」', '在此行停用「部门不在部门名录中」检查', '将责任单位转换为部门标记 (@)']);
    } finally {
      await p.client.stop();
    }
  });
});

describe('添加责任单位 and the empty clause', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ecoplan-fix-'));
  let s: Awaited<ReturnType<typeof start>>;
  beforeAll(async () => {
    s = await start(dir, { 'plans/dh.plan.md': PLAN });
  });
  afterAll(() => s.client.stop());

  it('says an empty clause is empty, not missing', () => {
    const missing = s.diagnostics.filter((d) => d.code === 'missing-responsible-unit').map((d) => [d.range.start.line, d.message]);
    expect(missing).toEqual([
      [10, '任务 三.2「推进绿色出行」未明确责任单位'],
      [12, '任务 三.3「开展节水行动」的责任单位为空:请在「责任单位:」后填写牵头和配合部门'],
    ]);
  });

  it('offers to fill an empty clause (cursor inside, completion), never a second clause', async () => {
    const d = s.diagnostics.find((x) => x.code === 'missing-responsible-unit' && x.range.start.line === 12)!;
    const actions = await s.actionsFor(d);
    expect(actions.map((a) => a.title)).toEqual(['填写责任单位', '在此行停用「任务未明确责任单位」检查']);
    expect(actions[0]).toEqual({
      title: '填写责任单位',
      kind: 'quickfix',
      diagnostics: [d],
      isPreferred: true,
      command: { title: '填写责任单位', command: 'ecoplan.client.placeCursor', arguments: [s.uri, { line: 12, character: 15 }, true] },
    });
  });

  it('inserts the clause, puts the cursor inside and asks for completion, which offers departments there', async () => {
    const d = s.diagnostics.find((x) => x.code === 'missing-responsible-unit' && x.range.start.line === 10)!;
    const fix = (await s.actionsFor(d))[0];
    expect(fix).toMatchObject({
      title: '添加责任单位',
      kind: 'quickfix',
      isPreferred: true,
      edit: { changes: { [s.uri]: [{ range: { start: { line: 10, character: 9 }, end: { line: 10, character: 9 } }, newText: '(责任单位:)' }] } },
      command: { title: '填写责任单位', command: 'ecoplan.client.placeCursor', arguments: [s.uri, { line: 10, character: 15 }, true] },
    });
    const text = apply(PLAN, fix.edit!.changes![s.uri]);
    expect(text.split('\n')[10]).toBe('2.推进绿色出行。(责任单位:)');
    // a client without the command still has a correct edit; the cursor position is inside the clause
    expect(text.split('\n')[10].slice(0, 15)).toBe('2.推进绿色出行。(责任单位:');
    const next = s.client.nextDiagnostics(s.uri);
    s.client.change(s.uri, 2, [{ range: { start: { line: 10, character: 9 }, end: { line: 10, character: 9 } }, text: '(责任单位:)' }]);
    const after = (await next).diagnostics.filter((x) => x.code === 'missing-responsible-unit' && x.range.start.line === 10);
    expect(after.map((x) => x.message)).toEqual(['任务 三.2「推进绿色出行」的责任单位为空:请在「责任单位:」后填写牵头和配合部门']);
    const r = await s.client.request<CompletionList | CompletionItem[]>('textDocument/completion', { textDocument: { uri: s.uri }, position: { line: 10, character: 15 } });
    const items = Array.isArray(r) ? r : r.items;
    expect(items.some((i) => i.label === '区生态环境分局')).toBe(true);
  });
});

describe('quick-fix labels follow the UI language', () => {
  it('are English only in an English UI', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ecoplan-fix-'));
    const s = await start(dir, { 'plans/dh.plan.md': PLAN }, CREATE, 'en');
    try {
      const unknown = s.diagnostics.find((x) => x.code === 'unknown-department')!;
      expect((await s.actionsFor(unknown)).map((a) => a.title)).toEqual(['Add "区水务和湖泊局" to the department directory', 'Change to "区水利局"', 'Disable "Department not in the directory" for this line', 'Convert the units to department tags (@)']);
      const missing = s.diagnostics.find((x) => x.code === 'missing-responsible-unit')!;
      const fix = (await s.actionsFor(missing))[0];
      expect([fix.title, fix.command?.title]).toEqual(['Add a responsibility clause', 'Fill in the responsible units']);
    } finally {
      await s.client.stop();
    }
  });
});
