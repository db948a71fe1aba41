import type { IndicatorNameIndex } from '../catalogue/nameIndex';
import { alternateMeasure } from '../catalogue/thresholds';
import type { NameEntry } from '../catalogue/types';
import type { IndicatorMention, IndicatorTarget } from '../model/types';
import { charClass } from '../text/charClass';
import type { LineIndex } from '../text/lineIndex';
import { isBaseYear } from './deadlineYear';
import type { IndicatorTagMatch } from './tags';
import { buildTarget } from './targetBuilder';
import { readTargetExpression, UNIT_ALT, type TargetExpression } from './targetExpression';
import { alternation, targetVocabulary } from './targetVocabulary';

/**
 * Targets stated in prose, in two stages. Stage one finds a target statement: a metric phrase — a
 * catalogue name (or alias, former name, synonym), or any noun phrase ending in a metric head
 * (率, 比例, 指数 … data/vocab/targets.yaml) — followed by a target expression, e.g.
 * `城镇污水处理率达95%以上`, `湿地保护率达到70%`, `绿色出行比例逐年提升`. Stage two resolves the phrase
 * to the catalogue, or keeps it as a local target (`catalogueId: null`, the phrase as written without
 * leading scope words). Names joined by 、/和/及 share the expression after the last one
 * (`优良天数比例、PM2.5浓度下降幅度完成上级规定的考核任务`), or take one value each after 分别.
 */

