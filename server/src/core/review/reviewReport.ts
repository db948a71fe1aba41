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
