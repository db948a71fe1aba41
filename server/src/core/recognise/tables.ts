import { CITY_SIZE_GROUPS, CITY_SIZES, TERRAINS } from '../settings';
import type { Table } from 'mdast';
import type { IndicatorNameIndex } from '../catalogue/nameIndex';
import type { DepartmentTag, IndicatorMention, IndicatorTag, IndicatorTarget, ResponsibilityClause, SyntaxProblem, Task } from '../model/types';
import type { LineIndex } from '../text/lineIndex';
import { parseClauseBody, type ClauseMatch } from './responsibilityClause';
import { findProseTargets, targetFromTag } from './indicatorTarget';
import { scanTags } from './tags';
import { buildTarget } from './targetBuilder';
import { readTargetExpression, type TargetExpression } from './targetExpression';
import { mergeUnitsOf } from './units';

/**
 * Task and indicator tables: GFM tables in Markdown, and the same tables pasted from a web page
 * or Word as one cell per line (舟山's 附件1/附件2 look like that). A table whose header has a
 * task or indicator column and a responsibility column gives one task per row.
 */

export interface Cell {
  text: string;
  start: number;
}

export interface TableTask {
  task: Omit<Task, 'path' | 'targets'>;
  serial: string;
  line: number;
  targets: number[];
}

export interface TableRead {
  tasks: TableTask[];
  targets: IndicatorTarget[];
  clauses: ResponsibilityClause[];
  problems: SyntaxProblem[];
  indicatorTags: IndicatorTag[];
  departmentTags: DepartmentTag[];
  mentions: IndicatorMention[];
  skipLines: Set<number>;
}

const TITLE_COLUMNS = [/^任务名称$/, /^工作任务$/, /^(主要|重点)?任务$/, /^具体任务$/, /^(重点)?工作内容$/, /^指标名称$/, /^指标$/, /重点任务$/];
const UNIT_COLUMN = /^(责任单位|责任部门|责任主体)$/;
const LEAD_COLUMN = /^(牵头单位|牵头部门)$/;
const SUPPORT_COLUMN = /^(配合单位|配合部门|协办单位|参与单位)$/;
const SERIAL_COLUMN = /^(序号|编号)$/;
const INDICATOR_COLUMN = /^(指标名称|指标)$/;
const VALUE_COLUMN = /(目标值|指标值|目标|标准值)/;
const UNIT_OF_MEASURE_COLUMN = /^(单位|计量单位)$/;
const HEADER_WORD = /^(序号|编号|领域|任务|任务名称|工作任务|重点任务|主要任务|具体任务|工作内容|\d{4}年重点任务|指标名称|指标|单位|计量单位|指标值|目标值|现状值|指标属性|属性|责任单位|责任部门|牵头单位|配合单位|完成时限|时限|完成时间|备注|类别)$/;
const ATTRIBUTE = /^(约束性|参考性)$/;

function findColumn(columns: string[], patterns: RegExp[] | RegExp): number {
  const list = Array.isArray(patterns) ? patterns : [patterns];
  for (const p of list) {
    const i = columns.findIndex((c) => p.test(c));
    if (i >= 0) return i;
  }
  return -1;
}

export function readTableTasks(work: string, index: LineIndex, gfm: Table[], names: IndicatorNameIndex, markdown: boolean): TableRead {
  const out: TableRead = { tasks: [], targets: [], clauses: [], problems: [], indicatorTags: [], departmentTags: [], mentions: [], skipLines: new Set() };
  for (const table of gfm) readGfmTable(table, work, index, names, out);
  readFlattenedTables(work, index, names, out, markdown);
  return out;
}

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

function readGfmTable(table: Table, work: string, index: LineIndex, names: IndicatorNameIndex, out: TableRead) {
  const pos = table.position;
  if (!pos) return;
  for (let l = pos.start.line - 1; l <= pos.end.line - 1; l++) out.skipLines.add(l);
  const [head, ...rows] = table.children;
  if (!head) return;
  const columns = head.children.map((c) => cellOf(work, c).text.replace(/\*\*/g, '').trim());
  const titleCol = findColumn(columns, TITLE_COLUMNS);
  const unitCol = findColumn(columns, UNIT_COLUMN);
  const leadCol = findColumn(columns, LEAD_COLUMN);
  const supportCol = findColumn(columns, SUPPORT_COLUMN);
  const isTaskTable = titleCol >= 0 && (unitCol >= 0 || leadCol >= 0);
  const layout = {
    serial: findColumn(columns, SERIAL_COLUMN),
    title: titleCol,
    unit: unitCol,
    lead: leadCol,
    support: supportCol,
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
  support: number;
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
      if (made) rowTargets.push((ti = out.targets.push(made) - 1));
      out.indicatorTags.push({ name: t.name, range: index.range(t.start, t.end), nameRange: index.range(t.nameStart, t.nameStart + t.name.length), target: ti });
    }
    const spans = tags.indicators.map((t) => [t.start - cell.start, t.end - cell.start] as [number, number]);
    for (const made of findProseTargets(cell.text, cell.start, index.text, index, names, spans, out.mentions)) rowTargets.push(out.targets.push(made) - 1);
  }

  // An indicator table row: the indicator cell and its target value
  // (in a task table whose title cell is an indicator's name, `生态文明建设规划 | 制定实施`, the title is the indicator)
  const indicatorCell = titleNamesIndicator ? at(layout.title) : at(layout.indicator);
  const valueCell = at(layout.value);
  if (indicatorCell && valueCell) {
    const made = cellTarget(indicatorCell, valueCell, at(layout.measure), index, names);
    if (made) rowTargets.push(out.targets.push(made) - 1);
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
  addClause(at(layout.support), 'support');
  for (const c of clauses) out.clauses.push(c);
  const units = mergeUnitsOf(clauses);
  const vague = clauses.flatMap((c) => c.vague);
  const serialCell = at(layout.serial);
  const serial = serialCell && /^\d{1,4}$/.test(serialCell.text.trim()) ? serialCell.text.trim() : fallbackSerial;
  const first = cells[0];
  const last = cells[cells.length - 1];
  out.tasks.push({
    task: {
      title: titleCell.text.replace(/\*\*/g, '').trim(),
      range: index.range(titleCell.start, titleCell.start + titleCell.text.length),
      fullRange: index.range(first.start, last.start + last.text.length),
      source: 'table',
      clauses,
      units,
      vague,
      noUnit: units.length === 0 && vague.length === 0,
    },
    serial,
    line: index.position(titleCell.start).line,
    targets: rowTargets,
  });
}

