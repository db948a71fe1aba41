// A spreadsheet given to `ecoplan catalogue import`, looked over before exceljs reads it: exceljs
// lays out every row and column up to the farthest cell, so a 1.8 KB file with one cell at
// XFD1048576 grew past 3 GB. The package is read with the bounded zip reader (zip.ts), and the
// cells each sheet declares (its dimension, its rows and cell references) must fit an indicator table.
import { strFromU8 } from 'fflate';
import { readZip } from './zip';

/** An indicator table has ~10 columns and ~100 rows; these leave room for notes and other sheets. */
export const MAX_SHEET_COLUMNS = 256;
export const MAX_SHEET_ROWS = 20000;

/** The 1-based column of letters (A → 1, XFD → 16384). */
function columnNumber(letters: string): number {
  let n = 0;
  for (const c of letters) n = n * 26 + (c.charCodeAt(0) - 64);
  return n;
}

/** Why the workbook is not read (Chinese / English), or null when its sheets fit. */
export function oversizedSheet(bytes: Uint8Array): { zh: string; en: string } | null {
  const parts = readZip(bytes, () => true);
  for (const [name, data] of parts) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(name)) continue;
    const xml = strFromU8(data);
    // cell references (`r="XFD1048576"`, `ref="A1:XFD1048576"`) and row numbers (`<row r="1048576"`)
    const refs = /\br(?:ef)?="([A-Z]{1,3})?(\d{1,7})(?::([A-Z]{1,3})?(\d{1,7}))?"/g;
    for (let m = refs.exec(xml); m; m = refs.exec(xml)) {
      for (const [letters, digits] of [[m[1], m[2]], [m[3], m[4]]]) {
        if (digits === undefined) continue;
        const row = Number(digits);
        const col = letters ? columnNumber(letters) : 0;
        if (row > MAX_SHEET_ROWS || col > MAX_SHEET_COLUMNS) {
          const cell = `${letters ?? ''}${digits}`;
          return {
            zh: `${name} 含有单元格 ${cell},超出指标表的范围(至多 ${MAX_SHEET_COLUMNS} 列、${MAX_SHEET_ROWS} 行)`,
            en: `${name} has a cell at ${cell}, beyond an indicator table (at most ${MAX_SHEET_COLUMNS} columns, ${MAX_SHEET_ROWS} rows)`,
          };
        }
      }
    }
  }
  return null;
}
