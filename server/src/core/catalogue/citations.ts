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
const DROPPED = new Set([...'〔〕[]()【】《》〈〉<>「」『』"\'“”‘’ \t\r\n\u3000']);

function foldCitation(text: string): { folded: string; at: number[] } {
  const width = foldWidth(text);
  let folded = '';
  const at: number[] = [];
  for (let i = 0; i < width.length; i++) {
    const c = width[i];
    if (DROPPED.has(c)) continue;
    folded += c;
    at.push(i);
  }
  return { folded, at };
}

const OPENING = '(（〔[【《〈「『';
const CLOSING = ')）〕]】》〉」』';

const FORMS = (citationData as { citations: { form: string; editions: string[] }[] }).citations.map((c) => ({ key: foldCitation(c.form).folded, editions: c.editions }));

/** Whether a line holds a citation form whole (an edit there may change the plan's edition). */
export function mayCiteEdition(line: string): boolean {
  const { folded } = foldCitation(line);
  return FORMS.some((f) => folded.includes(f.key));
}

/**
 * The editions a plan cites, in the order of their first citation: a scan of the raw text before it
 * is read (the edition decides how its names resolve), one fold and one search per form of
 * data/catalogue/citations.yaml.
 */
export function editionCitations(text: string): EditionCitation[] {
  const { folded, at } = foldCitation(text);
  const found: { pos: number; editions: string[]; end: number }[] = [];
  for (const form of FORMS) {
    const i = folded.indexOf(form.key);
    if (i < 0) continue;
    // the words as written, with the brackets they open (`…指标》(2021年修订版)`), not one closing a bracket outside them
    let end = at[i + form.key.length - 1] + 1;
    const open: string[] = [];
    for (let k = at[i]; k < end; k++) {
      const o = OPENING.indexOf(text[k]);
      if (o >= 0) open.push(CLOSING[o]);
      else if (open.length && text[k] === open[open.length - 1]) open.pop();
    }
    while (open.length && text[end] === open[open.length - 1]) (open.pop(), end++);
    found.push({ pos: at[i], end, editions: form.editions });
  }
  found.sort((a, b) => a.pos - b.pos);
  const out: EditionCitation[] = [];
  for (const f of found) {
    const known = out.find((c) => c.editions.join() === f.editions.join());
    if (known) continue;
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
  const candidates: { edition: CatalogueEdition; citation: EditionCitation }[] = [];
  for (const citation of citations) {
    const named = citation.editions.map((id) => editions.find((e) => e.id === id)).filter((e): e is CatalogueEdition => !!e);
    const ofLevel = named.filter((e) => e.levels.includes(level));
    for (const edition of ofLevel.length ? ofLevel : named) candidates.push({ edition, citation });
  }
  if (candidates.length === 0) return null;
  const newest = (list: typeof candidates) => list.reduce((best, c) => (issuedOf(c.edition) > issuedOf(best.edition) ? c : best));
  const complete = candidates.filter((c) => c.edition.complete);
  return newest(complete.length ? complete : candidates);
}