// A short alias inside a longer word (`生活污水处理率` in `农村生活污水处理率`) is not that indicator:
// accept it after a CJK character only when the character is a typical word boundary.
const BOUNDARY_BEFORE = /[的、,,;;。市县区年底使将把是在为对保提达均及和与至到前后:: \t\u3000(("“]/;
const CJK = /[\u4e00-\u9fff]/;

function direction(entry: NameEntry | null): 'higher' | 'lower' | null {
  if (!entry) return null;
  return entry.indicator.direction ?? entry.indicator.parent?.direction ?? null;
}

function makeTarget(
  entry: NameEntry | null,
  written: string,
  expr: TargetExpression,
  surfaceStart: number,
  surfaceEnd: number,
  nameStart: number,
  _text: string,
  index: LineIndex,
  tagged: boolean,
  year: number | null,
  primaryId: string,
  scope: string | null = null,
): IndicatorTarget {
  return buildTarget({ entry, written, expr, surfaceStart, surfaceEnd, nameStart, tagged, year, primaryId, scope }, index);
}

const isSentenceStop = charClass(/[。!?]/);

/** The year a sentence sets for what follows: `到2023年,…` / `2023年底前…`. */
function yearBefore(line: string, at: number): number | null {
  let from = at;
  // the sentence, `;` included: `到2025年,主要指标为:A≥62;B≥55%` sets the year of every item
  const floor = Math.max(0, at - 240);
  while (from > floor && !isSentenceStop(line.charCodeAt(from - 1))) from--;
  // a tag's own year (`【【…比例 ≥55% 2026年】】`) is that tag's, not the sentence's
  const window = line.slice(from, at).replace(/(\[\[|【【)[^\]】]{0,80}(\]\]|】】)/g, '');
  let year: number | null = null;
  const re = /((?:19|20)\d\d)年/g;
  for (let m = re.exec(window); m; m = re.exec(window)) if (!isBaseYear(window, m.index)) year = Number(m[1]);
  return year;
}

interface ChainItem {
  name: string;
  at: number;
  entry: NameEntry | null;
}

// Words that join names sharing one target: `A、B和C保持100%`, `A以及B不降低`.
const JOINER = /^(以及|、|和|及|与)/;
// `(EI)`, `(PM2.5)`, `(沿海地区)` after a name is part of how it is written.
const NAME_PAREN = /^[((][A-Za-z0-9.\u4e00-\u9fff\u2160-\u217f、]{1,10}[))]/;
// What may follow a name that is the object of a value verb: the end of the phrase, not more words.
const NAME_ENDS = /^([。;;,,、:: \t\u3000)\]〕(\[〔]|$)/;
// The catalogue's own value verbs written before the name (`全面实施河长制`, `建立突发生态环境事件应急管理机制`).
const VERB_BEFORE = /(全面实施|全面推行|全面建立|建立健全|制定并实施|制定实施|有效开展|严格落实|实施|推行|建立)$/;
// A trend phrase written before a catalogue name (`进一步降低单位地区生产总值能耗`).
const TREND_BEFORE = new RegExp(`(${alternation(targetVocabulary.trendBefore)})$`);

// Local metric phrases: where one may start, what it is made of, what it ends with, what leads into it.
const isMetricStart = charClass(/[,,。;;::、\s\u3000((“"]/);
const isMetricChar = charClass(/[\u4e00-\u9fff\u2160-\u217fA-Za-z0-9.·“”"]/);
const MAX_METRIC = 24;
const HEADS = new Set(targetVocabulary.metricHeads);
const HEAD_LENGTHS = [...new Set(targetVocabulary.metricHeads.map((h) => h.length))].sort((a, b) => b - a);
const LEADING = new RegExp(String.raw`^(?:(?:到|至)?(?:19|20)\d\d年(?:底|末)?(?:前)?|${alternation(targetVocabulary.leadingWords)})`);
const CLAUSE_WORD = new RegExp(alternation(targetVocabulary.clauseWords), 'g');

/** Words by the code unit they end with: a position is compared with the few words it can end, and no slice is made. */
function byLastUnit(words: string[]): Map<number, string[]> {
  const map = new Map<number, string[]>();
  for (const w of words) {
    const last = w.charCodeAt(w.length - 1);
    const list = map.get(last);
    if (list) list.push(w);
    else map.set(last, [w]);
  }
  return map;
}
const HEADS_BY_LAST = byLastUnit(targetVocabulary.metricHeads);
// Institutions stated as achieved (`生态环境损害赔偿制度全面实施。`), data/vocab/targets.yaml `institutions`
const INSTITUTIONS_BY_LAST = byLastUnit(targetVocabulary.institutionHeads);
// per code unit: 1 when a metric head ends with it, 2 when an institution's head does
const ENDS_HEAD = 1;
const ENDS_INSTITUTION = 2;
const HEAD_ENDS = new Uint8Array(65536);
for (const last of HEADS_BY_LAST.keys()) HEAD_ENDS[last] |= ENDS_HEAD;
for (const last of INSTITUTIONS_BY_LAST.keys()) HEAD_ENDS[last] |= ENDS_INSTITUTION;

/** The length of the longest of `words` that ends at `line[e - 1]` and starts at or after `minStart`, else 0. */
function wordEndingAt(line: string, minStart: number, e: number, byLast: Map<number, string[]>): number {
  const words = byLast.get(line.charCodeAt(e - 1));
  let length = 0;
  if (words) for (const w of words) if (w.length > length && e - w.length >= minStart && line.startsWith(w, e - w.length)) length = w.length;
  return length;
}
const COMPLETION = new RegExp(`^(${alternation(targetVocabulary.completions)})(?=[。;;,,))]|$)`);
const WORKS_ON = new RegExp(alternation(targetVocabulary.institutionNotAfter));

/** The completion after an institution's name (`全面实施` before the clause's end) as a qualitative target, or null. */
function completionAt(line: string, at: number): TargetExpression | null {
  const m = COMPLETION.exec(line.slice(at, at + 8));
  return m ? { op: 'qualitative', value: null, upper: null, unit: null, year: null, text: m[1], length: m[1].length } : null;
}

function endsWithInstitution(line: string, from: number, e: number): boolean {
  return wordEndingAt(line, from + 1, e, INSTITUTIONS_BY_LAST) > 0;
}

export function findProseTargets(
  line: string,
  lineStart: number,
  text: string,
  index: LineIndex,
  names: IndicatorNameIndex,
  skip: [number, number][],
  mentions?: IndicatorMention[],
): IndicatorTarget[] {
  const out: IndicatorTarget[] = [];
  let s = 0;
  // where the last target's text ended: a name found later never starts before it
  let consumedTo = 0;
  // the sentence the last target was in, and the places it is stated for (see scopeOf)
  const sentence: { start: number; scope: string | null } = { start: -1, scope: null };
  // a local phrase is tried once from each start; a failed try leaves this mark so the starts inside it are not retried
  let localTriedTo = -1;
  for (let i = 0; i < line.length; i++) {
    while (s < skip.length && skip[s][1] <= i) s++;
    if (s < skip.length && i >= skip[s][0]) {
      i = skip[s][1] - 1;
      continue;
    }
    let firstItem: ChainItem | null = null;
    const first = acceptName(line, i, names);
    if (first) firstItem = { name: first, at: i, entry: names.resolve(first) };
    else if (i > localTriedTo && (i === 0 || isMetricStart(line.charCodeAt(i - 1)))) {
      const local = localMetricAt(line, i, names);
      if (local) firstItem = local;
      else localTriedTo = i;
    }
    // `断面水质优良(达到或优于Ⅲ类)比例`: a name read on past a gloss inside it, tried where the gloss opens
    if (!firstItem && line.charCodeAt(i) === 0x28) firstItem = glossedName(line, i, consumedTo, names);
    if (!firstItem) continue;
    const chain: ChainItem[] = [firstItem];
    let j = afterParen(line, firstItem.at + firstItem.name.length);
    // the list of names, with any unlisted measures in it; the expression follows its last item
    for (;;) {
      const joiner = JOINER.exec(line.slice(j, j + 2));
      if (!joiner) break;
      const k = j + joiner[0].length;
      if (skip.some(([a, b]) => k >= a && k < b)) break;
      const next = acceptName(line, k, names);
      if (next) {
        chain.push({ name: next, at: k, entry: names.resolve(next) });
        j = afterParen(line, k + next.length);
        continue;
      }
      const elided = elidedName(chain[chain.length - 1], line, k, names);
      if (elided) {
        chain.push(elided);
        j = k + elided.name.length;
        continue;
      }
      const local = localMetricAt(line, k, names);
      if (local) {
        chain.push(local);
        j = afterParen(line, local.at + local.name.length);
        continue;
      }
      break;
    }
    if (mentions) {
      for (const c of chain) if (c.entry) mentions.push({ catalogueId: c.entry.indicator.id, name: c.name, range: index.range(lineStart + c.at, lineStart + c.at + c.name.length) });
    }
    const last = chain[chain.length - 1];
    let expr = readTargetIn(line, j, last.entry ?? chain.find((c) => c.entry)?.entry ?? null) ?? (endsWithInstitution(line, last.at, last.at + last.name.length) ? completionAt(line, j) : null);
    if (!expr && chain.length === 1 && firstItem.entry) {
      // the name begins a longer metric phrase (`重点建设用地安全利用` + `率达到100%`, `城镇污水处理率提标改造完成率…`)
      const longer = longerMetric(line, firstItem, names);
      if (longer) {
        chain[0] = longer;
        j = afterParen(line, longer.at + longer.name.length);
        expr = readTargetIn(line, j, longer.entry);
      }
    }
    if (!expr) {
      for (const c of chain) {
        const before = c.entry ? targetFromWordsBefore(c, line, lineStart, text, index, names, chain.length === 1) : null;
        if (before) out.push(before);
      }
      i = j - 1;
      continue;
    }
    let end = j + expr.length;
    const year = yearBefore(line, chain[0].at);
    if (!expr.tier && aspirationBefore(line, chain[0].at)) expr = { ...expr, tier: 'aspirational' };
    const scope = scopeOf(line, chain[0].at, sentence);
    // `A和B分别达到90%和95%`: one value each, in order
    const each = chain.length > 1 ? valuesEach(line, j, end, expr, chain.length) : null;
    if (each) end = each.end;
    // one name, `分别` and several values: the names before it share its words, or the sentence's places take one each
    const spread = !each && chain.length === 1 && expr.value !== null ? valuesOfOneName(line, chain[0], j, end, expr, sentence.start, names) : null;
    if (spread) {
      end = spread.end;
      for (const v of spread.values) {
        const t = makeTarget(v.item.entry, v.item.name, v.expr, lineStart + v.item.at, lineStart + end, lineStart + v.item.at, text, index, false, year, names.primary.id, v.scope ?? scope);
        // a local name written without the words it shares with the next (`二氧化硫、氮氧化物排放总量`) is named with them
        if (!v.item.entry && v.local) t.indicator = v.local;
        out.push(t);
      }
    } else {
      chain.forEach((c, n) => {
        out.push(makeTarget(c.entry, c.name, each ? each.values[n] : expr, lineStart + c.at, lineStart + end, lineStart + c.at, text, index, false, year, names.primary.id, scope));
      });
    }
    // `确保达到85%、力争达到88%`: the aspiration after the firm target, for the same names;
    // `较2019年下降8%,达到58微克/立方米`: the level a change brings, after the change
    const follow = FOLLOWING_ASPIRATION.exec(line.slice(end, end + 3)) ?? (expr.relative ? FOLLOWING_LEVEL.exec(line.slice(end, end + 4)) : null);
    if (follow && !spread) {
      const next = readTargetIn(line, end + follow[0].length, last.entry ?? chain.find((c) => c.entry)?.entry ?? null);
      if (next && (next.tier === 'aspirational' || (expr.relative && !next.relative)) && next.value !== null) {
        const nextEnd = end + follow[0].length + next.length;
        for (const c of chain) out.push(makeTarget(c.entry, c.name, next, lineStart + c.at, lineStart + nextEnd, lineStart + c.at, text, index, false, next.year ?? year, names.primary.id, scope));
        end = nextEnd;
      }
    }
    // `不低于92.5%(即全年污染天数不超过27天)`, `达到80%(剔除沙尘天气)`: a gloss or carve-out of this target, not a target
    const gloss = GLOSS_AFTER.exec(line.slice(end, end + MAX_GLOSS + 2));
    if (gloss) end += gloss[0].length;
    consumedTo = end;
    i = end - 1;
  }
  return out;
}

// An aspiration said right after a firm target: `、力争达到88%`, `,争取控制在30微克/立方米`.
const FOLLOWING_ASPIRATION = new RegExp(`^[,、;]?(?=${alternation(targetVocabulary.aspirational)})`);
const ASPIRATION_OPENS = new RegExp(String.raw`^[\s\u3000]*(?:(?:到|至)?(?:19|20)\d\d年(?:底|末)?(?:前)?)?(?:${alternation(targetVocabulary.aspirational)})`);
const FOLLOWING_LEVEL = /^[,、](?=达到|降至|降到|下降到|控制在)/;
const isClauseEnd = charClass(/[,;。!?:、]/);

/**
 * `力争全市PM2.5浓度达到33微克/立方米`, `到2025年争取…`: an aspirational adverb opens the clause the name is in
 * (bounded look back). Not one later in it: `经过3年努力全市…` is no aspiration.
 */
function aspirationBefore(line: string, at: number): boolean {
  let from = at;
  while (from > 0 && at - from < 16 && !isClauseEnd(line.charCodeAt(from - 1))) from--;
  return ASPIRATION_OPENS.test(line.slice(from, at));
}

const MAX_GLOSS = 40;
// a bracket right after a value that does not open with a year of its own (`(2030年达到98%)` is another target)
const GLOSS_AFTER = new RegExp(String.raw`^[\s　]{0,2}\((?!(?:19|20)\d\d年)[^()
]{1,${MAX_GLOSS}}\)`);

// ---- the places a target is stated for ----

// What a place's name ends with: a jurisdiction (`桂平市`, `井陉县`, `鹿泉区`, `市中心城区`, `额济纳旗`).
const PLACE_END = /[市县区旗]$/;
const isSentenceEnd = charClass(/[;。!?]/);
// a clause inside a sentence (a list of places is joined by 、, which does not end one)
const isClauseStart = charClass(/[,;。!?:]/);
const PLACE_ITEM = /^[一-鿿]{2,12}$/;
const MAX_SENTENCE = 200;
// words of a sentence's lead-in that are no place: verbs of a task (`加快推进城区…`), scope words of the plan's own area (`全市`)
const NOT_PLACE = new RegExp(`^(?:${alternation([...targetVocabulary.leadingWords])})$|${alternation([...targetVocabulary.clauseWords, ...targetVocabulary.institutionNotAfter, ...targetVocabulary.aspirational, '完成', '下达'])}`);
const LEAD_IN = new RegExp(String.raw`^(?:(?:到|至)?(?:19|20)\d\d年(?:底|末)?(?:前)?[,\s　]{0,2}|其中|同时|另外)+`);

function sentenceStartOf(line: string, at: number): number {
  let from = at;
  while (from > 0 && at - from < MAX_SENTENCE && !isSentenceEnd(line.charCodeAt(from - 1))) from--;
  return from;
}

const isListTail = charClass(/[的、\s　]/);

/** `text` without the characters at its end that `drop` accepts (a loop: a `[…]+$` regex tries every start). */
function trimEnd(text: string, drop: (code: number) => boolean): string {
  let n = text.length;
  while (n > 0 && drop(text.charCodeAt(n - 1))) n--;
  return text.slice(0, n);
}

/** `长安区、新华区、栾城区、井陉县`, `桂平市的`, `乐都、平安两区`: the places, or null when the words are not a list of places. */
function placeList(words: string): string[] | null {
  const w = trimEnd(words.replace(LEAD_IN, ''), isListTail);
  if (w.length < 2 || w.length > 80) return null;
  const items = w.split(/[、和及与]/);
  if (!PLACE_END.test(items[items.length - 1])) return null;
  for (const item of items) if (!PLACE_ITEM.test(item) || NOT_PLACE.test(item)) return null;
  return items;
}

/**
 * The places a target is stated for, decided by the sentence's structure: the words between its
 * clause's start and its name when they are a list of places (`;长安区、新华区PM2.5平均浓度达到58`,
 * `桂平市的…`); else the places of an earlier target of the same sentence; else, for the sentence's
 * first target, the places its sentence opens with (`银川市可吸入颗粒物…,年均浓度控制在83`). Null: the plan's own area.
 */
function scopeOf(line: string, at: number, sentence: { start: number; scope: string | null }): string | null {
  const start = sentenceStartOf(line, at);
  const first = start !== sentence.start;
  if (first) {
    sentence.start = start;
    sentence.scope = null;
  }
  let clause = at;
  while (clause > start && !isClauseStart(line.charCodeAt(clause - 1))) clause--;
  const own = placeList(line.slice(clause, at));
  if (own) return (sentence.scope = own.join('、'));
  // `119个国控断面水质优良比例…,247个省控断面水质优良比例…`: words glued before the name narrow what it counts
  const modifier = modifierBefore(line, clause, at);
  // a place holds for the rest of the sentence; other words narrow this name only
  if (modifier) return modifier.place ? (sentence.scope = modifier.words) : modifier.words;
  const opening = placeList(line.slice(start, at));
  if (opening) return (sentence.scope = opening.join('、'));
  if (sentence.scope !== null || !first) return sentence.scope;
  const leading = leadingPlaces(line, start, at);
  return (sentence.scope = leading ? leading.join('、') : null);
}

const MODIFIER = /^[\u4e00-\u9fff0-9]{2,12}$/;
const PLACE_OPENING = /^([\u4e00-\u9fff]{1,11}?[市县区旗])的?[\u4e00-\u9fff]{1,6}$/;

/** The words between a clause's start and a name, less its lead-in and scope words, when they are a short modifier (`国控`, `119个国控水质监测`). */
function modifierBefore(line: string, clause: number, at: number): { words: string; place: boolean } | null {
  let from = clause;
  for (let n = 0; n < 4; n++) {
    const lead = LEADING.exec(line.slice(from, Math.min(at, from + 12)));
    if (!lead || lead[0].length === 0) break;
    from += lead[0].length;
  }
  const words = line.slice(from, at).replace(/的$/, '');
  // `市中心城区环境空气质量…`, `桂平市的环境…`: a place opening the words is what they narrow the name to
  const place = PLACE_OPENING.exec(words);
  if (place && isPlace(place[1], words[place[1].length])) return { words: place[1], place: true };
  return MODIFIER.test(words) && !/^\d+$/.test(words) && !NOT_PLACE.test(words) ? { words, place: false } : null;
}

/** Length of a place's name (three characters or more, ending in 市/县/区/旗) opening `line[from]` and followed by more words, else 0. */
function placeOpening(line: string, from: number): number {
  let e = from;
  while (e < line.length && e - from < 8 && /[\u4e00-\u9fff]/.test(line[e]) && !(e - from >= 3 && PLACE_END.test(line[e - 1]))) e++;
  const place = line.slice(from, e);
  return place.length >= 3 && isPlace(place, line[e]) && /[\u4e00-\u9fff]/.test(line[e] ?? '') ? place.length : 0;
}

// `县委党校`, `市政府`, `县级`, `县域`, `市直`: the jurisdiction word begins an institution's or a scope's name there
const NOT_PLACE_AFTER = /[委政级域直属长]/;
// a sentence's verbs and lead-ins before the place (`将…纳入县…`)
const LEADS_IN = new RegExp(`^(?:${alternation(targetVocabulary.leadingWords)})`);

/** Whether `item`, followed by the character `next`, names a place: a jurisdiction word ends it, and it is not a lead-in or task words. */
function isPlace(item: string, next: string | undefined): boolean {
  return PLACE_END.test(item) && PLACE_ITEM.test(item) && item.length <= 8 && !NOT_PLACE.test(item) && !LEADS_IN.test(item) && !(next !== undefined && NOT_PLACE_AFTER.test(next));
}

/** The places a sentence opens with, the last one's name ending where its jurisdiction word does (`石嘴山市、固原市、中卫市可吸入…`). */
function leadingPlaces(line: string, start: number, at: number): string[] | null {
  const lead = LEAD_IN.exec(line.slice(start, at));
  let p = start + (lead ? lead[0].length : 0);
  const items: string[] = [];
  for (let n = 0; n < 12 && p < at; n++) {
    let e = p;
    while (e < at && e - p < 12 && /[一-鿿]/.test(line[e]) && !(e - p >= 2 && PLACE_END.test(line[e - 1]))) e++;
    const item = line.slice(p, e);
    if (!isPlace(item, line[e])) return null;
    items.push(item);
    if (!/[、和及与]/.test(line[e] ?? '')) break;
    p = e + 1;
  }
  // `石家庄市2020年空气质量改善目标为:` names the plan's own area as a topic, not places the targets are split over
  return items.length > 0 && items.join('、').length <= at - start && /[\u4e00-\u9fff]/.test(line[p + items[items.length - 1].length] ?? '') ? items : null;
}

// The most characters a phrase starting at `i` reaches over: four lead-ins read 12 characters at a time, a place, the phrase.
const MAX_RUN = 4 * 12 + 8 + MAX_METRIC;
// Lead-ins are metric characters (so the run of them from `i` covers the phrase) unless the vocabulary says otherwise.
const LEADS_ARE_METRIC = [...targetVocabulary.leadingWords, '到至年底末前0123456789'].every((w) => [...w].every((ch) => isMetricChar(ch.charCodeAt(0))));

/**
 * Whether a head (or an institution's head) can end a phrase starting at `line[i]`: some character of the
 * run of metric characters from `i` ends one. When none does, localMetricAt can find nothing and is not read.
 */
function headInRun(line: string, i: number): boolean {
  if (!LEADS_ARE_METRIC) return true;
  for (let p = i + 1; p < line.length && p - i < MAX_RUN && isMetricChar(line.charCodeAt(p)); p++) if (mayEndMetric(line, p + 1, true)) return true;
  return false;
}

/**
 * A metric phrase not in the catalogue that starts at `line[i]` (after any leading scope words and
 * years) and is followed by a target expression, a joiner or a parenthesis: the shortest phrase ending
 * in a metric head (data/vocab/targets.yaml). Null when a catalogue name starts inside it (the scan
 * reaches that name itself) or nothing target-like follows. Bounded: MAX_METRIC characters are looked at.
 */
function localMetricAt(line: string, i: number, names: IndicatorNameIndex): ChainItem | null {
  if (!headInRun(line, i)) return null;
  let from = i;
  for (let n = 0; n < 4; n++) {
    const lead = LEADING.exec(line.slice(from, from + 12));
    if (!lead || lead[0].length === 0) break;
    from += lead[0].length;
  }
  // `石岭市、固川市、中宁市年均浓度分别…`: the place that ends a list of places is not the metric's name
  if (i > 1 && line[i - 1] === '、' && PLACE_END.test(line[i - 2])) from += placeOpening(line, from);
  let stop = from;
  while (stop < line.length && stop - from < MAX_METRIC && isMetricChar(line.charCodeAt(stop))) stop++;
  if (stop === from || /\d/.test(line[from])) return null;
  // a lead-in inside the run (`加快建设推动污水收集率`): the phrase starts after its last one
  const run = line.slice(from, stop);
  const base = from;
  CLAUSE_WORD.lastIndex = 0;
  for (let m = CLAUSE_WORD.exec(run); m; m = CLAUSE_WORD.exec(run)) from = base + m.index + m[0].length;
  if (from >= stop) return null;
  // an institution is a target only where nothing before it in its clause works on it (`完善……制度`)
  return localMetricIn(line, from, stop, names, 0, !WORKS_ON.test(line.slice(i, from)));
}

/**
 * A metric phrase that begins with a catalogue name and runs on (`重点建设用地安全利用率`): the catalogue's
 * indicator when all that follows the name is a metric head (the edition writes the name without 率),
 * else a local metric.
 */
function longerMetric(line: string, c: ChainItem, names: IndicatorNameIndex): ChainItem | null {
  // `环境空气质量优良天数比率`: a longer catalogue name that starts inside this one (`空气质量优良天数比率`) is the metric
  for (let p = c.at + 1; p < c.at + c.name.length; p++) {
    const inner = acceptName(line, p, names);
    if (inner && p + inner.length > c.at + c.name.length) return { name: inner, at: p, entry: names.resolve(inner) };
  }
  let stop = c.at + c.name.length;
  while (stop < line.length && stop - c.at < MAX_METRIC && isMetricChar(line.charCodeAt(stop))) stop++;
  const found = localMetricIn(line, c.at, stop, names, c.name.length);
  if (!found || found.entry) return found;
  return HEADS.has(found.name.slice(c.name.length)) ? { ...found, entry: c.entry } : found;
}

/** Whether a phrase ending at `e` can end in a metric head, or (with `institutions`) in an institution's head: its last character ends one. */
function mayEndMetric(line: string, e: number, institutions: boolean): boolean {
  return (HEAD_ENDS[line.charCodeAt(e - 1)] & (institutions ? ENDS_HEAD | ENDS_INSTITUTION : ENDS_HEAD)) !== 0;
}

function localMetricIn(line: string, from: number, stop: number, names: IndicatorNameIndex, nameAtStart = 0, institutions = false): ChainItem | null {
  const first = from + Math.max(2, nameAtStart + 1);
  // no head can end the phrase anywhere: nothing below could return a phrase
  let ends = first;
  while (ends <= stop && !mayEndMetric(line, ends, institutions)) ends++;
  if (ends > stop) return null;
  // a catalogue name at the start (`生态保护红线面积不减少`) or inside: the scan reaches it and reads it as that indicator
  if (nameAtStart === 0 && acceptName(line, from, names)) return null;
  for (let e = first; e <= stop; e++) {
    if (acceptName(line, e - 1, names)) return null;
    // a bare head word (`确保面积不减少`) names no metric: the phrase must be longer than its head
    const headLength = wordEndingAt(line, from, e, HEADS_BY_LAST);
    const head = headLength > 0 && e - from > headLength;
    if (institutions && endsWithInstitution(line, from, e) && completionAt(line, e)) return { name: line.slice(from, e), at: from, entry: names.resolve(line.slice(from, e)) };
    if (!head) continue;
    const after = afterParen(line, e);
    if (JOINER.test(line.slice(after, after + 2)) || readTargetExpression(line, after, null)) {
      const name = line.slice(from, e);
      return { name, at: from, entry: names.resolve(name) };
    }
  }
  return null;
}

const EACH_VALUE = new RegExp(String.raw`(?:、|和|及|与|,|,)[\s\u3000]{0,2}(\d{1,9}(?:\.\d{1,6})?)[\s\u3000]{0,2}(${alternation(['%', '%', '‰', ...targetVocabulary.wordUnits.keys()])})?(及以上|以上|及以下|以下|以内)?`, 'y');

function suffixOp(suffix: string): TargetExpression['op'] {
  return suffix.includes('上') ? '>=' : '<=';
}

/** After `分别`: the values that follow the first one, one per name; null unless there is exactly one per name. */
function valuesEach(line: string, exprStart: number, exprEnd: number, first: TargetExpression, count: number): { values: TargetExpression[]; end: number } | null {
  const own = line.slice(exprStart, exprEnd);
  if (!own.includes('分别') || first.value === null) return null;
  const values: TargetExpression[] = [first];
  let end = exprEnd;
  let lastSuffix: string | undefined;
  while (values.length < count + 1) {
    EACH_VALUE.lastIndex = end;
    const m = EACH_VALUE.exec(line);
    if (!m) break;
    lastSuffix = m[3];
    values.push({ ...first, value: Number(m[1]), upper: null, unit: m[2] ? (targetVocabulary.wordUnits.get(m[2]) ?? (m[2] === '%' ? '%' : m[2])) : first.unit, op: m[3] ? suffixOp(m[3]) : first.op });
    end += m[0].length;
  }
  if (values.length !== count) return null;
  // `分别为95%、60%以上`: the 以上 after the last value holds for the values written without one
  if (lastSuffix && !/(以上|以下|以内)$/.test(own)) {
    for (let n = 0; n < values.length - 1; n++) if (n === 0 || values[n].op === first.op) values[n] = { ...values[n], op: suffixOp(lastSuffix) };
  }
  return { values, end };
}

/**
 * The target expression after a name, read with the indicator's direction, or with the direction of
 * the other measure its unit shows (`PM2.5浓度控制在35微克/立方米`: a concentration, lower is better,
 * where the 2019 edition measures the decline in %).
 */
function readTargetIn(line: string, at: number, entry: NameEntry | null): TargetExpression | null {
  const expr = readTargetExpression(line, at, direction(entry));
  const alt = expr && entry ? alternateMeasure(entry.indicator, expr.unit) : null;
  return alt && alt.direction !== direction(entry) ? readTargetExpression(line, at, alt.direction) : expr;
}

const MAX_NAME_GLOSS = 16;
const GLOSS_OPEN = /^\([^()\n]{1,16}\)/;

/**
 * A catalogue name written with a gloss inside it (`断面水质优良(达到或优于Ⅲ类)比例`, `地表水水质优良(达到或好于Ⅲ类)比例`):
 * `open` is the gloss's `(`. The name is looked for with the gloss left out, starting at most
 * MAX_NAME_GLOSS characters before it and not before `from`, and must run on past the gloss.
 */
function glossedName(line: string, open: number, from: number, names: IndicatorNameIndex): ChainItem | null {
  const gloss = GLOSS_OPEN.exec(line.slice(open, open + 20));
  if (!gloss) return null;
  const after = open + gloss[0].length;
  const rest = line.slice(after, after + 24);
  for (let start = Math.max(from, open - MAX_NAME_GLOSS); start <= open - 2; start++) {
    const synthetic = line.slice(start, open) + rest;
    const m = names.matchAt(synthetic, 0);
    if (!m || m.length <= open - start) continue;
    const entry = names.resolve(m);
    // as for any name: a short alias inside a longer word is not that indicator
    if (!entry || (entry.kind !== 'name' && m.length <= 6 && start > 0 && CJK.test(line[start - 1]) && !BOUNDARY_BEFORE.test(line[start - 1]))) continue;
    return { name: line.slice(start, after + m.length - (open - start)), at: start, entry };
  }
  return null;
}

const EACH_LATER = new RegExp(String.raw`^(?:、|和|及|与|,)[\s\u3000]{0,2}(\d{1,9}(?:\.\d{1,6})?)`);
const JOINED_BEFORE = /[、和及与]$/;
const VALUE_TAIL = new RegExp(String.raw`^[\s\u3000]{0,2}(${UNIT_ALT})?[\s\u3000]{0,2}(及以上|以上|及以下|以下|以内)?`);
const ELIDED_ITEM = /([\u4e00-\u9fffA-Za-z0-9.]{2,12}(?:\([A-Za-z0-9.]{1,8}\))?)$/;

/**
 * One name, `分别` and several values (`分别控制在68、87、85微克/立方米以内`, `分别比2015年下降23.3%、22.9%以上`):
 * - after names that share its words (`二氧化硫、氮氧化物排放总量`, `可吸入颗粒物(PM10)和细颗粒物(PM2.5)平均浓度`),
 *   the last value is this name's and each earlier one goes to an earlier name with the shared words;
 * - else the values go one each to the places the sentence opens with, when there are as many.
 * Null when neither holds.
 */
function valuesOfOneName(
  line: string,
  item: ChainItem,
  exprStart: number,
  exprEnd: number,
  expr: TargetExpression,
  sentenceStart: number,
  names: IndicatorNameIndex,
): { values: { item: ChainItem; expr: TargetExpression; scope?: string; local?: string }[]; end: number } | null {
  if (!line.slice(exprStart, exprEnd).includes('分别')) return null;
  const raw: number[] = [expr.value!];
  let end = exprEnd;
  for (let n = 0; n < 12; n++) {
    const m = EACH_LATER.exec(line.slice(end, end + 16));
    if (!m) break;
    raw.push(Number(m[1]));
    end += m[0].length;
  }
  if (raw.length < 2) return null;
  // the unit and the 以上/以内 written after the last value hold for every value
  const after = VALUE_TAIL.exec(line.slice(end, end + 16));
  let unit = expr.unit;
  let op = expr.op;
  if (after) {
    if (after[1]) unit = after[1] === '%' ? '%' : (targetVocabulary.wordUnits.get(after[1]) ?? after[1]);
    if (after[2] && !/(以上|以下|以内)$/.test(line.slice(exprStart, exprEnd))) op = suffixOp(after[2]);
    end += after[0].length;
  }
  const valueExpr = (v: number): TargetExpression => ({ ...expr, value: v, upper: null, unit, op });
  if (JOINED_BEFORE.test(line.slice(Math.max(0, item.at - 1), item.at))) {
    // names before this one that share its words: `二氧化硫、氮氧化物排放总量`
    const shared = sharedWords(item.name);
    if (!shared) return null;
    const earlier: { item: ChainItem; local: string }[] = [];
    let p = item.at - 1;
    while (earlier.length < raw.length - 1 && p > 0 && JOINED_BEFORE.test(line[p])) {
      const m = ELIDED_ITEM.exec(line.slice(Math.max(0, p - 20), p));
      if (!m) break;
      let at = p - m[1].length;
      // `全市二氧化硫、…`: scope words before the first name are not part of it
      for (let lead = LEADING.exec(line.slice(at, p)); lead && lead[0].length > 0 && lead[0].length < p - at - 1; lead = LEADING.exec(line.slice(at, p))) at += lead[0].length;
      const written = line.slice(at, p);
      const local = written + shared;
      earlier.unshift({ item: { name: written, at, entry: names.resolve(local) }, local });
      p = at - 1;
    }
    if (earlier.length !== raw.length - 1) return null;
    return { values: [...earlier.map((e, n) => ({ item: e.item, local: e.local, expr: valueExpr(raw[n]) })), { item, expr: valueExpr(raw[raw.length - 1]) }], end };
  }
  // the sentence's places, one value each: `石嘴山市、固原市、中卫市…分别控制在68、87、85微克/立方米以内`
  const places = leadingPlaces(line, sentenceStart, item.at);
  if (!places || places.length !== raw.length) return null;
  return { values: raw.map((v, n) => ({ item, expr: valueExpr(v), scope: places[n] })), end };
}

/** The words a name shares with names written before it without them: after its gloss (`…(PM2.5)平均浓度`), else its metric head. */
function sharedWords(name: string): string | null {
  const close = name.lastIndexOf(')');
  if (close >= 0 && close < name.length - 1) return name.slice(close + 1);
  for (const len of HEAD_LENGTHS) if (name.length > len && HEADS.has(name.slice(name.length - len))) return name.slice(name.length - len);
  return null;
}

function afterParen(line: string, j: number): number {
  const paren = NAME_PAREN.exec(line.slice(j, j + 14));
  return paren ? j + paren[0].length : j;
}

/**
 * `公众对生态文明建设的参与度和满意度`: the second name is written without the words it shares
 * with the first. Try the first name's leading part with the text after the joiner.
 */
function elidedName(prev: ChainItem, line: string, k: number, names: IndicatorNameIndex): ChainItem | null {
  if (!prev.entry) return null;
  const tail = line.slice(k, k + 24);
  for (let p = prev.name.length - 1; p >= 2; p--) {
    const synthetic = prev.name.slice(0, p) + tail;
    const m = names.matchAt(synthetic, 0);
    if (!m || m.length - p < 2 || m === prev.name) continue;
    const entry = names.resolve(m);
    if (!entry || entry.indicator.id === prev.entry.indicator.id) continue;
    return { name: m.slice(p), at: k, entry };
  }
  return null;
}

/**
 * Words before a name that set its target: a trend phrase (`进一步降低单位地区生产总值能耗`, a trend
 * target), or for an indicator whose catalogue value is a verb (建立/实施/有效开展) that verb (`全面实施河长制`).
 */
function targetFromWordsBefore(c: ChainItem, line: string, lineStart: number, text: string, index: LineIndex, names: IndicatorNameIndex, alone: boolean): IndicatorTarget | null {
  const ind = c.entry?.indicator;
  if (!ind) return null;
  const ends = NAME_ENDS.test(line.slice(c.at + c.name.length, c.at + c.name.length + 1));
  const trend = TREND_BEFORE.exec(line.slice(Math.max(0, c.at - 6), c.at));
  if (trend && ends && ind.parts.length === 0) {
    const start = c.at - trend[0].length;
    const expr: TargetExpression = { op: 'trend', value: null, upper: null, unit: null, year: null, text: trend[0], length: 0 };
    return makeTarget(c.entry, c.name, expr, lineStart + start, lineStart + c.at + c.name.length, lineStart + c.at, text, index, false, yearBefore(line, start), names.primary.id);
  }
  if (!alone || (ind.unit !== '-' && ind.unit !== null) || ind.parts.length > 0) return null;
  if (ind.thresholds.some((t) => t.op !== undefined)) return null;
  // `制定实施《云岫市生态文明建设规划(2024—2030年)》`: the name ends a document's title, the verb is before the title
  const title = titleAround(line, c);
  const objectAt = title ? title.open : c.at;
  const verb = VERB_BEFORE.exec(line.slice(Math.max(0, objectAt - 5), objectAt))?.[0] ?? ownValueBefore(line, objectAt, ind.value);
  if (!verb) return null;
  // `建立河长制工作季度通报机制`: the name only modifies what follows, so it is not the object
  if (!ends && !title) return null;
  const start = objectAt - verb.length;
  const end = title ? title.close + 1 : c.at + c.name.length;
  const expr: TargetExpression = { op: 'qualitative', value: null, upper: null, unit: null, year: null, text: verb, length: 0 };
  return makeTarget(c.entry, c.name, expr, lineStart + start, lineStart + end, lineStart + c.at, text, index, false, yearBefore(line, start), names.primary.id);
}

// Inside a document's title a name may follow the issuer's place (`《云岫市`) and be followed by its period (`(2024—2030年)》`).
const TITLE_PLACE = /[\u4e00-\u9fff]/;
const MAX_TITLE_PLACE = 12;
const TITLE_PERIOD = /^[((][0-9\u4e00-\u9fff—–\-~～至、]{1,16}[))]/;

/** Where the 《 and 》 of a document title are whose name part ends with the name `c`, or null. Bounded scans. */
function titleAround(line: string, c: ChainItem): { open: number; close: number } | null {
  let p = c.at;
  while (p > 0 && c.at - p < MAX_TITLE_PLACE && TITLE_PLACE.test(line[p - 1])) p--;
  if (p === 0 || line[p - 1] !== '《') return null;
  let k = c.at + c.name.length;
  const period = TITLE_PERIOD.exec(line.slice(k, k + 18));
  if (period) k += period[0].length;
  return line[k] === '》' ? { open: p - 1, close: k } : null;
}

/** The indicator's own catalogue value, where it is words (`制定实施`, `有效开展`), written right before `at`. */
function ownValueBefore(line: string, at: number, value: string | null | undefined): string | null {
  if (!value || !/^[\u4e00-\u9fff]{2,6}$/.test(value) || at < value.length) return null;
  return line.slice(at - value.length, at) === value ? value : null;
}

function acceptName(line: string, i: number, names: IndicatorNameIndex): string | null {
  const name = names.matchAt(line, i);
  if (!name) return null;
  if (i > 0) {
    const entry = names.resolve(name);
    const prev = line[i - 1];
    if (entry && entry.kind !== 'name' && name.length <= 6 && CJK.test(prev) && !BOUNDARY_BEFORE.test(prev)) return null;
  }
  return name;
}

/** A target from an indicator tag, or from the prose right after a reference tag. */
export function targetFromTag(
  tag: IndicatorTagMatch,
  line: string,
  lineStart: number,
  text: string,
  index: LineIndex,
  names: IndicatorNameIndex,
): IndicatorTarget | null {
  const entry = names.resolve(tag.name);
  if (tag.op !== null) {
    const expr: TargetExpression = { op: tag.op, value: tag.value, upper: null, unit: tag.unit, year: tag.year, text: tag.text, length: 0 };
    return makeTarget(entry, tag.name, expr, tag.start, tag.end, tag.nameStart, text, index, true, tag.year ?? yearBefore(line, tag.start - lineStart), names.primary.id);
  }
  const after = tag.end - lineStart;
  const expr = readTargetIn(line, after, entry);
  if (!expr) return null;
  const year = tag.year ?? yearBefore(line, tag.start - lineStart);
  return makeTarget(entry, tag.name, expr, tag.start, lineStart + after + expr.length, tag.nameStart, text, index, true, year, names.primary.id);
}
