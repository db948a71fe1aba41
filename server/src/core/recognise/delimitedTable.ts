/**
 * Tables whose rows are lines of cells between `|` (Markdown, and what `ecoplan import` makes of a
 * Word table) or separated by tabs (a table pasted from Word or a spreadsheet), read as cells with
 * their offsets: what the review needs of a 重点工程 table (its header's columns, its 合计 row).
 * Unlike tableLayout.ts it takes any header — a project table's columns (投资, 建设年限) are not the
 * task and indicator columns the task reader knows — and it reads nothing into the plan model.
 */

export interface DelimitedCell {
  text: string;
  /** Offset of the trimmed text in the whole text. */
  start: number;
}

export interface DelimitedRow {
  /** 0-based line. */
  line: number;
  cells: DelimitedCell[];
}

export interface DelimitedTable {
  header: DelimitedRow;
  rows: DelimitedRow[];
}

// a Markdown alignment row: | --- | :---: |
const ALIGNMENT_ROW = /^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$/;

function rowOf(line: string, lineStart: number, lineNo: number): DelimitedRow | null {
  const tab = line.includes('\t');
  const pipes = tab ? 0 : line.split('|').length - 1;
  if (!tab && pipes < 2) return null;
  const sep = tab ? '\t' : '|';
  let from = 0;
  let to = line.length;
  if (!tab) {
    // `| a | b |`: the outer pipes open and close the row
    const lead = line.length - line.trimStart().length;
    if (line[lead] === '|') from = lead + 1;
    const trail = line.trimEnd().length;
    if (line[trail - 1] === '|' && trail - 1 >= from) to = trail - 1;
  }
  const cells: DelimitedCell[] = [];
  let at = from;
  while (at <= to) {
    let end = line.indexOf(sep, at);
    if (end < 0 || end > to) end = to;
    const raw = line.slice(at, end);
    const text = raw.trim();
    cells.push({ text, start: lineStart + at + (text ? raw.indexOf(text) : 0) });
    at = end + 1;
  }
  return cells.length >= 2 ? { line: lineNo, cells } : null;
}

/** Every run of two or more delimited lines, its first line the header (a Markdown alignment row is skipped). */
export function delimitedTables(text: string): DelimitedTable[] {
  const tables: DelimitedTable[] = [];
  let current: DelimitedRow[] = [];
  const close = () => {
    if (current.length >= 2) tables.push({ header: current[0], rows: current.slice(1) });
    current = [];
  };
  let start = 0;
  for (let lineNo = 0; start <= text.length; lineNo++) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end).replace(/\r$/, '');
    if (ALIGNMENT_ROW.test(line.trim()) && current.length === 1) {
      // the header's alignment row: not a row of the table
    } else {
      const row = rowOf(line, start, lineNo);
      if (row) current.push(row);
      else close();
    }
    start = end + 1;
  }
  close();
  return tables;
}
