import type { IndicatorNameIndex } from '../catalogue/nameIndex';
import type { ResponsibilityClause } from '../model/types';
import type { LineIndex } from '../text/lineIndex';
import { findProseTargets } from './indicatorTarget';
import { looksLikeUnitCell, walkIndicatorRow } from './indicatorTable';
import { parseClauseBody } from './responsibilityClause';
import { addTableTask, addTarget, ATTRIBUTE, findColumn, HEADER_WORD, INDICATOR_COLUMN, LEAD_COLUMN, SERIAL_COLUMN, SUPPORT_COLUMN, TITLE_COLUMNS, toClause, UNIT_COLUMN, type Cell, type TableRead } from './tableModel';

/**
 * Tables flattened to one cell per line. The header is a run of short lines that are all column
 * names and include 序号 and a responsibility column; each row starts at the next serial number.
 * Merged cells (a domain written once for several rows) make rows ragged, so cells are found by
 * what they look like rather than by column position.
 */
export function readFlattenedTables(work: string, index: LineIndex, names: IndicatorNameIndex, out: TableRead, markdown: boolean) {
  const lines: { line: number; text: string; start: number }[] = [];
  for (let l = 0; l < index.lineCount; l++) {
    if (out.skipLines.has(l)) continue;
    const raw = work.slice(index.lineStarts[l], index.lineEnd(l));
    const text = raw.trim();
    if (text.length === 0) continue;
    lines.push({ line: l, text, start: index.lineStarts[l] + raw.indexOf(text) });
  }
  void markdown;
  for (let i = 0; i < lines.length; i++) {
    if (!SERIAL_COLUMN.test(lines[i].text) && !HEADER_WORD.test(lines[i].text)) continue;
    let j = i;
    while (j < lines.length && HEADER_WORD.test(lines[j].text)) j++;
    const columns = lines.slice(i, j).map((l) => l.text);
    if (columns.length < 3 || !columns.some((c) => SERIAL_COLUMN.test(c)) || !columns.some((c) => UNIT_COLUMN.test(c) || LEAD_COLUMN.test(c))) {
      i = Math.max(i, j - 1);
      continue;
    }
    const indicatorTable = columns.some((c) => INDICATOR_COLUMN.test(c));
    const hasAttribute = columns.some((c) => /属性/.test(c));
    for (let k = i; k < j; k++) out.skipLines.add(lines[k].line);
    // rows
    let k = j;
    let lastSerial = 0;
    let row: typeof lines = [];
    const flush = () => {
      if (row.length > 1) readFlatRow(row, columns, indicatorTable, hasAttribute, index, names, out);
      row = [];
    };
    for (; k < lines.length; k++) {
      const t = lines[k].text;
      if (/^(备注|注[::]|附件|附表)/.test(t) || (t.length > 300 && row.length === 0)) break;
      if (matchesHeaderStart(lines, k)) break;
      const serial = /^\d{1,3}$/.test(t) ? Number(t) : NaN;
      // rows number on from the last; the first row may start anywhere (an excerpt of a longer table)
      const inSequence = serial > lastSerial && (serial <= lastSerial + 3 || (lastSerial === 0 && k === j));
      if (!Number.isNaN(serial) && inSequence && k + 1 < lines.length && !/^\d/.test(lines[k + 1].text)) {
        flush();
        lastSerial = serial;
      }
      if (lastSerial > 0) row.push(lines[k]);
      out.skipLines.add(lines[k].line);
    }
    flush();
    i = k - 1;
  }
}

function matchesHeaderStart(lines: { text: string }[], k: number): boolean {
  return SERIAL_COLUMN.test(lines[k].text) && k + 2 < lines.length && HEADER_WORD.test(lines[k + 1].text) && HEADER_WORD.test(lines[k + 2].text);
}

