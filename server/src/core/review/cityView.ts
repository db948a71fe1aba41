import type { PlanAnalysis } from '../analysis';
import { indicatorsById } from '../catalogue/lookup';
import type { CatalogueIndicator } from '../catalogue/types';
import { cellContext, cellOf } from './cells';
import { assignedIndicators, compareWithCity } from './cityCompare';
import type { CityComparison, CityView, MatrixCell } from './types';

/** A plan of the city view: its file as the report names it, its analysis, and its Word paragraphs when it is a .docx. */
export interface ViewedPlan {
  file: string;
  analysis: PlanAnalysis;
  paragraphOf?: (line: number) => number | null;
}

const topLevel = (ind: CatalogueIndicator): CatalogueIndicator => (ind.parent ? topLevel(ind.parent) : ind);

/**
 * A city plan beside its county plans: one row per indicator (top level; a part's targets count for
 * it) that the city or a county sets a target for, or that the city assigns to its counties, in the
 * city edition's order. Each county's cell is marked from what comparing it with the city found
 * (`comparisons[i]`: compareWithCity, cityCompare.ts, on county i): `weaker`, `assignedNoTarget`.
 */
export function buildCityView(city: ViewedPlan, counties: ViewedPlan[], comparisons: CityComparison[][] = counties.map((c) => compareWithCity(c.analysis, city.analysis))): CityView {
  const cityCtx = cellContext(city.analysis, city.paragraphOf);
  const countyCtx = counties.map((c) => cellContext(c.analysis, c.paragraphOf));
  const order: CatalogueIndicator[] = [];
  const seen = new Set<string>();
  const add = (ind: CatalogueIndicator) => {
    if (!seen.has(ind.id)) (seen.add(ind.id), order.push(ind));
  };
  for (const ind of city.analysis.edition.indicators) add(ind);
  for (const c of counties) for (const ind of c.analysis.edition.indicators) add(ind);
  // what each comparison is about, as the top-level indicator of the county's edition
  const cityById = indicatorsById(city.analysis.edition);
  const assignedIds = new Set(assignedIndicators(city.analysis).map((a) => {
    const ind = cityById.get(a.catalogueId);
    return ind ? topLevel(ind).id : a.catalogueId;
  }));
  const marks = comparisons.map((list, i) => {
    const byId = indicatorsById(counties[i].analysis.edition);
    const m = new Map<string, { weaker: boolean; assigned: boolean }>();
    for (const cmp of list) {
      const ind = byId.get(cmp.catalogueId) ?? cityById.get(cmp.catalogueId);
      const id = ind ? topLevel(ind).id : cmp.catalogueId;
      const mark = m.get(id) ?? { weaker: false, assigned: false };
      if (cmp.kind === 'weaker-than-city') mark.weaker = true;
      else mark.assigned = true;
      m.set(id, mark);
    }
    return m;
  });
  const cellIn = (ctx: ReturnType<typeof cellContext>, id: string): MatrixCell => {
    const ind = ctx.analysis.edition.indicators.find((i) => i.id === id);
    return ind ? cellOf(ctx, ind) : { status: 'not-binding' };
  };
  const states = (c: MatrixCell) => c.op !== undefined;
  const rows: CityView['rows'] = [];
  for (const ind of order) {
    const cityCell = cellIn(cityCtx, ind.id);
    const countyCells = countyCtx.map((ctx, i) => {
      const cell: CityView['rows'][number]['counties'][number] = cellIn(ctx, ind.id);
      const mark = marks[i].get(ind.id);
      if (mark?.weaker) cell.weaker = true;
      if (mark?.assigned) cell.assignedNoTarget = true;
      return cell;
    });
    const assigned = assignedIds.has(ind.id);
    if (!states(cityCell) && !countyCells.some(states) && !assigned) continue;
    rows.push({ id: ind.id, name: ind.name, city: cityCell, counties: countyCells, assigned });
  }
  return { city: city.file, place: city.analysis.settings.place ?? null, counties: counties.map((c) => c.file), rows };
}
