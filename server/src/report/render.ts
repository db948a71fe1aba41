import type { PlanTables } from '../core/tables/deriveTables';
import { cellsOf, TABLE_TITLES, type TableKind } from './columns';

const mdEscape = (s: string | number) => String(s).replace(/\|/g, '\\|').replace(/\n/g, '<br>');

export function toMarkdown(t: PlanTables, kinds: TableKind[]): string {
  const out: string[] = [];
  for (const kind of kinds) {
    const { headers, rows } = cellsOf(t, kind);
    out.push(`## ${TABLE_TITLES[kind]}`, '', `| ${headers.join(' | ')} |`, `| ${headers.map(() => '---').join(' | ')} |`);
    for (const r of rows) out.push(`| ${r.map(mdEscape).join(' | ')} |`);
    out.push('');
  }
  return `# ${t.title}\n\n指标体系:${t.edition}(${t.level})\n\n${out.join('\n')}`;
}

function csvCell(v: string | number): string {
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** UTF-8 with BOM so Excel and WPS open the Chinese correctly; CRLF line ends as they expect. */
export function toCsv(t: PlanTables, kind: TableKind): string {
  const { headers, rows } = cellsOf(t, kind);
  return '\uFEFF' + [headers, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export function toJson(t: PlanTables, kinds: TableKind[]): string {
  const out: Record<string, unknown> = { version: 1, title: t.title, edition: t.edition, level: t.level };
  for (const k of kinds) out[k] = t[k];
  return JSON.stringify(out, null, 2);
}

const html = (s: string | number) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/\n/g, '<br>');

/** A standalone page a reviewer can open or print: A4 landscape, 仿宋/宋体 with fallbacks, no scripts or external files. */
export function toHtml(t: PlanTables, kinds: TableKind[]): string {
  const sections = kinds.map((kind) => {
    const { headers, rows } = cellsOf(t, kind);
    const statusCol = headers.indexOf('状态');
    const body = rows
      .map((r) => `<tr${statusCol >= 0 ? ` class="status-${html(r[statusCol])}"` : ''}>${r.map((c) => `<td>${html(c)}</td>`).join('')}</tr>`)
      .join('\n');
    return `<section><h2>${TABLE_TITLES[kind]}</h2>\n<table data-kind="${kind}">\n<thead><tr>${headers.map((h) => `<th>${html(h)}</th>`).join('')}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table></section>`;
  });
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${html(t.title)} — ${kinds.map((k) => TABLE_TITLES[k]).join('、')}</title>
<style>
  @page { size: A4 landscape; margin: 15mm 12mm; }
  body { font-family: "FangSong", "仿宋", "FangSong_GB2312", "STFangsong", "SimSun", "宋体", "Songti SC", "Noto Serif CJK SC", "WenQuanYi Zen Hei", serif; font-size: 11pt; color: #000; margin: 1.5em; }
  h1 { font-family: "SimHei", "黑体", "Noto Sans CJK SC", "WenQuanYi Zen Hei", sans-serif; font-size: 18pt; text-align: center; margin: 0 0 .3em; }
  h2 { font-family: "SimHei", "黑体", "Noto Sans CJK SC", "WenQuanYi Zen Hei", sans-serif; font-size: 14pt; margin: 1.2em 0 .4em; }
  p.meta { text-align: center; margin: 0 0 1em; }
  table { border-collapse: collapse; width: 100%; page-break-inside: auto; }
  thead { display: table-header-group; }
  tr { page-break-inside: avoid; }
  th, td { border: 1px solid #000; padding: 3px 5px; vertical-align: top; }
  th { background: #eee; font-weight: bold; }
  tr.status-低于国标 td { background: #fde2e2; }
  tr.status-未覆盖 td { background: #fff4d6; }
  tr.status-不适用 td { color: #777; }
  section + section { page-break-before: always; }
</style>
</head>
<body>
<h1>${html(t.title)}</h1>
<p class="meta">指标体系:${html(t.edition)}(${html(t.level)})</p>
${sections.join('\n')}
</body>
</html>
`;
}
