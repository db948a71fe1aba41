// The VS Code command `EcoPlan: 与上一稿比较` (client/src/draftDiff.ts) with the editor API stood in for
// by a fake and the server's request answered by the real provider over an in-memory workspace:
// the committed version through the git extension's API, a file of the workspace, the diagnostics and
// the view it fills, and what clears them.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { provideDraftDiff, type DraftDiffParams } from '../../server/src/lsp/features/draftDiff';
import { PlanWorkspace } from '../../server/src/lsp/planWorkspace';

interface FakeUri {
  scheme: string;
  path: string;
  fsPath: string;
  toString(): string;
}
const fake = vi.hoisted(() => ({
  commands: new Map<string, (...a: unknown[]) => unknown>(),
  context: new Map<string, unknown>(),
  diagnostics: new Map<string, { range: { start: { line: number } }; message: string; severity: number; source?: string; code?: unknown }[]>(),
  info: [] as string[],
  warnings: [] as string[],
  picks: [] as string[],
  choose: '' as string,
  closeListeners: [] as ((doc: { uri: FakeUri }) => void)[],
  tree: null as null | { getChildren(): { message: string }[]; getTreeItem(c: unknown): { label: string; command?: { arguments: unknown[] } } },
  git: null as null | { committed: string | Error },
  active: null as null | { document: { uri: FakeUri } },
  files: [] as FakeUri[],
}));

vi.mock('vscode', () => {
  const uri = (path: string): FakeUri => ({ scheme: 'file', path, fsPath: path, toString: () => `file://${path}` });
  class Range {
    start: { line: number; character: number };
    end: { line: number; character: number };
    constructor(sl: number, sc: number, el: number, ec: number) {
      this.start = { line: sl, character: sc };
      this.end = { line: el, character: ec };
    }
  }
  class Diagnostic {
    source?: string;
    code?: unknown;
    constructor(
      public range: Range,
      public message: string,
      public severity: number,
    ) {}
  }
  return {
    Uri: { file: uri },
    Range,
    Diagnostic,
    DiagnosticSeverity: { Information: 2 },
    Selection: Range,
    TextEditorRevealType: { InCenter: 2 },
    ThemeIcon: class {
      constructor(public id: string) {}
    },
    TreeItem: class {
      constructor(public label: string) {}
    },
    EventEmitter: class {
      event = () => undefined;
      fire() {}
    },
    env: { language: 'zh-cn' },
    extensions: {
      getExtension: (id: string) =>
        id === 'vscode.git' && fake.git
          ? {
              isActive: true,
              exports: {
                enabled: true,
                getAPI: () => ({
                  getRepository: () => ({
                    rootUri: uri('/'),
                    show: async () => {
                      if (fake.git!.committed instanceof Error) throw fake.git!.committed;
                      return fake.git!.committed;
                    },
                  }),
                }),
              },
            }
          : undefined,
    },
    languages: {
      createDiagnosticCollection: () => ({
        set: (u: FakeUri, ds: never[]) => fake.diagnostics.set(u.toString(), ds),
        has: (u: FakeUri) => fake.diagnostics.has(u.toString()),
        delete: (u: FakeUri) => fake.diagnostics.delete(u.toString()),
        clear: () => fake.diagnostics.clear(),
        dispose() {},
      }),
    },
    commands: {
      registerCommand: (id: string, fn: (...a: unknown[]) => unknown) => (fake.commands.set(id, fn), { dispose() {} }),
      executeCommand: async (id: string, key: string, value: unknown) => {
        if (id === 'setContext') fake.context.set(key, value);
      },
    },
    window: {
      get activeTextEditor() {
        return fake.active;
      },
      registerTreeDataProvider: (_id: string, p: typeof fake.tree) => ((fake.tree = p), { dispose() {} }),
      showQuickPick: async (items: { label: string }[]) => {
        fake.picks = items.map((i) => i.label);
        return items.find((i) => i.label.includes(fake.choose));
      },
      showInformationMessage: async (m: string) => void fake.info.push(m),
      showWarningMessage: async (m: string) => void fake.warnings.push(m),
    },
    workspace: {
      findFiles: async () => fake.files,
      asRelativePath: (u: FakeUri) => u.path.split('/').pop(),
      onDidCloseTextDocument: (fn: (doc: { uri: FakeUri }) => void) => (fake.closeListeners.push(fn), { dispose() {} }),
    },
  };
});

