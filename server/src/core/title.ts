import planLevelData from '../../../data/vocab/planLevel.yaml';
import type { PlanLevel, PlanModel } from './model/types';
import { matchNumbering } from './recognise/numbering';
import { foldWidth } from './text/fold';

// ---- the plan's title ----

// the last words of a plan's title: 实施方案 / 行动方案 / 工作方案, maybe followed by its years
const PLAIN_TITLE = /(方案|计划)(\s*[((][^()()]{0,20}[))])?$/;
const NOT_TITLE = /通知|印发|《|》/;
/** How far down pasted text a title is looked for. */
const TITLE_SEARCH_LINES = 200;
/** A short line above a title that is the title's first half (`咸宁市创建国家生态文明建设示范市` / `工作实施方案`). */
const TITLE_HALF_MAX = 30;
const NOT_TITLE_HALF = /[,,。:;;、]|通知|印发|号$|日$|办公室$|政府$/;

/** Text that reads like a plan's title (`…实施方案`, `…行动计划(2022—2024年)`). */
export function looksLikePlanTitle(text: string): boolean {
  return PLAIN_TITLE.test(text.trim().slice(-40)) && !NOT_TITLE.test(text);
}

/**
 * Finds the plan's title line by line: the first level-1 Markdown heading, or in pasted text the
 * first unnumbered line that ends like a plan's title (a title broken over two lines is joined with
 * the short line above it).
 */
export class TitleFinder {
  title: string | null = null;
  line = 0;

  /** `work` is the width-folded text, `lineText` the line in it. */
  consider(line: number, lineText: string, contentStart: number, numbered: boolean, headingDepth: number | undefined, work: string, lineStarts: number[], lineEnd: (l: number) => number): void {
    if (this.title !== null) return;
    if (headingDepth === 1) {
      this.title = lineText.slice(contentStart).replace(/\*\*/g, '').trim();
      this.line = line;
      return;
    }
    if (numbered || headingDepth !== undefined || line >= TITLE_SEARCH_LINES) return;
    if (!looksLikePlanTitle(lineText)) return;
    let t = lineText.slice(contentStart).trim();
    let at = line;
    for (let p = line - 1; p >= 0 && p >= line - 2; p--) {
      const prev = work.slice(lineStarts[p], lineEnd(p)).trim();
      if (prev === '') continue;
      if (prev.length <= TITLE_HALF_MAX && !NOT_TITLE_HALF.test(prev) && !matchNumbering(prev)) {
        t = prev + t;
        at = p;
      }
      break;
    }
    this.title = t;
    this.line = at;
  }
}

// ---- the plan's level from its title and issuer (data/vocab/planLevel.yaml) ----

interface PlanLevelVocab {
  units: Record<PlanLevel, string[]>;
  countyCity: string[];
  after: string[];
  notInName: string[];
  notFirst: string[];
  maxName: number;
  headLines: number;
}

const VOCAB = planLevelData as PlanLevelVocab;
const fold = (list: string[]) => list.map((w) => foldWidth(w));
const UNIT_LEVEL: [string, PlanLevel][] = (Object.entries(VOCAB.units) as [PlanLevel, string[]][])
  .flatMap(([level, units]) => units.map((u) => [u, level] as [string, PlanLevel]))
  .sort((a, b) => b[0].length - a[0].length);
/** The last characters of the unit words: a name ending otherwise ends with none of them. */
const UNIT_ENDS = new Set(UNIT_LEVEL.map(([u]) => u.charCodeAt(u.length - 1)));
const AFTER = fold(VOCAB.after);
const NOT_IN_NAME = fold(VOCAB.notInName);
const NOT_FIRST = fold(VOCAB.notFirst);
const COUNTY_CITY = fold(VOCAB.countyCity);
const HAN = /\p{Script=Han}/u;
const LEADING_YEAR = /^(?:(?:19|20)\d{2}\s*(?:年度?|[-—–~至]\s*(?:19|20)\d{2}\s*年)?\s*)?/;

export interface LevelEvidence {
  level: PlanLevel;
  /** The words as written in the plan. */
  words: string;
  line: number;
  /** The words are in the plan's title (else in a line above it). */
  inTitle: boolean;
}

/** The place name a line starts with (`××市××区`), with the level of its last unit, or null. */
export function placeAtStart(line: string): { name: string; level: PlanLevel; start: number } | null {
  const lead = LEADING_YEAR.exec(line)![0].length;
  const s = line.slice(lead, lead + VOCAB.maxName + 1);
  if (NOT_FIRST.some((w) => s.startsWith(w))) return null;
  let best: { name: string; level: PlanLevel } | null = null;
  for (let end = 2; end <= Math.min(s.length, VOCAB.maxName); end++) {
    const name = s.slice(0, end);
    if (!HAN.test(name[end - 1])) break;
    const unit = UNIT_ENDS.has(name.charCodeAt(end - 1)) ? UNIT_LEVEL.find(([u]) => name.endsWith(u) && name.length > u.length) : undefined;
    if (!unit) continue;
    if (NOT_IN_NAME.some((w) => name.includes(w))) break;
    const rest = line.slice(lead + end);
    if (rest.trim() === '' || AFTER.some((w) => rest.startsWith(w))) best = { name, level: unit[1] };
  }
  return best ? { ...best, start: lead } : null;
}

