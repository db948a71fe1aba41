import type { LineIndex } from '../text/lineIndex';
import { columnKey, isColumnFragment, isColumnName, plainTableSchema, readColumn, type TableSchema } from './tableColumns';
import { looksLikeUnitCell } from './indicatorTable';
import type { Cell } from './tableModel';

/**
 * Tables in plain text, in the layouts a table arrives in when it is pasted from Word, a web page
 * or a PDF: rows with cells separated by tabs, by `|` or by runs of spaces (aligned columns), and
 * one cell per line (the header's cells on consecutive lines, then each row's cells in order).
 * A table is recognised only from a header whose cells are all column names (tableColumns.ts), so
 * prose is never read as one; the column count comes from the header. A header may be split over
 * two lines (`牵头` / `单位`), a cell may wrap onto the next line, and group rows (`一、生态制度`,
 * `(二)水环境`) may stand between rows.
 */

export interface PlainLine {
  line: number;
  /** the line's text, trimmed */
  text: string;
  /** offset of the trimmed text */
  start: number;
}

export interface PlainRow {
  /** a cell per column (null: empty), where the row's cells could be placed by position */
  cells: (Cell | null)[] | null;
  /** the row's cells in reading order, one cell per line (a row whose cells do not fill the columns) */
  raw: Cell[];
}

export interface PlainTable {
  layout: 'delimited' | 'cellPerLine';
  header: string[];
  schema: TableSchema;
  rows: PlainRow[];
}

const EMPTY_CELL = /^[-—–//]$|^——$/;
// a group row between rows: 一、生态制度 / (二)水环境 / 第一部分 (a numbering a row's serial never has)
const GROUP_ROW = /^(?:[一二三四五六七八九十]{1,3}[、.]|[((][一二三四五六七八九十]{1,3}[))]|第[一二三四五六七八九十]{1,3}[部分章节])/;
const SERIAL = /^\d{1,4}[.、]?$/;
const TABLE_BREAK = /^(备注|注[::]|附件|附表)/;
// a line holding nothing but table rules: `|||`, `|---|---|`, `+----+`
const RULE_LINE = /^[|\-—:+=\s]+$/;

const serialOf = (t: string): number => (SERIAL.test(t) ? Number.parseInt(t, 10) : Number.NaN);
const isGroupRow = (t: string) => GROUP_ROW.test(t) && t.length <= 30;

export function nonBlankLines(work: string, index: LineIndex, skip: Set<number>): PlainLine[] {
  const lines: PlainLine[] = [];
  for (let l = 0; l < index.lineCount; l++) {
    if (skip.has(l)) continue;
    const raw = work.slice(index.lineStarts[l], index.lineEnd(l));
    const text = raw.trim();
    if (text.length === 0) continue;
    lines.push({ line: l, text, start: index.lineStarts[l] + raw.indexOf(text) });
  }
  return lines;
}

/** Every plain-text table of the text; the lines they hold are added to `skip`. */
export function findPlainTables(work: string, index: LineIndex, skip: Set<number>): PlainTable[] {
  const lines = nonBlankLines(work, index, skip);
  const tables: PlainTable[] = [];
  for (let i = 0; i < lines.length; i++) {
    // (the line's separator looked for once: both layouts ask)
    const sep = separatorOf(lines[i].text);
    const found = (sep ? delimitedTable(lines, i, sep, work, index, skip) : null) ?? cellPerLineTable(lines, i, sep, skip);
    if (!found) continue;
    if (found.table) tables.push(found.table);
    i = found.next - 1;
  }
  return tables;
}

// ---------------------------------------------------------------------------------------------
// Delimited rows: tabs, pipes, or runs of two or more spaces (a single U+3000 also separates)

type Separator = 'tab' | 'pipe' | 'space';

interface Piece extends Cell {
  /** display column of the piece within its line (CJK characters are two wide) */
  col: number;
}

const SPACE_PIECE = /[^\s]+(?: [^\s]+)*/g;

const ALIGNED_GAP = /\S(?: {2,}|\s*\u3000\s*)\S/;

function separatorOf(text: string): Separator | null {
  // one pass (every line of a plain-text plan is asked): a tab anywhere, else two pipes, else the
  // regex only where it can match (two spaces in a row, or an ideographic one)
  let pipes = 0;
  let spaced = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x09) return 'tab';
    if (c === 0x7c) pipes++;
    else if (c === 0x3000 || (c === 0x20 && text.charCodeAt(i + 1) === 0x20)) spaced = true;
  }
  if (pipes >= 2) return 'pipe';
  if (spaced && ALIGNED_GAP.test(text)) return 'space';
  return null;
}

