import ExcelJS from 'exceljs';
import type { MatrixCell, ReviewReport } from '../../core/review/types';
import { cellText, overviewColumns, placeText, planName, reasonsText, severityLabel, statusLabel, verdictLabel, verdictOf, words, type CellStatus } from './labels';

/**
 * The ReviewReport as a workbook, one sheet per view: 概览 (one row per plan), 指标矩阵 (plans ×
 * binding indicators, each cell coloured by status), 城市与区县 (a block per city), 审核意见 (one
 * row per opinion point) and 问题清单 (one row per finding, its place a link to the file).
 */

/** The fills of the statuses, as the HTML page colours them. */
export const STATUS_FILLS: Record<CellStatus, string> = {
  meets: 'FFCDEBD0',
  below: 'FFF6C9C9',
  unverified: 'FFDCDFF3',
  trend: 'FFFBEEB0',
  mentioned: 'FFF9DCBF',
  missing: 'FFECECEC',
  'not-binding': 'FFFFFFFF',
};

export function sheetNames(lang: ReviewReport['lang']): [string, string, string, string, string] {
  return lang === 'zh' ? ['概览', '指标矩阵', '城市与区县', '审核意见', '问题清单'] : ['Overview', 'Indicator matrix', 'City and counties', 'Opinions', 'Findings'];
}

const thin = { style: 'thin' as const };
const BORDER = { top: thin, left: thin, bottom: thin, right: thin };

function frame(ws: ExcelJS.Worksheet) {
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  ws.eachRow((row, n) => {
    if (n > 1) row.alignment = { vertical: 'top', wrapText: true };
    row.eachCell((cell) => (cell.border = BORDER));
  });
}

function fill(cell: ExcelJS.Cell, c: MatrixCell | undefined) {
  if (!c) return;
  cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: STATUS_FILLS[c.status] } };
}

