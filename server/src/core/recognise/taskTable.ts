import type { Table } from 'mdast';
import type { IndicatorNameIndex } from '../catalogue/nameIndex';
import type { LineIndex } from '../text/lineIndex';
import { readSchema } from './tableColumns';
import type { Cell, TableRead } from './tableModel';
import { readTableRow } from './tableRow';

/** GFM tables: the header's schema (tableColumns.ts), then every row by position (tableRow.ts). */

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
  const schema = readSchema(head.children.map((c) => cellOf(work, c).text.replace(/\*\*/g, '').trim()));
  rows.forEach((row, r) => {
    readTableRow(
      row.children.map((c) => cellOf(work, c)),
      schema,
      { fallbackSerial: String(r + 1), rangeAt: 'title' },
      index,
      names,
      out,
    );
  });
}
