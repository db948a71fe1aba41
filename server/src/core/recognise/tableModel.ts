import type { IndicatorTarget, ResponsibilityClause, DepartmentTag, IndicatorMention, IndicatorTag, SyntaxProblem, Task } from '../model/types';
import type { LineIndex } from '../text/lineIndex';
import type { ClauseMatch } from './responsibilityClause';
import { mergeUnitsOf } from './units';

/** What the table readers (tableRow.ts, flatTable.ts, indicatorTable.ts) share: cells, the result, builders. Column names: tableColumns.ts. */

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

export const ATTRIBUTE = /^(约束性|参考性)$/;

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
