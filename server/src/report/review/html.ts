import type { CityView, MatrixCell, PlanReview, ReviewFinding, ReviewReport } from '../../core/review/types';
import {
  CELL_STATUSES,
  cellText,
  findingsIntro,
  overviewColumns,
  placeText,
  planName,
  reasonsText,
  severityLabel,
  statusLabel,
  verdictLabel,
  verdictOf,
  words,
  type Lang,
} from './labels';

/**
 * A ReviewReport as one self-contained HTML page: the overview (sortable, filterable), the indicator
 * matrix, the city views and one opinion per plan, each finding with its quote and a link to its
 * file and line. Everything is inline and a Content-Security-Policy allows nothing from the network
 * and only the page's own script and style (by nonce): plan text is untrusted, so every piece of it
 * is escaped here and the script never writes markup. The editor's 审核总览 is the same page
 * (`webview`): there a click on a finding asks the extension to open the plan at its line.
 */
export interface ReviewHtmlOptions {
  /** The CSP nonce of the inline script and style: random per page (the webview passes its own). */
  nonce: string;
  /** The link of a place in a plan (a relative path with `#L12`); by default the file as given. */
  href?: (file: string, line: number) => string;
  /** The editor's webview: links post `{ type: 'open', file, line }` to the extension instead of navigating. */
  webview?: boolean;
}

