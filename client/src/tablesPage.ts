// The table view's page (client/src/tablesView.ts shows it): its labels in the UI's language alone,
// kept apart from the view so that a test can read both pages without VS Code.

export type TableKind = 'indicators' | 'tasks' | 'departments' | 'coverage';

export const TABLE_TITLES: Record<'zh' | 'en', Record<TableKind, string>> = {
  zh: { indicators: '指标责任明细表', tasks: '任务责任分解表', departments: '部门任务清单', coverage: '覆盖报告' },
  en: { indicators: 'Indicator responsibility table', tasks: 'Task responsibility table', departments: 'Department task list', coverage: 'Coverage report' },
};

/** What the page says, by language; `status` and `attribute` translate values of the analysis (zh keys). */
export const LABELS = {
  zh: {
    filter: '筛选',
    allDepartments: '全部部门',
    allDomains: '全部领域',
    allStatuses: '全部状态',
    compact: '紧凑',
    compactTitle: '紧凑显示:行更密,隐藏次要列',
    exportShown: '导出所示行…',
    exportWord: 'Word(方案及附件表格)',
    sortTitle: '点击排序',
    rows: ' 行',
    unverified: '(待核实)',
    notSet: '未设定',
    listSeparator: '、',
    columns: {
      domain: '领域', number: '序号', name: '指标名称', unit: '单位', target: '方案目标', threshold: '国家指标值', attribute: '指标属性', status: '状态', lead: '牵头单位', support: '配合单位', line: '行',
      path: '编号', task: '任务', vague: '笼统表述', deadline: '时限', indicators: '涉及指标',
      department: '部门', ledCount: '牵头任务数', led: '牵头任务', supportedCount: '配合任务数', supported: '配合任务', responsibleIndicators: '负责指标',
      bindingCovered: '约束性覆盖', bindingTrendOnly: '约束性仅趋势', referenceCovered: '参考性覆盖', belowThreshold: '低于国标', tasksWithoutOwner: '无责任单位任务',
    },
    status: {} as Record<string, string>,
    attribute: {} as Record<string, string>,
  },
  en: {
    filter: 'Filter',
    allDepartments: 'All departments',
    allDomains: 'All domains',
    allStatuses: 'All statuses',
    compact: 'Compact',
    compactTitle: 'Compact: denser rows, secondary columns hidden',
    exportShown: 'Export the rows shown…',
    exportWord: 'Word (the plan and its annex tables)',
    sortTitle: 'Click to sort',
    rows: ' rows',
    unverified: ' (unverified)',
    notSet: 'not set',
    listSeparator: ', ',
    columns: {
      domain: 'Domain', number: 'No.', name: 'Indicator', unit: 'Unit', target: 'Plan target', threshold: 'National value', attribute: 'Attribute', status: 'Status', lead: 'Lead', support: 'Support', line: 'Line',
      path: 'No.', task: 'Task', vague: 'Vague wording', deadline: 'Deadline', indicators: 'Indicators',
      department: 'Department', ledCount: 'Tasks led', led: 'Leads', supportedCount: 'Tasks supported', supported: 'Supports', responsibleIndicators: 'Indicators',
      bindingCovered: 'Binding covered', bindingTrendOnly: 'Binding, trend only', referenceCovered: 'Reference covered', belowThreshold: 'Below the national value', tasksWithoutOwner: 'Tasks without a unit',
    },
    status: { 达标: 'meets', 低于国标: 'below the national value', 未覆盖: 'not covered', 不适用: 'not applicable', 仅趋势: 'trend only', 地方指标: 'local indicator' } as Record<string, string>,
    attribute: { 约束性: 'binding', 参考性: 'reference' } as Record<string, string>,
  },
};

/**
 * The page renders whatever table the extension posts; columns follow the keys of the rows. Made to
 * be read beside the plan (half of a 1400 px window): in the catalogue order the 领域 column becomes
 * a group row above its indicators, short columns never wrap, long ones wrap between words, and a
 * compact mode (remembered per view) tightens the rows and leaves out the secondary columns. Exports
 * write the rows shown, in the order shown.
 */
