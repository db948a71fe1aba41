import type { LocalizedText, PlanLevel, PlanModel, PlanPlace } from '../model/types';
import { asWritten, isSignatureLine, placeLines, placeWordsAt, signatureLines, type PlaceWords } from '../title';
import type { PlanSettings } from '../model/types';
import { ancestors, divisionByCode as byCode, divisionLevel, prefectureOf, provinceOf, unitsStartingWith, type Division } from './divisions';

/** A piece of a place name: the units it may be, and those of them it may be as the plan's own place. */
interface Piece {
  units: Division[];
  /** The units the piece may name as the last name of a place (a prefecture's short name is only a superior). */
  own: Division[];
  renamed: boolean;
}

/** A way a plan writes a unit. */
interface Form {
  text: string;
  /** It may be the plan's own place (else only a superior: 宁波 in 宁波余姚市). */
  own: boolean;
  /** A 县's name from before it became a 市 or 区 (澄江县 → 澄江市, 长安县 → 长安区). */
  renamed: boolean;
}

/**
 * How plans write a unit: its full name; a province or autonomous region by its short name (浙江,
 * 内蒙古); an autonomous unit by its short name and the generic kind (湘西州, 湘西自治州, 长阳县,
 * 莫力达瓦旗); a prefecture by its short name before one of its counties (宁波余姚市); a 县级市 or a
 * 区 by the 县 it was (撤县设市, 撤县设区). Short names of one character are never read alone.
 */
function formsOf(d: Division): Form[] {
  const out: Form[] = [{ text: d.name, own: true, renamed: false }];
  const s = d.short;
  if (s.length < 2) return out;
  const own = (...texts: string[]) => texts.forEach((text) => out.push({ text, own: true, renamed: false }));
  switch (d.type) {
    case '省':
    case '自治区':
      own(s);
      break;
    case '自治州':
      own(s + '州', s + '自治州');
      break;
    case '自治县':
      own(s + '县', s + '自治县');
      break;
    case '自治旗':
      own(s + '旗', s + '自治旗');
      break;
    case '设区市':
    case '地级市':
    case '地区':
    case '盟':
      out.push({ text: s, own: false, renamed: false });
      break;
    case '县级市':
    case '市辖区':
      out.push({ text: s + '县', own: true, renamed: true });
      break;
  }
  return out;
}

/** The pieces of unit names the text has at position `i`, by length. */
function piecesAt(text: string, i: number): Map<number, Piece> {
  const pieces = new Map<number, Piece>();
  for (const d of unitsStartingWith(text.slice(i, i + 2))) {
    for (const f of formsOf(d)) {
      if (!text.startsWith(f.text, i)) continue;
      let p = pieces.get(f.text.length);
      if (!p) pieces.set(f.text.length, (p = { units: [], own: [], renamed: f.renamed }));
      // a name some unit bears now wins over the old name of another
      if (p.renamed && !f.renamed) Object.assign(p, { units: [], own: [], renamed: false });
      else if (!p.renamed && f.renamed) continue;
      if (!p.units.includes(d)) p.units.push(d);
      if (f.own && !p.own.includes(d)) p.own.push(d);
    }
  }
  return pieces;
}

/** What a place name written in a plan names: the units it may be, and whether it is an old name. */
export interface NamedUnits {
  units: Division[];
  /** The name is a 县's from before it became a 市 or 区: the plan was written for a 县. */
  renamed: boolean;
}

/**
 * The longest start of `text` made wholly of unit names, split into them (`浙江省宁波市余姚市…` →
 * 浙江省 · 宁波市 · 余姚市, `湘西州…` → 湘西土家族苗族自治州), with the units its last name may be
 * when every name before it is one of their superiors. Null when the text starts with no unit name
 * (an invented place, a development zone) or with a province alone.
 */
export function unitsAtStart(text: string, whole = false): { name: string; named: NamedUnits } | null {
  const limit = Math.min(text.length, 40);
  // fewest names that make up each start of the text
  const best: (Piece[] | null)[] = new Array(limit + 1).fill(null);
  best[0] = [];
  for (let i = 0; i < limit; i++) {
    const before = best[i];
    if (!before) continue;
    for (const [len, piece] of piecesAt(text, i)) {
      if (i + len > limit) continue;
      const cur = best[i + len];
      if (!cur || before.length + 1 < cur.length) best[i + len] = [...before, piece];
    }
  }
  for (let end = whole ? text.length : limit; end > 0; end--) {
    const path = end <= limit ? best[end] : null;
    if (whole && end !== text.length) break;
    if (!path || path.length === 0) continue;
    const last = path[path.length - 1];
    const superiors = path.slice(0, -1);
    const units = last.own.filter((d) => divisionLevel(d) !== null && superiors.every((s) => s.units.some((u) => ancestors(d).includes(u))));
    if (units.length > 0) return { name: text.slice(0, end), named: { units, renamed: last.renamed } };
  }
  return null;
}

/** The units a whole place name names (`宁波市余姚市` → 余姚市); empty when it is not made of unit names. */
export function unitsNamed(name: string): Division[] {
  return unitsAtStart(name, true)?.named.units ?? [];
}

