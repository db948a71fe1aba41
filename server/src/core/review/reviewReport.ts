import { DEFAULT_CRITERIA } from './criteria';
import type { CityView, MatrixColumn, PlanReview, ReviewReport, VerdictCriteria } from './types';

/**
 * The report of a set of plans from their reviews (planReview.ts): the matrix's columns are the
 * binding indicators the plans bring (each plan's edition and level), in the order they first come,
 * once each; a plan's row gets `not-binding` in a column its edition or level does not bind.
 */
export function buildReviewReport(
  plans: PlanReview[],
  criteria: VerdictCriteria = DEFAULT_CRITERIA,
  lang: 'zh' | 'en' = 'zh',
  more: { columns?: MatrixColumn[][]; cities?: CityView[] } = {},
): ReviewReport {
  const indicators: MatrixColumn[] = [];
  const byId = new Map<string, MatrixColumn>();
  for (const cols of more.columns ?? []) {
    for (const c of cols) {
      const known = byId.get(c.id);
      if (known) {
        for (const e of c.editions) if (!known.editions.includes(e)) known.editions.push(e);
      } else {
        const copy = { ...c, editions: [...c.editions] };
        byId.set(c.id, copy);
        indicators.push(copy);
      }
    }
  }
  for (const p of plans) {
    if (p.unread) continue;
    for (const col of indicators) if (!p.cells[col.id]) p.cells[col.id] = { status: 'not-binding' };
  }
  const read = plans.filter((p) => !p.unread);
  return {
    version: 1,
    lang,
    plans,
    indicators,
    cities: more.cities ?? [],
    criteria,
    summary: {
      plans: plans.length,
      read: read.length,
      ready: read.filter((p) => p.verdict === 'ready').length,
      revise: read.filter((p) => p.verdict === 'revise').length,
      unread: plans.length - read.length,
    },
  };
}

/**
 * The city plans of the set and their county plans: a county plan's city is the plan of its
 * prefecture (same province, PlanPlace.prefecture) that is itself a 市 plan of that prefecture.
 * Indexes into `plans`; a city with no county in the set is left out.
 */
export function cityPairs(plans: PlanReview[]): { city: number; counties: number[] }[] {
  const out: { city: number; counties: number[] }[] = [];
  plans.forEach((c, ci) => {
    if (c.unread || c.level !== '市' || !c.place || c.place.prefecture !== c.place.name) return;
    // one city plan per prefecture: the first in the set
    if (out.some((o) => plans[o.city].place!.code === c.place!.code)) return;
    const counties = plans.flatMap((p, i) => (i !== ci && !p.unread && p.level === '县' && p.place && p.place.province === c.place!.province && p.place.prefecture === c.place!.name ? [i] : []));
    if (counties.length > 0) out.push({ city: ci, counties });
  });
  return out;
}
