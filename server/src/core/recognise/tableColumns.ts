import tableColumnsData from '../../../../data/vocab/tableColumns.yaml';
import { labelsOf } from './responsibilityClause';

/**
 * What a table's header says about its columns (data/vocab/tableColumns.yaml): the kind of each
 * column, and from the kinds the table's schema — which column is the task's title, which hold
 * units and in what role, which holds the target value and which only the baseline.
 */

export type ColumnKind = 'serial' | 'group' | 'title' | 'detail' | 'lead' | 'support' | 'list' | 'deadline' | 'attribute' | 'remark' | 'indicator' | 'measure' | 'goal' | 'baseline';

interface TableColumnsVocab {
  columns: Record<Exclude<ColumnKind, 'goal' | 'baseline'>, string[]>;
  values: { goal: string[]; baseline: string[] };
  levels: string[];
}

const V = tableColumnsData as TableColumnsVocab;
const kindOf = new Map<string, ColumnKind>();
for (const [kind, words] of Object.entries(V.columns) as [ColumnKind, string[]][]) for (const w of words) kindOf.set(w, kind);
// a clause label of a role (data/vocab/clauseVerbs.yaml: 牵头单位:, 协办单位:) heads a column of that role too
// (the bare verbs 牵头, 配合 do not: `牵头` / `单位` is a header split over two lines)
for (const role of ['lead', 'support', 'list'] as const) for (const w of labelsOf(role)) if (w.length >= 4 && !kindOf.has(w)) kindOf.set(w, role);
const valueKindOf = new Map<string, 'goal' | 'baseline'>();
for (const w of V.values.goal) valueKindOf.set(w, 'goal');
for (const w of V.values.baseline) valueKindOf.set(w, 'baseline');
const LEVELS = new Set(V.levels);
const VALUE_WORDS = [...valueKindOf.keys()].sort((a, b) => b.length - a.length);
/** The last characters of the value words: a name ending otherwise ends with none of them. */
const VALUE_WORD_ENDS = new Set(VALUE_WORDS.map((w) => w.charCodeAt(w.length - 1)));
// `2025年`, `2025年底`, `2025年度`: the year a value column is for
const YEAR_PREFIX = /^((?:19|20)\d{2})年(?:底|末|度)?/;

export interface Column {
  kind: ColumnKind;
  /** the year a value column is for (`2025年`, `2025年目标值`), else null */
  year: number | null;
}

/** A header cell as compared: width-folded by the caller, spaces and Markdown emphasis removed. */
export function columnKey(text: string): string {
  return text.replace(/[\s*]/g, '');
}

const MAX_KEY = 12 + 10;
const UNIT_SUFFIX = /[((][^()()]{1,8}[))]$/;
/** Characters of `\s` and `*` (what columnKey removes). */
const isKeySpace = (c: number) => c === 42 || (c >= 9 && c <= 13) || c === 32 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
const KEY_SPACED = 1;
/** Without building columnKey(text): -1 when it is longer than `max`, KEY_SPACED when it differs from the text, else 0. */
function keyShape(text: string, max: number): number {
  let n = 0;
  let spaced = 0;
  for (let i = 0; i < text.length; i++) {
    if (isKeySpace(text.charCodeAt(i))) spaced = KEY_SPACED;
    else if (++n > max) return -1;
  }
  return spaced;
}

/** The kind of a column from its header cell, or null when the cell is no column name. */
export function readColumn(text: string): Column | null {
  // a name is at most 12 characters and a bracketed unit of 10: a longer line (most of a plan) is none
  const keyed = keyShape(text, MAX_KEY);
  if (keyed < 0) return null;
  const key = keyed === KEY_SPACED ? columnKey(text) : text;
  // a unit of measure in brackets after the name (`目标值(%)`) leaves its kind as it is
  const close = key.charCodeAt(key.length - 1);
  const t = close === 0x29 || close === 0xff09 ? key.replace(UNIT_SUFFIX, '') : key;
  if (t.length === 0 || t.length > 12) return null;
  const kind = kindOf.get(t);
  if (kind) return { kind, year: null };
  const y = YEAR_PREFIX.exec(t);
  let rest = y ? t.slice(y[0].length) : t;
  const year = y ? Number(y[1]) : null;
  if (rest.length === 0) return year !== null ? { kind: 'goal', year } : null;
  const named = kindOf.get(rest);
  // `2023年重点任务`
  if (named && year !== null) return { kind: named, year };
  for (const level of LEVELS) if (rest.startsWith(level) && valueKindOf.has(rest.slice(level.length))) rest = rest.slice(level.length);
  const valueKind = valueKindOf.get(rest);
  if (valueKind) return { kind: valueKind, year };
  // a value word after a qualifier of a few characters (`规划目标值`, `考核目标值`)
  if (VALUE_WORD_ENDS.has(rest.charCodeAt(rest.length - 1))) for (const w of VALUE_WORDS) if (rest.length - w.length <= 3 && rest.endsWith(w)) return { kind: valueKindOf.get(w)!, year };
  return null;
}

