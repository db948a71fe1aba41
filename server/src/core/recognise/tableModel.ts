import type { IndicatorTarget, ResponsibilityClause, DepartmentTag, IndicatorMention, IndicatorTag, SyntaxProblem, Task } from '../model/types';
import type { LineIndex } from '../text/lineIndex';
import type { ClauseMatch } from './responsibilityClause';
import { labelsOf } from './responsibilityClause';
import { alternation } from './targetVocabulary';
import { mergeUnitsOf } from './units';

/** What the table readers (taskTable.ts, flatTable.ts, indicatorTable.ts) share: cells, the result, column names, builders. */

export interface Cell {
  text: string;
  start: number;
  /** the pieces of a cell that wrapped over lines (text is theirs joined; each piece is the original's from its start) */
  parts?: Cell[];
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

export const TITLE_COLUMNS = [/^任务名称$/, /^工作任务$/, /^(主要|重点)?任务$/, /^具体任务$/, /^(重点)?工作内容$/, /^指标名称$/, /^指标$/, /重点任务$/];
// responsibility columns are headed by the clause labels of their role (data/vocab/clauseVerbs.yaml
// `labels`): 责任单位 lists units (the first leads), 牵头单位 leads, 配合单位/参与单位/协办单位 support
const roleColumn = (role: 'list' | 'lead' | 'support') => new RegExp(`^(${alternation(labelsOf(role))})$`);
export const UNIT_COLUMN = roleColumn('list');
export const LEAD_COLUMN = roleColumn('lead');
export const SUPPORT_COLUMN = roleColumn('support');
export const SERIAL_COLUMN = /^(序号|编号)$/;
export const INDICATOR_COLUMN = /^(指标名称|指标)$/;
export const VALUE_COLUMN = /(目标值|指标值|目标|标准值)/;
export const UNIT_OF_MEASURE_COLUMN = /^(单位|计量单位)$/;
const OTHER_HEADER = /^(序号|编号|领域|任务|任务名称|工作任务|重点任务|主要任务|具体任务|工作内容|\d{4}年重点任务|指标名称|指标|单位|计量单位|指标值|目标值|现状值|指标属性|属性|完成时限|时限|完成时间|备注|类别)$/;
/** A column name of a table pasted one cell per line. */
export const HEADER_WORD = { test: (t: string) => OTHER_HEADER.test(t) || UNIT_COLUMN.test(t) || LEAD_COLUMN.test(t) || SUPPORT_COLUMN.test(t) };
export const ATTRIBUTE = /^(约束性|参考性)$/;

export function findColumn(columns: string[], patterns: RegExp[] | RegExp): number {
  const list = Array.isArray(patterns) ? patterns : [patterns];
  for (const p of list) {
    const i = columns.findIndex((c) => p.test(c));
    if (i >= 0) return i;
  }
  return -1;
}

export function toClause(m: Omit<ClauseMatch, 'start' | 'end'>, cell: Cell, index: LineIndex): ResponsibilityClause {
  const original = index.text;
  return {
    form: 'table-cell',
    text: original.slice(cell.start, cell.start + cell.text.length),
    range: index.range(cell.start, cell.start + cell.text.length),
    units: m.units.map((u) => ({ name: original.slice(u.start, u.end), role: u.role, tagged: u.tagged, range: index.range(u.start, u.end) })),
    vague: m.vague.map((v) => ({ text: original.slice(v.start, v.end), range: index.range(v.start, v.end) })),
  };
}

/** Adds a target found in a table row: to the plan's targets and to the row's. */
export function addTarget(out: TableRead, rowTargets: number[], target: IndicatorTarget): number {
  const i = out.targets.push(target) - 1;
  rowTargets.push(i);
  return i;
}

/** The one builder of a table task: a row with its title cell (or serial cell) range, clauses and targets. */
export function addTableTask(out: TableRead, index: LineIndex, row: { title: string; start: number; end: number; fullStart: number; fullEnd: number; clauses: ResponsibilityClause[]; serial: string; targets: number[] }) {
  for (const c of row.clauses) out.clauses.push(c);
  const units = mergeUnitsOf(row.clauses);
  const vague = row.clauses.flatMap((c) => c.vague);
  out.tasks.push({
    task: {
      title: row.title,
      range: index.range(row.start, row.end),
      fullRange: index.range(row.fullStart, row.fullEnd),
      source: 'table',
      clauses: row.clauses,
      units,
      vague,
      noUnit: units.length === 0 && vague.length === 0,
    },
    serial: row.serial,
    line: index.position(row.start).line,
    targets: row.targets,
  });
}
