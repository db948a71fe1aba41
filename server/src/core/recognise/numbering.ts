/**
 * The official numbering of Chinese government documents (党政机关公文格式 GB/T 9704):
 * 一、 → (一) → 1. → (1). Drafters also write 1、 / 1. and half-width brackets, and
 * Markdown adds list and heading prefixes in front of all of it.
 */
/** Outline ranks of the numbering levels: a smaller rank is a higher level. */
export const RANK = {
  /** 第一章 / 第一部分 / 第一篇: above 一、 in long plans */
  PART: 0,
  /** 第一节, inside a 第一章 */
  PART_SECTION: 0.5,
  /** 一、 */
  CN: 1,
  /** (一) */
  CN_PAREN: 2,
  /** 1. 1、 */
  ARABIC: 3,
  /** (1) */
  ARABIC_PAREN: 4,
  /** ① */
  CIRCLED: 5,
} as const;

export interface NumberingMatch {
  /** See RANK: 0 = 第一章 1 = 一、 2 = (一) 3 = 1. 4 = (1) 5 = ① */
  rank: number;
  /** Normalised marker for paths: `三`, `(一)`, `1`, `(1)`, `①`. */
  marker: string;
  /** Offset in the examined string where the marker starts and where the text after it starts. */
  start: number;
  textStart: number;
}

const CN_DIGITS = '〇零一二三四五六七八九十百';

function isCnDigit(c: string): boolean {
  return CN_DIGITS.includes(c) && c !== '';
}

function isAsciiDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** Markdown prefixes to look through: heading marks, quote marks, bullet marks, emphasis openers. */
export function skipMarkdownPrefix(line: string, from = 0): number {
  let i = from;
  for (;;) {
    const start = i;
    while (line[i] === ' ' || line[i] === '\t' || line[i] === '\u3000') i++;
    if (line[i] === '#') {
      let j = i;
      while (line[j] === '#') j++;
      if (j - i <= 6 && (line[j] === ' ' || line[j] === '\t')) i = j + 1;
    } else if (line[i] === '>') {
      i++;
    } else if ((line[i] === '-' || line[i] === '*' || line[i] === '+') && (line[i + 1] === ' ' || line[i + 1] === '\t')) {
      i += 2;
    } else if ((line[i] === '*' && line[i + 1] === '*') || (line[i] === '_' && line[i + 1] === '_')) {
      i += 2;
    }
    if (i === start) return i;
  }
}

/** Recognise a numbering marker at `from` (after any Markdown prefix). */
export function matchNumbering(line: string, from = 0): NumberingMatch | null {
  const i = skipMarkdownPrefix(line, from);
  const c = line[i];
  if (c === undefined) return null;

  // 第一章 第一部分 第一篇 第一节, followed by a space, a separator or the title itself
  if (c === '第' && isCnDigit(line[i + 1] ?? '')) {
    let j = i + 1;
    while (j < line.length && j - i < 5 && isCnDigit(line[j])) j++;
    const unit = line[j] === '部' && line[j + 1] === '分' ? '部分' : line[j] === '章' || line[j] === '篇' || line[j] === '节' ? line[j] : null;
    if (unit === null) return null;
    const end = j + unit.length;
    return { rank: unit === '节' ? RANK.PART_SECTION : RANK.PART, marker: line.slice(i, end), start: i, textStart: skipSeparator(line, end) };
  }

  // 一、 (also 一. — drafters pasting from WPS sometimes get a full stop)
  if (isCnDigit(c)) {
    let j = i;
    while (j < line.length && j - i < 4 && isCnDigit(line[j])) j++;
    const sep = line[j];
    if (sep === '、' || sep === '.' || sep === '.') {
      return { rank: RANK.CN, marker: line.slice(i, j), start: i, textStart: skipSpace(line, j + 1) };
    }
    return null;
  }

  // (一) (1) with either bracket width
  if (c === '(' || c === '(') {
    let j = i + 1;
    if (isCnDigit(line[j] ?? '')) {
      while (j < line.length && j - i < 5 && isCnDigit(line[j])) j++;
      if (line[j] === ')' || line[j] === ')') {
        return { rank: RANK.CN_PAREN, marker: `(${line.slice(i + 1, j)})`, start: i, textStart: skipSeparator(line, j + 1) };
      }
      return null;
    }
    if (isAsciiDigit(line.charCodeAt(j))) {
      while (j < line.length && j - i < 4 && isAsciiDigit(line.charCodeAt(j))) j++;
      if (line[j] === ')' || line[j] === ')') {
        return { rank: RANK.ARABIC_PAREN, marker: `(${line.slice(i + 1, j)})`, start: i, textStart: skipSeparator(line, j + 1) };
      }
    }
    return null;
  }

  // 1. 1、 1.
  if (isAsciiDigit(line.charCodeAt(i))) {
    let j = i;
    while (j < line.length && j - i < 3 && isAsciiDigit(line.charCodeAt(j))) j++;
    if (isAsciiDigit(line.charCodeAt(j))) return null; // a year or a long number, not a marker
    const sep = line[j];
    if (sep === '、') {
      return { rank: RANK.ARABIC, marker: line.slice(i, j), start: i, textStart: skipSpace(line, j + 1) };
    }
    if (sep === '.') {
      // "2.5倍" is a decimal, but "1.2022年完成…" is item 1 starting with a year.
      const next = line.charCodeAt(j + 1);
      if (isAsciiDigit(next) && !/^\d{4}年/.test(line.slice(j + 1, j + 6))) return null;
      return { rank: RANK.ARABIC, marker: line.slice(i, j), start: i, textStart: skipSpace(line, j + 1) };
    }
    return null;
  }

  // ① … ⑳
  const code = line.charCodeAt(i);
  if (code >= 0x2460 && code <= 0x2473) {
    return { rank: RANK.CIRCLED, marker: c, start: i, textStart: skipSpace(line, i + 1) };
  }
  return null;
}

function skipSpace(line: string, i: number): number {
  while (line[i] === ' ' || line[i] === '\t' || line[i] === '\u3000') i++;
  return i;
}

function skipSeparator(line: string, i: number): number {
  if (line[i] === '、' || line[i] === '.' || line[i] === '.' || line[i] === ':' || line[i] === ':') i++;
  return skipSpace(line, i);
}
