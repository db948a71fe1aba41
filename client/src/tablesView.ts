import { Range, Selection, TextEditorRevealType, Uri, ViewColumn, window, workspace, type Disposable, type WebviewPanel } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

export type TableKind = 'indicators' | 'tasks' | 'departments' | 'coverage';
export const TABLE_TITLES: Record<TableKind, string> = { indicators: '指标责任明细表', tasks: '任务责任分解表', departments: '部门任务清单', coverage: '覆盖报告' };

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
    const panel = window.createWebviewPanel('ecoplan.tables', `${TABLE_TITLES[kind]} · ${uri.path.split('/').pop()}`, ViewColumn.Beside, { enableScripts: true, retainContextWhenHidden: true });
    TablesView.panels.set(key, new TablesView(client, uri, kind, panel, key));
  }

  private constructor(
    private readonly client: LanguageClient,
    private readonly uri: Uri,
    private readonly kind: TableKind,
    readonly panel: WebviewPanel,
    private readonly key: string,
  ) {
    panel.webview.html = page(kind, nonce());
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

  private async onMessage(m: { type: string; line?: number; format?: string }) {
    if (m.type === 'reveal' && typeof m.line === 'number') {
      const doc = await workspace.openTextDocument(this.uri);
      const editor = await window.showTextDocument(doc, { viewColumn: ViewColumn.One, preserveFocus: false });
      const r = new Range(m.line - 1, 0, m.line - 1, 0);
      editor.selection = new Selection(r.start, r.start);
      editor.revealRange(r, TextEditorRevealType.InCenter);
    } else if (m.type === 'export' && m.format) {
      const res = (await this.client.sendRequest('workspace/executeCommand', { command: 'ecoplan.server.exportTable', arguments: [this.uri.toString(), this.kind, m.format] })) as { written: string[] } | null;
      if (res) void window.showInformationMessage(`EcoPlan: 已导出 / exported ${res.written.join(', ')}`);
    }
  }

  private dispose() {
    TablesView.panels.delete(this.key);
    clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}

function nonce(): string {
  let s = '';
  for (let i = 0; i < 32; i++) s += 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'[Math.floor(Math.random() * 62)];
  return s;
}

/** The page renders whatever table the extension posts; columns follow the keys of the rows. */
function page(kind: TableKind, n: string): string {
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${n}'; script-src 'nonce-${n}';">
<style nonce="${n}">
body{font-family:var(--vscode-font-family);font-size:13px;color:var(--vscode-foreground)}
.bar{display:flex;gap:6px;flex-wrap:wrap;margin:6px 0}
select,input,button{background:var(--vscode-input-background);color:var(--vscode-input-foreground);border:1px solid var(--vscode-input-border,#888);padding:2px 4px}
table{border-collapse:collapse;width:100%}th,td{border:1px solid var(--vscode-panel-border,#888);padding:2px 6px;vertical-align:top}
th{cursor:pointer;background:var(--vscode-editorWidget-background);position:sticky;top:0}tr[data-line]{cursor:pointer}
tr.低于国标{background:rgba(255,0,0,.12)}tr.未覆盖{background:rgba(255,200,0,.12)}tr.不适用{opacity:.6}tr.仅趋势{background:rgba(255,200,0,.06)}
</style></head><body>
<div class="bar">
<input id="q" placeholder="筛选 / filter">
<select id="dept"><option value="">全部部门</option></select>
<select id="domain"><option value="">全部领域</option></select>
<select id="status"><option value="">全部状态</option></select>
<button data-format="xlsx">导出 XLSX</button><button data-format="csv">导出 CSV</button><button data-format="html">导出 HTML</button><button data-format="md">导出 Markdown</button>
</div>
<table><thead id="head"></thead><tbody id="body"></tbody></table>
<script nonce="${n}">
const vscode = acquireVsCodeApi();
const KIND = ${JSON.stringify(kind)};
const COLS = {
  indicators: [['领域','domain'],['序号','number'],['指标名称',r=>r.part?r.name+':'+r.part:r.name],['单位','unit'],['方案目标','target'],['国家指标值',r=>r.verified?r.threshold:r.threshold+'(待核实)'],['指标属性','attribute'],['状态','status'],['牵头单位',r=>r.lead.join('、')],['配合单位',r=>r.support.join('、')],['行',r=>r.lines.join('、')]],
  tasks: [['编号','path'],['任务','title'],['牵头单位',r=>r.lead.join('、')],['配合单位',r=>r.support.join('、')],['笼统表述',r=>r.vague.join('、')],['时限','deadline'],['涉及指标',r=>r.indicators.join('、')],['行','line']],
  departments: [['部门','department'],['牵头任务数',r=>r.led.length],['牵头任务',r=>r.led.join('\\n')],['配合任务数',r=>r.supported.length],['配合任务',r=>r.supported.join('\\n')],['负责指标',r=>r.indicators.join('、')]],
  coverage: [['领域','domain'],['约束性覆盖',r=>r.bindingCovered+'/'+r.bindingTotal],['约束性仅趋势','bindingTrendOnly'],['参考性覆盖',r=>r.referenceCovered+'/'+r.referenceTotal],['低于国标','belowThreshold'],['无责任单位任务','tasksWithoutOwner']],
}[KIND];
const val = (r, c) => typeof c[1] === 'function' ? c[1](r) : r[c[1]];
let rows = [], sortCol = -1, asc = true;
function fill(id, values) { const s = document.getElementById(id); const keep = s.value; s.length = 1; for (const v of [...new Set(values)].filter(Boolean).sort()) { const o = document.createElement('option'); o.value = o.textContent = v; s.appendChild(o); } s.value = keep; }
function render() {
  const q = document.getElementById('q').value, dept = document.getElementById('dept').value, domain = document.getElementById('domain').value, status = document.getElementById('status').value;
  let shown = rows.filter(r => (!q || JSON.stringify(r).includes(q)) && (!dept || JSON.stringify([r.lead, r.support, r.department]).includes(dept)) && (!domain || r.domain === domain) && (!status || r.status === status));
  if (sortCol >= 0) shown = [...shown].sort((a, b) => { const x = val(a, COLS[sortCol]), y = val(b, COLS[sortCol]); return (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'zh')) * (asc ? 1 : -1); });
  document.getElementById('head').innerHTML = '';
  const hr = document.createElement('tr');
  COLS.forEach((c, i) => { const th = document.createElement('th'); th.textContent = c[0] + (i === sortCol ? (asc ? ' ▲' : ' ▼') : ''); th.onclick = () => { asc = sortCol === i ? !asc : true; sortCol = i; render(); }; hr.appendChild(th); });
  document.getElementById('head').appendChild(hr);
  const body = document.getElementById('body'); body.innerHTML = '';
  for (const r of shown) {
    const tr = document.createElement('tr'); if (r.status) tr.className = r.status;
    const line = r.line ?? (r.lines && r.lines[0]);
    if (line) { tr.dataset.line = line; tr.onclick = () => vscode.postMessage({ type: 'reveal', line }); }
    for (const c of COLS) { const td = document.createElement('td'); td.textContent = String(val(r, c) ?? ''); td.style.whiteSpace = 'pre-wrap'; tr.appendChild(td); }
    body.appendChild(tr);
  }
}
window.addEventListener('message', (e) => { if (e.data.type !== 'data' || !e.data.tables) return; rows = e.data.tables[KIND]; fill('dept', rows.flatMap(r => [...(r.lead || []), ...(r.support || []), r.department].filter(Boolean))); fill('domain', rows.map(r => r.domain)); fill('status', rows.map(r => r.status)); render(); });
for (const id of ['q', 'dept', 'domain', 'status']) document.getElementById(id).addEventListener('input', render);
for (const b of document.querySelectorAll('button[data-format]')) b.addEventListener('click', () => vscode.postMessage({ type: 'export', format: b.dataset.format }));
</script></body></html>`;
}
