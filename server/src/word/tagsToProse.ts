// Tags as the prose an official document uses: `[[城镇污水处理率 ≥95%]]` → 城镇污水处理率不低于95%,
// `@市生态环境局` → 市生态环境局. A tag whose prose EcoPlan would not read back as the same target
// (an indicator the catalogue does not know, an unusual unit) is kept as written, so that exporting
// never changes what the plan says.
import { analysePlan, type AnalyseOptions, type PlanAnalysis } from '../core/analyse';
import type { IndicatorTarget, Range } from '../core/model/types';
import { LineIndex } from '../core/text/lineIndex';

const OP_WORDS: Record<string, string> = { '>=': '不低于', '<=': '不高于', '>': '高于', '<': '低于', '=': '为' };

function number(v: number): string {
  return String(v);
}

/** The words for a tagged target, or null when it has no plain wording. */
export function targetProse(name: string, t: IndicatorTarget, withYear: boolean): string | null {
  // the year only when the tag gave it: a year from the sentence (到2023年，[[…]]) is already there
  const year = withYear && t.year !== null ? `到${t.year}年` : '';
  if (t.op === 'qualitative') return t.text ? `${year}${name}${t.text}` : null;
  if (t.value === null) return null;
  const op = OP_WORDS[t.op];
  if (!op) return null;
  const value = t.upper != null ? `${number(t.value)}${t.unit ?? ''}—${number(t.upper)}` : number(t.value);
  return `${year}${name}${op}${value}${t.unit ?? ''}`;
}

interface Edit {
  start: number;
  end: number;
  text: string;
  line: number;
}

function offsets(index: LineIndex, r: Range): [number, number] {
  return [index.lineStarts[r.start.line] + r.start.character, index.lineStarts[r.end.line] + r.end.character];
}

function contains(outer: Range, inner: Range): boolean {
  const le = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return le(outer.start, inner.start) && le(inner.end, outer.end);
}

function apply(text: string, edits: Edit[]): string {
  let out = '';
  let at = 0;
  for (const e of [...edits].sort((a, b) => a.start - b.start)) {
    if (e.start < at) continue;
    out += text.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + text.slice(at);
}

function targetKey(t: IndicatorTarget): string {
  return [t.indicator, t.op, t.value, t.upper ?? '', t.unit ?? '', t.year ?? '', t.text ?? ''].join('|');
}

function targetsByLine(a: PlanAnalysis): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const t of a.model.targets) {
    const l = out.get(t.range.start.line) ?? [];
    l.push(targetKey(t));
    out.set(t.range.start.line, l);
  }
  for (const l of out.values()) l.sort();
  return out;
}

/**
 * The plan's text with its tags written out as prose. `analysis` is the plan's analysis; lines whose
 * targets would read differently as prose keep their indicator tags (and the count says how many).
 */
export function tagsToProse(analysis: PlanAnalysis, options: AnalyseOptions): { text: string; keptTags: number } {
  const text = analysis.model.text;
  const index = new LineIndex(text);
  const edits: Edit[] = [];
  for (const tag of analysis.model.departmentTags) {
    const [s, e] = offsets(index, tag.range);
    // the name as written (the model's name has full-width punctuation folded)
    const [ns, ne] = offsets(index, tag.nameRange);
    edits.push({ start: s, end: e, text: text.slice(ns, ne), line: tag.range.start.line });
  }
  const indicatorEdits: Edit[] = [];
  for (const tag of analysis.model.indicatorTags) {
    const t = tag.target !== null ? analysis.model.targets[tag.target] : undefined;
    const [ns, ne] = offsets(index, tag.nameRange);
    const name = text.slice(ns, ne);
    const [ts, te] = offsets(index, tag.range);
    const prose = t && contains(tag.range, t.range) ? targetProse(name, t, /\d{4}\s*年/.test(text.slice(ts, te))) : name;
    if (prose !== null) indicatorEdits.push({ start: ts, end: te, text: prose, line: tag.range.start.line });
  }
  if (indicatorEdits.length === 0) return { text: apply(text, edits), keptTags: 0 };
  const candidate = apply(text, [...edits, ...indicatorEdits]);
  // read the prose back; where a line's targets changed, keep that line's indicator tags
  const before = targetsByLine(analysis);
  const after = targetsByLine(analysePlan(candidate, options));
  const badLines = new Set<number>();
  for (const line of new Set([...before.keys(), ...after.keys()])) {
    if ((before.get(line) ?? []).join('\n') !== (after.get(line) ?? []).join('\n')) badLines.add(line);
  }
  if (badLines.size === 0) return { text: candidate, keptTags: 0 };
  const kept = indicatorEdits.filter((e) => badLines.has(e.line));
  return { text: apply(text, [...edits, ...indicatorEdits.filter((e) => !badLines.has(e.line))]), keptTags: kept.length };
}
