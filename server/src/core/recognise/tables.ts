import type { Table } from 'mdast';
import type { IndicatorNameIndex } from '../catalogue/nameIndex';
import type { LineIndex } from '../text/lineIndex';
import { readCellPerLineRow } from './flatTable';
import { findPlainTables } from './tableLayout';
import type { TableRead } from './tableModel';
import { readTableRow } from './tableRow';
import { readGfmTable } from './taskTable';

/**
 * The one table reader: task and indicator tables in every layout a table arrives in — GFM tables
 * in Markdown; rows separated by tabs, `|` or aligned with spaces; one cell per line as a web page
 * or PDF copies it (tableLayout.ts). The header's vocabulary (tableColumns.ts) says which layout
 * is a table and what each column is; every row is then read by the same rules (tableRow.ts):
 * a task table's row is a task with the units of its role columns, an indicator table's row
 * gives the target of its goal column.
 */

export type { Cell, TableRead, TableTask } from './tableModel';
export { readCellValue } from './indicatorTable';

export function readTableTasks(work: string, index: LineIndex, gfm: Table[], names: IndicatorNameIndex): TableRead {
  const out: TableRead = { tasks: [], targets: [], clauses: [], problems: [], indicatorTags: [], departmentTags: [], mentions: [], skipLines: new Set() };
  for (const table of gfm) readGfmTable(table, work, index, names, out);
  for (const table of findPlainTables(work, index, out.skipLines)) {
    table.rows.forEach((row, r) => {
      const serial = String(r + 1);
      if (row.cells) readTableRow(row.cells, table.schema, { fallbackSerial: serial, rangeAt: 'first' }, index, names, out);
      else readCellPerLineRow(row.raw, table.schema, serial, index, names, out);
    });
  }
  return out;
}