function toClause(m: Omit<ClauseMatch, 'start' | 'end'>, cell: Cell, index: LineIndex): ResponsibilityClause {
  const original = index.text;
  return {
    form: 'table-cell',
    text: original.slice(cell.start, cell.start + cell.text.length),
    range: index.range(cell.start, cell.start + cell.text.length),
    units: m.units.map((u) => ({ name: original.slice(u.start, u.end), role: u.role, tagged: u.tagged, range: index.range(u.start, u.end) })),
    vague: m.vague.map((v) => ({ text: original.slice(v.start, v.end), range: index.range(v.start, v.end) })),
  };
}

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

function cellTarget(nameCell: Cell, valueCell: Cell, measureCell: Cell | null, index: LineIndex, names: IndicatorNameIndex, shared: TargetExpression | null = null, qualifier: string | null = null): IndicatorTarget | null {
  const written = nameCell.text.replace(/\*\*/g, '').trim();
  if (written.length === 0) return null;
  const entry = resolveCellName(written, names);
  const dir = entry ? (entry.indicator.direction ?? entry.indicator.parent?.direction ?? null) : null;
  const expr = shared ?? readCellValue(valueCell.text, dir);
  if (!expr) return null;
  const nameStart = nameCell.start + nameCell.text.indexOf(written);
  const measure = measureCell ? measureCell.text.trim().replace(/\s+/g, '').replace('%', '%') : '';
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
      year: null,
      primaryId: names.primary.id,
      qualifier,
      unit: measure !== '' && measure !== '-' && measure !== '—' ? measure : null,
    },
    index,
  );
}

/**
 * Tables flattened to one cell per line. The header is a run of short lines that are all column
 * names and include 序号 and a responsibility column; each row starts at the next serial number.
 * Merged cells (a domain written once for several rows) make rows ragged, so cells are found by
 * what they look like rather than by column position.
 */
function readFlattenedTables(work: string, index: LineIndex, names: IndicatorNameIndex, out: TableRead, markdown: boolean) {
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

function looksLikeUnitCell(text: string): boolean {
  const m = parseClauseBody(text, 0, true);
  return !!m && (m.units.length > 0 || m.vague.length > 0) && !/[。;;]/.test(text);
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
function resolveCellName(text: string, names: IndicatorNameIndex) {
  const t = text.replace(/\*\*/g, '').trim();
  return names.resolve(t) ?? names.resolve(t.replace(/[((][^()()]{1,10}[))]$/, '')) ?? names.resolve(t.replace(/\/[\u4e00-\u9fff]{1,2}$/, ''));
}

/**
 * One row of an indicator table pasted one cell per line. A row may hold several indicators
 * (a parent and its parts, each with its own 单位/指标值/责任单位 cells), several values of one
 * indicator (one per terrain or city size), and a value cell merged across parts
 * (环境空气质量: 优良天数比例 and PM2.5浓度 share `完成上级下达的年度目标`).
 */
function walkIndicatorRow(cells: Cell[], unitIdx: number, index: LineIndex, names: IndicatorNameIndex): { targets: IndicatorTarget[]; clauses: ResponsibilityClause[] } {
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
    for (const t of read.targets) rowTargets.push(out.targets.push(t) - 1);
    clauses.push(...read.clauses);
  } else {
    for (const cell of cells.slice(1)) {
      for (const made of findProseTargets(cell.text, cell.start, index.text, index, names, [], out.mentions)) rowTargets.push(out.targets.push(made) - 1);
    }
    if (unitIdx >= 0) {
      const m = parseClauseBody(cells[unitIdx].text, cells[unitIdx].start, true);
      if (m) clauses.push(toClause(m, cells[unitIdx], index));
    }
  }
  for (const c of clauses) out.clauses.push(c);
  const units = mergeUnitsOf(clauses);
  const vague = clauses.flatMap((c) => c.vague);
  const last = cells[cells.length - 1];
  out.tasks.push({
    task: {
      title: titleCell.text,
      range: index.range(cells[0].start, cells[0].start + cells[0].text.length),
      fullRange: index.range(cells[0].start, last.start + last.text.length),
      source: 'table',
      clauses,
      units,
      vague,
      noUnit: units.length === 0 && vague.length === 0,
    },
    serial,
    line: index.position(cells[0].start).line,
    targets: rowTargets,
  });
}
