import { CITY_SIZE_GROUPS, CITY_SIZES, TERRAINS } from '../catalogue/scopes';
import { alternateMeasure, directionOf } from '../catalogue/thresholds';
import type { IndicatorNameIndex } from '../catalogue/nameIndex';
import type { IndicatorTarget, ResponsibilityClause } from '../model/types';
import type { LineIndex } from '../text/lineIndex';
import { parseClauseBody } from './responsibilityClause';
import { ATTRIBUTE, toClause, type Cell } from './tableModel';
import { buildTarget } from './targetBuilder';
import { readTargetExpression, type TargetExpression } from './targetExpression';

/** Indicator tables: a name cell with its value (and unit) cells, in GFM or pasted one cell per line. */

/** `≥95`, `100`, `≤410`, or a requirement in words, in a table's value cell. */
export function readCellValue(text: string, dir: 'higher' | 'lower' | null): TargetExpression | null {
  const t = text.trim();
  if (t.length === 0 || t === '-' || t === '—' || t === '/') return null;
  const bare = /^(\d{1,9}(?:\.\d{1,6})?)\s*(%|%)?$/.exec(t);
  if (bare) return { op: dir === 'lower' ? '<=' : '>=', value: Number(bare[1]), upper: null, unit: bare[2] ? '%' : null, year: null, text: null, length: t.length };
  const expr = readTargetExpression(t, 0, dir);
  if (expr && expr.op !== 'qualitative') return expr;
  if (/^[0-9≥≤<>=]/.test(t)) return expr; // a number with trailing words we cannot read: keep only what was read
  return { op: 'qualitative', value: null, upper: null, unit: null, year: null, text: t, length: t.length };
}

export function cellTarget(nameCell: Cell, valueCell: Cell, measureCell: Cell | null, index: LineIndex, names: IndicatorNameIndex, shared: TargetExpression | null = null, qualifier: string | null = null, year: number | null = null): IndicatorTarget | null {
  const written = nameCell.text.replace(/\*\*/g, '').trim();
  if (written.length === 0) return null;
  const entry = resolveCellName(written, names);
  const measure = measureCell ? measureCell.text.trim().replace(/\s+/g, '').replace('%', '%') : '';
  // a bare number takes its operator from the indicator's direction — in the measure its 单位 cell
  // names (PM2.5 in 微克/立方米 is lower-is-better, as a decline in % higher-is-better)
  const dir = entry ? (alternateMeasure(entry.indicator, measure || null)?.direction ?? directionOf(entry.indicator)) : null;
  const expr = shared ?? readCellValue(valueCell.text, dir);
  if (!expr) return null;
  const nameStart = nameCell.start + nameCell.text.indexOf(written);
  const valueText = valueCell.text.trim();
  const valueStart = valueCell.start + valueCell.text.indexOf(valueText);
  return buildTarget(
    {
      entry,
      written,
      expr,
      surfaceStart: valueStart,
      surfaceEnd: valueStart + valueText.length,
      nameStart,
      tagged: false,
      year,
      primaryId: names.primary.id,
      qualifier,
      unit: measure !== '' && measure !== '-' && measure !== '—' ? measure : null,
    },
    index,
  );
}

/**
 * What looksLikeUnitCell said of each cell text lately (it depends on the text alone): a row's
 * cells are asked about several times (the role columns, the unit column, the wrapped cell).
 */
const unitCells = new Map<string, boolean>();
const UNIT_CELLS_KEPT = 1024;

export function looksLikeUnitCell(text: string): boolean {
  let known = unitCells.get(text);
  if (known === undefined) {
    const m = parseClauseBody(text, 0, true);
    known = !!m && (m.units.length > 0 || m.vague.length > 0) && !/[。;;]/.test(text);
    if (unitCells.size >= UNIT_CELLS_KEPT) unitCells.clear();
    unitCells.set(text, known);
  }
  return known;
}

// the terrains and city sizes thresholds are given for, longest first (`超、特大城市` before `特大城市` before `大城市`)
const SCOPE_LABEL = new RegExp(
  `^(${[...TERRAINS, '其他地区', ...CITY_SIZES, ...Object.keys(CITY_SIZE_GROUPS)].sort((a, b) => b.length - a.length).join('|')})[::]?\\s*`,
);
const MEASURE_WORD = /^(%|‰|公里|千米|公顷|亩|个|天|人|家|座|处|条|年|万元|亿元|平方米|平方米\/人|吨\/万元)$/;
// a value cell: a number or comparison, or words of requirement (indicator names have none of these)
const VALUE_CELL = /^([-—–]$|[≥≤<>=≧≦\d])|不|完成|实施|建立|开展|逐年|逐步|保持|持续|稳定|达到|高于|低于|遵守|平均/;

