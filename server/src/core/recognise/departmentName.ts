import partyNamesData from '../../../../data/vocab/partyNames.yaml';

/**
 * What a department (unit) name looks like, and what a non-specific phrase looks like.
 * Both are judged by shape only; the department directory (when configured) decides
 * whether a unit-shaped name is actually known. The vocabulary is data: data/vocab/partyNames.yaml.
 */

export interface PartyNameVocabulary {
  unitEndings: string[];
  notUnitEndings: string[];
  jurisdiction: { endings: string[]; maxLength: number; notEndings: string[] };
  vague: { startsWith: string[]; contains: { qualifiers: string[]; bodies: string[] }[]; places: string[]; bodies: string[]; countyLevel: string[] };
  bareLevelWords: string[];
}

const isWords = (x: unknown): x is string[] => Array.isArray(x) && x.length > 0 && x.every((w) => typeof w === 'string' && w.length > 0);

/** Checks the shape of the built-in vocabulary; throws naming the file and the key that is wrong. */
export function checkPartyNames(raw: unknown): PartyNameVocabulary {
  const fail = (key: string): never => {
    throw new Error(`data/vocab/partyNames.yaml: \`${key}\` must be a non-empty list of words`);
  };
  const r = (raw ?? {}) as Record<string, any>;
  if (!isWords(r.unitEndings)) fail('unitEndings');
  if (!isWords(r.notUnitEndings)) fail('notUnitEndings');
  const j = r.jurisdiction ?? {};
  if (!isWords(j.endings)) fail('jurisdiction.endings');
  if (!isWords(j.notEndings)) fail('jurisdiction.notEndings');
  if (typeof j.maxLength !== 'number' || j.maxLength < 2) throw new Error('data/vocab/partyNames.yaml: `jurisdiction.maxLength` must be a number ≥ 2');
  if (!isWords(r.bareLevelWords)) fail('bareLevelWords');
  const v = r.vague ?? {};
  for (const k of ['startsWith', 'places', 'bodies', 'countyLevel']) if (!isWords(v[k])) fail(`vague.${k}`);
  for (const w of v.countyLevel) if (!v.places.includes(w)) throw new Error(`data/vocab/partyNames.yaml: \`vague.countyLevel\` word ${w} is not one of \`vague.places\``);
  if (!Array.isArray(v.contains) || v.contains.length === 0) fail('vague.contains');
  v.contains.forEach((c: any, i: number) => {
    if (!isWords(c?.qualifiers)) fail(`vague.contains[${i}].qualifiers`);
    if (!isWords(c?.bodies)) fail(`vague.contains[${i}].bodies`);
  });
  return r as PartyNameVocabulary;
}

const vocab = checkPartyNames(partyNamesData);

/** Longest first, so an alternation prefers `委员会` to `会` and `开发区` to `区`. */
export const byLength = (words: string[]) => [...words].sort((a, b) => b.length - a.length);
export const escapeRe = (w: string) => w.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
export const alternation = (words: string[]) => byLength(words).map(escapeRe).join('|');