export function esc(s: string | number): string {
  return String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** `plans/东川 县.md#L12`: the path's characters percent-encoded where a URL needs it, `/` kept. */
export function defaultHref(file: string, line: number): string {
  return `${file.split('/').map(encodeURIComponent).join('/')}#L${line}`;
}

const STYLE = `
:root { --meets:#cdebd0; --below:#f6c9c9; --unverified:#dcdff3; --trend:#fbeeb0; --mentioned:#f9dcbf; --missing:#ececec; --nb:#ffffff; }
* { box-sizing: border-box; }
body { font-family: "FangSong", "仿宋", "STFangsong", "SimSun", "宋体", "Noto Serif CJK SC", "Noto Sans CJK SC", "WenQuanYi Zen Hei", serif; font-size: 14px; color: #111; margin: 0 16px 24px; background: #fff; }
h1, h2, h3, th { font-family: "SimHei", "黑体", "Noto Sans CJK SC", "WenQuanYi Zen Hei", sans-serif; }
h1 { font-size: 22px; text-align: center; margin: 16px 0 4px; }
h2 { font-size: 18px; margin: 24px 0 8px; border-bottom: 2px solid #333; padding-bottom: 2px; }
h3 { font-size: 15px; margin: 14px 0 4px; font-weight: bold; }
p.meta { text-align: center; margin: 2px 0; color: #333; }
.controls { position: sticky; top: 0; z-index: 3; background: #f4f4f4; border-bottom: 1px solid #bbb; padding: 6px 8px; margin: 8px -16px 0; display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
.controls input { flex: 0 1 22em; padding: 3px 6px; font: inherit; }
.controls select { padding: 3px 4px; font: inherit; }
.controls nav a { margin-left: 10px; }
table { border-collapse: collapse; margin: 4px 0 8px; }
th, td { border: 1px solid #888; padding: 3px 6px; vertical-align: top; }
th { background: #e9e9e9; font-weight: normal; }
table.sortable th { cursor: pointer; user-select: none; white-space: nowrap; }
table.sortable th[aria-sort=ascending]::after { content: " ▲"; }
table.sortable th[aria-sort=descending]::after { content: " ▼"; }
td.num { text-align: right; white-space: nowrap; }
td small { display: block; color: #555; font-weight: normal; }
table.overview td.plan { min-width: 16em; }
table.overview td.k-catalogue { min-width: 9em; }
table.overview td.k-period, table.overview td.k-place { white-space: nowrap; }
table.overview td.verdict { min-width: 7em; }
tr.v-revise td.verdict { background: #f6c9c9; font-weight: bold; }
tr.v-ready td.verdict { background: #cdebd0; font-weight: bold; }
tr.v-unread td { color: #666; }
tr.v-unread td.verdict { background: #ececec; }
.matrix-wrap { overflow-x: auto; }
table.matrix th.ind { vertical-align: bottom; padding: 4px 3px; font-size: 12px; white-space: normal; min-width: 5.5em; max-width: 7em; line-height: 1.25; }
table.matrix td.plan, table.matrix thead th:first-child { position: sticky; left: 0; z-index: 1; background: #fff; white-space: nowrap; }
table.matrix thead th:first-child { background: #e9e9e9; }
table.matrix td.c { font-size: 12px; white-space: nowrap; text-align: center; }
.st-meets { background: var(--meets); } .st-below { background: var(--below); font-weight: bold; } .st-unverified { background: var(--unverified); }
.st-trend { background: var(--trend); } .st-mentioned { background: var(--mentioned); } .st-missing { background: var(--missing); color: #a00; } .st-not-binding { background: var(--nb); color: #999; }
td.weaker { outline: 2px solid #c00; outline-offset: -3px; }
td.assigned-missing { outline: 2px dashed #c60; outline-offset: -3px; }
.tag { font-size: 11px; color: #555; border: 1px solid #999; border-radius: 3px; padding: 0 3px; margin-left: 4px; white-space: nowrap; }
ul.legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 6px 14px; margin: 4px 0; }
ul.legend li span { display: inline-block; width: 1.4em; height: 1em; border: 1px solid #888; vertical-align: middle; margin-right: 4px; }
article.opinion { border-top: 1px solid #999; margin: 18px auto 0; padding-top: 4px; max-width: 64em; }
article.opinion h2 { border: none; text-align: center; font-size: 19px; }
p.to { font-weight: bold; }
p.see a { margin: 0 2px; }
ol.findings { padding-left: 2.2em; }
ol.findings li { margin: 6px 0; }
.sev { font-size: 12px; padding: 0 4px; border-radius: 3px; margin-right: 4px; color: #fff; background: #777; }
.sev-error { background: #b00; } .sev-warning { background: #b76e00; } .sev-information { background: #2a6ab0; } .sev-hint { background: #777; }
code { font-family: "Consolas", "DejaVu Sans Mono", monospace; font-size: 12px; color: #444; }
blockquote { margin: 2px 0 2px 0; padding: 1px 8px; border-left: 3px solid #bbb; color: #333; background: #fafafa; }
a.loc { font-size: 12px; }
.sign { text-align: right; margin-top: 24px; line-height: 2; white-space: pre; }
[hidden] { display: none !important; }
@media print {
  @page { size: A4 landscape; margin: 12mm; }
  body { margin: 0; font-size: 11pt; }
  .controls { display: none; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  table.sortable th::after { content: "" !important; }
  section.overview, section.matrix, section.cities { break-inside: auto; }
  tr { break-inside: avoid; }
  thead { display: table-header-group; }
  .matrix-wrap { overflow: visible; }
  table.matrix td.plan, table.matrix thead th:first-child { position: static; }
  table.matrix { font-size: 9pt; }
  table.overview { width: 100%; }
  section.opinions { break-before: page; }
  section.opinions > h2 { display: none; }
  article.opinion { border: none; margin-top: 0; }
  article.opinion + article.opinion { break-before: page; }
  a { color: inherit; text-decoration: none; }
}
`;

/** Sorting by a click on a header, the filter box and the verdict filter; never writes markup. */
const SCRIPT = (lang: Lang, webview: boolean) => `
(() => {
  const SHOWN = ${JSON.stringify(lang === 'zh' ? ['份', '/'] : ['plans', ' of '])};
  const vscode = ${webview ? 'acquireVsCodeApi()' : 'null'};
  const key = (td) => { const s = td ? (td.dataset.sort ?? td.textContent) : ''; const n = Number(s); return s !== '' && Number.isFinite(n) ? n : s; };
  for (const table of document.querySelectorAll('table.sortable')) {
    const ths = [...table.tHead.rows[0].cells];
    ths.forEach((th, col) => {
      th.title = ${JSON.stringify(lang === 'zh' ? '点击排序' : 'Click to sort')};
      th.addEventListener('click', () => {
        const asc = th.getAttribute('aria-sort') !== 'ascending';
        for (const o of ths) o.removeAttribute('aria-sort');
        th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
        const body = table.tBodies[0];
        const rows = [...body.rows].map((r, i) => [r, key(r.cells[col]), i]);
        rows.sort((a, b) => {
          const x = a[1], y = b[1];
          // blank cells (an unread plan's) last whichever way
          if ((x === '') !== (y === '')) return x === '' ? 1 : -1;
          const c = typeof x === 'number' && typeof y === 'number' ? x - y : typeof x === 'number' ? -1 : typeof y === 'number' ? 1 : String(x).localeCompare(String(y), 'zh-CN');
          return (asc ? c : -c) || a[2] - b[2];
        });
        for (const [r] of rows) body.appendChild(r);
      });
    });
  }
  const q = document.getElementById('q'), verdict = document.getElementById('verdict'), count = document.getElementById('count');
  const plans = [...document.querySelectorAll('table.overview tbody tr')];
  const filter = () => {
    const text = q.value.trim().toLowerCase(), v = verdict.value;
    let shown = 0;
    for (const row of plans) {
      const ok = (!v || row.dataset.verdict === v) && (!text || (row.textContent + ' ' + row.dataset.file).toLowerCase().includes(text));
      if (ok) shown++;
      for (const el of document.querySelectorAll('[data-plan="' + row.dataset.plan + '"]')) el.hidden = !ok;
    }
    count.textContent = shown === plans.length ? plans.length + ' ' + SHOWN[0] : shown + SHOWN[1] + plans.length + ' ' + SHOWN[0];
  };
  q.addEventListener('input', filter);
  verdict.addEventListener('change', filter);
  filter();
  if (vscode) document.addEventListener('click', (e) => {
    const a = e.target.closest && e.target.closest('a[data-file]');
    if (!a) return;
    e.preventDefault();
    vscode.postMessage({ type: 'open', file: a.dataset.file, line: Number(a.dataset.line) });
  });
})();
`;

export function reviewHtml(report: ReviewReport, options: ReviewHtmlOptions): string {
  const lang = report.lang;
  const w = words(lang);
  const n = esc(options.nonce);
  const href = options.href ?? defaultHref;
  const link = (file: string, line: number, text: string) => `<a class="loc" href="${esc(href(file, line))}" data-file="${esc(file)}" data-line="${line}">${esc(text)}</a>`;
  const ctx: Ctx = { lang, link };
  return `<!DOCTYPE html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${n}'; script-src 'nonce-${n}'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(w.reportTitle)}</title>
<style nonce="${n}">${STYLE}</style>
</head>
<body>
<h1>${esc(w.reportTitle)}</h1>
<p class="meta">${esc(w.summary(report.summary))}</p>
<p class="meta criteria">${esc(w.criteria(report.criteria))}</p>
<div class="controls">
<label for="q">${esc(w.filter)}</label><input id="q" type="search" placeholder="${esc(w.filterPlaceholder)}" autocomplete="off">
<select id="verdict" aria-label="${esc(w.allVerdicts)}"><option value="">${esc(w.allVerdicts)}</option>${(['ready', 'revise', 'unread'] as const).map((v) => `<option value="${v}">${esc(verdictLabel(v, lang))}</option>`).join('')}</select>
<span id="count"></span>
<nav><a href="#overview">${esc(w.overview)}</a><a href="#matrix">${esc(w.matrix)}</a><a href="#cities">${esc(w.cities)}</a><a href="#opinions">${esc(w.opinions)}</a></nav>
</div>
${overviewSection(report, ctx)}
${matrixSection(report, ctx)}
${citiesSection(report, ctx)}
<section class="opinions" id="opinions">
<h2>${esc(w.opinions)}</h2>
${report.plans.map((p, i) => opinionArticle(p, i, ctx)).join('\n')}
</section>
<script nonce="${n}">${SCRIPT(lang, !!options.webview)}</script>
</body>
</html>
`;
}

interface Ctx {
  lang: Lang;
  link: (file: string, line: number, text: string) => string;
}

function overviewSection(report: ReviewReport, { lang, link }: Ctx): string {
  const cols = overviewColumns(lang);
  const rows = report.plans.map((p, i) => {
    const v = verdictOf(p);
    const cells = cols.map((c) => {
      const value = c.cell(p, i);
      const note = c.note?.(p);
      const title = note ? ` title="${esc(note)}"` : '';
      if (c.key === 'plan') return `<td class="plan" data-sort="${esc(value)}"><a href="#opinion-${i + 1}">${esc(value)}</a>${p.title ? `<small>${link(p.file, 1, p.file)}</small>` : ''}</td>`;
      if (c.key === 'verdict') return `<td class="verdict"${title}>${esc(value)}${v === 'unread' && p.unread ? `<small>${esc(p.unread)}</small>` : ''}</td>`;
      if (c.key === 'covered' && p.unread === undefined) return `<td class="k-covered num" data-sort="${p.binding.total ? p.binding.covered / p.binding.total : 0}">${esc(value)}</td>`;
      return `<td class="k-${c.key}${typeof value === 'number' ? ' num' : ''}"${title}>${esc(value)}</td>`;
    });
    return `<tr class="v-${v}" data-plan="${i}" data-verdict="${v}" data-file="${esc(p.file)}">${cells.join('')}</tr>`;
  });
  return `<section class="overview" id="overview">
<h2>${esc(words(lang).overview)}</h2>
<table class="overview sortable">
<thead><tr>${cols.map((c) => `<th data-key="${c.key}">${esc(c.header)}</th>`).join('')}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
</section>`;
}

function cellTitle(c: MatrixCell, lang: Lang, file: string): string {
  const parts = [statusLabel(c.status, lang)];
  if (c.surface) parts.push(c.surface);
  if (c.threshold) parts.push(lang === 'zh' ? `国家指标值 ${c.threshold}` : `national ${c.threshold}`);
  if (c.line) parts.push(placeText(file, c.line, c.wordParagraph, lang));
  return parts.join(' · ');
}

function matrixCell(c: MatrixCell | undefined, lang: Lang, file: string, extra = '', mark = '', indicator?: string): string {
  if (!c) return '<td class="c"></td>';
  return `<td class="c st-${c.status}${extra}" title="${esc(cellTitle(c, lang, file))}">${esc(cellText(c, lang, indicator))}${mark}</td>`;
}

function legend(lang: Lang): string {
  return `<ul class="legend" aria-label="${esc(words(lang).legend)}">${CELL_STATUSES.map((s) => `<li><span class="st-${s}"></span>${esc(statusLabel(s, lang))}</li>`).join('')}</ul>`;
}

function matrixSection(report: ReviewReport, { lang }: Ctx): string {
  const w = words(lang);
  const head = `<th>${esc(w.plan)}</th>${report.indicators.map((c) => `<th class="ind" title="${esc(c.editions.join(', '))}">${esc(c.name)}${c.unit ? esc(`(${c.unit})`) : ''}</th>`).join('')}`;
  const rows = report.plans.map((p, i) => {
    const name = `<td class="plan" data-sort="${esc(planName(p))}"><a href="#opinion-${i + 1}">${esc(p.place?.name ?? planName(p))}</a></td>`;
    if (p.unread !== undefined) return `<tr data-plan="${i}" class="v-unread">${name}<td colspan="${report.indicators.length}">${esc(w.unread)}:${esc(p.unread)}</td></tr>`;
    return `<tr data-plan="${i}">${name}${report.indicators.map((c) => matrixCell(p.cells[c.id], lang, p.file, '', '', c.name)).join('')}</tr>`;
  });
  return `<section class="matrix" id="matrix">
<h2>${esc(w.matrix)}</h2>
${legend(lang)}
<div class="matrix-wrap"><table class="matrix sortable">
<thead><tr>${head}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table></div>
</section>`;
}

function cityTable(view: CityView, report: ReviewReport, lang: Lang): string {
  const w = words(lang);
  const byFile = new Map(report.plans.map((p) => [p.file, p]));
  const nameOf = (file: string) => {
    const p = byFile.get(file);
    return p?.place?.name ?? (p ? planName(p) : file);
  };
  const head = `<th>${esc(w.indicator)}</th><th>${esc(w.cityPlan)}:${esc(nameOf(view.city))}</th>${view.counties.map((c) => `<th title="${esc(c)}">${esc(nameOf(c))}</th>`).join('')}`;
  const rows = view.rows.map((r) => {
    const counties = r.counties.map((c, k) => {
      const file = view.counties[k];
      if (c.weaker) return matrixCell(c, lang, file, ' weaker', ` <span class="tag">${esc(w.weaker)}</span>`, r.name);
      if (c.assignedNoTarget) return matrixCell(c, lang, file, ' assigned-missing', ` <span class="tag">${esc(lang === 'zh' ? '未落实' : 'no target')}</span>`, r.name);
      return matrixCell(c, lang, file, '', '', r.name);
    });
    return `<tr><td>${esc(r.name)}${r.assigned ? `<span class="tag">${esc(w.assigned)}</span>` : ''}</td>${matrixCell(r.city, lang, view.city, '', '', r.name)}${counties.join('')}</tr>`;
  });
  return `<h3>${esc(nameOf(view.city))}<small> · ${esc(view.city)}</small></h3>
<table class="city" data-city="${esc(view.city)}">
<thead><tr>${head}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>`;
}

function citiesSection(report: ReviewReport, { lang }: Ctx): string {
  const w = words(lang);
  return `<section class="cities" id="cities">
<h2>${esc(w.cities)}</h2>
${report.cities.length ? report.cities.map((v) => cityTable(v, report, lang)).join('\n') : `<p>${esc(w.noCities)}</p>`}
</section>`;
}

function findingItem(f: ReviewFinding, i: number, planIndex: number, file: string, { lang, link }: Ctx): string {
  return `<li id="f-${planIndex + 1}-${i + 1}"><span class="sev sev-${f.severity}">${esc(severityLabel(f.severity, lang))}</span><code>${esc(f.code)}</code> ${esc(f.message)}
${f.quote ? `<blockquote>${esc(f.quote)}</blockquote>` : ''}${link(file, f.line, placeText(file, f.line, f.wordParagraph, lang))}</li>`;
}

function opinionArticle(p: PlanReview, i: number, ctx: Ctx): string {
  const { lang } = ctx;
  const w = words(lang);
  const v = verdictOf(p);
  const title = planName(p);
  const head = `<article class="opinion" id="opinion-${i + 1}" data-plan="${i}">
<h2>${esc(w.opinionTitle(title))}</h2>
<p class="meta">${esc(p.file)} · ${esc(w.verdictLine(verdictLabel(v, lang)))}</p>`;
  if (p.unread !== undefined) return `${head}\n<p>${esc(w.unread)}:${esc(p.unread)}</p>\n</article>`;
  const points = p.opinion
    .filter((pt) => pt.point !== 'findings')
    .map((pt) => {
      const see = pt.findings.length
        ? `<p class="see">${esc(w.seeBefore)}${pt.findings.map((f) => `<a href="#f-${i + 1}-${f + 1}">${f + 1}</a>`).join(lang === 'zh' ? '、' : ', ')}${esc(w.seeAfter)}</p>`
        : '';
      return `<h3 class="point point-${pt.point}${pt.ok === false ? ' problem' : ''}">${esc(pt.heading)}</h3>\n${pt.text.map((t) => `<p>${esc(t)}</p>`).join('\n')}${see}`;
    });
  const findingsPoint = p.opinion.find((pt) => pt.point === 'findings');
  const reasons = p.verdictReasons.length ? `<p class="reasons">${esc(w.reasons)}${esc(reasonsText(p.verdictReasons, lang))}</p>` : '';
  return `${head}
<p class="to">${esc(p.place ? w.to(p.place.name) : w.toUnknown)}</p>
<p>${esc(w.intro(title))}</p>
${points.join('\n')}
<h3 class="point point-findings">${esc(findingsPoint?.heading ?? w.findings)}</h3>
${findingsIntro(findingsPoint).map((t) => `<p>${esc(t)}</p>`).join('\n')}
${p.findings.length ? `<ol class="findings">\n${p.findings.map((f, k) => findingItem(f, k, i, p.file, ctx)).join('\n')}\n</ol>` : `<p>${esc(w.noFindings)}</p>`}
${reasons}
<p class="sign">${esc(w.signature)}<br>${esc(w.signer)}<br>${esc(w.date)}</p>
</article>`;
}

