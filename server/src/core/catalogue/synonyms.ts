import synonymsData from '../../../../data/catalogue/synonyms.yaml';

/**
 * Other wordings of catalogue indicators (data/catalogue/synonyms.yaml): by indicator id, with a
 * confidence, plus groups of words that stand for one another at the start of a name (城镇/城区/城市).
 */
export type SynonymConfidence = 'high' | 'medium';

export interface Synonym {
  name: string;
  confidence: SynonymConfidence;
}

interface SynonymData {
  synonyms: Map<string, Synonym[]>;
  prefixGroups: string[][];
}

function asConfidence(v: unknown): SynonymConfidence {
  return v === 'high' ? 'high' : 'medium';
}

/** Reads the raw YAML; anything malformed is skipped (the data is checked by its own test). */
export function loadSynonyms(raw: unknown): SynonymData {
  const out: SynonymData = { synonyms: new Map(), prefixGroups: [] };
  const r = (raw ?? {}) as Record<string, unknown>;
  const groups = Array.isArray(r.interchangeablePrefixes) ? r.interchangeablePrefixes : [];
  for (const g of groups) if (Array.isArray(g)) out.prefixGroups.push(g.filter((x): x is string => typeof x === 'string' && x.length > 0));
  const byId = r.synonyms && typeof r.synonyms === 'object' ? (r.synonyms as Record<string, unknown>) : {};
  for (const [id, list] of Object.entries(byId)) {
    if (!Array.isArray(list)) continue;
    const items: Synonym[] = [];
    for (const s of list) {
      const name = (s as { name?: unknown })?.name;
      if (typeof name === 'string' && name.length >= 2) items.push({ name, confidence: asConfidence((s as { confidence?: unknown }).confidence) });
    }
    out.synonyms.set(id, items);
  }
  return out;
}

export const builtinSynonyms = loadSynonyms(synonymsData);

/** `城镇生活垃圾无害化处理率` → `城区生活垃圾无害化处理率`, `城市生活垃圾无害化处理率`: the prefix variants of one name. */
export function prefixVariants(name: string, groups: string[][]): string[] {
  const out: string[] = [];
  for (const group of groups) {
    const own = group.find((p) => name.startsWith(p));
    if (!own) continue;
    for (const other of group) if (other !== own) out.push(other + name.slice(own.length));
  }
  return out;
}