const UNIT_ENDING = new RegExp(`(?:${alternation(vocab.unitEndings)})$`);
const NOT_UNIT_ENDING = new RegExp(`(?:${alternation(vocab.notUnitEndings)})$`);
const JURISDICTION_ENDING = new RegExp(`^.{2,}(?:${alternation(vocab.jurisdiction.endings)})$`);
const NOT_JURISDICTION = new RegExp(`(?:${alternation(vocab.jurisdiction.notEndings)})$`);
const VAGUE_START = new RegExp(`^(?:${alternation(vocab.vague.startsWith)})`);
const VAGUE_ANYWHERE = new RegExp(vocab.vague.contains.map((c) => `(?:${alternation(c.qualifiers)})(?:${alternation(c.bodies)})`).join('|'));
const PLACES = `(?:${alternation(vocab.vague.places)})`;
const PLACE_BODIES = `(?:${alternation(vocab.vague.bodies)})`;
// `各县`, `各县(市、区)`, `各县、区`: a distributive over places that a following piece may continue
const OPEN_DISTRIBUTIVE = new RegExp(`^各(?:${PLACES}|[()、])+$`);
// `区人民政府`, `市区政府`, `政府`: places and/or a body, continuing such a phrase
const CONTINUATION = new RegExp(`^(?:(?:${PLACES}|[()、])+${PLACE_BODIES}?|${PLACE_BODIES})$`);
const BARE_BODY = new RegExp(`^${PLACE_BODIES}$`);
// what a non-specific party ends with: a place, a body, or what the qualifiers qualify (`相关部门`, `各镇`)
const PARTY_END = new RegExp(`(?:${alternation([...vocab.vague.places, ...vocab.vague.bodies, ...vocab.vague.contains.flatMap((c) => c.bodies)])})$`);

/**
 * A non-specific phrase that is a party and nothing more (`各镇(街道)`, `相关部门`, `各县(市、区)人民政府`), not a
 * phrase that goes on into the sentence (`各部门要密切`): what a sentence of prose may name.
 */
export function isVagueParty(name: string): boolean {
  return isVaguePhrase(name) && PARTY_END.test(stripTrailingParenGroup(name));
}

export function stripTrailingParenGroup(name: string): string {
  // `市农合联执委会(市供销社)` is judged by `市农合联执委会`.
  const m = /^(.*?)[((][^()()]*[))]$/.exec(name);
  return m && m[1] ? m[1] : name;
}

export function looksLikeUnit(name: string): boolean {
  if (name.length < 2 || name.length > 40) return false;
  if (/[。;;,,::!?!?]/.test(name)) return false;
  const core = stripTrailingParenGroup(name);
  return UNIT_ENDING.test(core) && !NOT_UNIT_ENDING.test(core);
}

/** A named county, district, town or street (`岱山县`, `宗汉街道`), not a kind of place (`沿海地区`). */
export function looksLikeJurisdiction(name: string): boolean {
  if (name.length < 3 || name.length > vocab.jurisdiction.maxLength) return false;
  if (/[^\u3400-\u9fff]/.test(name)) return false;
  return JURISDICTION_ENDING.test(name) && !NOT_JURISDICTION.test(name) && !isVaguePhrase(name);
}

/** The level words tried in front of a name the directory does not know (`发改局` → 市发改局). */
export const BARE_LEVEL_WORDS: readonly string[] = vocab.bareLevelWords;

export function isVaguePhrase(name: string): boolean {
  if (name.length < 2) return false;
  return VAGUE_START.test(name) || VAGUE_ANYWHERE.test(name);
}

const DISTRIBUTIVE_PLACES = new RegExp(`^各((?:${PLACES}|[()()、])+)`);
const PLACE_WORD = new RegExp(PLACES, 'g');
const COUNTY_LEVEL = new Set(vocab.vague.countyLevel);

/**
 * A non-specific phrase that names every county-level unit under a city (`各县(市、区)人民政府`, `各区县`,
 * `各县市区党委、政府`, `各旗县`): what a city plan writes to pass a task on to its counties. Not `各镇(街道)`,
 * `各开发区`, `各部门`.
 */
export function namesCountyLevelUnits(phrase: string): boolean {
  const m = DISTRIBUTIVE_PLACES.exec(phrase);
  if (!m) return false;
  for (const w of m[1].match(PLACE_WORD) ?? []) if (COUNTY_LEVEL.has(w)) return true;
  return false;
}

/**
 * `各县、区人民政府` (各县 + 区人民政府), `各县市区党委、政府`: does `next` continue the non-specific
 * phrase `previous` written just before it?
 */
export function continuesVaguePhrase(previous: string, next: string): boolean {
  if (OPEN_DISTRIBUTIVE.test(previous)) return CONTINUATION.test(next);
  return BARE_BODY.test(next);
}
