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

/**
 * The data stays the one string it is inlined as (a line per unit: code, name, type, parent code,
 * short name): a plan's head asks which units' names start with the two characters where a place
 * may start, one search of the string each (kept), and only the units found (and their superiors)
 * become objects. Parsing every unit into maps on the first plan cost 10–25 ms on this machine
 * under load; reading a plan's place now costs 2–4 ms the first time, well under 1 ms after.
 */
let rows: string | null = null;
const byCode = new Map<string, Division | null>();
const byStart = new Map<string, Division[]>();

function data(): string {
  if (rows === null) {
    const units = (divisionsData as { units: string }).units;
    rows = '\n' + units + (units.endsWith('\n') ? '' : '\n');
  }
  return rows;
}

/** Whether the division data has been touched (it is, on the first plan that needs it, not at start-up). */
export function divisionsLoaded(): boolean {
  return rows !== null;
}

/** The unit on the line starting at `start` of the data (one object per unit, so units compare by identity). */
function unitAt(start: number): Division {
  const text = data();
  const code = text.slice(start, start + 6);
  const known = byCode.get(code);
  if (known) return known;
  const [, name, type, parent, short] = text.slice(start, text.indexOf('\n', start)).split(' ');
  const d: Division = { code, name, type: type as DivisionType, parent: null, short };
  byCode.set(code, d);
  if (parent !== '-') d.parent = divisionByCode(parent);
  return d;
}

/** The unit with a GB/T 2260 code, or null. */
export function divisionByCode(code: string): Division | null {
  if (!/^\d{6}$/.test(code)) return null;
  const known = byCode.get(code);
  if (known !== undefined) return known;
  const at = data().indexOf('\n' + code + ' ');
  if (at < 0) {
    byCode.set(code, null);
    return null;
  }
  return unitAt(at + 1);
}

/** Every unit (for tests and tools; a plan never needs them all). */
export function allDivisions(): Division[] {
  const text = data();
  const out: Division[] = [];
  for (let at = 1; at < text.length; at = text.indexOf('\n', at) + 1) out.push(unitAt(at));
  return out;
}

/**
 * The units whose name or short name starts with these two characters (`余姚` → 余姚市; `湘西` →
 * 湘西土家族苗族自治州), found with one search of the data and kept: most lines of a plan's head
 * start with no unit's name (各乡镇…, 为深入…) and cost that one search.
 */
export function unitsStartingWith(two: string): Division[] {
  const known = byStart.get(two);
  if (known) return known;
  const out: Division[] = [];
  byStart.set(two, out);
  if (two.length !== 2) return out;
  const text = data();
  const needle = ' ' + two;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
    const start = text.lastIndexOf('\n', at) + 1;
    const end = text.indexOf('\n', at);
    // the name column (right after the code) or the short name (the last column); not the type column
    if (at !== start + 6 && text.lastIndexOf(' ', end) !== at) continue;
    const d = unitAt(start);
    if (!out.includes(d)) out.push(d);
  }
  return out;
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