function isMeasureCell(t: string): boolean {
  const c = t.replace(/\s+/g, '');
  if (c === '-' || c === '—' || c === '/') return true;
  if (c.length > 12 || /\d{2,}/.test(c)) return false;
  return MEASURE_WORD.test(c) || /[/%]/.test(c) || /^(μg|ug|mg)/.test(c);
}

/** A name cell, also when it carries an applicability note the catalogue does not (`…比例(沿海地区)`). */
export function resolveCellName(text: string, names: IndicatorNameIndex) {
  const t = text.replace(/\*\*/g, '').trim();
  return names.resolve(t) ?? names.resolve(t.replace(/[((][^()()]{1,10}[))]$/, '')) ?? names.resolve(t.replace(/\/[\u4e00-\u9fff]{1,2}$/, ''));
}

/**
 * One row of an indicator table pasted one cell per line. A row may hold several indicators
 * (a parent and its parts, each with its own 单位/指标值/责任单位 cells), several values of one
 * indicator (one per terrain or city size), and a value cell merged across parts
 * (环境空气质量: 优良天数比例 and PM2.5浓度 share `完成上级下达的年度目标`).
 */
export function walkIndicatorRow(cells: Cell[], unitIdx: number, index: LineIndex, names: IndicatorNameIndex): { targets: IndicatorTarget[]; clauses: ResponsibilityClause[] } {
  const targets: IndicatorTarget[] = [];
  const clauses: ResponsibilityClause[] = [];
  let name: Cell | null = null;
  let measure: Cell | null = null;
  let scope: string | null = null;
  let nameHasValue = false;
  let lastValue: { cell: Cell; expr: TargetExpression } | null = null;
  const closeName = () => {
    // a part with its own unit cell but no value shares the merged value cell of the part before it
    if (name && !nameHasValue && measure && lastValue && lastValue.expr.op === 'qualitative' && resolveCellName(name.text, names)) {
      const made = cellTarget(name, lastValue.cell, measure, index, names, lastValue.expr, null);
      if (made) targets.push(made);
    }
  };
  for (let k = 1; k < cells.length; k++) {
    const cell = cells[k];
    const t = cell.text.trim();
    if (ATTRIBUTE.test(t) || /^[((][一二三四五六七八九十]{1,3}[))]$/.test(t)) continue;
    if (k === unitIdx || (k > 1 && looksLikeUnitCell(t) && !resolveCellName(t, names))) {
      const m = parseClauseBody(cell.text, cell.start, true);
      if (m) clauses.push(toClause(m, cell, index));
      continue;
    }
    if (name && isMeasureCell(t)) {
      measure = cell;
      continue;
    }
    const label = SCOPE_LABEL.exec(t);
    if (name && label && label[0].length === t.length) {
      scope = label[1];
      continue;
    }
    if (name && !resolveCellName(t, names) && (VALUE_CELL.test(t) || (label && VALUE_CELL.test(t.slice(label[0].length))))) {
      const qualifier = label ? label[1] : scope;
      const valueCell = label ? { text: cell.text.slice(cell.text.indexOf(t) + label[0].length), start: cell.start + cell.text.indexOf(t) + label[0].length } : cell;
      const made = cellTarget(name, valueCell, measure, index, names, null, qualifier);
      if (made) {
        targets.push(made);
        nameHasValue = true;
        lastValue = { cell: valueCell, expr: made.op === 'qualitative' ? { op: 'qualitative', value: null, upper: null, unit: null, year: null, text: made.text ?? made.surface, length: 0 } : { op: made.op, value: made.value, upper: null, unit: made.unit, year: null, text: null, length: 0 } };
      }
      scope = null;
      continue;
    }
    // anything else names an indicator: the row's own, a part, or a local one
    closeName();
    name = cell;
    measure = null;
    scope = null;
    nameHasValue = false;
  }
  closeName();
  return { targets, clauses };
}
