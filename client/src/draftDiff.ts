import * as path from 'node:path';
import {
  commands,
  Diagnostic,
  DiagnosticSeverity,
  env,
  EventEmitter,
  extensions,
  languages,
  Range,
  Selection,
  TextEditorRevealType,
  ThemeIcon,
  TreeItem,
  Uri,
  window,
  workspace,
  type ExtensionContext,
  type QuickPickItem,
  type TreeDataProvider,
} from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

/**
 * EcoPlan: 与上一稿比较. The user picks the earlier draft — a plan file of the workspace, any file, or
 * the version committed in git (the built-in git extension's API) — the server compares it with the
 * open plan (request `ecoplan/draftDiff`, server/src/lsp/features/draftDiff.ts), and each change
 * becomes an information diagnostic on the plan (collection `EcoPlan 比较`) and a row of the 与上一稿比较
 * view in the explorer. Cleared by EcoPlan: 清除与上一稿的比较, or when the plan is closed.
 */

interface LspRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}
interface DiffChange {
  kind: string;
  message: string;
  oldRange?: LspRange;
  newRange?: LspRange;
}
type DraftDiffResult = { diff: { changes: DiffChange[] }; diagnostics: { range: LspRange; message: string; code: string; source: string }[]; previous: string } | { error: string };

/** The part of the git extension's API used here (extensions/git/src/api/git.d.ts). */
interface GitRepository {
  rootUri: Uri;
  show(ref: string, path: string): Promise<string>;
}
interface GitApi {
  getRepository(uri: Uri): GitRepository | null;
}

const SERIOUS = new Set(['lead-removed', 'lead-changed', 'unit-dropped', 'target-weakened', 'target-removed', 'coverage-lost', 'task-removed']);
const toRange = (r: LspRange) => new Range(r.start.line, r.start.character, r.end.line, r.end.character);

/** The git extension's API, or null when it is absent, disabled or fails to start. */
async function gitApi(): Promise<GitApi | null> {
  const git = extensions.getExtension<{ enabled?: boolean; getAPI(version: 1): GitApi }>('vscode.git');
  if (!git) return null;
  try {
    const exports = git.isActive ? git.exports : await git.activate();
    return exports.enabled === false ? null : exports.getAPI(1);
  } catch {
    return null;
  }
}

type Pick = QuickPickItem & { source: { uri: Uri } | { git: GitRepository } | 'browse' };

class ChangesView implements TreeDataProvider<DiffChange> {
  private readonly changed = new EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  changes: DiffChange[] = [];
  /** The plan compared (new draft) and the earlier file, when it is a file. */
  plan: Uri | null = null;
  previous: Uri | null = null;

  show(plan: Uri, previous: Uri | null, changes: DiffChange[]) {
    Object.assign(this, { plan, previous, changes });
    void commands.executeCommand('setContext', 'ecoplan.draftDiffShown', true);
    this.changed.fire();
  }

  clear() {
    Object.assign(this, { plan: null, previous: null, changes: [] });
    void commands.executeCommand('setContext', 'ecoplan.draftDiffShown', false);
    this.changed.fire();
  }

  getChildren(): DiffChange[] {
    return this.changes;
  }

  getTreeItem(c: DiffChange): TreeItem {
    const item = new TreeItem(c.message);
    item.iconPath = new ThemeIcon(SERIOUS.has(c.kind) ? 'warning' : 'info');
    item.description = c.kind;
    item.tooltip = c.message;
    // what is in the new draft opens there; what only the old one has opens the old file when it is one
    const oldIsText = this.previous !== null && !/\.docx$/i.test(this.previous.path);
    const at = c.newRange ? { uri: this.plan, range: c.newRange } : c.oldRange && oldIsText ? { uri: this.previous, range: c.oldRange } : null;
    if (at?.uri) item.command = { command: 'ecoplan.client.revealChange', title: '', arguments: [at.uri, at.range] };
    return item;
  }
}

