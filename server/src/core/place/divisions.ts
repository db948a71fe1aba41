import divisionsData from '../../../../data/divisions/divisions.yaml';
import type { PlanLevel } from '../model/types';

/** The kinds of unit in data/divisions/divisions.yaml (derived by structure in convert.mjs). */
export type DivisionType =
  | '省' | '自治区' | '直辖市'
  | '设区市' | '地级市' | '地区' | '自治州' | '盟'
  | '市辖区' | '县级市' | '县' | '自治县' | '旗' | '自治旗' | '林区' | '特区';

export interface Division {
  /** GB/T 2260 code, six digits. */
  code: string;
  name: string;
  type: DivisionType;
  parent: Division | null;
  /** The name without its kind (余姚, 湘西 for 湘西土家族苗族自治州). */
  short: string;
}

/** The divisions, and every way a plan writes a unit's name (full name, 湘西州, 长阳县, 浙江) → the units. */
export interface Divisions {
  byCode: Map<string, Division>;
  byName: Map<string, Division[]>;
  /** The longest name in byName, in characters. */
  longest: number;
  asOf: string;
}

let loaded: Divisions | null = null;

/** Whether the division data has been parsed (it is parsed on the first plan that needs it, not at start-up). */
export function divisionsLoaded(): boolean {
  return loaded !== null;
}

/**
 * The national divisions, parsed from the inlined data on first use: a plan's head is read with
 * them, but a server or CLI that has not read a plan yet pays nothing for them.
 */
export function divisions(): Divisions {
  if (loaded) return loaded;
  const data = divisionsData as { units: string; asOf: string };
  const byCode = new Map<string, Division>();
  const byName = new Map<string, Division[]>();
  const parents: [Division, string][] = [];
  for (const row of data.units.split('\n')) {
    if (row === '') continue;
    const [code, name, type, parent, short] = row.split(' ');
    const d: Division = { code, name, type: type as DivisionType, parent: null, short };
    byCode.set(code, d);
    if (parent !== '-') parents.push([d, parent]);
  }
  for (const [d, parent] of parents) d.parent = byCode.get(parent) ?? null;
  let longest = 0;
  const add = (alias: string, d: Division) => {
    if (alias.length < 2) return;
    const list = byName.get(alias);
    if (!list) byName.set(alias, [d]);
    else if (!list.includes(d)) list.push(d);
    longest = Math.max(longest, alias.length);
  };
  for (const d of byCode.values()) {
    add(d.name, d);
    for (const alias of shortForms(d)) add(alias, d);
  }
  loaded = { byCode, byName, longest, asOf: data.asOf };
  return loaded;
}

/**
 * How plans write a unit besides its full name: a province or autonomous region by its short name
 * (浙江, 内蒙古, 广西), an autonomous unit by its short name and the generic kind (湘西州,
 * 湘西自治州, 长阳县, 长阳自治县, 莫力达瓦旗). Short names of one character are never used alone.
 */
function shortForms(d: Division): string[] {
  if (d.short.length < 2) return [];
  switch (d.type) {
    case '省':
    case '自治区':
      return [d.short];
    case '自治州':
      return [d.short + '州', d.short + '自治州'];
    case '自治县':
      return [d.short + '县', d.short + '自治县'];
    case '自治旗':
      return [d.short + '旗', d.short + '自治旗'];
    default:
      return [];
  }
}

/**
 * The plan level of a unit by 《国家生态文明建设示范区管理规程》第三条: 市 is a 设区市, a 直辖市所辖区,
 * a 地区, a 自治州 or a 盟; 县 is a 设区市的区, a 县级市, a 县, a 旗, an 自治县, an 自治旗, a 林区 or a
 * 特区. A 直辖市 itself is checked as 市; a province has no plan level (null).
 */
export function divisionLevel(d: Division): PlanLevel | null {
  switch (d.type) {
    case '省':
    case '自治区':
      return null;
    case '直辖市':
    case '设区市':
    case '地级市':
    case '地区':
    case '自治州':
    case '盟':
      return '市';
    case '市辖区':
      return d.parent?.type === '直辖市' ? '市' : '县';
    default:
      return '县';
  }
}

/** The unit's ancestors, nearest first. */
export function ancestors(d: Division): Division[] {
  const out: Division[] = [];
  for (let p = d.parent; p; p = p.parent) out.push(p);
  return out;
}

/** The province (or 直辖市) and the prefecture a unit belongs to, or is. */
export function provinceOf(d: Division): Division {
  let p = d;
  while (p.parent) p = p.parent;
  return p;
}
const PREFECTURE_TYPES: ReadonlySet<DivisionType> = new Set(['设区市', '地级市', '地区', '自治州', '盟']);
/** The prefecture-level unit a unit is or belongs to; null for a province and for a unit directly under one (蓟州区, 仙桃市). */
export function prefectureOf(d: Division): Division | null {
  if (PREFECTURE_TYPES.has(d.type)) return d;
  return d.parent && PREFECTURE_TYPES.has(d.parent.type) ? d.parent : null;
}
