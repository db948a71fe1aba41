/**
 * The numbering of a plan's outline. The kinds and their nesting order are data
 * (data/vocab/numbering.yaml): the official numbering of government documents (党政机关公文格式
 * GB/T 9704) 一、 → (一) → 1. → (1) → ①, the 第一编/第一章/第一节/第一条 of long plans and
 * regulations, and the decimal headings `1` / `1.1` / `1.1.1` of a 规划. Drafters also write 1、 / 1.
 * and half-width brackets, and Markdown adds list and heading prefixes in front of all of it.
 *
 * Matching is one pass over the start of the line, dispatched on its first character: it runs on
 * every line of every keystroke, so there is no regular expression per kind.
 */
import numberingData from '../../../../data/vocab/numbering.yaml';

type Form = 'ordinal' | 'decimal' | 'separated' | 'bracketed' | 'circled';
type Digits = 'chinese' | 'ascii';

interface KindEntry {
  kind: string;
  form: Form;
  rank: number;
  units?: string[];
  digits?: Digits;
  separators?: string[];
  depthStep?: number;
  maxDepth?: number;
}

export interface NumberingVocabulary {
  kinds: KindEntry[];
  decimalTitle: { minLength: number; maxLength: number; notBefore: string[]; punctuation: string[] };
}

const FORMS: Form[] = ['ordinal', 'decimal', 'separated', 'bracketed', 'circled'];
const isWords = (x: unknown): x is string[] => Array.isArray(x) && x.length > 0 && x.every((w) => typeof w === 'string' && w.length > 0);

/** The vocabulary, checked: every kind has a form and a rank, ranks rise down the list, no unit or (form, digits) pair is claimed twice. */
export function checkNumberingKinds(raw: unknown): NumberingVocabulary {
  const r = (raw ?? {}) as Record<string, any>;
  const fail = (what: string): never => {
    throw new Error(`data/vocab/numbering.yaml: ${what}`);
  };
  if (!Array.isArray(r.kinds) || r.kinds.length === 0) fail('`kinds` must be a non-empty list');
  const claimed = new Map<string, string>();
  const claim = (key: string, kind: string, what: string) => {
    const before = claimed.get(key);
    if (before !== undefined) fail(`${what} is claimed by ${before} and ${kind}`);
    claimed.set(key, kind);
  };
  let last = -Infinity;
  (r.kinds as KindEntry[]).forEach((k, i) => {
    const name = typeof k?.kind === 'string' ? k.kind : `kinds[${i}]`;
    if (typeof k?.kind !== 'string' || k.kind === '') fail(`\`kinds[${i}].kind\` must be a name`);
    if (!FORMS.includes(k.form)) fail(`\`${name}.form\` must be one of ${FORMS.join(', ')}`);
    if (typeof k.rank !== 'number' || !(k.rank > last)) fail(`\`${name}.rank\` must be a number above the rank of the kind before it`);
    last = k.rank;
    if (k.form === 'ordinal') {
      if (!isWords(k.units)) fail(`\`${name}.units\` must be a non-empty list of words`);
      for (const u of k.units!) claim(`unit:${u}`, name, `the unit \`${u}\``);
    }
    if (k.form === 'separated' || k.form === 'bracketed') {
      if (k.digits !== 'chinese' && k.digits !== 'ascii') fail(`\`${name}.digits\` must be chinese or ascii`);
      claim(`${k.form}:${k.digits}`, name, `${k.form} ${k.digits} numbers`);
    }
    if (k.form === 'separated' && !isWords(k.separators)) fail(`\`${name}.separators\` must be a non-empty list of characters`);
    if (k.form === 'decimal' || k.form === 'circled') claim(k.form, name, `the ${k.form} form`);
    if (k.form === 'decimal') {
      if (!(typeof k.depthStep === 'number' && k.depthStep > 0) || !(typeof k.maxDepth === 'number' && k.maxDepth >= 2)) fail(`\`${name}\` needs a positive depthStep and a maxDepth of at least 2`);
      const deepest = k.rank + (k.maxDepth! - 1) * k.depthStep!;
      const next = (r.kinds as KindEntry[])[i + 1];
      if (next && !(deepest < next.rank)) fail(`\`${name}\` at its deepest (${deepest}) must stay above ${next.kind} (${next.rank})`);
    }
  });
  const t = r.decimalTitle;
  if (!(typeof t?.minLength === 'number' && t.minLength > 0 && typeof t.maxLength === 'number' && t.maxLength >= t.minLength) || !isWords(t.notBefore) || !isWords(t.punctuation)) {
    fail('`decimalTitle` needs minLength, maxLength, notBefore and punctuation');
  }
  return r as NumberingVocabulary;
}

