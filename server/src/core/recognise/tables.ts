import type { Table } from 'mdast';
import type { IndicatorNameIndex } from '../catalogue/nameIndex';
import type { LineIndex } from '../text/lineIndex';
import { readFlattenedTables } from './flatTable';
import type { TableRead } from './tableModel';
import { readGfmTable } from './taskTable';

/**
 * Task and indicator tables: GFM tables in Markdown, and the same tables pasted from a web page
 * or Word as one cell per line (舟山's 附件1/附件2 look like that). A table whose header has a
 * task or indicator column and a responsibility column gives one task per row.
 */

export type { Cell, TableRead, TableTask } from './tableModel';
export { readCellValue } from './indicatorTable';

export function readTableTasks(work: string, index: LineIndex, gfm: Table[], names: IndicatorNameIndex, markdown: boolean): TableRead {
  const out: TableRead = { tasks: [], targets: [], clauses: [], problems: [], indicatorTags: [], departmentTags: [], mentions: [], skipLines: new Set() };
  for (const table of gfm) readGfmTable(table, work, index, names, out);
  readFlattenedTables(work, index, names, out, markdown);
  return out;
}
