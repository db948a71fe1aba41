import citationData from '../../../../data/catalogue/citations.yaml';
import type { PlanLevel } from '../model/types';
import { foldWidth } from '../text/fold';
import type { CatalogueEdition } from './types';

/** A national edition the plan cites, where it first does, in the words it uses. */
export interface EditionCitation {
  /** The editions the cited document or title names (a notice that issued a 市 and a 县 list: both). */
  editions: string[];
  words: string;
  line: number;
}

/** Brackets of every kind, quotes and white space: a citation reads the same with or without them. */
const DROPPED_CHARS = '〔〕[]()【】《》〈〉<>「」『』"\'“”‘’ \t\r\n\u3000';
const DROPPED = new Set([...DROPPED_CHARS]);
const DROPPED_ALL = new RegExp(`[${DROPPED_CHARS.replace(/[\]\[\\^-]/g, '\\$&')}]+`, 'g');

/** The text as citations are matched: width folded, dropped characters gone (native replace: a plan is one pass). */
function foldCitation(text: string): string {
  return foldWidth(text).replace(DROPPED_ALL, '');
}

/** Offsets in `text` of the given offsets of its folded form (ascending), in one walk up to the last. */
function originalOffsets(text: string, folded: number[]): number[] {
  const out: number[] = [];
  let f = 0;
  let next = 0;
  for (let k = 0; k < text.length && next < folded.length; k++) {
    const c = text[k];
    const width = c >= '\uFF01' && c <= '\uFF5E' ? String.fromCharCode(c.charCodeAt(0) - 0xfee0) : c;
    if (DROPPED.has(width)) continue;
    while (next < folded.length && folded[next] === f) (out.push(k), next++);
    f++;
  }
  return out;
}

const OPENING = '(（〔[【《〈「『';
const CLOSING = ')）〕]】》〉」』';

const FORMS = (citationData as { citations: { form: string; editions: string[] }[] }).citations.map((c) => ({ key: foldCitation(c.form), editions: c.editions }));

/** Whether a line holds a citation form whole (an edit there may change the plan's edition). */
export function mayCiteEdition(line: string): boolean {
  const folded = foldCitation(line);
  return FORMS.some((f) => folded.includes(f.key));
}

/**
 * The editions a plan cites, in the order of their first citation: a scan of the raw text before it
 * is read (the edition decides how its names resolve), one fold and one search per form of
 * data/catalogue/citations.yaml.
 */
export function editionCitations(text: string): EditionCitation[] {
  const folded = foldCitation(text);
  const hits = FORMS.map((form) => ({ form, i: folded.indexOf(form.key) })).filter((h) => h.i >= 0);
  if (hits.length === 0) return [];
  // each hit's first and last character, back in the text
  const wanted = [...new Set(hits.flatMap((h) => [h.i, h.i + h.form.key.length - 1]))].sort((a, b) => a - b);
  const offsets = originalOffsets(text, wanted);
  const at = (f: number) => offsets[wanted.indexOf(f)];
  const found = hits.map((h) => {
    const pos = at(h.i);
    // the words as written, with the brackets they open (`…指标》(2021年修订版)`), not one closing a bracket outside them
    let end = at(h.i + h.form.key.length - 1) + 1;
    const open: string[] = [];
    for (let k = pos; k < end; k++) {
      const o = OPENING.indexOf(text[k]);
      if (o >= 0) open.push(CLOSING[o]);
      else if (open.length && text[k] === open[open.length - 1]) open.pop();
    }
    while (open.length && text[end] === open[open.length - 1]) (open.pop(), end++);
    return { pos, end, editions: h.form.editions };
  });
  found.sort((a, b) => a.pos - b.pos);
  const out: EditionCitation[] = [];
  for (const f of found) {
    if (out.some((c) => c.editions.join() === f.editions.join())) continue;
    let line = 0;
    for (let i = text.indexOf('\n'); i >= 0 && i < f.pos; i = text.indexOf('\n', i + 1)) line++;
    out.push({ editions: f.editions, words: text.slice(f.pos, f.end), line });
  }
  return out;
}

const issuedOf = (e: CatalogueEdition) => e.issued ?? '';

/**
 * The edition a plan's citations hold it to, for a plan of this level (a plan of unknown level is
 * checked as 市): among the cited editions of its level, the newest that is complete in the data,
 * else the newest. A plan citing 2019 and the 2021 revision (complete: false) is held to 2019, and
 * told so (assumed-settings); a plan citing only an incomplete edition is held to it, and told which
 * checks cannot run (incomplete-catalogue) rather than silently checked against another list.
 */
export function citedEdition(citations: EditionCitation[], editions: CatalogueEdition[], level: PlanLevel): { edition: CatalogueEdition; citation: EditionCitation } | null {
  const named: { edition: CatalogueEdition; citation: EditionCitation }[] = [];
  for (const citation of citations) for (const id of citation.editions) {
    const edition = editions.find((e) => e.id === id);
    if (edition) named.push({ edition, citation });
  }
  // the editions of its level, when it cites any (the 2024 notice's title names the 市 and the 县 list)
  const ofLevel = named.filter((c) => c.edition.levels.includes(level));
  const candidates = ofLevel.length ? ofLevel : named;
  if (candidates.length === 0) return null;
  const newest = (list: typeof candidates) => list.reduce((best, c) => (issuedOf(c.edition) > issuedOf(best.edition) ? c : best));
  const complete = candidates.filter((c) => c.edition.complete);
  return newest(complete.length ? complete : candidates);
}