function displayWidth(s: string): number {
  let w = 0;
  for (let i = 0; i < s.length; i++) w += s.charCodeAt(i) >= 0x2e80 ? 2 : 1;
  return w;
}

/** The line's cells; for tabs and pipes an empty cell is kept (text ''). */
function splitLine(raw: string, rawStart: number, sep: Separator): Piece[] {
  const pieces: Piece[] = [];
  // display columns counted as the pieces go, left to right (each piece's prefix is counted once)
  let counted = 0;
  let width = 0;
  const push = (from: number, to: number) => {
    const seg = raw.slice(from, to);
    const t = seg.trim();
    const at = t.length > 0 ? from + seg.indexOf(t) : from;
    width += displayWidth(raw.slice(counted, at));
    counted = at;
    pieces.push({ text: t, start: rawStart + at, col: width });
  };
  if (sep === 'space') {
    SPACE_PIECE.lastIndex = 0;
    for (let m = SPACE_PIECE.exec(raw); m; m = SPACE_PIECE.exec(raw)) push(m.index, m.index + m[0].length);
    return pieces;
  }
  const ch = sep === 'tab' ? '\t' : '|';
  let from = 0;
  let to = raw.length;
  if (sep === 'pipe') {
    const a = raw.indexOf('|');
    if (raw.slice(0, a).trim().length === 0) from = a + 1;
    const b = raw.lastIndexOf('|');
    if (raw.slice(b + 1).trim().length === 0) to = b;
  }
  let at = from;
  for (let k = from; k <= to; k++) {
    if (k === to || raw[k] === ch) {
      push(at, k);
      at = k + 1;
    }
  }
  return pieces;
}

function rawLine(line: PlainLine, index: LineIndex, work: string): { raw: string; rawStart: number } {
  const rawStart = index.lineStarts[line.line];
  return { raw: work.slice(rawStart, index.lineEnd(line.line)), rawStart };
}

/** The column a piece of an aligned (space-separated) row stands under: the nearest header cell by display column. */
function alignedColumn(headerCols: number[], col: number): number {
  // the header's columns stand left to right: the last one at or before col, or the one after it if nearer
  let lo = 0;
  let hi = headerCols.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (headerCols[mid] <= col) lo = mid;
    else hi = mid - 1;
  }
  const next = lo + 1;
  return next < headerCols.length && Math.abs(headerCols[next] - col) <= Math.abs(col - headerCols[lo]) ? next : lo;
}

