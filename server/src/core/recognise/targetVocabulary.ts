import vocabularyData from '../../../../data/vocab/targets.yaml';

/**
 * The words of target statements (data/vocab/targets.yaml): metric heads, leading scope words,
 * trend phrases and units written in words. Lists come back longest first, ready for a regex
 * alternation; anything malformed in the data is skipped (test/unit/targetVocabulary.test.ts checks it).
 */
export interface TargetVocabulary {
  metricHeads: string[];
  leadingWords: string[];
  clauseWords: string[];
  trendAfter: string[];
  trendBefore: string[];
  /** Unit as written → the symbol the catalogue uses. */
  wordUnits: Map<string, string>;
  /** Words around `2025年` that make it a deadline (`到2025年`, `2025年底前`), not a base year. */
  yearBefore: string[];
  yearAfter: string[];
  /** Institutions stated as achieved (`……制度全面实施`): heads, completion phrases, verbs that make it task prose. */
  institutionHeads: string[];
  completions: string[];
  institutionNotAfter: string[];
  /** Words before a base year (`较2015年`), which is no target's year. */
  yearBase: string[];
  /** Adverbs that make a target an aspiration (`力争`, `争取`). */
  aspirational: string[];
}

function strings(v: unknown): string[] {
  const list = Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.length > 0) : [];
  return [...new Set(list)].sort((a, b) => b.length - a.length);
}

export function loadTargetVocabulary(raw: unknown): TargetVocabulary {
  const r = (raw ?? {}) as Record<string, unknown>;
  const trend = (r.trendPhrases ?? {}) as Record<string, unknown>;
  const year = (r.yearStatement ?? {}) as Record<string, unknown>;
  const inst = (r.institutions ?? {}) as Record<string, unknown>;
  const units = new Map<string, string>();
  if (r.wordUnits && typeof r.wordUnits === 'object') {
    for (const [k, v] of Object.entries(r.wordUnits as Record<string, unknown>)) if (typeof v === 'string' && k.length > 0) units.set(k, v);
  }
  return {
    metricHeads: strings(r.metricHeads),
    leadingWords: strings(r.leadingWords),
    clauseWords: strings(r.clauseWords),
    trendAfter: strings(trend.after),
    trendBefore: strings(trend.before),
    wordUnits: units,
    yearBefore: strings(year.before),
    yearAfter: strings(year.after),
    yearBase: strings(year.base),
    institutionHeads: strings(inst.heads),
    completions: strings(inst.completions),
    institutionNotAfter: strings(inst.notAfter),
    aspirational: strings(r.aspirational),
  };
}

export const targetVocabulary = loadTargetVocabulary(vocabularyData);

/** A regex alternation of literal words (longest first, as the lists are sorted). */
export function alternation(words: string[]): string {
  return words.map((w) => w.replace(/[/.^$*+?()[\]{}|\\]/g, '\\$&')).join('|');
}
