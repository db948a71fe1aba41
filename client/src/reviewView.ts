import * as path from 'node:path';
import { commands, env, Range, Selection, TextEditorRevealType, Uri, ViewColumn, window, workspace, type Disposable, type WebviewPanel } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { nonce } from './tablesView';

/**
 * EcoPlan: 审核总览 — the review report of the workspace's plans (overview, matrix, city views,
 * opinions) in a webview: the page the server renders for `ecoplan review -o 审核报告.html`
 * (report/review/html.ts), under a CSP with this panel's nonce, its script never writing plan text
 * as markup. A click on a plan's finding opens the plan at its line; saving a plan refreshes it.
 */
export class ReviewOverview {
  private static current: ReviewOverview | undefined;
  private readonly disposables: Disposable[] = [];
  private root: string | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;

  static show(client: LanguageClient) {
    if (ReviewOverview.current) {
      ReviewOverview.current.panel.reveal();
      void ReviewOverview.current.refresh();
      return;
    }
    const zh = !env.language.startsWith('en');
    const panel = window.createWebviewPanel('ecoplan.review', zh ? 'EcoPlan 审核总览' : 'EcoPlan review overview', ViewColumn.Active, { enableScripts: true, retainContextWhenHidden: true, localResourceRoots: [] });
    ReviewOverview.current = new ReviewOverview(client, panel);
  }

  private constructor(
    private readonly client: LanguageClient,
    readonly panel: WebviewPanel,
  ) {
    panel.onDidDispose(() => this.dispose(), null, this.disposables);
    panel.webview.onDidReceiveMessage((m) => void this.open(m), null, this.disposables);
    workspace.onDidSaveTextDocument(
      () => {
        clearTimeout(this.timer);
        this.timer = setTimeout(() => void this.refresh(), 500);
      },
      null,
      this.disposables,
    );
    void this.refresh();
  }

  async refresh() {
    const zh = !env.language.startsWith('en');
    type Result = { html?: string; root: string | null } | null;
    const res = (await this.client.sendRequest('ecoplan/reviewReport', { nonce: nonce() }).catch(() => null)) as Result;
    if (!res?.html) {
      void window.showErrorMessage(zh ? 'EcoPlan:无法生成审核总览' : 'EcoPlan: could not build the review overview');
      return;
    }
    this.root = res.root;
    this.panel.webview.html = res.html;
  }

  /** Opens the plan a finding or row points to, at its line; only a file inside the workspace folder. */
  private async open(m: { type?: unknown; file?: unknown; line?: unknown }) {
    if (m.type !== 'open' || typeof m.file !== 'string' || !this.root) return;
    const file = path.resolve(this.root, m.file);
    const rel = path.relative(this.root, file);
    if (rel.startsWith('..') || path.isAbsolute(rel)) return;
    const uri = Uri.file(file);
    if (/\.docx?$/i.test(file)) {
      await commands.executeCommand('vscode.open', uri);
      return;
    }
    const line = typeof m.line === 'number' && Number.isInteger(m.line) && m.line >= 1 ? m.line - 1 : 0;
    const editor = await window.showTextDocument(await workspace.openTextDocument(uri), { viewColumn: ViewColumn.Beside, preserveFocus: false });
    const r = new Range(line, 0, line, 0);
    editor.selection = new Selection(r.start, r.start);
    editor.revealRange(r, TextEditorRevealType.InCenter);
  }

  private dispose() {
    ReviewOverview.current = undefined;
    clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}

