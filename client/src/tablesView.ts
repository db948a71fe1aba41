import { env, Range, Selection, TextEditorRevealType, Uri, ViewColumn, window, workspace, type Disposable, type WebviewPanel } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { exportWordAsking } from './wordExport';
import { page, TABLE_TITLES, type TableKind } from './tablesPage';

export type { TableKind } from './tablesPage';

/**
 * One webview per plan and table kind, beside the plan: sortable, filterable by department,
 * domain and status; a click on a row reveals its line; it refreshes as the plan is edited, and
 * its buttons export the table next to the plan (the server writes the file).
 */
export class TablesView {
  private static panels = new Map<string, TablesView>();
  private readonly disposables: Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  static show(client: LanguageClient, uri: Uri, kind: TableKind) {
    const key = `${uri.toString()}#${kind}`;
    const existing = TablesView.panels.get(key);
    if (existing) {
      existing.panel.reveal(ViewColumn.Beside);
      void existing.refresh();
      return;
    }
    const panel = window.createWebviewPanel('ecoplan.tables', `${TABLE_TITLES[env.language.startsWith('en') ? 'en' : 'zh'][kind]} · ${uri.path.split('/').pop()}`, ViewColumn.Beside, { enableScripts: true, retainContextWhenHidden: true });
    TablesView.panels.set(key, new TablesView(client, uri, kind, panel, key));
  }

  private constructor(
    private readonly client: LanguageClient,
    private readonly uri: Uri,
    private readonly kind: TableKind,
    readonly panel: WebviewPanel,
    private readonly key: string,
  ) {
    panel.webview.html = page(kind, nonce(), env.language.startsWith('en') ? 'en' : 'zh');
    panel.onDidDispose(() => this.dispose(), null, this.disposables);
    panel.webview.onDidReceiveMessage((m) => void this.onMessage(m), null, this.disposables);
    workspace.onDidChangeTextDocument(
      (e) => {
        if (e.document.uri.toString() !== uri.toString()) return;
        clearTimeout(this.timer);
        this.timer = setTimeout(() => void this.refresh(), 400);
      },
      null,
      this.disposables,
    );
    void this.refresh();
  }

  async refresh() {
    const tables = await this.client.sendRequest('workspace/executeCommand', { command: 'ecoplan.server.tables', arguments: [this.uri.toString()] }).catch(() => null);
    void this.panel.webview.postMessage({ type: 'data', kind: this.kind, tables });
  }

  private async onMessage(m: { type: string; line?: number; format?: string; rows?: number[]; total?: number }) {
    if (m.type === 'reveal' && typeof m.line === 'number') {
      const doc = await workspace.openTextDocument(this.uri);
      const editor = await window.showTextDocument(doc, { viewColumn: ViewColumn.One, preserveFocus: false });
      const r = new Range(m.line - 1, 0, m.line - 1, 0);
      editor.selection = new Selection(r.start, r.start);
      editor.revealRange(r, TextEditorRevealType.InCenter);
    } else if (m.type === 'export' && m.format === 'docx') {
      // Word: the plan with its 附件 tables (GB/T 9704), as `EcoPlan: 导出为 Word…` writes it
      const zh = !env.language.startsWith('en');
      const res = await exportWordAsking(this.client, this.uri.toString(), true, zh);
      if (res === 'cancelled') return;
      if (!res?.file) void window.showErrorMessage(`EcoPlan: ${res?.error ?? (zh ? '导出失败' : 'export failed')}`);
      else void window.showInformationMessage(zh ? `EcoPlan:已导出 ${res.file}` : `EcoPlan: exported ${res.file}`);
    } else if (m.type === 'export' && m.format) {
      // what is shown: the view's filter and sort, as row indexes
      const zh = !env.language.startsWith('en');
      type Exported = { written?: string[]; rows?: number | null; exists?: string[]; error?: string } | null;
      const send = (overwrite: boolean) =>
        this.client.sendRequest('workspace/executeCommand', { command: 'ecoplan.server.exportTable', arguments: [this.uri.toString(), this.kind, m.format, m.rows, overwrite] }).catch(() => null) as Promise<Exported>;
      let res = await send(false);
      if (res?.exists) {
        // files already there are the user's: written over only when the user says so
        const names = res.exists.map((f) => f.split(/[\\/]/).pop()).join(zh ? '、' : ', ');
        const replace = zh ? '覆盖' : 'Replace';
        if ((await window.showWarningMessage(zh ? `${names} 已存在。要覆盖吗?` : `${names} already exist(s). Replace?`, { modal: true }, replace)) !== replace) return;
        res = await send(true);
      }
      if (!res || res.error || !res.written) {
        if (res?.error) void window.showErrorMessage(`EcoPlan: ${res.error}`);
        return;
      }
      const count = res.rows !== null && res.rows !== undefined && m.total !== undefined ? (zh ? `(${res.rows}/${m.total} 行)` : ` (${res.rows} of ${m.total} rows)`) : '';
      void window.showInformationMessage(zh ? `EcoPlan:已导出${count} ${res.written.join('、')}` : `EcoPlan: exported${count} ${res.written.join(', ')}`);
    }
  }

  private dispose() {
    TablesView.panels.delete(this.key);
    clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}

/** A CSP nonce for a webview's inline script and style (also the review overview's). */
export function nonce(): string {
  let s = '';
  for (let i = 0; i < 32; i++) s += 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'[Math.floor(Math.random() * 62)];
  return s;
}
