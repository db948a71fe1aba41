import type { Comparison, SyntaxProblem } from '../model/types';
import { isTrendText, KNOWN_OPERATORS } from './targetExpression';

/**
 * Inline tags (README: "Tag syntax"):
 *   indicator  [[城镇污水处理率]]  [[城镇污水处理率 ≥95%]]  [[化肥施用强度 ≤410千克/公顷 2023年]]  【【…】】
 *   department @市生态环境局  @市发改委  @{市农合联执委会(市供销社)}
 * A malformed tag is reported as a SyntaxProblem and scanning goes on after it, so the rest
 * of the line is still read.
 */

export interface IndicatorTagMatch {
  start: number;
  end: number;
  name: string;
  nameStart: number;
  op: Comparison | null;
  value: number | null;
  unit: string | null;
  year: number | null;
  text: string | null;
}

export interface DepartmentTagMatch {
  start: number;
  end: number;
  name: string;
  nameStart: number;
}

export interface TagScan {
  indicators: IndicatorTagMatch[];
  departments: DepartmentTagMatch[];
  problems: { kind: SyntaxProblem['kind']; start: number; end: number; detail: string }[];
}

const OP_CHARS = '≥≤<>=＞＜≧≦≈~~≠±≒';
const PUNCT = new Set(Array.from(' \t\u3000、,,。.;;::!!??()()〔〕【】[]{}「」“”"\'《》<>/\\|@@'));
const ROLE_TAIL = /(牵头负责|牵头|按职责分工负责|负责|配合|等)$/;

function isAsciiWord(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 46 || code === 95 || code === 45;
}

export function scanTags(line: string, base: number): TagScan {
  const out: TagScan = { indicators: [], departments: [], problems: [] };
  const find = new NextIndex(line);
  // cheap exits first: most lines have no tag at all
  if (line.indexOf('[[') < 0 && line.indexOf('【【') < 0 && line.indexOf('@') < 0) return out;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if ((c === 0x5b && line.charCodeAt(i + 1) === 0x5b) || (c === 0x3010 && line.charCodeAt(i + 1) === 0x3010)) {
      i = scanIndicatorTag(line, i, base, out, find) - 1;
    } else if (c === 0x40) {
      if (i > 0 && isAsciiWord(line.charCodeAt(i - 1))) continue; // an e-mail address
      i = scanDepartmentTag(line, i, base, out) - 1;
    }
  }
  return out;
}

/**
 * Next occurrence of `needle` at or after `from`, remembering earlier answers so a line full of
 * unclosed `[[` stays linear instead of rescanning the rest of the line at every opener.
 */
class NextIndex {
  private readonly found = new Map<string, number>();
  constructor(private readonly line: string) {}
  next(needle: string, from: number): number {
    const cached = this.found.get(needle);
    if (cached !== undefined && (cached === -1 || cached >= from)) return cached === -1 ? Infinity : cached;
    const at = this.line.indexOf(needle, from);
    this.found.set(needle, at);
    return at < 0 ? Infinity : at;
  }
}

function scanIndicatorTag(line: string, i: number, base: number, out: TagScan, find: NextIndex): number {
  const fullWidth = line[i] === '【';
  // mixed widths (`[[…】】`) happen when the input method switches mid-tag
  const close = Math.min(find.next(fullWidth ? '】】' : ']]', i + 2), find.next(fullWidth ? ']]' : '】】', i + 2));
  const nextOpen = Math.min(find.next('[[', i + 2), find.next('【【', i + 2));
  if (close === Infinity || nextOpen < close || close - i > 200) {
    // Unclosed: report the opener and the name-like run after it, and do not swallow the line.
    let j = i + 2;
    while (j < line.length && !PUNCT.has(line[j]) && j - i < 40) j++;
    out.problems.push({ kind: 'unclosed-indicator-tag', start: base + i, end: base + j, detail: line.slice(i, j) });
    return i + 2;
  }
  const inner = line.slice(i + 2, close);
  const innerStart = i + 2;
  const end = close + 2;
  const lead = /^[\s\u3000]*/.exec(inner)![0].length;
  let k = lead;
  while (k < inner.length && !/[\s\u3000]/.test(inner[k]) && !OP_CHARS.includes(inner[k])) k++;
  const name = inner.slice(lead, k);
  if (name.length === 0) {
    out.problems.push({ kind: 'empty-indicator-tag', start: base + i, end: base + end, detail: line.slice(i, end) });
    return end;
  }
  const tag: IndicatorTagMatch = { start: base + i, end: base + end, name, nameStart: base + innerStart + lead, op: null, value: null, unit: null, year: null, text: null };
  const rest = inner.slice(k).trim();
  const restStart = base + innerStart + inner.indexOf(rest, k);
  if (rest.length > 0) parseTagTarget(rest, restStart, tag, out);
  out.indicators.push(tag);
  return end;
}

