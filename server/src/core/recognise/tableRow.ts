import type { IndicatorNameIndex } from '../catalogue/nameIndex';
import type { ResponsibilityClause } from '../model/types';
import type { LineIndex } from '../text/lineIndex';
import { findProseTargets, targetFromTag } from './indicatorTarget';
import { cellTarget, resolveCellName } from './indicatorTable';
import { parseClauseBody } from './responsibilityClause';
import type { TableSchema } from './tableColumns';
import { addTableTask, addTarget, toClause as toCellClause, type Cell, type TableRead } from './tableModel';
import { scanTags } from './tags';

/**
 * One row of a table whose cells stand in their columns (a GFM row, a tab-, pipe- or space-separated
 * row, a row pasted one cell per line with a cell for every column): the header's schema says what
 * each cell is. A task table's row is a task with the units of its role columns; an indicator
 * table's row gives the target in its goal column (the 目标值 column or the latest year's), never
 * the baseline's (现状值, 2020年).
 */

export interface RowOptions {
  /** the row's number when it has no serial cell */
  fallbackSerial: string;
  /** where the task's range is: the title cell (a GFM row, one line) or the row's first cell (the row's first line) */
  rangeAt: 'title' | 'first';
}

// a baseline cell states today's value, never a target (a unit cell is read: a cell merged across
// the value and unit columns repeats the value there)
const QUIET = new Set(['baseline']);

// `—`, `-`, `/`: a cell left empty on purpose
const EMPTY_CELL = /^([-—–//]|——)$/;
const TOTAL_ROW = /^(?:合计|总计|小计|共计)$/;
const partsOf = (cell: Cell): Cell[] => cell.parts ?? [cell];
const cellEnd = (cell: Cell) => {
  const last = partsOf(cell)[partsOf(cell).length - 1];
  return last.start + last.text.length;
};

export function readTableRow(cells: (Cell | null)[], schema: TableSchema, options: RowOptions, index: LineIndex, names: IndicatorNameIndex, out: TableRead) {
  const at = (i: number): Cell | null => {
    const c = i >= 0 && i < cells.length ? cells[i] : null;
    return c && c.text.trim().length > 0 && !EMPTY_CELL.test(c.text.trim()) ? c : null;
  };
  const present = cells.filter((c): c is Cell => c !== null && c.text.trim().length > 0);
  if (present.length === 0) return;
  const rowTargets: number[] = [];

  // a task table whose title cell names an indicator (`生态文明建设规划 | 制定实施`): the title is the indicator
  const titleNamesIndicator = schema.indicator < 0 && at(schema.title) !== null && at(schema.goal) !== null && resolveCellName(at(schema.title)!.text, names) !== null;
  const indicatorCell = titleNamesIndicator ? at(schema.title) : at(schema.indicator);

  // tags in every cell; prose targets in the cells that are not a column of their own kind
  cells.forEach((cell, c) => {
    if (!cell || cell.text.length === 0 || cell === indicatorCell) return;
    const kind = schema.columns[c]?.kind;
    // a goal cell is read as prose where no indicator cell owns it (`目标要求: 再生水利用率达到30%`)
    if (kind === 'goal' && indicatorCell) return;
    const prose = !(kind && QUIET.has(kind));
    for (const part of partsOf(cell)) {
      const tags = scanTags(part.text, part.start);
      for (const p of tags.problems) out.problems.push({ kind: p.kind, range: index.range(p.start, p.end), detail: p.detail });
      for (const d of tags.departments) out.departmentTags.push({ name: d.name, range: index.range(d.start, d.end), nameRange: index.range(d.nameStart, d.nameStart + d.name.length) });
      for (const t of tags.indicators) {
        const made = targetFromTag(t, part.text, part.start, index.text, index, names);
        let ti: number | null = null;
        if (made) ti = addTarget(out, rowTargets, made);
        out.indicatorTags.push({ name: t.name, range: index.range(t.start, t.end), nameRange: index.range(t.nameStart, t.nameStart + t.name.length), target: ti });
      }
      if (!prose) continue;
      const spans = tags.indicators.map((t) => [t.start - part.start, t.end - part.start] as [number, number]);
      for (const made of findProseTargets(part.text, part.start, index.text, index, names, spans, out.mentions)) addTarget(out, rowTargets, made);
    }
  });

  // the indicator's target, from the goal column, with the year the column is for
  const goalCell = at(schema.goal);
  if (indicatorCell && goalCell && !goalCell.parts) {
    const made = cellTarget(indicatorCell, goalCell, at(schema.measure), index, names, null, null, schema.columns[schema.goal].year);
    if (made) addTarget(out, rowTargets, made);
  }

  const unitColumns = schema.lead.length + schema.support.length + schema.list.length;
  if (unitColumns === 0) return;
  const titleCell = at(schema.title) ?? at(schema.detail) ?? at(schema.indicator);
  if (!titleCell) return;
  // a project table's 合计 / 小计 row sums the rows above it: no task of its own
  if (TOTAL_ROW.test(titleCell.text.replace(/[\s*]/g, ''))) return;
  const clauses: ResponsibilityClause[] = [];
  const addClauses = (col: number, role: 'list' | 'lead' | 'support') => {
    const cell = at(col);
    if (!cell) return;
    partsOf(cell).forEach((part, p) => {
      const m = parseClauseBody(part.text, part.start, true);
      if (!m) return;
      // the units of a 责任单位 cell that wrapped: the first listed (on its first line) leads
      const r = role === 'list' && p > 0 ? 'support' : role;
      if (r !== 'list') for (const u of m.units) u.role = r;
      clauses.push(toCellClause(m, part, index));
    });
  };
  for (const c of schema.list) addClauses(c, 'list');
  for (const c of schema.lead) addClauses(c, 'lead');
  for (const c of schema.support) addClauses(c, 'support');
  const serialCell = at(schema.serial);
  const serialText = serialCell ? serialCell.text.trim().replace(/[.、]$/, '') : '';
  const serial = /^\d{1,4}$/.test(serialText) ? serialText : options.fallbackSerial;
  const first = present[0];
  const rangeCell = options.rangeAt === 'title' ? titleCell : first;
  const rangePart = partsOf(rangeCell)[0];
  addTableTask(out, index, {
    title: titleCell.text.replace(/\*\*/g, '').trim(),
    start: rangePart.start,
    end: rangePart.start + rangePart.text.length,
    fullStart: first.start,
    fullEnd: cellEnd(present[present.length - 1]),
    clauses,
    serial,
    targets: rowTargets,
  });
}
