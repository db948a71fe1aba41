import type { IndicatorNameIndex } from '../catalogue/nameIndex';
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
    const chain: { name: string; at: number; entry: NameEntry | null }[] = [{ name: first, at: i, entry: names.resolve(first) }];
    const mention = (c: (typeof chain)[number]) => {
      if (mentions && c.entry) mentions.push({ catalogueId: c.entry.indicator.id, name: c.name, range: index.range(lineStart + c.at, lineStart + c.at + c.name.length) });
    };
    let j = i + first.length;
    while ('、和及与'.includes(line[j] ?? '\0')) {
      const next = acceptName(line, j + 1, names);
      if (!next) break;
      chain.push({ name: next, at: j + 1, entry: names.resolve(next) });
      j = j + 1 + next.length;
    }
    // `(EI)` / `(PM2.5)` after a name is part of how it is written
    const paren = /^[((][A-Za-z0-9.]{1,8}[))]/.exec(line.slice(j, j + 12));
    if (paren) j += paren[0].length;
    for (const c of chain) mention(c);
    const expr = readTargetExpression(line, j, direction(chain[chain.length - 1].entry));
    if (!expr) {
      i = j - 1;
      continue;
    }
    const end = j + expr.length;
    const year = yearBefore(line, i);
    for (const c of chain) {
      out.push(makeTarget(c.entry, c.name, expr, lineStart + c.at, lineStart + end, lineStart + c.at, text, index, false, year, names.primary.id));
    }
    i = end - 1;
  }
  return out;
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
  const expr = readTargetExpression(line, after, direction(entry));
  if (!expr) return null;
  const year = tag.year ?? yearBefore(line, tag.start - lineStart);
  return makeTarget(entry, tag.name, expr, tag.start, lineStart + after + expr.length, tag.nameStart, text, index, true, year, names.primary.id);
}
