import type { IndicatorNameIndex } from '../catalogue/nameIndex';
import type { ResponsibilityClause } from '../model/types';
import type { LineIndex } from '../text/lineIndex';
import { findProseTargets } from './indicatorTarget';
import { looksLikeUnitCell, walkIndicatorRow } from './indicatorTable';
import { parseClauseBody } from './responsibilityClause';
import type { TableSchema } from './tableColumns';
import { joinParts } from './tableLayout';
import { addTableTask, addTarget, ATTRIBUTE, toClause, type Cell, type TableRead } from './tableModel';
import { readTableRow } from './tableRow';

/**
 * A row of a table pasted one cell per line (tableLayout.ts cuts the rows). A row with a cell for
 * every column — or one more, where a cell wrapped onto the next line — is read by position
 * (tableRow.ts). Merged cells (a domain written once for several rows), empty cells pasted as
 * nothing, and an indicator's parts each with their own cells make rows ragged: those cells are
 * found by what they look like rather than by column position.
 */
export function readCellPerLineRow(raw: Cell[], schema: TableSchema, fallbackSerial: string, index: LineIndex, names: IndicatorNameIndex, out: TableRead) {
  const n = schema.columns.length;
  const baseline = schema.columns.some((c) => c.kind === 'baseline');
  const positional = schema.indicator >= 0 ? raw.length === n && (baseline || schema.lead.length + schema.support.length + schema.list.length === 0) : raw.length === n || raw.length === n + 1;
  if (positional) {
    const cells = raw.length === n ? raw : mergeWrapped(raw);
    readTableRow(cells, schema, { fallbackSerial, rangeAt: 'first' }, index, names, out);
    return;
  }
  readFlatRow(raw, schema, index, names, out);
}

/** A row with one cell too many: the cell that wrapped onto the next line joined with its rest. */
function mergeWrapped(raw: Cell[]): Cell[] {
  let best = -1;
  let bestScore = -1;
  for (let k = 1; k + 1 < raw.length; k++) {
    const a = raw[k].text;
    const unitA = looksLikeUnitCell(a);
    const unitB = looksLikeUnitCell(raw[k + 1].text);
    if (unitB && !unitA) continue;
    // a list cut after its separator, else the longest line (cut at the page's width)
    const score = (/[、,,]$/.test(a) ? 1000 : 0) + (/[。;;]$/.test(a) ? -500 : 0) + a.length;
    if (score > bestScore) {
      best = k;
      bestScore = score;
    }
  }
  if (best < 0) return raw.slice(0, raw.length - 1);
  return [...raw.slice(0, best), joinParts([raw[best], raw[best + 1]]), ...raw.slice(best + 2)];
}

/**
 * A task table with separate 牵头单位 and 配合单位 (参与单位, 协办单位 …) columns: which cells are the
 * role columns' and the title's. A row with fewer cells than columns (an empty cell pastes as a
 * blank line, which is dropped) is read by what its cells look like: the run of unit cells after
 * the title fills the role columns in header order, so a lone unit cell is the first role column's
 * (a task has a lead; its supporting units may be none).
 */
type Role = 'lead' | 'support' | 'list';

function roleCells(cells: Cell[], schema: TableSchema): { title: number; roles: { cell: number; role: Role }[] } | null {
  const roleCols = [
    ...schema.lead.map((col) => ({ col, role: 'lead' as const })),
    ...schema.support.map((col) => ({ col, role: 'support' as const })),
    ...schema.list.map((col) => ({ col, role: 'list' as const })),
  ].sort((a, b) => a.col - b.col);
  if (schema.support.length === 0) return null;
  const titleCol = Math.max(1, schema.title);
  let first = 2;
  while (first < cells.length && !looksLikeUnitCell(cells[first].text)) first++;
  if (first >= cells.length) return { title: Math.min(titleCol, cells.length - 1), roles: [] };
  const roles: { cell: number; role: Role }[] = [];
  for (let k = 0; k < roleCols.length && first + k < cells.length && looksLikeUnitCell(cells[first + k].text); k++) roles.push({ cell: first + k, role: roleCols[k].role });
  return { title: Math.max(1, first - (roleCols[0].col - titleCol)), roles };
}

function readFlatRow(cells: Cell[], schema: TableSchema, index: LineIndex, names: IndicatorNameIndex, out: TableRead) {
  const indicatorTable = schema.indicator >= 0;
  const serial = cells[0].text;
  const byRole = indicatorTable ? null : roleCells(cells, schema);
  // the responsibility cell: right after the 约束性/参考性 cell where the table has one, else the last cell that reads as units
  let unitIdx = -1;
  if (schema.attribute >= 0) {
    const a = cells.findIndex((c) => ATTRIBUTE.test(c.text));
    if (a >= 0 && a + 1 < cells.length && looksLikeUnitCell(cells[a + 1].text)) unitIdx = a + 1;
  }
  const unitColumns = schema.lead.length + schema.support.length + schema.list.length > 0;
  if (unitIdx < 0 && unitColumns) for (let c = cells.length - 1; c >= 1; c--) if (looksLikeUnitCell(cells[c].text)) { unitIdx = c; break; }
  const titleIdx = byRole ? byRole.title : indicatorTable ? 1 : unitIdx >= 3 ? unitIdx - 2 : 1;
  const titleCell = cells[titleIdx];
  if (!titleCell) return;
  const rowTargets: number[] = [];
  const clauses: ResponsibilityClause[] = [];
  if (indicatorTable) {
    const read = walkIndicatorRow(cells, unitIdx, index, names);
    // an indicator table with no column of units is read for its catalogue indicators only: where
    // its rows are ragged (a cell over several lines of terrains, 山区/丘陵区/平原地区 then ≥60/≥40/≥18)
    // the walk cannot tell a part's name from a label, nor whose value is whose after the first
    const seen = new Set<string>();
    const kept = unitColumns ? read.targets : read.targets.filter((t) => t.catalogueId !== null && !seen.has(t.indicator + (t.qualifier ?? '')) && seen.add(t.indicator + (t.qualifier ?? '')));
    for (const t of kept) addTarget(out, rowTargets, t);
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
  // an indicator table without a column of units states targets only: its rows are no tasks
  if (!unitColumns) return;
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