/** A delimited table whose header starts at line i, its separator `sep`. */
function delimitedTable(lines: PlainLine[], i: number, sep: Separator, work: string, index: LineIndex, skip: Set<number>): { table: PlainTable; next: number } | null {
  const first = rawLine(lines[i], index, work);
  const head = splitLine(first.raw, first.rawStart, sep).filter((p) => p.text.length > 0 || sep === 'space');
  if (head.length < 3) return null;
  let names = head.map((p) => p.text);
  let next = i + 1;
  if (!names.every(isColumnName) && i + 1 < lines.length && lines[i + 1].line === lines[i].line + 1) {
    // a header split over two lines: each piece of the second line completes the header cell above it
    const second = rawLine(lines[i + 1], index, work);
    const below = splitLine(second.raw, second.rawStart, sep === 'space' || separatorOf(lines[i + 1].text) === 'space' ? 'space' : sep);
    const joined = names.slice();
    const headCols = head.map((h) => h.col);
    for (const [k, p] of below.entries()) {
      if (p.text.length === 0) continue;
      const c = sep === 'space' || below.length !== head.length ? alignedColumn(headCols, p.col) : k;
      joined[c] = joined[c] + p.text;
    }
    if (joined.every(isColumnName)) {
      names = joined;
      next = i + 2;
    }
  }
  const schema = plainTableSchema(names);
  if (!schema) return null;
  const n = names.length;
  const headerCols = head.map((p) => p.col);
  const rows: PlainRow[] = [];
  let cur: (Cell[] | null)[] | null = null;
  let lastFilled = -1;
  const flush = () => {
    if (cur) rows.push({ cells: cur.map((parts) => (parts ? joinParts(parts) : null)), raw: [] });
    cur = null;
    lastFilled = -1;
  };
  const place = (parts: (Cell[] | null)[], c: number, p: Cell) => {
    if (p.text.length === 0 || EMPTY_CELL.test(p.text)) return;
    const at = Math.min(c, n - 1);
    (parts[at] ??= []).push({ text: p.text, start: p.start });
    lastFilled = Math.max(lastFilled, at);
  };
  for (let i2 = i; i2 < next; i2++) skip.add(lines[i2].line);
  let k = next;
  for (; k < lines.length; k++) {
    const line = lines[k];
    if (TABLE_BREAK.test(line.text)) break;
    if (RULE_LINE.test(line.text)) {
      skip.add(line.line);
      continue;
    }
    const { raw, rawStart } = rawLine(line, index, work);
    const lineSep = separatorOf(raw);
    const pieces: Piece[] = lineSep ? splitLine(raw, rawStart, lineSep === 'space' || sep === 'space' ? 'space' : sep) : [{ text: line.text, start: line.start, col: displayWidth(raw.slice(0, line.start - rawStart)) }];
    const filled = pieces.filter((p) => p.text.length > 0);
    // a tab or pipe line with a cell for every column, some empty: its cells stand in their columns
    const positional = sep !== 'space' && lineSep !== null && lineSep !== 'space' && pieces.length >= n;
    const afterGap = k > 0 && line.line !== lines[k - 1].line + 1;
    const following = k + 1 < lines.length ? lines[k + 1] : null;
    // a group row (`(二)水环境`, `|一、生态制度||||`) between rows: the table goes on after it
    if (filled.length === 1 && isGroupRow(filled[0].text) && following && separatorOf(following.text) !== null) {
      flush();
      skip.add(line.line);
      continue;
    }
    if (filled.length <= 1 && !positional) {
      const t = line.text;
      // a wrapped cell's next line: under its column (aligned), or the row's last cell continuing
      const incomplete = cur !== null && lastFilled < n - 1;
      if (cur && !afterGap && (incomplete || (t.length <= 30 && !/[。::]$/.test(t)))) {
        place(cur, sep === 'space' ? alignedColumn(headerCols, filled[0]?.col ?? 0) : lastFilled, filled[0] ?? { text: t, start: line.start });
        skip.add(line.line);
        continue;
      }
      break;
    }
    const firstText = pieces[0].text;
    const aligned = sep === 'space' && filled.length < n;
    const startsRow = schema.serial === 0 ? !Number.isNaN(serialOf(firstText)) : aligned ? alignedColumn(headerCols, pieces[0].col) === 0 : firstText.length > 0 && pieces.length >= n;
    if (startsRow || !cur) {
      flush();
      cur = new Array(n).fill(null);
      pieces.forEach((p, c) => place(cur!, aligned ? alignedColumn(headerCols, p.col) : c, p));
    } else {
      // a row continued: tabs and pipes go on from the cell that wrapped; aligned pieces stand under their columns
      const base = Math.max(0, lastFilled);
      pieces.forEach((p, c) => place(cur!, sep === 'space' ? alignedColumn(headerCols, p.col) : positional ? c : base + c, p));
    }
    skip.add(line.line);
  }
  flush();
  return { table: { layout: 'delimited', header: names, schema, rows }, next: k };
}

