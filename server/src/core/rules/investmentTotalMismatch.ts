import { delimitedTables } from '../recognise/delimitedTable';
import { REVIEW_PARTS } from '../review/planParts';
import { foldWidth } from '../text/fold';
import type { Rule } from './rule';

// the row that states the table's total, in a cell before the money (`合计`, `总 计`, `总投资`)
const TOTAL = /^(?:合计|总计|共计|总投资|投资合计)$/;
const SUBTOTAL = /^小计$/;
const AMOUNT = /^(?:约)?(\d{1,12}(?:\.\d{1,6})?)(?:万元|亿元|元)?$/;
// the unit a money column's header gives: 总投资(万元)
const HEADER_UNIT = /[((]([^()()]{1,6})[))]/;

const amountOf = (cell: string): { value: number; decimals: number } | null | undefined => {
  const t = foldWidth(cell).replace(/[\s,,]/g, '');
  if (t === '' || /^[-—–/]+$/.test(t)) return undefined;
  const m = AMOUNT.exec(t);
  return m ? { value: Number(m[1]), decimals: m[1].split('.')[1]?.length ?? 0 } : null;
};

const format = (n: number, decimals: number) => n.toFixed(decimals);

/**
 * A 重点工程 or investment table whose 合计 row is not the sum of its rows: the figure a reviewer
 * adds up first (水保 rule engines call it sum_check). Tables are read from the text as written
 * (Markdown `|` rows, tab-separated rows: recognise/delimitedTable.ts), the money column by its
 * header (data/vocab/reviewParts.yaml projectColumns.investment). When a table has 小计 rows, the
 * rows they sum are the items. A table with a money cell that is not a number is left alone:
 * nothing is guessed.
 */
export const investmentTotalMismatch: Rule = {
  code: 'investment-total-mismatch',
  defaultSeverity: 'warning',
  description: { zh: '投资合计与分项之和不符', en: 'Investment total differs from the sum of its rows' },
  check({ model }, report) {
    if (!model.text.includes('计') && !model.text.includes('总投资')) return;
    for (const table of delimitedTables(model.text)) {
      const col = table.header.cells.findIndex((c) => REVIEW_PARTS.projectColumns.investment.some((w) => c.text.includes(w)));
      if (col < 0) continue;
      const totalAt = table.rows.findIndex((r) => r.cells.slice(0, col).some((c) => TOTAL.test(c.text.replace(/\s/g, ''))));
      if (totalAt < 1) continue;
      const totalRow = table.rows[totalAt];
      const totalCell = totalRow.cells[col];
      const total = totalCell ? amountOf(totalCell.text) : null;
      if (!total) continue;
      const items = table.rows.slice(0, totalAt).filter((r) => !r.cells.slice(0, col).some((c) => SUBTOTAL.test(c.text.replace(/\s/g, ''))));
      let sum = 0;
      let decimals = total.decimals;
      let counted = 0;
      let readable = true;
      for (const r of items) {
        const a = r.cells[col] ? amountOf(r.cells[col].text) : undefined;
        if (a === null) readable = false;
        if (!a) continue;
        sum += a.value;
        decimals = Math.max(decimals, a.decimals);
        counted++;
      }
      if (!readable || counted < 2) continue;
      // half the last written decimal: 1.2 + 3.4 read in binary is not exactly 4.6
      if (Math.abs(sum - total.value) <= 0.5 * 10 ** -decimals) continue;
      const unit = HEADER_UNIT.exec(table.header.cells[col].text)?.[1] ?? '';
      const first = items[0].line + 1;
      const last = items[items.length - 1].line + 1;
      const diff = format(Math.abs(sum - total.value), decimals);
      const line = totalRow.line;
      const lineStart = model.text.lastIndexOf('\n', totalCell.start - 1) + 1;
      const character = totalCell.start - lineStart;
      report({
        range: { start: { line, character }, end: { line, character: character + totalCell.text.length } },
        message: {
          zh: `投资合计 ${totalCell.text}${unit} 与第 ${first}—${last} 行 ${counted} 项之和 ${format(sum, decimals)}${unit} 不符,相差 ${diff}${unit}`,
          en: `The investment total ${totalCell.text}${unit ? ` ${unit}` : ''} differs from the sum of its ${counted} rows (lines ${first}–${last}), ${format(sum, decimals)}${unit ? ` ${unit}` : ''}, by ${diff}`,
        },
        data: { total: total.value, sum: Number(format(sum, decimals)), rows: counted },
      });
    }
  },
};
