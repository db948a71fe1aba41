import type { PlanAnalysis } from '../analysis';
import { carryAttention } from '../coverage';
import type { Position, Range } from '../model/types';
import { LineIndex } from '../text/lineIndex';
import type { NormalisedText } from './textMap';

/** Numbers that are line numbers (a directive's, a level's evidence, an empty numbering's diagnostic data, a node's last line). */
const LINE_KEYS = new Set(['line', 'lastLine']);
/** A node's offsets into the text. */
const OFFSET_KEYS = new Set(['ownStart', 'ownEnd', 'end']);

const isPosition = (v: any): v is Position => typeof v.line === 'number' && typeof v.character === 'number' && Object.keys(v).length === 2;
const isRange = (v: any): v is Range => v.start !== null && typeof v.start === 'object' && v.end !== null && typeof v.end === 'object' && isPosition(v.start) && isPosition(v.end);

/**
 * An analysis of the normalised text, moved to the user's own text: every range, position, line
 * number and offset of the model, the diagnostics and the settings goes back through the map, so
 * that diagnostics, hovers, renames and fixes land on what the user wrote. The model's text is the
 * original; `model.normalised` keeps the text read and the map (textMap.ts).
 *
 * The walk is generic (any object holding a range is moved, whatever the model grows), keeps shared
 * objects shared and cycles (a node's parent) closed; it runs only when normalising changed the text.
 */
export function analysisInOriginal(a: PlanAnalysis, n: NormalisedText, normIndex: LineIndex): PlanAnalysis {
  const origIndex = new LineIndex(n.original);
  const at = (p: Position, end: boolean) => origIndex.position(n.map.toOriginal(normIndex.offset(p), end));
  const line = (l: number, last: boolean) => {
    if (l < 0 || l >= normIndex.lineCount) return l;
    return origIndex.position(last ? n.map.toOriginal(normIndex.lineEnd(l), true) : n.map.toOriginal(normIndex.lineStarts[l])).line;
  };
  const memo = new Map<object, unknown>();
  const move = (v: unknown): unknown => {
    if (v === null || typeof v !== 'object') return v;
    const known = memo.get(v);
    if (known !== undefined) return known;
    if (Array.isArray(v)) {
      const out: unknown[] = [];
      memo.set(v, out);
      for (const x of v) out.push(move(x));
      return out;
    }
    if (isRange(v)) {
      const empty = v.start.line === v.end.line && v.start.character === v.end.character;
      const start = at(v.start, false);
      const out: Range = { start, end: empty ? { ...start } : at(v.end, true) };
      memo.set(v, out);
      return out;
    }
    if (isPosition(v)) {
      const out = at(v, false);
      memo.set(v, out);
      return out;
    }
    const out: Record<string, unknown> = {};
    memo.set(v, out);
    const node = typeof (v as Record<string, unknown>).ownStart === 'number';
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      if (typeof x === 'number' && LINE_KEYS.has(k)) out[k] = line(x, k === 'lastLine');
      else if (typeof x === 'number' && node && OFFSET_KEYS.has(k)) out[k] = n.map.toOriginal(x, k !== 'ownStart');
      else out[k] = move(x);
    }
    return out;
  };
  const { text: _text, frontMatter, ...rest } = a.model;
  const model = {
    ...(move(rest) as Omit<PlanAnalysis['model'], 'text' | 'frontMatter'>),
    text: n.original,
    // the front matter's data is the user's YAML: its ranges move, its values stay
    frontMatter: frontMatter && { ...(move({ ...frontMatter, data: null }) as typeof frontMatter), data: frontMatter.data },
    normalised: n,
  };
  carryAttention(a.model, model);
  return {
    ...a,
    model,
    settings: move(a.settings) as PlanAnalysis['settings'],
    diagnostics: move(a.diagnostics) as PlanAnalysis['diagnostics'],
    coverage: a.coverage,
  };
}