/** A cell made of the pieces of a cell that wrapped over lines: its text is theirs joined, its parts each piece. */
export function joinParts(parts: Cell[]): Cell {
  if (parts.length === 1) return parts[0];
  return { text: parts.map((p) => p.text).join(''), start: parts[0].start, parts };
}

// ---------------------------------------------------------------------------------------------
// One cell per line

/** The header's cells from line i: consecutive column names, a name split over two lines joined; the line each starts on. */
function headerRun(lines: PlainLine[], i: number): { names: string[]; at: number[]; next: number } {
  const names: string[] = [];
  const at: number[] = [];
  let j = i;
  while (j < lines.length) {
    const a = lines[j].text;
    if (j + 1 < lines.length && a.length <= 6 && lines[j + 1].text.length <= 6) {
      const b = lines[j + 1].text;
      const both = readColumn(a + b);
      if (both && (!isColumnName(a) || !isColumnName(b))) {
        names.push(a + b);
        at.push(j);
        j += 2;
        continue;
      }
    }
    if (!isColumnName(a)) break;
    names.push(a);
    at.push(j);
    j++;
  }
  return { names, at, next: j };
}

/** A cell-per-line table whose header starts at line i (`sep`: the line's separator, if any). */
function cellPerLineTable(lines: PlainLine[], i: number, sep: Separator | null, skip: Set<number>): { table: PlainTable | null; next: number } | null {
  if (sep !== null && columnKey(lines[i].text) !== lines[i].text) return null;
  const run = headerRun(lines, i);
  // a table starts at its 序号 cell: a column name just above it (`重点任务` as a caption) is not a column
  const serialAt = run.names.findIndex((name) => readColumn(name)?.kind === 'serial');
  if (serialAt > 0) return { table: null, next: run.at[serialAt] };
  const { names, next: j } = run;
  const schema = names.length >= 3 ? plainTableSchema(names) : null;
  // no table: the lines of the run are none's header either (each would start a shorter run of the same lines)
  if (!schema) return { table: null, next: Math.max(i + 1, j) };
  for (let h = i; h < j; h++) skip.add(lines[h].line);
  const n = names.length;
  const rows: PlainRow[] = [];
  let row: Cell[] = [];
  const flush = () => {
    if (row.length > 1) rows.push({ cells: null, raw: row });
    row = [];
  };
  // a row of a task table holds at most a cell per column and one wrapped cell; rows of indicator
  // tables may hold more (an indicator's parts each with their own cells)
  const maxCells = schema.indicator >= 0 ? Infinity : n + 1;
  let k = j;
  if (schema.serial >= 0) {
    let lastSerial = 0;
    let open = false;
    for (; k < lines.length; k++) {
      const t = lines[k].text;
      if (TABLE_BREAK.test(t) || (t.length > 300 && row.length === 0)) break;
      if (isColumnName(t) && k + 2 < lines.length && isColumnName(lines[k + 1].text) && isColumnName(lines[k + 2].text)) break;
      const serial = serialOf(t);
      // rows number on from the last; the first row may start anywhere (an excerpt of a longer table)
      const inSequence = serial > lastSerial && (serial <= lastSerial + 3 || (lastSerial === 0 && k === j));
      if (!Number.isNaN(serial) && inSequence && k + 1 < lines.length && !/^\d/.test(lines[k + 1].text)) {
        flush();
        lastSerial = serial;
        open = true;
      } else if (isGroupRow(t) && lastSerial > 0) {
        // a group row stands between rows only when a row follows it; else the table has ended (`三、保障措施`)
        if (!rowFollows(lines, k, lastSerial)) break;
        flush();
        open = false;
      } else if (open && row.length >= maxCells) break;
      // a line after a full row of a task table is a wrapped cell's rest only where the table goes on after it
      // (or where it fits the last column: the table's last row with a wrapped cell)
      else if (open && row.length >= n && schema.indicator < 0 && !nextRowAt(lines, k + 1, lastSerial) && !fitsLastColumn(t, schema)) break;
      if (open) row.push({ text: t, start: lines[k].start });
      skip.add(lines[k].line);
    }
  } else {
    // no serial column: a row every n cells
    for (; k < lines.length; k++) {
      const t = lines[k].text;
      if (TABLE_BREAK.test(t)) break;
      if (row.length === 0) {
        // a row is n cells, none a group row or a paragraph; a group row stands before such a row
        const group = isGroupRow(t);
        if (!cellsFollow(lines, group ? k + 1 : k, n)) break;
        if (group) {
          skip.add(lines[k].line);
          continue;
        }
      }
      row.push({ text: t, start: lines[k].start });
      skip.add(lines[k].line);
      if (row.length === n) flush();
    }
    if (row.length > 0) {
      // an unfinished last row is not the table's: give its lines back
      k -= row.length;
      for (let b = k; b < k + row.length; b++) skip.delete(lines[b].line);
      row = [];
    }
  }
  flush();
  return { table: { layout: 'cellPerLine', header: names, schema, rows }, next: k };
}