/**
 * A task table with separate 牵头单位 and 配合单位 (参与单位, 协办单位 …) columns: which cells are the
 * role columns' and the title's. A row with a cell for every column is read by position; a row with
 * fewer (an empty cell pastes as a blank line, which is dropped) by what its cells look like: the
 * run of unit cells after the title fills the role columns in header order, so a lone unit cell is
 * the first role column's (a task has a lead; its supporting units may be none).
 */
type Role = 'lead' | 'support' | 'list';

function roleCells(cells: Cell[], columns: string[]): { title: number; roles: { cell: number; role: Role }[] } | null {
  const roleOf = (c: string): Role | null => (LEAD_COLUMN.test(c) ? 'lead' : SUPPORT_COLUMN.test(c) ? 'support' : UNIT_COLUMN.test(c) ? 'list' : null);
  const roleCols = columns.flatMap((c, i) => (roleOf(c) ? [{ col: i, role: roleOf(c)! }] : []));
  if (!roleCols.some((r) => r.role === 'support')) return null;
  const titleCol = Math.max(1, findColumn(columns, TITLE_COLUMNS));
  if (cells.length === columns.length) return { title: titleCol, roles: roleCols.map((r) => ({ cell: r.col, role: r.role })) };
  let first = 2;
  while (first < cells.length && !looksLikeUnitCell(cells[first].text)) first++;
  if (first >= cells.length) return { title: Math.min(titleCol, cells.length - 1), roles: [] };
  const roles: { cell: number; role: Role }[] = [];
  for (let k = 0; k < roleCols.length && first + k < cells.length && looksLikeUnitCell(cells[first + k].text); k++) roles.push({ cell: first + k, role: roleCols[k].role });
  return { title: Math.max(1, first - (roleCols[0].col - titleCol)), roles };
}

function readFlatRow(row: { line: number; text: string; start: number }[], columns: string[], indicatorTable: boolean, hasAttribute: boolean, index: LineIndex, names: IndicatorNameIndex, out: TableRead) {
  const cells: Cell[] = row.map((r) => ({ text: r.text, start: r.start }));
  const serial = cells[0].text;
  const byRole = indicatorTable ? null : roleCells(cells, columns);
  // the responsibility cell: right after the 约束性/参考性 cell where the table has one, else the last cell that reads as units
  let unitIdx = -1;
  if (hasAttribute) {
    const a = cells.findIndex((c) => ATTRIBUTE.test(c.text));
    if (a >= 0 && a + 1 < cells.length && looksLikeUnitCell(cells[a + 1].text)) unitIdx = a + 1;
  }
  if (unitIdx < 0) for (let c = cells.length - 1; c >= 1; c--) if (looksLikeUnitCell(cells[c].text)) { unitIdx = c; break; }
  const titleIdx = byRole ? byRole.title : indicatorTable ? 1 : unitIdx >= 3 ? unitIdx - 2 : 1;
  const titleCell = cells[titleIdx];
  if (!titleCell) return;
  const rowTargets: number[] = [];
  const clauses: ResponsibilityClause[] = [];
  if (indicatorTable) {
    const read = walkIndicatorRow(cells, unitIdx, index, names);
    for (const t of read.targets) addTarget(out, rowTargets, t);
    clauses.push(...read.clauses);
  } else {
    for (const cell of cells.slice(1)) {
      for (const made of findProseTargets(cell.text, cell.start, index.text, index, names, [], out.mentions)) addTarget(out, rowTargets, made);
    }
    for (const { cell, role } of byRole ? byRole.roles : unitIdx >= 0 ? [{ cell: unitIdx, role: 'list' as const }] : []) {
      const m = parseClauseBody(cells[cell].text, cells[cell].start, true);
      if (!m) continue;
      if (role !== 'list') for (const u of m.units) u.role = role;
      clauses.push(toClause(m, cells[cell], index));
    }
  }
  const last = cells[cells.length - 1];
  addTableTask(out, index, {
    title: titleCell.text,
    start: cells[0].start,
    end: cells[0].start + cells[0].text.length,
    fullStart: cells[0].start,
    fullEnd: last.start + last.text.length,
    clauses,
    serial,
    targets: rowTargets,
  });
}
