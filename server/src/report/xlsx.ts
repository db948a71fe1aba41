import ExcelJS from 'exceljs';
import type { PlanTables } from '../core/tables/deriveTables';
import { cellsOf, TABLE_TITLES, type TableKind } from './columns';

/**
 * One sheet per table: a bold header row, frozen panes below it, column widths for Chinese text,
 * and the 领域 cells merged over their rows as the official tables print them.
 */
export async function toXlsx(t: PlanTables, kinds: TableKind[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'EcoPlan';
  for (const kind of kinds) {
    const ws = wb.addWorksheet(TABLE_TITLES[kind], { views: [{ state: 'frozen', ySplit: 1 }], pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
    const { headers, rows, widths } = cellsOf(t, kind);
    ws.columns = headers.map((h, i) => ({ header: h, width: widths[i] }));
    ws.getRow(1).font = { bold: true };
    ws.getRow(1).alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    for (const r of rows) ws.addRow(r);
    ws.eachRow((row, n) => {
      if (n > 1) row.alignment = { vertical: 'top', wrapText: true };
      row.eachCell((cell) => (cell.border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } }));
    });
    if (kind === 'indicators') {
      // merge runs of the same domain in column A (rows are in catalogue order, so domains are contiguous)
      let start = 2;
      for (let r = 3; r <= rows.length + 2; r++) {
        const prev = rows[r - 3]?.[0];
        const cur = rows[r - 2]?.[0];
        if (r === rows.length + 2 || cur !== prev) {
          if (r - 1 > start && prev) ws.mergeCells(start, 1, r - 1, 1);
          start = r;
        }
      }
      ws.getColumn(1).alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