// a 完成时限 cell: 2025年底, 2024年6月, 长期坚持, 每年, 全年
const DEADLINE_CELL = /^.{0,8}(\d{4}年|\d{1,2}月|长期|持续|每年|全年|年底|季度|常态)/;

/** Whether a line reads as a cell of the table's last column (a deadline, units, a short remark). */
function fitsLastColumn(t: string, schema: TableSchema): boolean {
  const kind = schema.columns[schema.columns.length - 1].kind;
  if (kind === 'deadline') return t.length <= 20 && DEADLINE_CELL.test(t);
  if (kind === 'lead' || kind === 'support' || kind === 'list') return looksLikeUnitCell(t);
  return kind === 'remark' && t.length <= 20 && !/[。::]$/.test(t);
}

/** Whether lines k … k+n-1 can be a row's cells: none a group row, a paragraph (`……。`) or long prose. */
function cellsFollow(lines: PlainLine[], k: number, n: number): boolean {
  if (k + n > lines.length) return false;
  for (let d = 0; d < n; d++) {
    const t = lines[k + d].text;
    if (t.length > 120 || isGroupRow(t) || TABLE_BREAK.test(t) || (t.length > 30 && /。$/.test(t))) return false;
  }
  return true;
}

/** Whether the next row starts at line k: its serial, or a group row before it. */
function nextRowAt(lines: PlainLine[], k: number, lastSerial: number): boolean {
  if (k >= lines.length) return false;
  const t = lines[k].text;
  const s = serialOf(t);
  if (!Number.isNaN(s)) return s > lastSerial && s <= lastSerial + 3;
  return isGroupRow(t) && rowFollows(lines, k, lastSerial);
}

/** Whether the next row (a serial after lastSerial) starts within a few short lines (the group's name) after a group row at k. */
function rowFollows(lines: PlainLine[], k: number, lastSerial: number): boolean {
  for (let d = 1; d <= 4 && k + d < lines.length; d++) {
    const t = lines[k + d].text;
    const s = serialOf(t);
    if (!Number.isNaN(s)) return s > lastSerial && s <= lastSerial + 3;
    if (t.length > 30) return false;
  }
  return false;
}

/** A line that could start, end or extend a plain-text table: an edit of it is read with the whole plan (incremental.ts). */
export function mayShapePlainTable(line: string): boolean {
  const t = line.trim();
  return isColumnName(t) || isColumnFragment(t) || SERIAL.test(t) || TABLE_BREAK.test(t) || isGroupRow(t) || separatorOf(line) !== null;
}
