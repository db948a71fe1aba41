import { env, Range, Selection, TextEditorRevealType, Uri, ViewColumn, window, workspace, type Disposable, type WebviewPanel } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { exportWordAsking } from './wordExport';

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

/**
 * The page renders whatever table the extension posts; columns follow the keys of the rows. Made to
 * be read beside the plan (half of a 1400 px window): in the catalogue order the 领域 column becomes
 * a group row above its indicators, short columns never wrap, long ones wrap between words, and a
 * compact mode (remembered per view) tightens the rows and leaves out the secondary columns. Exports
 * write the rows shown, in the order shown.
 */
function page(kind: TableKind, n: string): string {
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${n}'; script-src 'nonce-${n}';">
<style nonce="${n}">
body{font-family:var(--vscode-font-family);font-size:13px;color:var(--vscode-foreground);margin:0 6px}
.bar{display:flex;gap:4px;flex-wrap:wrap;align-items:center;margin:6px 0}
.bar input{flex:1 1 8em;min-width:6em}.bar select{max-width:11em}
select,input,button{background:var(--vscode-input-background);color:var(--vscode-input-foreground);border:1px solid var(--vscode-input-border,#888);padding:2px 4px;font:inherit}
button[aria-pressed=true]{background:var(--vscode-button-background);color:var(--vscode-button-foreground)}
#count{opacity:.8;white-space:nowrap}
table{border-collapse:collapse;width:100%}th,td{border:1px solid var(--vscode-panel-border,#888);padding:2px 5px;vertical-align:top;overflow-wrap:anywhere}
th{cursor:pointer;background:var(--vscode-editorWidget-background);position:sticky;top:0;white-space:nowrap;z-index:1}
td.n{white-space:nowrap}td.m{min-width:4em}td.w{min-width:6em;white-space:pre-wrap}
tr[data-line]{cursor:pointer}tr.group td{font-weight:bold;background:var(--vscode-editorWidget-background);cursor:default}
tr.低于国标{background:rgba(255,0,0,.12)}tr.未覆盖{background:rgba(255,200,0,.12)}tr.不适用{opacity:.6}tr.仅趋势{background:rgba(255,200,0,.06)}
body.compact{font-size:12px}body.compact th,body.compact td{padding:0 3px;line-height:1.35}body.compact .opt{display:none}
</style></head><body>
<div class="bar">
<input id="q" placeholder="筛选">
<select id="dept"><option value="">全部部门</option></select>
<select id="domain"><option value="">全部领域</option></select>
<select id="status"><option value="">全部状态</option></select>
<button id="compact" aria-pressed="false" title="紧凑显示:行更密,隐藏次要列">紧凑</button>
<select id="export"><option value="">导出所示行…</option><option value="xlsx">XLSX</option><option value="csv">CSV</option><option value="html">HTML</option><option value="md">Markdown</option><option value="docx">Word(方案及附件表格)</option></select>
<span id="count"></span>
</div>
<table><thead id="head"></thead><tbody id="body"></tbody></table>
<script nonce="${n}">
const vscode = acquireVsCodeApi();
const KIND = ${JSON.stringify(kind)};
// [header, key or function, class]: n = short, never wraps; m = short text, wraps; w = long text, wraps; opt = left out in compact mode
const COLS = {
  indicators: [['领域','domain','n'],['序号','number','n'],['指标名称',r=>r.part?r.name+':'+r.part:r.name,'w'],['单位','unit','opt'],['方案目标','target','m'],['国家指标值',r=>r.verified?r.threshold:r.threshold+'(待核实)','m'],['指标属性','attribute','n opt'],['状态','status','n'],['牵头单位',r=>r.lead.join('、'),'w'],['配合单位',r=>r.support.join('、'),'w opt'],['行',r=>r.lines.join('、'),'n opt']],
  tasks: [['编号','path','n'],['任务','title','w'],['牵头单位',r=>r.lead.join('、'),'w'],['配合单位',r=>r.support.join('、'),'w opt'],['笼统表述',r=>r.vague.join('、'),'w opt'],['时限','deadline','m opt'],['涉及指标',r=>r.indicators.join('、'),'w opt'],['行','line','n']],
  departments: [['部门','department','n'],['牵头任务数',r=>r.led.length,'n'],['牵头任务',r=>r.led.join('\\n'),'w opt'],['配合任务数',r=>r.supported.length,'n'],['配合任务',r=>r.supported.join('\\n'),'w opt'],['负责指标',r=>r.indicators.join('、'),'w']],
  coverage: [['领域','domain','n'],['约束性覆盖',r=>r.bindingCovered+'/'+r.bindingTotal,'n'],['约束性仅趋势','bindingTrendOnly','n'],['参考性覆盖',r=>r.referenceCovered+'/'+r.referenceTotal,'n'],['低于国标','belowThreshold','n'],['无责任单位任务','tasksWithoutOwner','n']],
}[KIND];
const val = (r, c) => typeof c[1] === 'function' ? c[1](r) : r[c[1]];
const state = vscode.getState() || {};
let rows = [], shown = [], sortCol = -1, asc = true;
function fill(id, values) { const s = document.getElementById(id); const keep = s.value; s.length = 1; for (const v of [...new Set(values)].filter(Boolean).sort()) { const o = document.createElement('option'); o.value = o.textContent = v; s.appendChild(o); } s.value = keep; }
function setCompact(on) { document.body.classList.toggle('compact', on); document.getElementById('compact').setAttribute('aria-pressed', String(on)); vscode.setState({ ...state, compact: on }); state.compact = on; }
function render() {
  const q = document.getElementById('q').value, dept = document.getElementById('dept').value, domain = document.getElementById('domain').value, status = document.getElementById('status').value;
  shown = rows.filter(r => (!q || JSON.stringify(r).includes(q)) && (!dept || JSON.stringify([r.lead, r.support, r.department]).includes(dept)) && (!domain || r.domain === domain) && (!status || r.status === status));
  if (sortCol >= 0) shown = [...shown].sort((a, b) => { const x = val(a, COLS[sortCol]), y = val(b, COLS[sortCol]); return (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'zh')) * (asc ? 1 : -1); });
  // in the catalogue order, the domain is a group row instead of a narrow column
  const grouped = KIND === 'indicators' && sortCol < 0;
  const cols = COLS.map((c, i) => [c, i]).filter(([c]) => !(grouped && c[1] === 'domain'));
  document.getElementById('head').innerHTML = '';
  const hr = document.createElement('tr');
  for (const [c, i] of cols) { const th = document.createElement('th'); th.className = c[2].includes('opt') ? 'opt' : ''; th.textContent = c[0] + (i === sortCol ? (asc ? ' ▲' : ' ▼') : ''); th.title = '点击排序'; th.onclick = () => { asc = sortCol === i ? !asc : true; sortCol = i; render(); }; hr.appendChild(th); }
  document.getElementById('head').appendChild(hr);
  const body = document.getElementById('body'); body.innerHTML = '';
  let group = null;
  for (const r of shown) {
    if (grouped && r.domain !== group) { group = r.domain; const g = document.createElement('tr'); g.className = 'group'; const td = document.createElement('td'); td.colSpan = cols.length; td.textContent = group || '—'; g.appendChild(td); body.appendChild(g); }
    const tr = document.createElement('tr'); if (r.status) tr.className = r.status;
    const line = r.line ?? (r.lines && r.lines[0]);
    if (line) { tr.dataset.line = line; tr.onclick = () => vscode.postMessage({ type: 'reveal', line }); }
    for (const [c] of cols) { const td = document.createElement('td'); td.className = c[2]; td.textContent = String(val(r, c) ?? ''); tr.appendChild(td); }
    body.appendChild(tr);
  }
  document.getElementById('count').textContent = shown.length === rows.length ? rows.length + ' 行' : shown.length + '/' + rows.length + ' 行';
}
window.addEventListener('message', (e) => { if (e.data.type !== 'data' || !e.data.tables) return; rows = e.data.tables[KIND]; fill('dept', rows.flatMap(r => [...(r.lead || []), ...(r.support || []), r.department].filter(Boolean))); fill('domain', rows.map(r => r.domain)); fill('status', rows.map(r => r.status)); render(); });
for (const id of ['q', 'dept', 'domain', 'status']) document.getElementById(id).addEventListener('input', render);
document.getElementById('compact').addEventListener('click', () => setCompact(!document.body.classList.contains('compact')));
setCompact(!!state.compact);
document.getElementById('export').addEventListener('change', (e) => { const format = e.target.value; e.target.value = ''; if (format) vscode.postMessage({ type: 'export', format, rows: shown.map(r => rows.indexOf(r)), total: rows.length }); });
</script></body></html>`;
}
