import { foldWidth } from '../text/fold';
import { allIndicators } from './load';
import { builtinSynonyms, prefixVariants } from './synonyms';
import type { CatalogueEdition, NameEntry } from './types';

/**
 * Finds indicator names in running text. Keyed by the first two characters of every name,
 * alias and former name, longest first, so a scan costs one map lookup per character.
 */
export class IndicatorNameIndex {
  /** keyed by the first two UTF-16 units as one number: no string is made per character scanned */
  private readonly byPrefix = new Map<number, string[]>();
  /**
   * 1 where some name starts with that UTF-16 unit: most characters of a text start none, and are passed
   * with no map lookup. A `#` field: an analysis holds its index, and a JSON dump of it stays as it was.
   */
  readonly #firstUnits = new Uint8Array(65536);
  private readonly entries = new Map<string, NameEntry[]>();
  private readonly best = new Map<string, NameEntry | null>();

  /** `primary` is the plan's edition; other editions are consulted after it. */
  constructor(readonly primary: CatalogueEdition, readonly others: CatalogueEdition[]) {
    for (const edition of [primary, ...others.filter((e) => e.id !== primary.id)]) {
      for (const ind of allIndicators(edition)) {
        this.add(ind.name, { indicator: ind, edition, kind: 'name' });
        for (const a of ind.aliases) this.add(a, { indicator: ind, edition, kind: 'alias' });
        for (const f of ind.former) this.add(f, { indicator: ind, edition, kind: 'former' });
      }
    }
    // synonyms after every edition's own names, so a synonym never shadows a name or alias
    for (const edition of [primary, ...others.filter((e) => e.id !== primary.id)]) {
      for (const ind of allIndicators(edition)) {
        const synonyms = builtinSynonyms.synonyms.get(ind.id) ?? [];
        for (const s of synonyms) this.addSynonym(s.name, { indicator: ind, edition, kind: 'synonym', confidence: s.confidence });
        for (const own of [ind.name, ...ind.aliases, ...synonyms.map((s) => s.name)]) {
          for (const v of prefixVariants(own, builtinSynonyms.prefixGroups)) this.addSynonym(v, { indicator: ind, edition, kind: 'synonym', confidence: 'medium' });
        }
      }
    }
    for (const list of this.byPrefix.values()) list.sort((a, b) => b.length - a.length);
  }

  private add(name: string, entry: NameEntry) {
    const key = normaliseName(name);
    if (key.length < 2) return;
    const list = this.entries.get(key);
    if (list) list.push(entry);
    else {
      this.entries.set(key, [entry]);
      const prefix = key.charCodeAt(0) * 65536 + key.charCodeAt(1);
      this.#firstUnits[key.charCodeAt(0)] = 1;
      const names = this.byPrefix.get(prefix);
      if (names) names.push(key);
      else this.byPrefix.set(prefix, [key]);
    }
  }

  private addSynonym(name: string, entry: NameEntry) {
    const existing = this.entries.get(normaliseName(name));
    if (existing && existing.some((e) => e.kind !== 'synonym' || e.indicator.id === entry.indicator.id)) return;
    this.add(name, entry);
  }

  /** Best entry for a name: the primary edition first, then canonical names before aliases before former names. */
  resolve(name: string): NameEntry | null {
    const cached = this.best.get(name);
    if (cached !== undefined) return cached;
    const list = this.entries.get(normaliseName(name));
    let found: NameEntry | null = null;
    if (list) {
      const rank = (e: NameEntry) => (e.edition.id === this.primary.id ? 0 : 10) + (e.kind === 'name' ? 0 : e.kind === 'alias' ? 1 : e.kind === 'former' ? 2 : 3);
      found = [...list].sort((a, b) => rank(a) - rank(b))[0];
    }
    // names are few and resolved once per occurrence in the text: remember each answer
    if (this.best.size < 10_000) this.best.set(name, found);
    return found;
  }

  /** Longest name starting at `text[i]`, or null. `text` must already be width-folded (text/fold.ts). */
  matchAt(text: string, i: number): string | null {
    if (i + 1 >= text.length) return null;
    const first = text.charCodeAt(i);
    if (this.#firstUnits[first] === 0) return null;
    const names = this.byPrefix.get(first * 65536 + text.charCodeAt(i + 1));
    if (!names) return null;
    for (const name of names) {
      if (matchesAt(text, i, name)) return text.slice(i, i + name.length);
    }
    return null;
  }

  allNames(): string[] {
    return [...this.entries.keys()];
  }
}

/**
 * Width folding only, which is length-preserving, so a match in the folded text has the same
 * offsets in the original. Spelling variants (Ⅲ/III, Ⅴ/V) are listed as aliases in the data.
 */
export function normaliseName(s: string): string {
  return foldWidth(s);
}

function matchesAt(text: string, i: number, name: string): boolean {
  return text.startsWith(name, i);
}
