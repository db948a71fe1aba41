import type { IndicatorNameIndex } from '../catalogue/nameIndex';
import type { ResponsibilityClause } from '../model/types';
import type { LineIndex } from '../text/lineIndex';
import { findProseTargets } from './indicatorTarget';
import { looksLikeUnitCell, walkIndicatorRow } from './indicatorTable';
import { parseClauseBody } from './responsibilityClause';
import { addTableTask, addTarget, ATTRIBUTE, HEADER_WORD, INDICATOR_COLUMN, LEAD_COLUMN, SERIAL_COLUMN, toClause, UNIT_COLUMN, type Cell, type TableRead } from './tableModel';

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
      if (row.length > 1) readFlatRow(row, indicatorTable, hasAttribute, index, names, out);
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

function readFlatRow(row: { line: number; text: string; start: number }[], indicatorTable: boolean, hasAttribute: boolean, index: LineIndex, names: IndicatorNameIndex, out: TableRead) {
  const cells: Cell[] = row.map((r) => ({ text: r.text, start: r.start }));
  const serial = cells[0].text;
  // the responsibility cell: right after the 约束性/参考性 cell where the table has one, else the last cell that reads as units
  let unitIdx = -1;
  if (hasAttribute) {
    const a = cells.findIndex((c) => ATTRIBUTE.test(c.text));
    if (a >= 0 && a + 1 < cells.length && looksLikeUnitCell(cells[a + 1].text)) unitIdx = a + 1;
  }
  if (unitIdx < 0) for (let c = cells.length - 1; c >= 1; c--) if (looksLikeUnitCell(cells[c].text)) { unitIdx = c; break; }
  const titleIdx = indicatorTable ? 1 : unitIdx >= 3 ? unitIdx - 2 : 1;
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
    if (unitIdx >= 0) {
      const m = parseClauseBody(cells[unitIdx].text, cells[unitIdx].start, true);
      if (m) clauses.push(toClause(m, cells[unitIdx], index));
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
