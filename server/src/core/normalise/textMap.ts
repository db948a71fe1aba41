import type { NormalisedText as ReadText, Position, Range } from '../model/types';
import { lastAtOrBefore, LineIndex } from '../text/lineIndex';

/**
 * Where the characters of a normalised text came from. Normalising only deletes spans of the
 * original (a line break, a page-number line, a space) or replaces one character by one (a line
 * break between two Latin letters becomes a space), so the normalised text is a sequence of kept
 * pieces of the original, each mapped by a constant shift.
 */
export class TextMap {
  constructor(
    /** Where each kept piece starts in the normalised text (increasing). */
    private readonly normStarts: number[],
    /** Where the same piece starts in the original. */
    private readonly origStarts: number[],
    /** Each piece's length (the same in both texts). */
    private readonly lengths: number[],
  ) {}

  /** The piece holding `offset` (the last piece starting at or before it), by its starts in one text or the other. */
  private pieceAt(offset: number, starts: number[]): number {
    return lastAtOrBefore(starts, offset);
  }

  /**
   * The original offset of a normalised offset. Where something was dropped between two pieces, a
   * start goes after the dropped text and an end (`end`) before it: a range never swallows a
   * dropped line break or page-number line at its edge.
   */
  toOriginal(offset: number, end = false): number {
    if (this.normStarts.length === 0) return offset;
    let k = this.pieceAt(offset, this.normStarts);
    if (end && k > 0 && offset === this.normStarts[k]) k--;
    return this.origStarts[k] + (offset - this.normStarts[k]);
  }

  /** The normalised offset of an original offset; one inside a dropped span goes to the next kept character. */
  toNormalised(offset: number): number {
    if (this.origStarts.length === 0) return offset;
    const k = this.pieceAt(offset, this.origStarts);
    const within = offset - this.origStarts[k];
    if (within < 0) return this.normStarts[k];
    if (within <= this.lengths[k]) return this.normStarts[k] + within;
    return k + 1 < this.normStarts.length ? this.normStarts[k + 1] : this.normStarts[k] + this.lengths[k];
  }

  /** The kept parts of the original span [from, to): what of it the reader read. */
  keptPieces(from: number, to: number): [number, number][] {
    const out: [number, number][] = [];
    if (this.origStarts.length === 0) return [[from, to]];
    for (let k = Math.max(0, this.pieceAt(from, this.origStarts)); k < this.origStarts.length && this.origStarts[k] < to; k++) {
      const s = Math.max(from, this.origStarts[k]);
      const e = Math.min(to, this.origStarts[k] + this.lengths[k]);
      if (e > s) out.push([s, e]);
    }
    return out;
  }
}

/** Builds a normalised text and its map, walking the original from start to end. */
export class TextMapBuilder {
  private readonly parts: string[] = [];
  private readonly normStarts: number[] = [];
  private readonly origStarts: number[] = [];
  private readonly lengths: number[] = [];
  private at = 0;
  private length = 0;
  changed = false;

  constructor(private readonly original: string) {}

  /** Keep the original up to `to`. */
  keep(to: number) {
    if (to <= this.at) return;
    const n = this.lengths.length - 1;
    // one piece for a run of kept text: extend the last piece when it ends where this starts in both texts
    if (n >= 0 && this.origStarts[n] + this.lengths[n] === this.at && this.normStarts[n] + this.lengths[n] === this.length) this.lengths[n] += to - this.at;
    else {
      this.normStarts.push(this.length);
      this.origStarts.push(this.at);
      this.lengths.push(to - this.at);
    }
    this.parts.push(this.original.slice(this.at, to));
    this.length += to - this.at;
    this.at = to;
  }

  /** Drop the original from the current point up to `to` (the point must have been kept up to `from`). */
  drop(from: number, to: number) {
    this.keep(from);
    if (to <= this.at) return;
    this.at = to;
    this.changed = true;
  }

  /** Replace the one character at `at` by `c`. */
  replaceOne(at: number, c: string) {
    this.keep(at);
    this.normStarts.push(this.length);
    this.origStarts.push(at);
    this.lengths.push(1);
    this.parts.push(c);
    this.length += 1;
    this.at = at + 1;
    this.changed = true;
  }

  finish(): { text: string; map: TextMap } {
    this.keep(this.original.length);
    return { text: this.parts.join(''), map: new TextMap(this.normStarts, this.origStarts, this.lengths) };
  }
}

/**
 * A plan's text as the reader read it, when normalising changed it (normalise.ts), with what editor
 * features need to work on the user's own text: the parts of a range that hold the text read (a
 * unit split by a line break is two parts), and the text read for a range.
 */
export class NormalisedText implements ReadText {
  private originalIndex: LineIndex | null = null;

  constructor(
    readonly original: string,
    /** The text the reader read. */
    readonly text: string,
    readonly map: TextMap,
  ) {}

  private index(): LineIndex {
    return (this.originalIndex ??= new LineIndex(this.original));
  }

  /** The parts of an original range that hold text the reader read (without dropped line breaks and page numbers). */
  pieces(range: Range): Range[] {
    const index = this.index();
    return this.map.keptPieces(index.offset(range.start), index.offset(range.end)).map(([s, e]) => index.range(s, e));
  }

  /** The text the reader read for an original range. */
  read(range: Range): string {
    const index = this.index();
    return this.text.slice(this.map.toNormalised(index.offset(range.start)), this.map.toNormalised(index.offset(range.end)));
  }

  /** The original position of an offset into the text read. */
  positionOf(offset: number, end = false): Position {
    return this.index().position(this.map.toOriginal(offset, end));
  }

  /** The offset into the text read of an original position. */
  offsetOf(pos: Position): number {
    return this.map.toNormalised(this.index().offset(pos));
  }
}