const TAG_TARGET = /^(?<op>≥|≤|>=|<=|≧|≦|＞|＜|>|<|=|=)?[\s\u3000]*(?<num>\d{1,9}(?:\.\d{1,6})?)?[\s\u3000]*(?<unit>[^\s\u3000\d][^\s\u3000]{0,15})?(?:[\s\u3000]+(?:到|至)?(?<year>(?:19|20)\d\d)年?(?:底|末)?)?[\s\u3000]*$/;
const YEAR_ONLY = /^(?:到|至)?(?<year>(?:19|20)\d\d)年?(?:底|末)?$/;

function parseTagTarget(rest: string, restStart: number, tag: IndicatorTagMatch, out: TagScan) {
  const year = YEAR_ONLY.exec(rest);
  if (year) {
    tag.year = Number(year.groups!.year);
    return;
  }
  const first = rest[0];
  const knownOp = KNOWN_OPERATORS.find((op) => rest.startsWith(op));
  if (!knownOp && OP_CHARS.includes(first)) {
    out.problems.push({ kind: 'unknown-operator', start: restStart, end: restStart + 1, detail: first });
    return;
  }
  if (!knownOp && !/[0-9]/.test(first)) {
    // `[[生态保护红线 面积不减少、性质不改变]]`: a qualitative requirement
    const yearTail = /[\s\u3000]+(?:到|至)?((?:19|20)\d\d)年?$/.exec(rest);
    tag.text = yearTail ? rest.slice(0, yearTail.index) : rest;
    // `[[湿地保护率 逐年提升]]`: a direction without a number is a trend, as in prose
    tag.op = isTrendText(tag.text) ? 'trend' : 'qualitative';
    if (yearTail) tag.year = Number(yearTail[1]);
    return;
  }
  const m = TAG_TARGET.exec(rest);
  if (!m || !m.groups || m.groups.num === undefined) {
    out.problems.push({ kind: 'bad-value', start: restStart, end: restStart + rest.length, detail: rest });
    return;
  }
  const g = m.groups;
  if (!g.op) {
    out.problems.push({ kind: 'missing-operator', start: restStart, end: restStart + rest.length, detail: rest });
  }
  tag.op = normaliseOp(g.op);
  tag.value = Number(g.num);
  tag.unit = g.unit ? (g.unit === '%' ? '%' : g.unit) : null;
  tag.year = g.year ? Number(g.year) : null;
}

function normaliseOp(op: string | undefined): Comparison {
  switch (op) {
    case '≥': case '>=': case '≧': return '>=';
    case '≤': case '<=': case '≦': return '<=';
    case '>': case '＞': return '>';
    case '<': case '＜': return '<';
    case '=': return '=';
    default: return '=';
  }
}

function scanDepartmentTag(line: string, i: number, base: number, out: TagScan): number {
  if (line[i + 1] === '{') {
    const close = line.indexOf('}', i + 2);
    if (close < 0) {
      let j = i + 2;
      while (j < line.length && !/[\s\u3000、,,。;;]/.test(line[j]) && j - i < 40) j++;
      out.problems.push({ kind: 'unclosed-department-tag', start: base + i, end: base + j, detail: line.slice(i, j) });
      return i + 2;
    }
    const name = line.slice(i + 2, close).trim();
    if (name.length === 0) {
      out.problems.push({ kind: 'empty-department-tag', start: base + i, end: base + close + 1, detail: line.slice(i, close + 1) });
    } else {
      out.departments.push({ start: base + i, end: base + close + 1, name, nameStart: base + i + 2 + line.slice(i + 2, close).indexOf(name) });
    }
    return close + 1;
  }
  let j = i + 1;
  while (j < line.length && !PUNCT.has(line[j]) && j - i <= 40) j++;
  let name = line.slice(i + 1, j);
  const tail = ROLE_TAIL.exec(name);
  if (tail && tail.index > 0) name = name.slice(0, tail.index);
  if (name.length === 0) {
    out.problems.push({ kind: 'empty-department-tag', start: base + i, end: base + i + 1, detail: line[i] });
    return i + 1;
  }
  out.departments.push({ start: base + i, end: base + i + 1 + name.length, name, nameStart: base + i + 1 });
  return i + 1 + name.length;
}
