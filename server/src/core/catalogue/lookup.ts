import { allIndicators } from './load';
import type { CatalogueEdition, CatalogueIndicator } from './types';
import type { IndicatorTarget } from '../model/types';

const byIdCache = new WeakMap<CatalogueEdition, Map<string, CatalogueIndicator>>();

export function indicatorsById(edition: CatalogueEdition): Map<string, CatalogueIndicator> {
  let m = byIdCache.get(edition);
  if (!m) {
    m = new Map(allIndicators(edition).map((i) => [i.id, i]));
    byIdCache.set(edition, m);
  }
  return m;
}

/** The plan edition's entry for a target's indicator (by stable id across editions), or null. */
export function indicatorOf(target: IndicatorTarget, ctx: { edition: CatalogueEdition }): CatalogueIndicator | null {
  if (!target.catalogueId) return null;
  return indicatorsById(ctx.edition).get(target.catalogueId) ?? null;
}

/** `2019 版` for the national editions (as reviewers say it), the title for any other catalogue. */
export function editionLabel(ctx: { edition: CatalogueEdition }): string {
  const m = /^national-(\d{4})/.exec(ctx.edition.id);
  return m ? `${m[1]} 版` : ctx.edition.title;
}

export const LEVEL_EN: Record<string, string> = { 市: 'city', 县: 'county' };
