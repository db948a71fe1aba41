import type { Diagnostic } from '../../core/model/types';
import type { PlanAnalysis } from '../../core/analyse';
import type { Locale } from '../../core/locale';
import { countyDiagnostics, parentProblemDiagnostic, statementWords } from '../../core/review/cityDiagnostics';
import { namesCountyLevelUnits } from '../../core/recognise/departmentName';
import type { PlanSource } from '../planSource';

/**
 * What the editor shows of a county plan's city plan (issue 20 §3): the information diagnostics of
 * core/review/cityDiagnostics.ts (the one place comparisons become diagnostics) and the city's targets
 * in the hover of an indicator.
 */
export function cityPlanDiagnostics(ws: PlanSource, uri: string): Diagnostic[] {
  const found = ws.cityPlanOf(uri);
  if (!found) return [];
  if ('problem' in found) return [parentProblemDiagnostic(found.problem, ws.locale)];
  const county = ws.analysisOf(uri);
  return county ? countyDiagnostics(county, found.analysis, found.uri, ws.locale, found.off) : [];
}

/**
 * The city plan's targets for an indicator, one line each (`市级方案:到2025年城镇污水处理率达到97%以上(衢州市….md 第 5 行)`),
 * as Markdown; empty when the plan has no city plan or the city states no target for the indicator. At most five.
 */
export function cityTargetLines(ws: PlanSource, uri: string, catalogueId: string): string[] {
  const found = ws.cityPlanOf(uri);
  if (!found || 'problem' in found) return [];
  const file = decodeURIComponent(found.uri.slice(found.uri.lastIndexOf('/') + 1));
  return cityTargets(found.analysis, catalogueId)
    .slice(0, 5)
    .map((t) => cityLine(statementWords(t), file, t.range.start.line + 1, ws.locale));
}

function cityTargets(city: PlanAnalysis, catalogueId: string) {
  // the city's own targets and those it states for its counties, not those for a named place
  return city.model.targets.filter((t) => t.catalogueId === catalogueId && !t.referenceOnly && (t.scope === undefined || namesCountyLevelUnits(t.scope)));
}

function cityLine(words: string, file: string, line: number, locale: Locale): string {
  return locale === 'en' ? `City plan: ${words} (${file} line ${line})` : `市级方案:${words}(${file} 第 ${line} 行)`;
}
