import type { PlanLevel } from '../model/types';
import type { CatalogueEdition, CatalogueIndicator, Confidence, Threshold } from './types';

/** Raw edition as written in data/catalogue/*.yaml (see data/catalogue/catalogue.schema.json). */
type Raw = Record<string, any>;

const LEVELS: PlanLevel[] = ['市', '县'];

function asStrings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

function asLevels(v: unknown): PlanLevel[] {
  return asStrings(v).filter((x): x is PlanLevel => (LEVELS as string[]).includes(x));
}

function toIndicator(raw: Raw, editionId: string, number: string, parent: CatalogueIndicator | null, inherited: Partial<CatalogueIndicator>): CatalogueIndicator | null {
  if (typeof raw?.name !== 'string' || raw.name.length === 0) return null; // an entry whose name is unknown cannot be matched
  const ind: CatalogueIndicator = {
    id: typeof raw.id === 'string' ? raw.id : `${editionId}:${number}`,
    number,
    name: raw.name,
    aliases: asStrings(raw.aliases),
    former: asStrings(raw.former),
    unit: typeof raw.unit === 'string' && raw.unit !== '-' ? raw.unit : null,
    value: raw.value == null ? null : String(raw.value),
    thresholds: Array.isArray(raw.thresholds) ? (raw.thresholds as Threshold[]) : [],
    direction: raw.direction === 'higher' || raw.direction === 'lower' ? raw.direction : null,
    alsoStatedAs: Array.isArray(raw.alsoStatedAs)
      ? (raw.alsoStatedAs as Raw[]).filter((m) => typeof m?.unit === 'string' && (m.direction === 'higher' || m.direction === 'lower')).map((m) => ({ unit: m.unit as string, direction: m.direction as 'higher' | 'lower' }))
      : [],
    binding: typeof raw.binding === 'boolean' ? raw.binding : (inherited.binding ?? null),
    applies: raw.applies ? asLevels(raw.applies) : (inherited.applies ?? []),
    only: typeof raw.only === 'string' ? raw.only : (inherited.only ?? null),
    confidence: (typeof raw.confidence === 'string' ? raw.confidence : (inherited.confidence ?? 'unknown')) as Confidence,
    evidence: typeof raw.evidence === 'string' ? raw.evidence : null,
    source: typeof raw.source === 'string' ? raw.source : Array.isArray(raw.source) ? asStrings(raw.source).join('; ') : (inherited.source ?? null),
    note: typeof raw.note === 'string' ? raw.note : null,
    domain: inherited.domain ?? null,
    group: inherited.group ?? null,
    parts: [],
    parent,
  };
  if (Array.isArray(raw.parts)) {
    raw.parts.forEach((p: Raw, i: number) => {
      const part = toIndicator(p, editionId, `${number}.${i + 1}`, ind, ind);
      if (part) ind.parts.push(part);
    });
  }
  return ind;
}

export function loadEdition(raw: Raw): CatalogueEdition {
  const e = raw?.edition ?? {};
  const id = String(e.id ?? 'unknown');
  const indicators: CatalogueIndicator[] = [];
  // the edition's grouping: domain and task group by indicator number
  const placeOf = new Map<number, { domain: string; group: string }>();
  const domains: string[] = [];
  for (const d of Array.isArray(raw?.domains) ? raw.domains : []) {
    if (typeof d?.name !== 'string') continue;
    domains.push(d.name);
    const tasks: string[] = Array.isArray(d.tasks) ? d.tasks : [];
    const ranges: unknown[] = Array.isArray(d.ranges) ? d.ranges : [];
    ranges.forEach((r, k) => {
      if (!Array.isArray(r) || r.length !== 2) return;
      for (let n = Number(r[0]); n <= Number(r[1]); n++) placeOf.set(n, { domain: d.name, group: tasks[k] ?? d.name });
    });
  }
  for (const [i, r] of (Array.isArray(raw?.indicators) ? raw.indicators : []).entries()) {
    const place = placeOf.get(Number(r?.number ?? i + 1));
    const ind = toIndicator(r, id, String(r?.number ?? i + 1), null, { domain: place?.domain ?? null, group: place?.group ?? null });
    if (ind) indicators.push(ind);
  }
  return {
    id,
    title: String(e.title ?? id),
    document: e.document ?? null,
    issued: e.issued == null ? null : String(e.issued),
    levels: asLevels(e.levels),
    complete: e.complete !== false,
    indicators,
    domains,
  };
}

/** Every indicator with its parts flattened, in catalogue order. */
export function allIndicators(edition: CatalogueEdition): CatalogueIndicator[] {
  const out: CatalogueIndicator[] = [];
  const walk = (list: CatalogueIndicator[]) => {
    for (const ind of list) {
      out.push(ind);
      walk(ind.parts);
    }
  };
  walk(edition.indicators);
  return out;
}
