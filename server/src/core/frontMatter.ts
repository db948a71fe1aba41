import { isMap, isScalar, parseDocument } from 'yaml';
import type { FrontMatter, Range } from './model/types';
import { LineIndex } from './text/lineIndex';

/**
 * A Markdown plan's front matter, read before the plan itself: the settings in it (the catalogue
 * edition above all) decide how the plan's names are read. One reader for the analysis, the CLI
 * and the server. Plain-text plans (`.txt`) have none.
 */

export interface FrontMatterBlock {
  /** The YAML between the fences. */
  value: string;
  /** Offsets of the whole block, from the opening `---` to the end of the closing fence's line. */
  start: number;
  end: number;
}

const OPEN = /^---[ \t]*(?:\r\n|\r|\n)/;
const CLOSE = /^---[ \t]*$/;
const EOL = /\r\n|\r|\n/g;

/**
 * The block as remark-frontmatter finds it: `---` on the first line (trailing blanks allowed), up to
 * the next line that is `---`; unclosed is no front matter. Linear: one pass over the lines.
 */
export function frontMatterBlock(text: string): FrontMatterBlock | null {
  const open = OPEN.exec(text);
  if (!open) return null;
  const contentStart = open[0].length;
  let at = contentStart;
  let previousEol = 0; // length of the line ending before `at`
  while (at <= text.length) {
    EOL.lastIndex = at;
    const m = EOL.exec(text);
    const eol = m ? m.index : text.length;
    const line = text.slice(at, eol);
    if (CLOSE.test(line)) {
      const value = at === contentStart ? '' : text.slice(contentStart, at - previousEol);
      return { value, start: 0, end: eol };
    }
    if (!m) return null;
    previousEol = m[0].length;
    at = eol + previousEol;
  }
  return null;
}

/** The front matter of a plan (null for plain text or none), with the range of each `ecoplan:` key. */
export function readFrontMatter(text: string, format: 'markdown' | 'text' = 'markdown'): FrontMatter | null {
  if (format === 'text') return null;
  const fm = frontMatterBlock(text);
  if (!fm) return null;
  return simpleFrontMatter(text, fm) ?? yamlFrontMatter(text, fm);
}

/** The front matter read by the YAML package (dist/vendor/yaml.js, loaded on first use). */
export function yamlFrontMatter(text: string, fm: FrontMatterBlock): FrontMatter {
  // positions inside the block are the same in the block's text as in the whole plan's
  const index = new LineIndex(text.slice(0, fm.end));
  const range = index.range(fm.start, fm.end);
  const doc = parseDocument(fm.value, { prettyErrors: false });
  // the YAML body starts on the line after the opening `---`
  const bodyStart = text.indexOf('\n', fm.start) + 1;
  if (doc.errors.length > 0) {
    const err = doc.errors[0];
    const at = bodyStart + (err.pos?.[0] ?? 0);
    return { data: null, range, keyRanges: {}, error: { message: err.message.split('\n')[0], range: index.range(at, Math.min(index.lineEnd(index.position(at).line), fm.end)) } };
  }
  let data: unknown;
  try {
    data = doc.toJS();
  } catch (e) {
    // what parses but has no value, e.g. an alias with no anchor (`level: *a`): an error on the first line of the YAML
    const line = index.position(bodyStart).line;
    return { data: null, range, keyRanges: {}, error: { message: String((e as Error).message ?? e).split('\n')[0], range: index.range(bodyStart, Math.min(index.lineEnd(line), fm.end)) } };
  }
  const keyRanges: Record<string, Range> = {};
  const eco = doc.get('ecoplan', true);
  if (isMap(eco)) {
    for (const item of eco.items) {
      const key = isScalar(item.key) ? String(item.key.value) : null;
      const node = (item.value ?? item.key) as { range?: [number, number, number] } | null;
      const keyNode = item.key as { range?: [number, number, number] } | null;
      const r = node?.range ?? keyNode?.range;
      if (key && r) keyRanges[key] = index.range(bodyStart + r[0], bodyStart + r[1]);
    }
  } else if (eco && (eco as { range?: [number, number] }).range) {
    const r = (eco as { range: [number, number] }).range;
    keyRanges[''] = index.range(bodyStart + r[0], bodyStart + r[1]);
  }
  return { data: data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : null, range, keyRanges };
}

