import type { IndicatorNameIndex } from '../catalogue/nameIndex';
import { alternateMeasure } from '../catalogue/thresholds';
import type { NameEntry } from '../catalogue/types';
import type { IndicatorMention, IndicatorTarget } from '../model/types';
import type { LineIndex } from '../text/lineIndex';
import type { IndicatorTagMatch } from './tags';
import { readTargetExpression, type TargetExpression } from './targetExpression';

/**
 * Targets stated in prose: an indicator name (or alias, or former name) followed by a target
 * expression, e.g. `城镇污水处理率达95%以上`. Names joined by 、/和/及 share the expression that
 * follows the last one (`优良天数比例、PM2.5浓度下降幅度完成上级规定的考核任务`).
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
  text: string,
  index: LineIndex,
  tagged: boolean,
  year: number | null,
  primaryId: string,
): IndicatorTarget {
  const t: IndicatorTarget = {
    indicator: entry ? entry.indicator.name : written,
    writtenName: written,
    catalogueId: entry ? entry.indicator.id : null,
    match: entry ? (entry.edition.id !== primaryId ? 'other-edition' : entry.kind) : null,
    surface: text.slice(surfaceStart, surfaceEnd),
    op: expr.op,
    value: expr.value,
    unit: expr.unit,
    year: expr.year ?? year,
    tagged,
    range: index.range(surfaceStart, surfaceEnd),
    nameRange: index.range(nameStart, nameStart + written.length),
  };
  if (expr.upper !== null) t.upper = expr.upper;
  if (expr.text) t.text = expr.text;
  if (expr.relative) t.relative = expr.relative;
  return t;
}

/** The year a sentence sets for what follows: `到2023年,…` / `2023年底前…`. */
function yearBefore(line: string, at: number): number | null {
  let from = at;
  const floor = Math.max(0, at - 80);
  while (from > floor && !'。;;!?'.includes(line[from - 1])) from--;
  const window = line.slice(from, at);
  let year: number | null = null;
  const re = /((?:19|20)\d\d)年/g;
  for (let m = re.exec(window); m; m = re.exec(window)) year = Number(m[1]);
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
const NAME_PAREN = /^[((][A-Za-z0-9.\u4e00-\u9fff、]{1,10}[))]/;
// A measure that is not in the catalogue, inside a list of names that share a target
// (`村镇饮用水卫生合格率和农村饮用水达标人口覆盖率保持100%`): it carries the list on, but gets no target.
const LOCAL_MEASURE = /^[\u4e00-\u9fffA-Za-z0-9.“”"]{1,22}?(?:覆盖率|占比|比例|比重|率|指数)/;
// What may follow a name that is the object of a value verb: the end of the phrase, not more words.
const NAME_ENDS = /^([。;;,,、:: \t\u3000)\]〕(\[〔]|$)/;
// The catalogue's own value verbs written before the name (`全面实施河长制`, `建立突发生态环境事件应急管理机制`).
const VERB_BEFORE = /(全面实施|全面推行|全面建立|建立健全|制定并实施|制定实施|有效开展|实施|推行|建立)$/;

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
  for (let i = 0; i < line.length; i++) {
    while (s < skip.length && skip[s][1] <= i) s++;
    if (s < skip.length && i >= skip[s][0]) {
      i = skip[s][1] - 1;
      continue;
    }
    const first = acceptName(line, i, names);
    if (!first) continue;
    const chain: ChainItem[] = [{ name: first, at: i, entry: names.resolve(first) }];
    let j = afterParen(line, i + first.length);
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
      const local = LOCAL_MEASURE.exec(line.slice(k, k + 30));
      if (local && !/[,,。;;]/.test(local[0])) {
        chain.push({ name: local[0], at: k, entry: null });
        j = afterParen(line, k + local[0].length);
        continue;
      }
      break;
    }
    const named = chain.filter((c) => c.entry !== null || c === chain[0]);
    if (mentions) {
      for (const c of named) if (c.entry) mentions.push({ catalogueId: c.entry.indicator.id, name: c.name, range: index.range(lineStart + c.at, lineStart + c.at + c.name.length) });
    }
    const last = chain[chain.length - 1];
    const expr = readTargetIn(line, j, last.entry ?? chain[0].entry);
    if (!expr) {
      const verbTarget = chain.length === 1 ? targetFromVerbBefore(chain[0], line, lineStart, text, index, names) : null;
      if (verbTarget) out.push(verbTarget);
      i = j - 1;
      continue;
    }
    const end = j + expr.length;
    const year = yearBefore(line, i);
    for (const c of named) {
      out.push(makeTarget(c.entry, c.name, expr, lineStart + c.at, lineStart + end, lineStart + c.at, text, index, false, year, names.primary.id));
    }
    i = end - 1;
  }
  return out;
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

/** `全面实施河长制`: for an indicator whose catalogue value is a verb (建立/实施/有效开展), the verb before its name is the target. */
function targetFromVerbBefore(c: ChainItem, line: string, lineStart: number, text: string, index: LineIndex, names: IndicatorNameIndex): IndicatorTarget | null {
  const ind = c.entry?.indicator;
  if (!ind || (ind.unit !== '-' && ind.unit !== null) || ind.parts.length > 0) return null;
  if (ind.thresholds.some((t) => t.op !== undefined)) return null;
  const verb = VERB_BEFORE.exec(line.slice(Math.max(0, c.at - 5), c.at));
  if (!verb) return null;
  // `建立河长制工作季度通报机制`: the name only modifies what follows, so it is not the object
  if (!NAME_ENDS.test(line.slice(c.at + c.name.length, c.at + c.name.length + 1))) return null;
  const start = c.at - verb[0].length;
  const expr: TargetExpression = { op: 'qualitative', value: null, upper: null, unit: null, year: null, text: verb[0], length: 0 };
  return makeTarget(c.entry, c.name, expr, lineStart + start, lineStart + c.at + c.name.length, lineStart + c.at, text, index, false, yearBefore(line, start), names.primary.id);
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
