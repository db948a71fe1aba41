import type { LocalizedText, PlanLevel, PlanModel, PlanPlace } from '../model/types';
import { headPlace, signaturePlace, type PlaceWords } from '../title';
import { ancestors, divisionLevel, divisions, prefectureOf, provinceOf, type Division } from './divisions';

/**
 * The units a place name written in a plan names: the name is split into consecutive unit names
 * (`浙江省宁波市余姚市` → 浙江省 · 宁波市 · 余姚市, `湘西州` → 湘西土家族苗族自治州), and the units the
 * last one may be are kept when every name before it is one of their superiors. Empty when the name
 * is not wholly made of unit names (an invented place, 高新区, 经济开发区).
 */
export function unitsNamed(name: string): Division[] {
  const { byName, longest } = divisions();
  // fewest names that make up the whole string, by position (names are at most `longest` long)
  const best: (Division[][] | null)[] = new Array(name.length + 1).fill(null);
  best[0] = [];
  for (let i = 0; i < name.length; i++) {
    const before = best[i];
    if (!before) continue;
    for (let len = 2; len <= longest && i + len <= name.length; len++) {
      const units = byName.get(name.slice(i, i + len));
      if (!units) continue;
      const path = [...before, units];
      const cur = best[i + len];
      if (!cur || path.length < cur.length) best[i + len] = path;
    }
  }
  const path = best[name.length];
  if (!path || path.length === 0) return [];
  const superiors = path.slice(0, -1);
  return path[path.length - 1].filter((d) => {
    const up = ancestors(d);
    return superiors.every((s) => s.some((u) => up.includes(u)));
  });
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

export type PlaceFinding =
  | { kind: 'unit'; place: Division; level: PlanLevel; at: PlaceWords }
  | { kind: 'ambiguous'; candidates: Division[]; at: PlaceWords }
  | { kind: 'unknown'; at: PlaceWords | null };

/**
 * The plan's place: the place its head names (title, then issuer lines), else the one a signature
 * line names, resolved against the national divisions. A name several units share is settled by
 * the superior the text names most (`武汉市` for 青山区); a name that stays shared is `ambiguous`. A
 * name that is no unit (an invented or a development-zone name) or a province is `unknown`: the
 * caller then reads the level from the title's words alone.
 */
export function placeOfPlan(model: Pick<PlanModel, 'text' | 'title' | 'titleRange' | 'frontMatter'>): PlaceFinding {
  const at = headPlace(model) ?? signaturePlace(model.text);
  if (!at) return { kind: 'unknown', at: null };
  const units = unitsNamed(at.name).filter((d) => divisionLevel(d) !== null);
  if (units.length === 0) return { kind: 'unknown', at };
  let chosen = units;
  if (units.length > 1) {
    const scores = units.map((d) => superiorScore(d, model.text));
    const top = Math.max(...scores);
    if (top > 0) chosen = units.filter((_, i) => scores[i] === top);
  }
  if (chosen.length === 1) return { kind: 'unit', place: chosen[0], level: divisionLevel(chosen[0])!, at };
  return { kind: 'ambiguous', candidates: chosen, at };
}

/** The place found from a front-matter code (`ecoplan: {place: 420107}`), or null when the code is no unit. */
export function divisionByCode(code: string): Division | null {
  return divisions().byCode.get(code) ?? null;
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