export function page(kind: TableKind, n: string, locale: 'zh' | 'en'): string {
  const t = LABELS[locale];
  return `<!DOCTYPE html><html lang="${locale === 'en' ? 'en' : 'zh-CN'}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${n}'; script-src 'nonce-${n}';">
<style nonce="${n}">
body{font-family:var(--vscode-font-family);font-size:13px;color:var(--vscode-foreground);margin:0 6px}
.bar{display:flex;gap:4px;flex-wrap:wrap;align-items:center;margin:6px 0}
.bar input{flex:1 1 8em;min-width:6em}.bar select{max-width:11em}.bar #export{max-width:16em}
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
<input id="q" placeholder="${t.filter}">
<select id="dept"><option value="">${t.allDepartments}</option></select>
<select id="domain"><option value="">${t.allDomains}</option></select>
<select id="status"><option value="">${t.allStatuses}</option></select>
<button id="compact" aria-pressed="false" title="${t.compactTitle}">${t.compact}</button>
<select id="export"><option value="">${t.exportShown}</option><option value="xlsx">XLSX</option><option value="csv">CSV</option><option value="html">HTML</option><option value="md">Markdown</option><option value="docx">${t.exportWord}</option></select>
<span id="count"></span>
</div>
<table><thead id="head"></thead><tbody id="body"></tbody></table>
<script nonce="${n}">
const vscode = acquireVsCodeApi();
const KIND = ${JSON.stringify(kind)};
const T = ${JSON.stringify(t)};
const join = (a) => a.join(T.listSeparator);
// a row's status is a value of the plan's analysis (and its class): shown in the UI's language
const statusLabel = (s) => T.status[s] || s;
// the analysis writes 未设定 for an indicator the plan gives no target (the exported tables keep it)
// [header, key or function, class]: n = short, never wraps; m = short text, wraps; w = long text, wraps; opt = left out in compact mode
const COLS = {
  indicators: [['domain','domain','n'],['number','number','n'],['name',r=>r.part?r.name+':'+r.part:r.name,'w'],['unit','unit','opt'],['target',r=>r.target==='未设定'?T.notSet:r.target,'m'],['threshold',r=>r.verified?r.threshold:r.threshold+T.unverified,'m'],['attribute',r=>T.attribute[r.attribute]||r.attribute,'n opt'],['status',r=>statusLabel(r.status),'n'],['lead',r=>join(r.lead),'w'],['support',r=>join(r.support),'w opt'],['line',r=>join(r.lines),'n opt']],
  tasks: [['path','path','n'],['task','title','w'],['lead',r=>join(r.lead),'w'],['support',r=>join(r.support),'w opt'],['vague',r=>join(r.vague),'w opt'],['deadline','deadline','m opt'],['indicators',r=>join(r.indicators),'w opt'],['line','line','n']],
  departments: [['department','department','n'],['ledCount',r=>r.led.length,'n'],['led',r=>r.led.join('\\n'),'w opt'],['supportedCount',r=>r.supported.length,'n'],['supported',r=>r.supported.join('\\n'),'w opt'],['responsibleIndicators',r=>join(r.indicators),'w']],
  coverage: [['domain','domain','n'],['bindingCovered',r=>r.bindingCovered+'/'+r.bindingTotal,'n'],['bindingTrendOnly','bindingTrendOnly','n'],['referenceCovered',r=>r.referenceCovered+'/'+r.referenceTotal,'n'],['belowThreshold','belowThreshold','n'],['tasksWithoutOwner','tasksWithoutOwner','n']],
}[KIND].map(([h, ...rest]) => [T.columns[h], ...rest]);
const val = (r, c) => typeof c[1] === 'function' ? c[1](r) : r[c[1]];
const state = vscode.getState() || {};
let rows = [], shown = [], sortCol = -1, asc = true;
function fill(id, values, label = (v) => v) { const s = document.getElementById(id); const keep = s.value; s.length = 1; for (const v of [...new Set(values)].filter(Boolean).sort()) { const o = document.createElement('option'); o.value = v; o.textContent = label(v); s.appendChild(o); } s.value = keep; }
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
  for (const [c, i] of cols) { const th = document.createElement('th'); th.className = c[2].includes('opt') ? 'opt' : ''; th.textContent = c[0] + (i === sortCol ? (asc ? ' ▲' : ' ▼') : ''); th.title = T.sortTitle; th.onclick = () => { asc = sortCol === i ? !asc : true; sortCol = i; render(); }; hr.appendChild(th); }
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
  document.getElementById('count').textContent = (shown.length === rows.length ? rows.length : shown.length + '/' + rows.length) + T.rows;
}
window.addEventListener('message', (e) => { if (e.data.type !== 'data' || !e.data.tables) return; rows = e.data.tables[KIND]; fill('dept', rows.flatMap(r => [...(r.lead || []), ...(r.support || []), r.department].filter(Boolean))); fill('domain', rows.map(r => r.domain)); fill('status', rows.map(r => r.status), statusLabel); render(); });
for (const id of ['q', 'dept', 'domain', 'status']) document.getElementById(id).addEventListener('input', render);
document.getElementById('compact').addEventListener('click', () => setCompact(!document.body.classList.contains('compact')));
setCompact(!!state.compact);
document.getElementById('export').addEventListener('change', (e) => { const format = e.target.value; e.target.value = ''; if (format) vscode.postMessage({ type: 'export', format, rows: shown.map(r => rows.indexOf(r)), total: rows.length }); });
</script></body></html>`;
}