/** How often a unit's superiors are named in the text: its prefecture weighs more than its province. */
function superiorScore(d: Division, text: string): number {
  const count = (w: string) => {
    let n = 0;
    for (let at = text.indexOf(w); at >= 0 && n < 1000; at = text.indexOf(w, at + w.length)) n++;
    return n;
  };
  const pref = prefectureOf(d);
  const prov = provinceOf(d);
  let score = 0;
  if (pref && pref !== d) score += 2 * count(pref.name);
  if (prov !== d) score += count(prov.name) + (prov.short !== prov.name && prov.short.length >= 2 && prov.type !== '直辖市' ? count(prov.short) : 0);
  return score;
}

export function planPlace(d: Division): PlanPlace {
  const pref = prefectureOf(d);
  return { code: d.code, name: d.name, type: d.type, province: provinceOf(d).name, prefecture: pref ? pref.name : null };
}

/** How long the rest of a place name after a known superior may be to be read as a place of its own (高新技术产业开发区). */
const UNKNOWN_TAIL_MAX = 9;

export type PlaceFinding =
  | { kind: 'unit'; place: Division; level: PlanLevel; at: PlaceWords; renamed: boolean; settledByText: boolean }
  | { kind: 'ambiguous'; candidates: Division[]; at: PlaceWords }
  | { kind: 'unknown'; at: PlaceWords | null };

/**
 * The plan's place: the first line of its head (title, then issuer lines) that starts with a place,
 * else a signature line anywhere, resolved against the national divisions. A name several units
 * share is settled by the superior the text names most (`武汉市` for 青山区); a name that stays
 * shared is `ambiguous`. A place that is no unit (an invented or a development-zone name) is
 * `unknown`: the caller then reads the level from the title's words alone.
 */
export function placeOfPlan(model: Pick<PlanModel, 'text' | 'title' | 'titleRange' | 'frontMatter'>): PlaceFinding {
  const find = (lines: { line: number; raw: string; text: string }[]): PlaceFinding | null => {
    for (const { line, raw, text } of lines) {
      const found = unitsAtStart(text);
      const words = placeWordsAt(line, raw, text);
      // 宁波市石渠口区: the unit is only the superior of a place that is no unit (an invented name,
      // a development zone); the place's own words decide then
      if (found && words && words.name.startsWith(found.name) && words.name.length > found.name.length && words.name.length - found.name.length <= UNKNOWN_TAIL_MAX) {
        return { kind: 'unknown', at: words };
      }
      if (found) return settle(found.named, { name: found.name, words: asWritten(raw, found.name), line, level: divisionLevel(found.named.units[0]) ?? '市' }, model.text);
      if (words) return { kind: 'unknown', at: words };
    }
    return null;
  };
  return find(placeLines(model)) ?? find(signatureLines(model.text)) ?? { kind: 'unknown', at: null };
}

function settle(named: NamedUnits, at: PlaceWords, text: string): PlaceFinding {
  let chosen = named.units;
  if (chosen.length > 1) {
    const scores = chosen.map((d) => superiorScore(d, text));
    const top = Math.max(...scores);
    if (top > 0) chosen = chosen.filter((_, i) => scores[i] === top);
  }
  if (chosen.length > 1) return { kind: 'ambiguous', candidates: chosen, at };
  // a 县 since renamed was a 县 when the plan was written
  const level = named.renamed ? '县' : divisionLevel(chosen[0])!;
  return { kind: 'unit', place: chosen[0], level, at, renamed: named.renamed, settledByText: named.units.length > 1 };
}

/** The place found from a front-matter code (`ecoplan: {place: 420107}`), or null when the code is no unit. */
export function divisionByCode(code: string): Division | null {
  return byCode(code);
}

const KIND_WORD: Partial<Record<string, string>> = { 市辖区: '区' };

/**
 * Why a unit has its level, in the 管理规程's words: `余姚市为浙江省宁波市辖县级市(330281)`,
 * `蓟州区为直辖市天津市所辖区(120119)`, `神农架林区为湖北省直辖林区(429021)`.
 */
export function describePlace(d: Division): LocalizedText {
  const kind = KIND_WORD[d.type] ?? d.type;
  const parent = d.parent;
  let zh: string;
  let en: string;
  if (!parent) {
    zh = `${d.name}为${d.type}(${d.code})`;
    en = `${d.name} is a ${d.type} (${d.code})`;
  } else if (parent.type === '直辖市') {
    zh = `${d.name}为直辖市${parent.name}所辖${kind}(${d.code})`;
    en = `${d.name} (${d.code}) is a ${kind} of the municipality ${parent.name}`;
  } else if (!parent.parent && prefectureOf(d) !== d) {
    zh = `${d.name}为${parent.name}直辖${kind}(${d.code})`;
    en = `${d.name} (${d.code}) is a ${kind} directly under ${parent.name}`;
  } else {
    const chain = [...ancestors(d)].reverse().map((u) => u.name).join('');
    zh = `${d.name}为${chain}辖${kind}(${d.code})`;
    en = `${d.name} (${d.code}) is a ${kind} of ${chain}`;
  }
  return { zh, en };
}

/**
 * Whether an edit of one line below the head may change the plan's place: the line it was read
 * from, a signature line written or unwritten, or any line of a plan whose place a superior named
 * in the text settles (or fails to). The incremental patch reads the plan in full then.
 */
export function placeMayChange(settings: PlanSettings, line: number, oldLine: string, newLine: string): boolean {
  if (settings.placeFrom === 'front-matter') return false;
  if (settings.placeAmbiguous || settings.placeSettledByText) return true;
  if (settings.levelEvidence?.line === line) return true;
  return isSignatureLine(oldLine) || isSignatureLine(newLine);
}