const V = checkNumberingKinds(numberingData);
const byKind = new Map(V.kinds.map((k) => [k.kind, k]));
const kindOf = (form: Form, digits?: Digits) => V.kinds.find((k) => k.form === form && (digits === undefined || k.digits === digits)) ?? null;
// the units of 第…, longest first (部分 before 部)
const ORDINAL_UNITS = V.kinds.filter((k) => k.form === 'ordinal').flatMap((k) => k.units!.map((unit) => ({ unit, kind: k }))).sort((a, b) => b.unit.length - a.unit.length);
const SEPARATED_CN = kindOf('separated', 'chinese');
const SEPARATED_ASCII = kindOf('separated', 'ascii');
const BRACKETED_CN = kindOf('bracketed', 'chinese');
const BRACKETED_ASCII = kindOf('bracketed', 'ascii');
const CIRCLED = kindOf('circled');
const DECIMAL = kindOf('decimal');
const DECIMAL_NOT_BEFORE = new Set(V.decimalTitle.notBefore);
const DECIMAL_PUNCTUATION = new Set(V.decimalTitle.punctuation);

const rankOf = (kind: string, fallback: number) => byKind.get(kind)?.rank ?? fallback;

/** Outline ranks of the numbering levels (data/vocab/numbering.yaml): a smaller rank is a higher level. */
export const RANK = {
  /** 第一章 (第一编 / 第一篇 / 第一部分 rank above it) */
  PART: rankOf('chapter', 0),
  /** 第一节, inside a 第一章 */
  PART_SECTION: rankOf('section', 0.5),
  /** 一、 */
  CN: rankOf('cn', 1),
  /** (一) */
  CN_PAREN: rankOf('cn-paren', 2),
  /** 1. 1、 */
  ARABIC: rankOf('arabic', 3),
  /** (1) */
  ARABIC_PAREN: rankOf('arabic-paren', 4),
  /** ① */
  CIRCLED: rankOf('circled', 5),
} as const;

/** Whether a rank is a decimal heading's (`1`, `1.1`, `1.1.1`): their paths are their markers. */
export function isDecimalRank(rank: number): boolean {
  return DECIMAL !== null && rank >= DECIMAL.rank && rank <= DECIMAL.rank + (DECIMAL.maxDepth! - 1) * DECIMAL.depthStep! + 1e-9;
}

export interface NumberingMatch {
  /** See data/vocab/numbering.yaml: 0 = 第一章 1 = 一、 2 = (一) 3 = 1. 4 = (1) 5 = ①; a decimal heading 0.7 + 0.05 per part below the first. */
  rank: number;
  /** The kind's name in data/vocab/numbering.yaml. */
  kind: string;
  /** Normalised marker for paths: `三`, `(一)`, `1`, `(1)`, `①`, `第二章`, `2.3.1`. */
  marker: string;
  /** Offset in the examined string where the marker starts and where the text after it starts. */
  start: number;
  textStart: number;
  /** A lower level's numbering straight after this one on the same line (`6、(1)水务局…`): the line opens both. */
  inner?: NumberingMatch;
}

const CN_DIGITS = '〇零一二三四五六七八九十百';

function isCnDigit(c: string | undefined): boolean {
  return c !== undefined && c !== '' && CN_DIGITS.includes(c);
}

function isAsciiDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\u3000';