const DRAFTS = join(__dirname, '..', 'fixtures', 'review-drafts');
const root = mkdtempSync(join(tmpdir(), 'ecoplan-compare-command-'));
const newText = readFileSync(join(DRAFTS, 'source', '安吉县-修改稿.md'), 'utf8');
writeFileSync(join(root, '修改稿.md'), newText);
writeFileSync(join(root, '初稿.md'), readFileSync(join(DRAFTS, '安吉县-初稿.md'), 'utf8'));
const docs = new Map<string, TextDocument>();
const planUri = pathToFileURL(join(root, '修改稿.md')).toString();
docs.set(planUri, TextDocument.create(planUri, 'markdown', 1, newText));
const ws = new PlanWorkspace({ get: (u) => docs.get(u), all: () => [...docs.values()] });
ws.folders = [root];
// the language client, answering the request with the server's provider
const client = { sendRequest: (_method: string, params: DraftDiffParams) => provideDraftDiff(ws, params) };
const vsUri = (path: string): FakeUri => ({ scheme: 'file', path, fsPath: path, toString: () => pathToFileURL(path).toString() });

async function run() {
  await fake.commands.get('ecoplan.compareWithPrevious')!();
}

describe('EcoPlan: 与上一稿比较', () => {
  beforeEach(async () => {
    fake.commands.clear();
    fake.diagnostics.clear();
    fake.closeListeners.length = 0;
    Object.assign(fake, { info: [], warnings: [], picks: [], git: null, tree: null });
    fake.active = { document: { uri: vsUri(join(root, '修改稿.md')) } };
    fake.files = [vsUri(join(root, '初稿.md')), vsUri(join(root, '修改稿.md'))];
    const { registerDraftDiff } = await import('../../client/src/draftDiff');
    registerDraftDiff({ subscriptions: [] } as never, () => client as never);
  });

  it('compares with the committed version through the git extension, as information diagnostics and a view', async () => {
    fake.git = { committed: newText.replace('城镇污水处理率达到90%以上', '城镇污水处理率达到95%以上') };
    fake.choose = 'HEAD';
    await run();
    expect(fake.picks).toEqual(['$(git-commit) 已提交的版本(HEAD)', '$(file) 初稿.md', '$(folder-opened) 选择文件…']);
    expect(JSON.parse(JSON.stringify([...fake.diagnostics.values()]))).toEqual([
      [{ range: { start: { line: 48, character: 46 }, end: { line: 48, character: 60 } }, message: '三.(四).13 城镇污水处理率 目标较上一稿降低:≥95%(2023年) → ≥90%(2023年)', severity: 2, source: 'EcoPlan 比较', code: 'target-weakened' }],
    ]);
    expect(fake.info).toEqual(['EcoPlan:与 HEAD 相比,共 1 处改动']);
    expect(fake.context.get('ecoplan.draftDiffShown')).toBe(true);
    const rows = fake.tree!.getChildren();
    expect(fake.tree!.getTreeItem(rows[0])).toMatchObject({ label: '三.(四).13 城镇污水处理率 目标较上一稿降低:≥95%(2023年) → ≥90%(2023年)', description: 'target-weakened' });
    // closing the plan clears them
    for (const fn of fake.closeListeners) fn({ document: undefined, uri: fake.active!.document.uri } as never);
    expect([fake.diagnostics.size, fake.context.get('ecoplan.draftDiffShown'), fake.tree!.getChildren()]).toEqual([0, false, []]);
  });

  it('compares with a plan file of the workspace (without git: no committed version offered) and clears on command', async () => {
    fake.choose = '初稿.md';
    await run();
    expect(fake.picks).toEqual(['$(file) 初稿.md', '$(folder-opened) 选择文件…']);
    const shown = [...fake.diagnostics.values()][0];
    expect(shown).toHaveLength(20);
    expect(shown[0]).toMatchObject({ message: '三.(一).4 牵头单位:县水利局 → 删除', severity: 2, source: 'EcoPlan 比较', code: 'lead-removed' });
    expect(fake.info).toEqual(['EcoPlan:与 初稿.md 相比,共 20 处改动']);
    // a removed task opens in the old draft, at its line there
    const removed = fake.tree!.getChildren().find((c) => c.message.startsWith('删除任务'))!;
    const [file, range] = fake.tree!.getTreeItem(removed).command!.arguments as [FakeUri, unknown];
    expect([file.fsPath, range]).toEqual([join(root, '初稿.md'), { start: { line: 42, character: 2 }, end: { line: 42, character: 59 } }]);
    await fake.commands.get('ecoplan.clearComparison')!();
    expect([fake.diagnostics.size, fake.context.get('ecoplan.draftDiffShown')]).toEqual([0, false]);
  });

  it('says why, in one warning, when the committed version cannot be read', async () => {
    fake.git = { committed: new Error("fatal: path '修改稿.md' exists on disk, but not in 'HEAD'") };
    fake.choose = 'HEAD';
    await run();
    expect(fake.warnings).toEqual(["EcoPlan:无法读取已提交的版本(fatal: path '修改稿.md' exists on disk, but not in 'HEAD')"]);
    expect(fake.diagnostics.size).toBe(0);
  });
});