export function registerDraftDiff(context: ExtensionContext, client: () => LanguageClient | undefined) {
  const zh = !env.language.startsWith('en');
  const collection = languages.createDiagnosticCollection('EcoPlan 比较');
  const view = new ChangesView();
  const clear = () => {
    collection.clear();
    view.clear();
  };

  async function pickPrevious(plan: Uri): Promise<Exclude<Pick['source'], 'browse'> | null> {
    const items: Pick[] = [];
    const git = await gitApi();
    const repo = plan.scheme === 'file' ? git?.getRepository(plan) : null;
    if (repo) items.push({ label: zh ? '$(git-commit) 已提交的版本(HEAD)' : '$(git-commit) The committed version (HEAD)', source: { git: repo } });
    const files = await workspace.findFiles('**/*.{md,txt,docx}', '{**/node_modules/**,**/.git/**}', 500);
    for (const f of files.sort((a, b) => a.fsPath.localeCompare(b.fsPath))) {
      if (f.toString() === plan.toString()) continue;
      items.push({ label: `$(file) ${path.basename(f.fsPath)}`, description: workspace.asRelativePath(f, false), source: { uri: f } });
    }
    items.push({ label: zh ? '$(folder-opened) 选择文件…' : '$(folder-opened) Choose a file…', source: 'browse' });
    const picked = await window.showQuickPick(items, { placeHolder: zh ? '选择上一稿' : 'Choose the previous draft', matchOnDescription: true });
    if (!picked) return null;
    if (picked.source !== 'browse') return picked.source;
    const chosen = await window.showOpenDialog({ canSelectMany: false, filters: { [zh ? '方案' : 'Plans']: ['md', 'txt', 'docx'] } });
    return chosen?.[0] ? { uri: chosen[0] } : null;
  }

  async function compare() {
    const editor = window.activeTextEditor;
    const lsp = client();
    if (!editor || !lsp) return;
    const plan = editor.document.uri;
    const source = await pickPrevious(plan);
    if (!source) return;
    let previous: { uri: string } | { text: string; label: string };
    if ('git' in source) {
      try {
        previous = { text: await source.git.show('HEAD', plan.fsPath), label: 'HEAD' };
      } catch (e) {
        void window.showWarningMessage(zh ? `EcoPlan:无法读取已提交的版本(${(e as Error).message})` : `EcoPlan: cannot read the committed version (${(e as Error).message})`);
        return;
      }
    } else previous = { uri: source.uri.toString() };
    const r = (await lsp.sendRequest('ecoplan/draftDiff', { uri: plan.toString(), previous }).catch((e: Error) => ({ error: e.message }))) as DraftDiffResult;
    if ('error' in r) {
      void window.showWarningMessage(`EcoPlan: ${r.error}`);
      return;
    }
    collection.set(
      plan,
      r.diagnostics.map((d) => {
        const diagnostic = new Diagnostic(toRange(d.range), d.message, DiagnosticSeverity.Information);
        diagnostic.source = d.source;
        diagnostic.code = d.code;
        return diagnostic;
      }),
    );
    view.show(plan, 'uri' in source ? source.uri : null, r.diff.changes);
    const n = r.diff.changes.length;
    void window.showInformationMessage(zh ? `EcoPlan:与 ${r.previous} 相比,${n ? `共 ${n} 处改动` : '没有改动'}` : `EcoPlan: ${n ? `${n} change(s)` : 'no change'} from ${r.previous}`);
  }

  context.subscriptions.push(
    collection,
    window.registerTreeDataProvider('ecoplan.draftDiff', view),
    commands.registerCommand('ecoplan.compareWithPrevious', () => compare()),
    commands.registerCommand('ecoplan.clearComparison', clear),
    commands.registerCommand('ecoplan.client.revealChange', async (uri: Uri, range: LspRange) => {
      const editor = await window.showTextDocument(uri, { preview: false });
      editor.selection = new Selection(toRange(range).start, toRange(range).end);
      editor.revealRange(toRange(range), TextEditorRevealType.InCenter);
    }),
    workspace.onDidCloseTextDocument((doc) => {
      if (!collection.has(doc.uri)) return;
      collection.delete(doc.uri);
      if (view.plan?.toString() === doc.uri.toString()) view.clear();
    }),
  );
}