/** What isColumnName said of each text lately (it depends on the text alone). */
const columnNames = new Map<string, boolean>();
const COLUMN_NAMES_KEPT = 4096;

export function isColumnName(text: string): boolean {
  // (asked of a line of a plain-text plan up to three times: as a header cell, a row's cell, the next header's)
  let known = columnNames.get(text);
  if (known === undefined) {
    known = readColumn(text) !== null;
    if (columnNames.size >= COLUMN_NAMES_KEPT) columnNames.clear();
    columnNames.set(text, known);
  }
  return known;
}

const ALL_WORDS = [...kindOf.keys(), ...valueKindOf.keys()];
/** Half of a column name split over two lines (`牵头` of 牵头单位, `时限` of 完成时限). */
export function isColumnFragment(text: string): boolean {
  const t = columnKey(text);
  return t.length > 0 && t.length <= 6 && ALL_WORDS.some((w) => w !== t && (w.startsWith(t) || w.endsWith(t)));
}

export interface TableSchema {
  columns: Column[];
  serial: number;
  title: number;
  detail: number;
  lead: number[];
  support: number[];
  list: number[];
  indicator: number;
  measure: number;
  /** the target's column: the 目标值 column, else the latest year's; never a baseline */
  goal: number;
  deadline: number;
  attribute: number;
  group: number;
  /** a task table gives a task per row: it has a title (or 具体措施) column and a column of units */
  tasks: boolean;
  /** an indicator table gives a target per row */
  indicators: boolean;
}

/**
 * The schema of a header, or null when the header is no task or indicator table's. Several year
 * columns (2020年/2023年/2025年) are read as the latest being the goal, the others baselines; an
 * explicit 目标值 column is the goal whatever the years.
 */
export function readSchema(header: string[]): TableSchema {
  const columns: Column[] = [];
  for (const h of header) {
    const c = readColumn(h);
    columns.push(c ?? { kind: 'remark', year: null });
  }
  const first = (kind: ColumnKind) => columns.findIndex((c) => c.kind === kind);
  const all = (kind: ColumnKind) => columns.flatMap((c, i) => (c.kind === kind ? [i] : []));
  const goals = all('goal');
  // 目标值 (no year, or with one) before bare year columns; among bare years the latest
  const named = goals.filter((i) => columnKey(header[i]).replace(YEAR_PREFIX, '').length > 0);
  const pool = named.length > 0 ? named : goals;
  let goal = -1;
  for (const i of pool) if (goal < 0 || (columns[i].year ?? 0) > (columns[goal].year ?? 0)) goal = i;
  for (const i of goals) if (i !== goal) columns[i] = { kind: 'baseline', year: columns[i].year };
  let title = first('title');
  const detail = first('detail');
  if (title < 0) title = detail;
  const lead = all('lead');
  const support = all('support');
  const list = all('list');
  const indicator = first('indicator');
  const schema: TableSchema = {
    columns,
    serial: first('serial'),
    title,
    detail,
    lead,
    support,
    list,
    indicator,
    measure: first('measure'),
    goal,
    deadline: first('deadline'),
    attribute: first('attribute'),
    group: first('group'),
    tasks: title >= 0 && indicator < 0 && lead.length + list.length > 0,
    indicators: indicator >= 0 && goal >= 0,
  };
  return schema;
}

/** A header a plain-text table may start with: three or more column names making a task or indicator table. */
export function plainTableSchema(header: string[]): TableSchema | null {
  if (header.length < 3 || !header.every(isColumnName)) return null;
  const s = readSchema(header);
  return s && (s.tasks || s.indicators || (s.indicator >= 0 && s.lead.length + s.list.length > 0)) ? s : null;
}