// The front matter plans write — `ecoplan:` over `level: 县`, `catalogue: national-2019`,
// `period: 2022-2024`, `departments: ../部门.yaml`, a `title:` — is read here without the YAML
// package, whose loading and first parse are a tenth of checking a small plan. Only keys of word
// characters, one level of nesting and plain words or whole numbers; anything else (quotes, flow
// collections, comments after a value, lists, empty values, multi-line scalars, decimals…) goes to
// the YAML package. Within this subset the result is the YAML package's, position for position
// (test/unit/frontMatter.test.ts compares the two on generated documents).
const KEY_LINE = /^( *)([A-Za-z_\u4e00-\u9fff][\w\u4e00-\u9fff.-]*):(?:( +)(.*))?$/;
const SPECIAL_WORD = /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE)$/;
// characters with a YAML meaning anywhere in a plain value (or that this subset leaves to the package)
const UNSAFE_VALUE = /[#{}[\]&*!|>'"%@`\t]|: |:$|^[-?:,+~=<]|\s$/;
const UNSAFE_NUMBER = /^(?:(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?|0[xo][0-9a-fA-F]+|\.(?:inf|Inf|INF|nan|NaN|NAN))$/;

/** A value of the subset: a whole number or a word string; undefined for anything else. */
function plainValue(raw: string): string | number | undefined {
  if (raw === '' || UNSAFE_VALUE.test(raw) || SPECIAL_WORD.test(raw)) return undefined;
  if (/^[0-9]{1,15}$/.test(raw)) return Number(raw);
  if (UNSAFE_NUMBER.test(raw)) return undefined;
  return raw;
}

/** The front matter when it is in the subset above; null when the YAML package must read it. */
export function simpleFrontMatter(text: string, fm: FrontMatterBlock): FrontMatter | null {
  const body = fm.value;
  if (body.includes('\r') && /\r(?!\n)/.test(body)) return null;
  const bodyStart = text.indexOf('\n', fm.start) + 1;
  const root: Record<string, unknown> = {};
  let keys = 0;
  let nested: Record<string, unknown> | null = null;
  let nestedKey = '';
  let nestedIndent = 0;
  let pending: string | null = null; // a top-level key with no value yet: a nested map follows
  // value ranges (offsets in the body) of the `ecoplan:` entries, or of `ecoplan:`'s own value
  const ecoRanges: [string, number, number][] = [];
  let at = 0;
  while (at < body.length) {
    let end = body.indexOf('\n', at);
    if (end < 0) end = body.length;
    const line = body.slice(at, body.charCodeAt(end - 1) === 13 ? end - 1 : end);
    const lineStart = at;
    at = end + 1;
    if (/^ *(?:#.*)?$/.test(line)) continue; // blank or a whole-line comment
    const m = KEY_LINE.exec(line);
    if (!m || SPECIAL_WORD.test(m[2]) || m[2] === '__proto__') return null;
    const indent = m[1].length;
    const key = m[2];
    const raw = m[4] ?? '';
    const valueStart = lineStart + m[1].length + key.length + 1 + (m[3]?.length ?? 0);
    if (indent === 0) {
      if (pending !== null || key in root) return null;
      nested = null;
      keys++;
      if (raw === '') {
        pending = key;
        continue;
      }
      const value = plainValue(raw);
      if (value === undefined) return null;
      root[key] = value;
      if (key === 'ecoplan') ecoRanges.push(['', valueStart, valueStart + raw.length]);
    } else {
      if (pending !== null) {
        nested = {};
        root[pending] = nested;
        nestedKey = pending;
        nestedIndent = indent;
        pending = null;
      } else if (!nested || indent !== nestedIndent) return null;
      if (key in nested) return null;
      const value = plainValue(raw);
      if (value === undefined) return null;
      nested[key] = value;
      if (nestedKey === 'ecoplan') ecoRanges.push([key, valueStart, valueStart + raw.length]);
    }
  }
  if (pending !== null) return null;
  const index = new LineIndex(text.slice(0, fm.end));
  const keyRanges: Record<string, Range> = {};
  for (const [key, s, e] of ecoRanges) keyRanges[key] = index.range(bodyStart + s, bodyStart + e);
  return { data: keys > 0 ? root : null, range: index.range(fm.start, fm.end), keyRanges };
}

/** One `ecoplan:` setting as written, when it is a non-empty string (`departments: ../部门.yaml`). */
export function frontMatterSetting(fm: FrontMatter | null, key: string): string | undefined {
  const eco = fm?.data?.ecoplan;
  if (!eco || typeof eco !== 'object' || Array.isArray(eco)) return undefined;
  const v = (eco as Record<string, unknown>)[key];
  return typeof v === 'string' && v.length > 0 ? v : undefined;
}