/** Markdown prefixes to look through: heading marks, quote marks, bullet marks, emphasis openers. */
export function skipMarkdownPrefix(line: string, from = 0): number {
  // char codes (NaN past the end), not one-character strings: this runs on every line
  const at = (k: number) => line.charCodeAt(k);
  let i = from;
  for (;;) {
    const start = i;
    while (at(i) === 0x20 || at(i) === 0x09 || at(i) === 0x3000) i++;
    const c = at(i);
    if (c === 0x23 /* # */) {
      let j = i;
      while (at(j) === 0x23) j++;
      if (j - i <= 6 && (at(j) === 0x20 || at(j) === 0x09)) i = j + 1;
    } else if (c === 0x3e /* > */) {
      i++;
    } else if ((c === 0x2d /* - */ || c === 0x2a /* * */ || c === 0x2b /* + */) && (at(i + 1) === 0x20 || at(i + 1) === 0x09)) {
      i += 2;
    } else if ((c === 0x2a && at(i + 1) === 0x2a) || (c === 0x5f /* _ */ && at(i + 1) === 0x5f)) {
      i += 2;
    }
    if (i === start) return i;
  }
}

/**
 * Recognise a numbering marker at `from` (after any Markdown prefix). When a lower level's marker
 * follows straight after it (`6、(1)`), that one is its `inner`.
 */
export function matchNumbering(line: string, from = 0): NumberingMatch | null {
  const outer = matchAt(line, skipMarkdownPrefix(line, from));
  if (outer === null) return null;
  const inner = matchAt(line, outer.textStart);
  if (inner !== null && inner.rank > outer.rank && inner.textStart > inner.start) outer.inner = inner;
  return outer;
}

function match(kind: KindEntry, marker: string, start: number, textStart: number, rank = kind.rank): NumberingMatch {
  return { rank, kind: kind.kind, marker, start, textStart };
}

function matchAt(line: string, i: number): NumberingMatch | null {
  const c = line[i];
  if (c === undefined) return null;

  // 第一章 第一部分 第一篇 第一节 第十二条 (also 第3章), followed by a space, a separator or the title itself
  if (c === '第') {
    let j = i + 1;
    if (isCnDigit(line[j])) while (j < line.length && j - i < 5 && isCnDigit(line[j])) j++;
    else while (j < line.length && j - i < 4 && isAsciiDigit(line.charCodeAt(j))) j++;
    if (j === i + 1) return null;
    for (const { unit, kind } of ORDINAL_UNITS) {
      if (line.startsWith(unit, j)) return match(kind, line.slice(i, j + unit.length), i, skipSeparator(line, j + unit.length));
    }
    return null;
  }

  // 一、 (also 一. — drafters pasting from WPS sometimes get a full stop)
  if (isCnDigit(c)) {
    if (!SEPARATED_CN) return null;
    let j = i;
    while (j < line.length && j - i < 4 && isCnDigit(line[j])) j++;
    return SEPARATED_CN.separators!.includes(line[j]) ? match(SEPARATED_CN, line.slice(i, j), i, skipSpace(line, j + 1)) : null;
  }

  // (一) (1) with either bracket width
  if (c === '(' || c === '(') {
    let j = i + 1;
    if (isCnDigit(line[j])) {
      while (j < line.length && j - i < 5 && isCnDigit(line[j])) j++;
      if (BRACKETED_CN && (line[j] === ')' || line[j] === ')')) return match(BRACKETED_CN, `(${line.slice(i + 1, j)})`, i, skipSeparator(line, j + 1));
      return null;
    }
    if (isAsciiDigit(line.charCodeAt(j))) {
      while (j < line.length && j - i < 4 && isAsciiDigit(line.charCodeAt(j))) j++;
      if (BRACKETED_ASCII && (line[j] === ')' || line[j] === ')')) return match(BRACKETED_ASCII, `(${line.slice(i + 1, j)})`, i, skipSeparator(line, j + 1));
    }
    return null;
  }

  // 1. 1、 1. — and the decimal headings 1 / 1.1 / 1.1.1
  if (isAsciiDigit(line.charCodeAt(i))) {
    let j = i;
    while (j < line.length && j - i < 3 && isAsciiDigit(line.charCodeAt(j))) j++;
    if (isAsciiDigit(line.charCodeAt(j))) return null; // a year or a long number, not a marker
    const sep = line[j];
    if (isSpace(sep)) return j - i <= 2 ? decimalHeading(line, i, j, 1) : null;
    if (sep === '.' && isAsciiDigit(line.charCodeAt(j + 1)) && !isYearAt(line, j + 1)) return j - i <= 2 ? decimalHeading(line, i, j, 1) : null;
    if (SEPARATED_ASCII && SEPARATED_ASCII.separators!.includes(sep)) return match(SEPARATED_ASCII, line.slice(i, j), i, skipSpace(line, j + 1));
    return null;
  }

  // ① … ⑳
  const code = line.charCodeAt(i);
  if (CIRCLED && code >= 0x2460 && code <= 0x2473) return match(CIRCLED, c, i, skipSpace(line, i + 1));
  return null;
}

