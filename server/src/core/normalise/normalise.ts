import { findResponsibilityClauses, CLAUSE_LABELS } from '../recognise/responsibilityClause';
import { matchNumbering, skipMarkdownPrefix } from '../recognise/numbering';
import { foldWidth } from '../text/fold';
import { NormalisedText, TextMapBuilder } from './textMap';

/**
 * Text copied from a PDF, made into what the reader expects, keeping a map back to the original.
 *
 * A PDF copy breaks every line at the page's width (`县农业农` / `村局`), carries the page numbers
 * (`— 5 —`, `-6-`, `第5页 共12页`, a bare `5`) between the lines of a paragraph, and spaces out
 * characters (`县 住房和城乡建设局`, `一 、`, `保 障 措 施`). Decided by structure, never by names:
 *
 * - The layout: a document is hard-wrapped when many of its lines have nearly the same width (the
 *   page's), do not end a sentence, and hardly any line is wider (a plan written one paragraph per
 *   line has its long lines far wider than its few open ones). Only then are lines joined: a line of
 *   the page's width that does not end a sentence (。;:!?, a closing bracket that closes a clause or
 *   follows one of those), or any line that stops inside a bracket, with the next one, unless that one
 *   starts a structure (a numbering, a clause, a dash item, an attachment, Markdown block syntax, a
 *   deeper indent). Page-number lines and blank lines between the two go with the line break.
 * - Page-number lines (`— 5 —`, `-6-`, `第5页 共12页`) are dropped anywhere; a bare number only
 *   between two lines that join.
 * - A space between CJK characters is dropped when a one-character word stands beside it
 *   (`县 住房…`, `保 障 措 施`), before a closing mark (`一 、`) or after an opening bracket; a
 *   space between a number and CJK text on both sides (`到 2025 年`); the spaces of a line that is
 *   nothing but spaced-out characters (`前  言`).
 *
 * A plan in its usual form comes out unchanged, and then nothing more is built (identity: no map).
 */

export interface Normalised {
  /** The text the reader reads; the original itself when nothing changed. */
  text: string;
  /** Null when nothing changed. */
  normalised: NormalisedText | null;
  /** What an edit inside one line needs to know whether the text stays unchanged (see LayoutProfile.afterEdit). */
  layout: LayoutProfile;
}

// ---- characters ----

const isHan = (c: number) => (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);
const isDigit = (c: number) => c >= 48 && c <= 57;
const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
/** Horizontal white space inside a line. */
const isSpace = (c: number) => c === 32 || c === 0x3000 || c === 0xa0;
/** Marks that never start a word: no space belongs before them. */
const CLOSING = new Set([...'、。,，;；:：)）〕】》」』”!！?？'].map((c) => c.charCodeAt(0)));
/** Brackets that open: no space belongs after them. */
const OPENING = new Set([...'(（〔【《「『“'].map((c) => c.charCodeAt(0)));
/** What ends a sentence (or a clause of one) at a line's end. */
const HARD_END = new Set([...'。;；:：!！?？…'].map((c) => c.charCodeAt(0)));
const CLOSERS = new Set([...')）〕】]》」』”’"'].map((c) => c.charCodeAt(0)));
const BRACKET_OPEN = new Set([...'(（〔【[《「『“'].map((c) => c.charCodeAt(0)));
const BRACKET_CLOSE = new Set([...')）〕】]》」』”'].map((c) => c.charCodeAt(0)));

/** What may stand beside a one-character word: the line's edge, a space, a punctuation mark (not a number's measure word `15号`, not `[大 中 小]`). */
const wordEdge = (c: number) => Number.isNaN(c) || (!isHan(c) && !isDigit(c) && !isLetter(c) && c !== 91 && c !== 93);

/** Width of a character in quarter ems, as a PDF sets it (ASCII punctuation came from full-width marks). */
function quarterEms(c: number): number {
  if (c >= 0x2e80) return 4;
  if (isDigit(c) || isLetter(c) || c === 46 || c === 37 || c === 45 || c === 47) return 2;
  if (c === 32) return 1;
  return c < 0x80 ? 4 : 2;
}

