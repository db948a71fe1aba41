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
 * short name): a plan's head asks for a handful of names, each found with a search of the string,
 * and only the units found (and their superiors) become objects. Parsing every unit into maps on
 * the first plan cost more than the whole head reading of a plan (10–25 ms on this machine).
 */
let rows: string | null = null;
const byCode = new Map<string, Division | null>();
const byName = new Map<string, Division[]>();
let provinceShorts: Set<string> | null = null;

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

/** The last characters of every kind of unit's name: a piece of text ending otherwise names none (but a province's short name). */
const NAME_END = /[市区县旗州盟省]$/;

/**
 * The units a piece of a plan's text names: by full name, or as plans also write them — a province
 * or autonomous region by its short name (浙江, 内蒙古, 广西), an autonomous unit by its short name and
 * the generic kind (湘西州, 湘西自治州, 长阳县, 长阳自治县, 莫力达瓦旗). Short names of one character
 * are never read alone.
 */
export function unitsBearing(piece: string): Division[] {
  if (piece.length < 2) return [];
  const known = byName.get(piece);
  if (known) return known;
  const text = data();
  provinceShorts ??= new Set(allProvinces().map((d) => d.short));
  const out: Division[] = [];
  if (NAME_END.test(piece)) {
    // the name column: "\n<code> <name> "
    const needle = ' ' + piece + ' ';
    for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
      const start = text.lastIndexOf('\n', at) + 1;
      if (at === start + 6) out.push(unitAt(start));
    }
  }
  const byShort = (short: string, kinds: DivisionType[]) => {
    if (short.length < 2) return;
    const needle = ' ' + short + '\n';
    for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
      const d = unitAt(text.lastIndexOf('\n', at) + 1);
      if (kinds.includes(d.type) && !out.includes(d)) out.push(d);
    }
  };
  if (provinceShorts.has(piece)) byShort(piece, ['省', '自治区']);
  const kind = piece.endsWith('州') ? '自治州' : piece.endsWith('县') ? '自治县' : piece.endsWith('旗') ? '自治旗' : null;
  if (kind) byShort(piece.slice(0, -1).replace(/自治$/, ''), [kind]);
  byName.set(piece, out);
  return out;
}

/**
 * The prefecture-level units a short name may be when it stands before one of their counties
 * (`宁波余姚市`, `鄂尔多斯伊金霍洛旗`): read only as a superior, never as the plan's place itself.
 */
export function prefecturesShortNamed(piece: string): Division[] {
  if (piece.length < 2 || NAME_END.test(piece)) return [];
  const text = data();
  const out: Division[] = [];
  const needle = ' ' + piece + '\n';
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
    const d = unitAt(text.lastIndexOf('\n', at) + 1);
    if (d.type === '设区市' || d.type === '地级市' || d.type === '地区' || d.type === '盟') out.push(d);
  }
  return out;
}

/** The provinces, autonomous regions and municipalities: the data's first lines. */
function allProvinces(): Division[] {
  const text = data();
  const out: Division[] = [];
  for (let at = 1; at < text.length && text.startsWith('0000', at + 2); at = text.indexOf('\n', at) + 1) out.push(unitAt(at));
  return out;
}

/** How long a unit's name (or a form of it) may be, in characters. */
export const LONGEST_NAME = Number((divisionsData as { longest: number }).longest);

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