// "1.2022年完成…" is item 1 starting with a year, not a decimal
function isYearAt(line: string, i: number): boolean {
  for (let k = i; k < i + 4; k++) if (!isAsciiDigit(line.charCodeAt(k))) return false;
  return line[i + 4] === '年';
}

/**
 * `1 总论`, `2.3 主要目标`, `3.1.2 推进工业企业深度治理` — a decimal heading: its first part is
 * line[start, j); further `.N` parts follow, then white space and a heading title alone on the line.
 * "2.5倍以上", "5.22生物多样性日", "10 月底前完成" are not headings.
 */
function decimalHeading(line: string, start: number, j: number, depth: number): NumberingMatch | null {
  if (!DECIMAL) return null;
  while (line[j] === '.' && isAsciiDigit(line.charCodeAt(j + 1))) {
    let k = j + 1;
    while (k < line.length && k - j <= 2 && isAsciiDigit(line.charCodeAt(k))) k++;
    if (isAsciiDigit(line.charCodeAt(k))) return null;
    depth++;
    if (depth > DECIMAL.maxDepth!) return null;
    j = k;
  }
  const markerEnd = j;
  if (depth > 1 && (line[j] === '.' || line[j] === '、')) j++; // `1.1. 规划背景`
  if (!isSpace(line[j])) return null;
  const textStart = skipSpace(line, j);
  if (!isDecimalTitle(line, textStart)) return null;
  // rounded: 0.7 + 2 × 0.05 is 0.8, not 0.7999…
  return match(DECIMAL, line.slice(start, markerEnd), start, textStart, Math.round((DECIMAL.rank + (depth - 1) * DECIMAL.depthStep!) * 1e6) / 1e6);
}

/** A heading title from `i` to the end of the line: short, in one piece, no sentence punctuation, not a quantity. */
function isDecimalTitle(line: string, i: number): boolean {
  const first = line[i];
  if (first === undefined || isAsciiDigit(line.charCodeAt(i)) || DECIMAL_NOT_BEFORE.has(first)) return false;
  let n = 0;
  let k = i;
  for (; k < line.length; k++) {
    const ch = line[k];
    if (isSpace(ch) || ch === '\r' || ch === '\n') break;
    if (DECIMAL_PUNCTUATION.has(ch)) return false;
    if ((ch === ':' || ch === ':') && k + 1 < line.length && !isSpace(line[k + 1])) return false;
    if (++n > V.decimalTitle.maxLength) return false;
  }
  if (n < V.decimalTitle.minLength) return false;
  // only white space after the title
  for (; k < line.length; k++) if (!isSpace(line[k]) && line[k] !== '\r' && line[k] !== '\n') return false;
  return true;
}

function skipSpace(line: string, i: number): number {
  while (line[i] === ' ' || line[i] === '\t' || line[i] === '\u3000') i++;
  return i;
}

function skipSeparator(line: string, i: number): number {
  if (line[i] === '、' || line[i] === '.' || line[i] === '.' || line[i] === ':' || line[i] === ':') i++;
  return skipSpace(line, i);
}