// ---- lines ----

const PAGE_DASHED = /^[-—–―－─‐‒~～]{1,3}\d{1,4}[-—–―－─‐‒~～]{1,3}$/;
const PAGE_OF = /^(?:第\d{1,4}页(?:[,,/]?共\d{1,4}页)?|共\d{1,4}页[,,/]?第\d{1,4}页)$/;
const BARE_NUMBER = /^\d{1,4}$/;
/** A page-number line: `— 5 —`, `-6-`, `- 6 -`, `第5页 共12页`, `共12页 第5页`. */
export function isPageNumberLine(line: string): boolean {
  const t = foldWidth(line).replace(/[\s\u3000]+/g, '');
  return t.length > 0 && t.length <= 16 && (PAGE_DASHED.test(t) || PAGE_OF.test(t));
}

const MD_BLOCK = /^ {0,3}(?:#{1,6}(?:\s|$)|>|[-*_](?:\s*[-*_]){2,}\s*$|<)|\||<!--|^ {4}/;
const MD_LIST = /^\s*(?:[-*+]|\d{1,9}[.)])\s/;
const MD_FENCE = /^ {0,3}(?:```|~~~)/;
/** Whether the line may open or close a fence (a cheap look at its first characters). */
function mayBeFence(text: string, from: number, to: number): boolean {
  let i = from;
  while (i < to && i - from < 3 && text.charCodeAt(i) === 32) i++;
  const c = text.charCodeAt(i);
  return i < to && (c === 96 || c === 126);
}
const DASH_ITEM = /^(?:——|--|－－)/;
const ATTACHMENT = /^(?:附件|附表|附录)/;
const CLAUSE_OPENER = new RegExp(`^[((〔【\\[]?\\s*(?:${CLAUSE_LABELS.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})\\s*[::]`);

/** Per line: how it counts in the layout profile. */
const CODE = -2; // front matter, fenced code: never touched
const NOT_COUNTED = -1; // blank, Markdown block, table-like, page number

/**
 * The line-width profile of a document: how many lines of each width end open (no sentence end)
 * and how many in all. Kept by an editor so that an edit inside one line can tell, from the two
 * versions of that line alone, whether the whole text still needs no normalising.
 */
export class LayoutProfile {
  /** Text lines by width in quarter ems (capped), and those of them that end open. */
  readonly all: Int32Array = new Int32Array(MAX_Q + 2);
  readonly open: Int32Array = new Int32Array(MAX_Q + 2);
  textLines = 0;
  /** Lines with a page number or spaced-out characters (changed wherever the layout is). */
  artefactLines = 0;

  constructor(
    /** Per line: its width in quarter ems, CODE or NOT_COUNTED. */
    readonly widths: Int16Array,
    readonly opens: Uint8Array,
  ) {}

  add(q: number, open: boolean, sign: 1 | -1) {
    if (q < 0) return;
    const b = Math.min(q, MAX_Q + 1);
    this.all[b] += sign;
    if (open) this.open[b] += sign;
    this.textLines += sign;
  }

  /** The page's width in quarter ems when the document is hard-wrapped, else null. */
  wrapWidth(): number | null {
    // the width (20–60 ems) most open lines are at, give or take what justification and pushed marks change
    let best = 0;
    let bestW = -1;
    for (let w = MIN_WRAP; w <= MAX_WRAP; w++) {
      let n = 0;
      for (let q = w - BELOW; q <= w + ABOVE; q++) n += this.open[q];
      if (n >= best) {
        best = n;
        bestW = w;
      }
    }
    if (best < 3 || best < this.textLines * 0.2) return null;
    // the page's width is the widest of those lines
    for (let q = bestW + ABOVE; q >= bestW - BELOW; q--) {
      if (this.open[q] > 0) {
        bestW = q;
        break;
      }
    }
    let full = 0;
    for (let q = bestW - BELOW; q <= bestW + ABOVE; q++) full += this.all[q];
    let over = 0;
    for (let q = bestW + ABOVE + 1; q <= MAX_Q + 1; q++) over += this.all[q];
    return over <= full * 0.25 ? bestW : null;
  }

  /** Whether the text needs no normalising: no artefact on any line and no hard-wrapped layout. */
  get identity(): boolean {
    return this.artefactLines === 0 && this.wrapWidth() === null;
  }

  /**
   * After an edit inside line `line` (its text before and after), whether the text still needs no
   * normalising; the profile is updated when it does not (null: read the plan in full).
   */
  afterEdit(line: number, before: string, after: string, markdown: boolean): LayoutProfile | null {
    const was = this.widths[line];
    if (markdown && (MD_FENCE.test(before) || MD_FENCE.test(after))) return null;
    if (was === CODE) return this; // front matter and code are never touched
    const next = measureLine(after, markdown);
    if (next.artefact) return null;
    this.add(was, this.opens[line] !== CLOSED, -1);
    this.add(next.q, next.open !== CLOSED, 1);
    if (this.wrapWidth() !== null) {
      this.add(next.q, next.open !== CLOSED, -1);
      this.add(was, this.opens[line] !== CLOSED, 1);
      return null;
    }
    this.widths[line] = next.q;
    this.opens[line] = next.open;
    return this;
  }
}

const MAX_Q = 4 * 64;
const MIN_WRAP = 4 * 20;
const MAX_WRAP = 4 * 60;
/** A full line may be this much narrower (a pushed mark, digits set narrow) or wider than the page's width, in quarter ems. */
const BELOW = 10;
const ABOVE = 4;

const CLOSED = 0;
const OPEN = 1;
/** The line stops inside a bracket it opened (`(责任单位:县农业农`): the line break means nothing there. */
const INSIDE = 2;

/**
 * Whether a line (`text` from `from`, its last visible character at `last`), with no bracket left
 * open, ends without closing a sentence (a line of a wrapped paragraph may): OPEN or CLOSED.
 */
function endsOpen(text: string, last: number, from: number): number {
  const c = text.charCodeAt(last);
  if (HARD_END.has(c)) return CLOSED;
  if (c === 46 /* . */) return isDigit(text.charCodeAt(last - 1)) ? OPEN : CLOSED;
  if (!CLOSERS.has(c)) return OPEN;
  if (last > from && HARD_END.has(text.charCodeAt(last - 1))) return CLOSED;
  if (c === 0x201d || c === 0x2019 || c === 34 || c === 0x300b || c === 0x300d || c === 0x300f) return OPEN; // a quote or a title inside a sentence
  // a bracket: closed when it closes a clause, or opened at the line's start or after a sentence end
  let d = 0;
  let i = last;
  for (; i >= from; i--) {
    // (BRACKET_CLOSE and BRACKET_OPEN by a table lookup: this runs back over the line)
    const cls = CHAR_CLASS[text.charCodeAt(i)];
    if (cls & CH_BRACKET_CLOSE) d++;
    else if (cls & CH_BRACKET_OPEN && --d === 0) break;
  }
  if (i < from) return CLOSED; // opened on a line above: the end of a clause broken over lines
  const before = text.slice(from, i).trimEnd();
  if (before === '' || HARD_END.has(before.charCodeAt(before.length - 1))) return CLOSED;
  const folded = foldWidth(text.slice(from, last + 1));
  return findResponsibilityClauses(folded, 0).some((m) => m.end === last + 1 - from) ? CLOSED : OPEN;
}

interface LineMeasure {
  /** Width in quarter ems, or NOT_COUNTED. */
  q: number;
  /** CLOSED, OPEN or INSIDE a bracket. */
  open: number;
  /** Has a page number or spaced-out characters. */
  artefact: boolean;
}

/** Per character below U+10000, what it is to the line scan (one table lookup instead of several set lookups). */
const CH_OPEN = 1;
const CH_CLOSE = 2;
const CH_SPACE = 4;
const CH_PIPE = 8;
const CHAR_CLASS = new Uint8Array(0x10000);
for (const c of BRACKET_OPEN) if (c !== 0x201c) CHAR_CLASS[c] |= CH_OPEN;
for (const c of BRACKET_CLOSE) if (c !== 0x201d) CHAR_CLASS[c] |= CH_CLOSE;
for (const c of [32, 0x3000, 0xa0, 9]) CHAR_CLASS[c] |= CH_SPACE;
CHAR_CLASS[124] |= CH_PIPE;
/** BRACKET_OPEN and BRACKET_CLOSE themselves (the quotes included). */
const CH_BRACKET_OPEN = 16;
const CH_BRACKET_CLOSE = 32;
for (const c of BRACKET_OPEN) CHAR_CLASS[c] |= CH_BRACKET_OPEN;
for (const c of BRACKET_CLOSE) CHAR_CLASS[c] |= CH_BRACKET_CLOSE;
/** First characters a Markdown block line can start with (after up to three spaces). */
const MD_FIRST = new Set([...'#>-*_<+|'].map((c) => c.charCodeAt(0)));
/** First characters of a page-number line. */
const PAGE_FIRST = new Set([...'-—–―－─‐‒~～第共'].map((c) => c.charCodeAt(0)));

interface LineScan extends LineMeasure {
  kind: 'blank' | 'block' | 'text' | 'page' | 'number';
}

/**
 * One pass over a line: its width, how it ends, whether it is blank, a Markdown block, a row of a
 * table typed with tabs or runs of spaces, a page number, a bare number; its spaces are looked at
 * only when it has some inside. (The same for every line of every plan: it must cost next to nothing.)
 */
function scanLine(text: string, from: number, to: number, markdown: boolean): LineScan {
  let i = from;
  let q = 0;
  for (; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) q += 2;
    else if (c === 0x3000 || c === 9) q += 4;
    else if (c !== 0xa0) break;
  }
  if (i >= to) return { kind: 'blank', q: NOT_COUNTED, open: CLOSED, artefact: false };
  const first = text.charCodeAt(i);
  let last = i;
  let depth = 0;
  let run = 0;
  let table = false;
  let inner = false;
  let pipe = false;
  let digits = true;
  for (let k = i; k < to; k++) {
    const c = text.charCodeAt(k);
    const cls = CHAR_CLASS[c];
    if (cls & CH_SPACE) {
      if (c === 9) table = true;
      run++;
      q += c === 32 ? 1 : 4;
      continue;
    }
    if (run > 0) {
      inner = true;
      if (run >= 2) table = true;
      run = 0;
    }
    q += c >= 0x2e80 ? 4 : quarterEms(c);
    last = k;
    if (!isDigit(c)) digits = false;
    if (cls & CH_OPEN) depth++;
    else if (cls & CH_CLOSE && depth > 0) depth--;
    else if (cls & CH_PIPE) pipe = true;
  }
  const visible = last - i + 1;
  // (the line's text sliced where needed, by no closure: one capturing text would move it out of the loop's registers)
  if (visible <= 24 && (PAGE_FIRST.has(first) || isDigit(first) || first === 0xff0d || (first >= 0xff10 && first <= 0xff19)) && isPageNumberLine(text.slice(from, to))) return { kind: 'page', q: NOT_COUNTED, open: CLOSED, artefact: true };
  // (a rule-control comment, `<!-- ecoplan-disable-next-line -->`, is a line of its own in plain text too)
  const block = (markdown && (i - from >= 4 || (MD_FIRST.has(first) && MD_BLOCK.test(text.slice(from, to))))) || table || pipe || text.startsWith('<!--', i);
  const artefact = inner && spaceDrops(text.slice(from, to), block ? 'block' : 'text', 0, null) > 0;
  if (block) return { kind: 'block', q: NOT_COUNTED, open: CLOSED, artefact };
  if (digits && visible <= 4) return { kind: 'number', q: NOT_COUNTED, open: CLOSED, artefact };
  const open = depth > 0 ? INSIDE : endsOpen(text, last, i);
  return { kind: 'text', q: Math.min(q, 32000), open, artefact };
}

function measureLine(line: string, markdown: boolean): LineMeasure {
  return scanLine(line, 0, line.length, markdown);
}

/**
 * The spaces of a line that are PDF artefacts; with a builder, drops them (the line starts at
 * `base`). Returns how many. Linear: each space looks at most a few characters to each side.
 */
function spaceDrops(line: string, kind: 'blank' | 'block' | 'text', base: number, out: TextMapBuilder | null): number {
  if (kind === 'blank' || line.indexOf(' ') < 0 && line.indexOf('\u3000') < 0 && line.indexOf('\u00a0') < 0) return 0;
  let n = 0;
  let start = 0;
  while (start < line.length && isSpace(line.charCodeAt(start))) start++;
  // a line of spaced-out characters only: `前  言`, `保 障 措 施`, `三、保 障 措 施` (it has a space between two characters)
  const spacedOut = /[\u3400-\u9fff][ \u3000\u00a0]{1,4}[\u3400-\u9fff]/.test(line);
  const numbering = spacedOut ? matchNumbering(foldWidth(line)) : null;
  const from = numbering ? numbering.textStart : skipMarkdownPrefix(line);
  if (spacedOut && /^(?:[\u3400-\u9fff][ \u3000\u00a0]{1,4}){1,12}[\u3400-\u9fff]\s*$/.test(line.slice(from))) {
    for (let i = from; i < line.length; i++) {
      if (!isSpace(line.charCodeAt(i))) continue;
      let j = i;
      while (j < line.length && isSpace(line.charCodeAt(j))) j++;
      if (j < line.length) {
        n++;
        out?.drop(base + i, base + j);
      }
      i = j;
    }
    return n;
  }
  if (kind !== 'text') return 0;
  for (let i = start + 1; i < line.length - 1; i++) {
    if (!isSpace(line.charCodeAt(i)) || isSpace(line.charCodeAt(i + 1)) || isSpace(line.charCodeAt(i - 1))) continue;
    const p = line.charCodeAt(i - 1);
    const x = line.charCodeAt(i + 1);
    let drop = false;
    if (isHan(p) && isHan(x)) {
      // a one-character word beside the space: `县 住房和城乡建设局`, `保 障`
      drop = wordEdge(line.charCodeAt(i - 2)) || wordEdge(line.charCodeAt(i + 2));
      if (drop) {
        // `@县教育局 配合`: a space ends a department tag; keep it
        for (let k = i - 1; k >= 0 && k >= i - 40 && !isSpace(line.charCodeAt(k)); k--) {
          if (line[k] === '@' || line[k] === '＠') drop = false;
        }
      }
    } else if (isHan(p) && CLOSING.has(x)) drop = true;
    else if (OPENING.has(p) && isHan(x)) drop = true;
    else if (isHan(p) && isDigit(x)) {
      // `到 2025 年`: a number set apart on both sides from the words around it
      let j = i + 1;
      while (j < line.length && isDigit(line.charCodeAt(j))) j++;
      drop = isSpace(line.charCodeAt(j)) && isHan(line.charCodeAt(j + 1)) && !isSpace(line.charCodeAt(j + 2));
      if (drop) {
        n += 2;
        out?.drop(base + i, base + i + 1);
        out?.drop(base + j, base + j + 1);
        i = j;
        continue;
      }
    }
    if (drop) {
      n++;
      out?.drop(base + i, base + i + 1);
    }
  }
  return n;
}

/** The text the reader reads, and its map back (null when the text is already in the usual form). */
export function normaliseLayout(text: string, format: 'markdown' | 'text'): Normalised {
  const markdown = format === 'markdown';
  // line starts and ends (before the break)
  const starts: number[] = [0];
  const ends: number[] = [];
  if (text.indexOf('\r') < 0) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
      ends.push(i);
      starts.push(i + 1);
    }
  } else {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) {
        ends.push(i > 0 && text.charCodeAt(i - 1) === 13 ? i - 1 : i);
        starts.push(i + 1);
      } else if (c === 13 && text.charCodeAt(i + 1) !== 10) {
        ends.push(i);
        starts.push(i + 1);
      }
    }
  }
  ends.push(text.length);
  const lines = starts.length;
  const profile = new LayoutProfile(new Int16Array(lines), new Uint8Array(lines));
  const kinds: ('blank' | 'block' | 'text' | 'code' | 'page' | 'number')[] = new Array(lines);
  let fence = false;
  let frontMatter = markdown && text.startsWith('---') && /^---\s*$/.test(text.slice(0, ends[0]));
  for (let l = 0; l < lines; l++) {
    if (markdown && (frontMatter || fence || mayBeFence(text, starts[l], ends[l]))) {
      const line = text.slice(starts[l], ends[l]);
      if (frontMatter && l > 0 && /^(---|\.\.\.)\s*$/.test(line)) frontMatter = false;
      else if (!frontMatter && MD_FENCE.test(line)) fence = !fence;
      if (frontMatter || fence || MD_FENCE.test(line) || /^(---|\.\.\.)\s*$/.test(line)) {
        kinds[l] = 'code';
        profile.widths[l] = CODE;
        continue;
      }
    }
    const m = scanLine(text, starts[l], ends[l], markdown);
    profile.widths[l] = m.q;
    profile.opens[l] = m.open;
    profile.add(m.q, m.open !== CLOSED, 1);
    if (m.artefact) profile.artefactLines++;
    kinds[l] = m.kind;
  }
  const wrap = profile.wrapWidth();
  if (profile.artefactLines === 0 && wrap === null) return { text, normalised: null, layout: profile };

  const out = new TextMapBuilder(text);
  const indent = (l: number) => {
    let i = starts[l];
    while (i < ends[l] && isSpace(text.charCodeAt(i))) i++;
    return i - starts[l];
  };
  // what the next line starts with that a wrapped line never runs into
  const startsStructure = (l: number, after: number): boolean => {
    const line = text.slice(starts[l], ends[l]);
    const folded = foldWidth(line).trimStart();
    return (markdown && MD_LIST.test(line)) || matchNumbering(folded) !== null || CLAUSE_OPENER.test(folded) || DASH_ITEM.test(folded) || ATTACHMENT.test(folded) || (indent(l) >= 2 && indent(l) > indent(after));
  };
  // a line of the page's width that does not end a sentence, or any line that stops inside a bracket
  // (a clause broken over lines; also once an edit, a rename, has made the line wider or narrower)
  const continues = (l: number) => wrap !== null && profile.widths[l] >= 0 && (profile.opens[l] === INSIDE || (profile.widths[l] >= wrap - BELOW && profile.widths[l] <= wrap + ABOVE && profile.opens[l] === OPEN));

  for (let l = 0; l < lines; l++) {
    const kind = kinds[l];
    if (kind === 'page') {
      // the line and its break (the last line: the break before it)
      if (l + 1 < lines) out.drop(starts[l], starts[l + 1]);
      else out.drop(l > 0 ? ends[l - 1] : starts[l], ends[l]);
      continue;
    }
    if (kind !== 'text' && kind !== 'number' && kind !== 'block') continue;
    spaceDrops(text.slice(starts[l], ends[l]), kind === 'block' ? 'block' : 'text', starts[l], out);
    if (kind !== 'text' || !continues(l)) continue;
    // the next line of text, over page numbers (and the blank lines around them) and a bare number
    let j = l + 1;
    let page = false;
    let blank = false;
    while (j < lines && j <= l + 6 && (kinds[j] === 'page' || kinds[j] === 'number' || kinds[j] === 'blank')) {
      if (kinds[j] === 'blank') blank = true;
      else page = true;
      j++;
    }
    if (j >= lines || kinds[j] !== 'text' || (blank && !page) || startsStructure(j, l)) continue;
    let e = ends[l];
    while (e > starts[l] && isSpace(text.charCodeAt(e - 1))) e--;
    let s = starts[j];
    while (s < ends[j] && isSpace(text.charCodeAt(s))) s++;
    if (isLetter(text.charCodeAt(e - 1)) && isLetter(text.charCodeAt(s))) {
      out.replaceOne(e, ' ');
      out.drop(e + 1, s);
    } else out.drop(e, s);
    l = j - 1;
  }
  if (!out.changed) return { text, normalised: null, layout: profile };
  const built = out.finish();
  return { text: built.text, normalised: new NormalisedText(text, built.text, built.map), layout: profile };
}