export async function reviewXlsx(report: ReviewReport, href: (file: string, line: number) => string = (f, l) => `${f}#L${l}`): Promise<Buffer> {
  const lang = report.lang;
  const zh = lang === 'zh';
  const w = words(lang);
  const names = sheetNames(lang);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'EcoPlan';
  const setup = { paperSize: 9, orientation: 'landscape' as const, fitToPage: true, fitToWidth: 1, fitToHeight: 0 };

  const overview = wb.addWorksheet(names[0], { views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }], pageSetup: setup });
  const cols = overviewColumns(lang);
  overview.columns = cols.map((c) => ({ header: c.header, width: c.width }));
  report.plans.forEach((p, i) => {
    const row = overview.addRow(cols.map((c) => c.cell(p, i)));
    cols.forEach((c, k) => {
      const note = c.note?.(p);
      if (note) row.getCell(k + 1).note = note;
    });
    const v = verdictOf(p);
    row.getCell(cols.length).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: v === 'ready' ? STATUS_FILLS.meets : v === 'revise' ? STATUS_FILLS.below : STATUS_FILLS.missing } };
  });
  frame(overview);

  const matrix = wb.addWorksheet(names[1], { views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }], pageSetup: setup });
  matrix.columns = [{ header: w.plan, width: 18 }, ...report.indicators.map((c) => ({ header: c.name + (c.unit ? `(${c.unit})` : ''), width: 14 }))];
  for (const p of report.plans) {
    if (p.unread !== undefined) {
      matrix.addRow([planName(p), `${w.unread}:${p.unread}`]);
      continue;
    }
    const row = matrix.addRow([p.place?.name ?? planName(p), ...report.indicators.map((c) => cellText(p.cells[c.id], lang, c.name))]);
    report.indicators.forEach((c, k) => fill(row.getCell(k + 2), p.cells[c.id]));
  }
  frame(matrix);
  matrix.getRow(1).height = 60;
  const legendRow = matrix.rowCount + 2;
  matrix.getCell(legendRow, 1).value = w.legend;
  (['meets', 'below', 'unverified', 'trend', 'mentioned', 'missing', 'not-binding'] as CellStatus[]).forEach((s, k) => {
    const cell = matrix.getCell(legendRow, k + 2);
    cell.value = statusLabel(s, lang);
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: STATUS_FILLS[s] } };
  });

  const cities = wb.addWorksheet(names[2], { pageSetup: setup });
  const byFile = new Map(report.plans.map((p) => [p.file, p]));
  const nameOf = (file: string) => byFile.get(file)?.place?.name ?? file;
  cities.getColumn(1).width = 30;
  if (!report.cities.length) cities.addRow([w.noCities]);
  for (const view of report.cities) {
    const head = cities.addRow([w.indicator, `${w.cityPlan}:${nameOf(view.city)}`, ...view.counties.map(nameOf)]);
    head.font = { bold: true };
    for (const r of view.rows) {
      const row = cities.addRow([
        r.name + (r.assigned ? (zh ? `(${w.assigned})` : ` (${w.assigned})`) : ''),
        cellText(r.city, lang, r.name),
        ...r.counties.map((c) => cellText(c, lang, r.name) + (c.weaker ? (zh ? `(${w.weaker})` : ` (${w.weaker})`) : c.assignedNoTarget ? (zh ? '(未落实)' : ' (no target)') : '')),
      ]);
      fill(row.getCell(2), r.city);
      r.counties.forEach((c, k) => fill(row.getCell(k + 3), c));
    }
    cities.addRow([]);
  }
  for (let c = 2; c <= 2 + Math.max(0, ...report.cities.map((v) => v.counties.length)); c++) cities.getColumn(c).width = 18;

  const opinions = wb.addWorksheet(names[3], { views: [{ state: 'frozen', ySplit: 1 }], pageSetup: setup });
  opinions.columns = [
    { header: w.plan, width: 30 },
    { header: zh ? '审核要点' : 'Point', width: 24 },
    { header: zh ? '是否满足' : 'Satisfied', width: 10 },
    { header: zh ? '意见' : 'Opinion', width: 70 },
    { header: zh ? '相关问题' : 'Findings', width: 14 },
  ];
  const okText = (ok: boolean | null) => (ok === null ? (zh ? '无法判断' : 'cannot tell') : ok ? (zh ? '是' : 'yes') : zh ? '否' : 'no');
  for (const p of report.plans) {
    if (p.unread !== undefined) {
      opinions.addRow([planName(p), '', '', `${w.unread}:${p.unread}`, '']);
      continue;
    }
    for (const pt of p.opinion) opinions.addRow([planName(p), pt.heading, okText(pt.ok), pt.text.join('\n'), pt.findings.map((f) => f + 1).join(zh ? '、' : ', ')]);
    opinions.addRow([planName(p), w.verdictLine(verdictLabel(p.verdict, lang)), '', reasonsText(p.verdictReasons, lang), '']);
  }
  frame(opinions);

  const findings = wb.addWorksheet(names[4], { views: [{ state: 'frozen', ySplit: 1 }], pageSetup: setup });
  findings.columns = [
    { header: w.plan, width: 30 },
    { header: zh ? '序号' : 'No.', width: 6 },
    { header: zh ? '级别' : 'Severity', width: 8 },
    { header: zh ? '代码' : 'Code', width: 16 },
    { header: zh ? '问题' : 'Finding', width: 50 },
    { header: w.quote, width: 40 },
    { header: w.place, width: 30 },
  ];
  for (const p of report.plans) {
    p.findings.forEach((f, k) => {
      const row = findings.addRow([planName(p), k + 1, severityLabel(f.severity, lang), f.code, f.message, f.quote, '']);
      row.getCell(7).value = { text: placeText(p.file, f.line, f.wordParagraph, lang), hyperlink: href(p.file, f.line) };
    });
  }
  frame(findings);
  findings.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: 7 } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