/** The lines of the plan's head: from the front matter's end to its title, or (without one) to its first numbered line. */
function headLines(model: Pick<PlanModel, 'text' | 'title' | 'titleRange' | 'frontMatter'>): { lines: string[]; head: number[]; titleLine: number } {
  const titleLine = model.title !== null ? model.titleRange.start.line : -1;
  const lines = model.text.split('\n', titleLine >= 0 ? titleLine + 1 : VOCAB.headLines);
  const from = model.frontMatter ? model.frontMatter.range.end.line + 1 : 0;
  const first = Math.max(from, (titleLine >= 0 ? titleLine : lines.length) - VOCAB.headLines);
  const head: number[] = [];
  for (let l = first; l < lines.length && l <= Math.max(titleLine, first + VOCAB.headLines - 1); l++) {
    if (titleLine < 0 && matchNumbering(foldWidth(lines[l]))) break;
    head.push(l);
  }
  return { lines, head, titleLine };
}

/** A line's text from the place name on: width folded, without Markdown marks or a metadata label (`发布机构:`). */
const ISSUER_LABEL = /^(?:发布机构|发文机关|发文单位|发布单位|来源|信息来源)\s*[::]\s*/;
/** Marks before a place name: Markdown, list bullets, stray punctuation and `?` of a lost encoding, a site's `【海南】` label, an opening 《 or quote; also the party's 中共 (中共××县委), 关于 (关于××县创建…的实施方案) and a leading year (`2023年,`). */
const BEFORE_PLACE = /^(?:[#\s\u3000*•·\-,,。、;;::?《“"「]|【[^】]{0,8}】)*/;
export const placeText = (raw: string | undefined) => foldWidth(raw ?? '').replace(BEFORE_PLACE, '').replace(ISSUER_LABEL, '').replace(/^(?:中共|关于)/, '').replace(LEADING_YEAR, '').replace(BEFORE_PLACE, '');

/** Where a place name was found in the plan: the words as written, their line, the level their last unit reads as. */
export interface PlaceWords {
  name: string;
  words: string;
  line: number;
  level: PlanLevel;
}

export function asWritten(raw: string, name: string): string {
  const at = foldWidth(raw).indexOf(name);
  return at >= 0 ? raw.slice(at, at + name.length) : name;
}

/** The lines the plan's place is read from, in order: its title, then the other lines of its head (the issuer, a web page's `发布机构:`). */
export function placeLines(model: Pick<PlanModel, 'text' | 'title' | 'titleRange' | 'frontMatter'>): { line: number; raw: string; text: string }[] {
  const { lines, head, titleLine } = headLines(model);
  const order = titleLine >= 0 ? [titleLine, ...head.filter((l) => l !== titleLine)] : head;
  return order.map((l) => ({ line: l, raw: lines[l] ?? '', text: placeText(lines[l]) }));
}

/** The place a line names at its start, by the words of its units alone (`××市××区`). */
export function placeWordsAt(line: number, raw: string, text: string): PlaceWords | null {
  const p = placeAtStart(text);
  return p ? { name: p.name, level: p.level, line, words: asWritten(raw, p.name) } : null;
}

/**
 * The place the plan's head names: at the start of its title, else of a line above it (the issuer,
 * a web page's `发布机构:`). Null when the head names none.
 */
export function headPlace(model: Pick<PlanModel, 'text' | 'title' | 'titleRange' | 'frontMatter'>): PlaceWords | null {
  for (const { line, raw, text } of placeLines(model)) {
    const p = placeWordsAt(line, raw, text);
    if (p) return p;
  }
  return null;
}

/** A signature or issuer line: a short line that is a government or its office (`余姚市人民政府办公室`). */
const SIGNATURE = /^[^\s,,。:;;、]{2,24}(?:人民政府(?:办公室|办公厅)?|委员会|委办公室|党委|领导小组(?:办公室)?)$/;
const SIGNATURE_MAX = 36;

/** Whether a line reads as a signature or issuer line (`余姚市人民政府办公室`). */
export function isSignatureLine(raw: string): boolean {
  return raw.length <= SIGNATURE_MAX && SIGNATURE.test(placeText(raw).trim());
}

/** Signature lines anywhere in the plan (a short line that is a government or its office), for a plan whose head names no place. */
export function signatureLines(text: string): { line: number; raw: string; text: string }[] {
  const out: { line: number; raw: string; text: string }[] = [];
  let start = 0;
  for (let l = 0; start <= text.length; l++) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    if (end - start <= SIGNATURE_MAX) {
      const raw = text.slice(start, end);
      const t = placeText(raw).trim();
      if (SIGNATURE.test(t)) out.push({ line: l, raw, text: t });
    }
    if (nl < 0) break;
    start = nl + 1;
  }
  return out;
}

/**
 * The plan's level from its head: the place at the start of its title (or, when the title names
 * none, of a line above it — the issuer). A 区, 县 or 旗 is 县 level; a 市 is 市 level unless the
 * head says it is a 县级市 (`县级市`, a page's `政策层级:县级政策`). Null when the head names no place.
 * (Used when the place is not a unit of the national divisions: core/place/placeOfPlan.ts.)
 */
export function levelFromDocument(model: Pick<PlanModel, 'text' | 'title' | 'titleRange' | 'frontMatter'>, place: PlaceWords | null = headPlace(model)): LevelEvidence | null {
  const { lines, head, titleLine } = headLines(model);
  const evidence = (l: number, words: string, level: PlanLevel): LevelEvidence => ({ level, words: asWritten(lines[l], words), line: l, inTitle: l === titleLine });
  if (place?.level === '县') return { level: '县', words: place.words, line: place.line, inTitle: place.line === titleLine };
  for (const l of head) {
    const text = foldWidth(lines[l]);
    const word = COUNTY_CITY.find((w) => text.includes(w));
    if (word) return evidence(l, word, '县');
  }
  return place ? { level: '市', words: place.words, line: place.line, inTitle: place.line === titleLine } : null;
}

// ---- the plan's year ----

const TITLE_YEARS = /((?:19|20)\d{2})\s*(?:年)?\s*[-—–~至]+\s*(?:19|20)\d{2}|((?:19|20)\d{2})\s*年/;
const DATE_LINE = /^\s*((?:19|20)\d{2})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$/;

/** The year the plan was written: the first year in its title, else a date line (`2022年5月20日`) above it. */
export function planYear(model: Pick<PlanModel, 'text' | 'title' | 'titleRange'>): { year: number; line: number } | null {
  if (model.title !== null) {
    const m = TITLE_YEARS.exec(foldWidth(model.title.slice(0, 200)));
    if (m) return { year: Number(m[1] ?? m[2]), line: model.titleRange.start.line };
  }
  const lines = model.text.split('\n', model.title !== null ? model.titleRange.start.line + 1 : VOCAB.headLines);
  const first = Math.max(0, lines.length - 1 - VOCAB.headLines);
  for (let l = lines.length - 1; l >= first; l--) {
    const m = DATE_LINE.exec(foldWidth(lines[l].slice(0, 40)));
    if (m && lines[l].length <= 40) return { year: Number(m[1]), line: l };
  }
  return null;
}

// ---- the plan's date ----

/** An issue date on a line of its own: `2024年5月20日`, `慈溪市人民政府办公室 2022年5月23日印发`; not a deadline (`2025年12月31日前`). */
const ISSUE_DATE = /^(?:\D{0,30}?\s)?((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*\d{1,2}\s*日\s*(?:印发|发布)?$/;
/** A web page's metadata: `发布日期:2020-11-19`. */
const ISO_DATE = /^(?:(?:发布|成文|印发)日期\s*:?\s*)?((?:19|20)\d{2})[-./](\d{1,2})[-./]\d{1,2}(?!\d)/;
const SIGNATURE_LINES = 40;

/**
 * When the plan was written: the issue date in its head (above the title) or its signature (the
 * last lines), to the month; else the year of its period or title (`planYear`), month unknown.
 */
export function planDate(model: Pick<PlanModel, 'text' | 'title' | 'titleRange'>, period?: { from: number }): { year: number; month: number | null } | null {
  const lines = model.text.split('\n');
  const dateOf = (l: number) => {
    const text = foldWidth(lines[l]).trim();
    if (text.length > 60) return null;
    const m = ISSUE_DATE.exec(text) ?? ISO_DATE.exec(text);
    return m ? { year: Number(m[1]), month: Number(m[2]) } : null;
  };
  const titleLine = model.title !== null ? model.titleRange.start.line : Math.min(lines.length, VOCAB.headLines);
  for (let l = Math.min(titleLine, lines.length - 1); l >= 0; l--) {
    const d = dateOf(l);
    if (d) return d;
  }
  for (let l = lines.length - 1; l > titleLine && l >= lines.length - SIGNATURE_LINES; l--) {
    const d = dateOf(l);
    if (d) return d;
  }
  const year = period?.from ?? planYear(model)?.year;
  return year === undefined ? null : { year, month: null };
}
