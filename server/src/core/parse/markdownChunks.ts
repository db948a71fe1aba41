import type { Table } from 'mdast';
import { collectMarkdownFacts, emptyFacts, parseMarkdown, type MarkdownFacts } from './markdown';
import { plainFacts } from './plainFacts';

/**
 * Markdown facts for a document that is edited a keystroke at a time. The text is cut into
 * chunks at blank lines where no Markdown construct can continue across the cut; each chunk is
 * parsed on its own and its facts are kept by the chunk's text. After an edit only the chunk(s)
 * whose text changed are parsed again: remark takes ~0.8 s for 1 MB, a 4 KB chunk ~3 ms.
 * The facts are the same as parsing the whole text (tested on the samples, the corpus and
 * random documents): headings, bold starts, code/HTML masks, comments, tables and front matter
 * all end at a blank line, or, where they do not (fences, comments, front matter), no cut is made.
 */

/** Facts of one chunk, relative to the chunk's first line and first character. */
interface ChunkFacts {
  facts: MarkdownFacts;
}

export interface Chunk {
  start: number;
  line: number;
  text: string;
}

// An editor re-parses one chunk per keystroke: small chunks. A one-off analysis parses them all:
// larger chunks, which still parse faster than the whole text at once (micromark's cost grows
// faster than the text, and a chunk without `|` or `*` is parsed without the table or emphasis
// extension) — measured 12.5 → 8.4 ms on a 17 KB sample.
export const EDIT_CHUNK = 512;
export const ONE_OFF_CHUNK = 4096;
// also inside list items and quotes (`- ~~~`, `> ```…`): a cut in such a fence is no safer than in a top-level one
// (each marker after its own spaces, so a line of many markers is read in one pass, never backtracked)
export const FENCE = /^(?:[ \t]*(?:>|[-+*]|\d{1,9}[.)])(?=[ \t]|$))*[ \t]*(`{3,}|~{3,})/;
export const RAW_HTML_OPEN = /^ {0,3}<(script|pre|style|textarea)[\s>]/i;

/** Cut `text` into chunks that parse to the same facts apart as together. */
export function splitIntoChunks(text: string, minChunk = EDIT_CHUNK, frontMatter = true): Chunk[] {
  const chunks: Chunk[] = [];
  let chunkStart = 0;
  let chunkLine = 0;
  let line = 0;
  let at = 0;
  let fence: string | null = null;
  let inComment = false;
  let rawHtml: string | null = null;
  // front matter: nothing is cut before its closing line (only where the text may open with front matter:
  // elsewhere `---` is a thematic break, and a fence after it still holds)
  let inFrontMatter = frontMatter && text.startsWith('---');
  while (at < text.length) {
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    const lineText = text.slice(at, end);
    const next = end + 1;
    if (inFrontMatter) {
      if (line > 0 && /^(---|\.\.\.)\s*$/.test(lineText)) inFrontMatter = false;
    } else if (fence) {
      const m = FENCE.exec(lineText);
      if (m && m[1][0] === fence[0] && m[1].length >= fence.length && lineText.slice(m[0].length).trim() === '') fence = null;
    } else if (inComment) {
      if (lineText.includes('-->')) inComment = false;
    } else if (rawHtml) {
      if (lineText.toLowerCase().includes(`</${rawHtml}>`)) rawHtml = null;
    } else {
      const f = FENCE.exec(lineText);
      const raw = RAW_HTML_OPEN.exec(lineText);
      const open = lineText.lastIndexOf('<!--');
      if (f) fence = f[1];
      else if (raw && !lineText.toLowerCase().includes(`</${raw[1].toLowerCase()}>`)) rawHtml = raw[1].toLowerCase();
      else if (open >= 0 && lineText.indexOf('-->', open + 4) < 0) inComment = true;
      else if (lineText.trim() === '' && next - chunkStart >= minChunk && next < text.length) {
        // an indented line after the blank could continue a list item or an indented code block
        const following = text.charCodeAt(next);
        if (following !== 32 && following !== 9 && following !== 10 && following !== 13) {
          chunks.push({ start: chunkStart, line: chunkLine, text: text.slice(chunkStart, next) });
          chunkStart = next;
          chunkLine = line + 1;
        }
      }
    }
    at = next;
    line++;
  }
  if (chunkStart < text.length || chunks.length === 0) chunks.push({ start: chunkStart, line: chunkLine, text: text.slice(chunkStart) });
  return chunks;
}

/** Keeps the facts of the chunks of the last version of one document. */
export class MarkdownFactsCache {
  private chunks = new Map<string, ChunkFacts>();
  /** Chunks parsed (not found in the cache) by the last call, for tests and benchmarks. */
  lastParsed = 0;
  /** The chunks of the last call with their facts (relative to each chunk), in order: what an edit inside one chunk re-parses. */
  lastChunks: { chunk: Chunk; facts: MarkdownFacts }[] = [];

  constructor(private readonly minChunk = EDIT_CHUNK) {}

  /** `minChunk`: chunk size below which no cut is made (small in tests, so random documents are cut often). */
  facts(text: string, minChunk = this.minChunk): MarkdownFacts {
    const pieces = splitIntoChunks(text, minChunk);
    const next = new Map<string, ChunkFacts>();
    const out: MarkdownFacts = { headings: new Map(), masked: [], htmlComments: [], tables: [], boldStarts: new Map(), frontMatter: null };
    this.lastParsed = 0;
    const kept: { chunk: Chunk; facts: MarkdownFacts }[] = [];
    pieces.forEach((chunk, i) => {
      // the first chunk is keyed apart: only there does a leading `---` open front matter
      const key = i === 0 ? `\u0000${chunk.text}` : chunk.text;
      let cached = next.get(key) ?? this.chunks.get(key);
      if (!cached) {
        cached = { facts: factsOf(chunk.text, i === 0) };
        this.lastParsed++;
      }
      next.set(key, cached);
      kept.push({ chunk, facts: cached.facts });
      append(out, cached.facts, chunk);
    });
    this.chunks = next;
    this.lastChunks = kept;
    return out;
  }

  /** The facts of one chunk on its own (the first chunk is the only one that may open front matter). */
  chunkFacts(text: string, first: boolean): MarkdownFacts {
    const key = first ? `\u0000${text}` : text;
    let cached = this.chunks.get(key);
    if (!cached) {
      cached = { facts: factsOf(text, first) };
      this.chunks.set(key, cached);
    }
    return cached.facts;
  }
}

/**
 * The facts of one chunk: read without the Markdown parser where it holds only prose, headings and
 * bold titles (plainFacts.ts); else cut finer, at every blank line where a cut is safe, and only the
 * pieces that need it parsed (a table's piece, not the prose around it).
 */
export function factsOf(text: string, first: boolean): MarkdownFacts {
  const plain = plainFacts(text, first);
  if (plain) return plain;
  const pieces = splitIntoChunks(text, 1, first);
  if (pieces.length === 1) return collectMarkdownFacts(parseMarkdown(text, { frontMatter: first }));
  const out = emptyFacts();
  // consecutive pieces the parser must read are read together
  let pending: { chunk: Chunk; first: boolean } | null = null;
  const parsePending = () => {
    if (!pending) return;
    append(out, collectMarkdownFacts(parseMarkdown(pending.chunk.text, { frontMatter: pending.first })), pending.chunk);
    pending = null;
  };
  pieces.forEach((piece, i) => {
    const f = plainFacts(piece.text, first && i === 0);
    if (f) {
      parsePending();
      append(out, f, piece);
    } else if (pending) pending.chunk = { start: pending.chunk.start, line: pending.chunk.line, text: pending.chunk.text + piece.text };
    else pending = { chunk: piece, first: first && i === 0 };
  });
  parsePending();
  return out;
}

function append(out: MarkdownFacts, f: MarkdownFacts, chunk: Chunk) {
  const { start, line } = chunk;
  for (const [l, depth] of f.headings) out.headings.set(l + line, depth);
  for (const [l, title] of f.boldStarts) out.boldStarts.set(l + line, title);
  for (const [s, e] of f.masked) out.masked.push([s + start, e + start]);
  for (const c of f.htmlComments) out.htmlComments.push({ start: c.start + start, end: c.end + start, value: c.value });
  for (const t of f.tables) out.tables.push(shifted(t, line, start));
  if (f.frontMatter && !out.frontMatter) out.frontMatter = { ...f.frontMatter, start: f.frontMatter.start + start, end: f.frontMatter.end + start };
}

/** A copy of a table node with every position moved by the chunk's place (cached nodes stay untouched). */
function shifted<T extends Table>(node: T, line: number, offset: number): T {
  if (line === 0 && offset === 0) return node;
  const copy = (n: unknown): unknown => {
    if (Array.isArray(n)) return n.map(copy);
    if (!n || typeof n !== 'object') return n;
    const o: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(n)) {
      if (k === 'position' && v && typeof v === 'object') {
        const p = v as { start: { line: number; column: number; offset?: number }; end: { line: number; column: number; offset?: number } };
        o[k] = {
          start: { line: p.start.line + line, column: p.start.column, offset: (p.start.offset ?? 0) + offset },
          end: { line: p.end.line + line, column: p.end.column, offset: (p.end.offset ?? 0) + offset },
        };
      } else o[k] = copy(v);
    }
    return o;
  };
  return copy(node) as T;
}
