import type { Table } from 'mdast';
import type { IndicatorNameIndex } from '../catalogue/nameIndex';
import type { ResponsibilityClause } from '../model/types';
import type { LineIndex } from '../text/lineIndex';
import { findProseTargets, targetFromTag } from './indicatorTarget';
import { cellTarget, resolveCellName } from './indicatorTable';
import { parseClauseBody } from './responsibilityClause';
import { addTableTask, addTarget, findColumn, INDICATOR_COLUMN, LEAD_COLUMN, SERIAL_COLUMN, SUPPORT_COLUMN, TITLE_COLUMNS, toClause, UNIT_COLUMN, UNIT_OF_MEASURE_COLUMN, VALUE_COLUMN, type Cell, type TableRead } from './tableModel';
import { scanTags } from './tags';

/** GFM tables: a task table (task and responsibility columns) gives a task per row; any table's cells are read for targets. */

function cellOf(work: string, node: { position?: { start: { offset?: number }; end: { offset?: number } } }): Cell {
  const s = node.position!.start.offset!;
  const e = node.position!.end.offset!;
  // a GFM cell's position includes the pipes' padding; trim to the content
  let a = s;
  let b = e;
  while (a < b && /[|\s]/.test(work[a])) a++;
  while (b > a && /[|\s]/.test(work[b - 1])) b--;
  return { text: work.slice(a, b), start: a };
}

export function readGfmTable(table: Table, work: string, index: LineIndex, names: IndicatorNameIndex, out: TableRead) {
  const pos = table.position;
  if (!pos) return;
  for (let l = pos.start.line - 1; l <= pos.end.line - 1; l++) out.skipLines.add(l);
  const [head, ...rows] = table.children;
  if (!head) return;
  const columns = head.children.map((c) => cellOf(work, c).text.replace(/\*\*/g, '').trim());
  const titleCol = findColumn(columns, TITLE_COLUMNS);
  const unitCol = findColumn(columns, UNIT_COLUMN);
  const leadCol = findColumn(columns, LEAD_COLUMN);
  // every supporting column (a table may have both 参与单位 and 协办单位)
  const supportCols = columns.flatMap((c, i) => (SUPPORT_COLUMN.test(c) ? [i] : []));
  const isTaskTable = titleCol >= 0 && (unitCol >= 0 || leadCol >= 0);
  const layout = {
    serial: findColumn(columns, SERIAL_COLUMN),
    title: titleCol,
    unit: unitCol,
    lead: leadCol,
    support: supportCols,
    indicator: findColumn(columns, INDICATOR_COLUMN),
    value: findColumn(columns, VALUE_COLUMN),
    measure: findColumn(columns, UNIT_OF_MEASURE_COLUMN),
  };
  rows.forEach((row, r) => {
    const cells = row.children.map((c) => cellOf(work, c));
    readRow(cells, layout, isTaskTable, String(r + 1), index, names, out);
  });
}

interface Layout {
  serial: number;
  title: number;
  unit: number;
  lead: number;
  support: number[];
  indicator: number;
  value: number;
  measure: number;
}

function readRow(cells: Cell[], layout: Layout, isTaskTable: boolean, fallbackSerial: string, index: LineIndex, names: IndicatorNameIndex, out: TableRead) {
  const at = (i: number): Cell | null => (i >= 0 && i < cells.length ? cells[i] : null);
  const rowTargets: number[] = [];

  // Tags and prose targets anywhere in the row's cells
  // a value cell is read as prose too where no indicator column owns it (`目标要求: 再生水利用率达到30%`)
  const titleNamesIndicator = layout.indicator < 0 && at(layout.title) !== null && at(layout.value) !== null && resolveCellName(at(layout.title)!.text, names) !== null;
  for (const cell of cells) {
    if ((cell === at(layout.value) && (layout.indicator >= 0 || titleNamesIndicator)) || cell === at(layout.indicator)) continue;
    const tags = scanTags(cell.text, cell.start);
    for (const p of tags.problems) out.problems.push({ kind: p.kind, range: index.range(p.start, p.end), detail: p.detail });
    for (const d of tags.departments) out.departmentTags.push({ name: d.name, range: index.range(d.start, d.end), nameRange: index.range(d.nameStart, d.nameStart + d.name.length) });
    for (const t of tags.indicators) {
      const made = targetFromTag(t, cell.text, cell.start, index.text, index, names);
      let ti: number | null = null;
      if (made) ti = addTarget(out, rowTargets, made);
      out.indicatorTags.push({ name: t.name, range: index.range(t.start, t.end), nameRange: index.range(t.nameStart, t.nameStart + t.name.length), target: ti });
    }
    const spans = tags.indicators.map((t) => [t.start - cell.start, t.end - cell.start] as [number, number]);
    for (const made of findProseTargets(cell.text, cell.start, index.text, index, names, spans, out.mentions)) addTarget(out, rowTargets, made);
  }

  // An indicator table row: the indicator cell and its target value
  // (in a task table whose title cell is an indicator's name, `生态文明建设规划 | 制定实施`, the title is the indicator)
  const indicatorCell = titleNamesIndicator ? at(layout.title) : at(layout.indicator);
  const valueCell = at(layout.value);
  if (indicatorCell && valueCell) {
    const made = cellTarget(indicatorCell, valueCell, at(layout.measure), index, names);
    if (made) addTarget(out, rowTargets, made);
  }

  if (!isTaskTable) return;
  const titleCell = at(layout.title);
  if (!titleCell || titleCell.text.trim().length === 0) return;
  const clauses: ResponsibilityClause[] = [];
  const addClause = (cell: Cell | null, role: 'list' | 'lead' | 'support') => {
    if (!cell || cell.text.trim().length === 0) return;
    const m = parseClauseBody(cell.text, cell.start, true);
    if (!m) return;
    if (role !== 'list') for (const u of m.units) u.role = role;
    clauses.push(toClause(m, cell, index));
  };
  addClause(at(layout.unit), 'list');
  addClause(at(layout.lead), 'lead');
  for (const col of layout.support) addClause(at(col), 'support');
  const serialCell = at(layout.serial);
  const serial = serialCell && /^\d{1,4}$/.test(serialCell.text.trim()) ? serialCell.text.trim() : fallbackSerial;
  const last = cells[cells.length - 1];
  addTableTask(out, index, {
    title: titleCell.text.replace(/\*\*/g, '').trim(),
    start: titleCell.start,
    end: titleCell.start + titleCell.text.length,
    fullStart: cells[0].start,
    fullEnd: last.start + last.text.length,
    clauses,
    serial,
    targets: rowTargets,
  });
}
