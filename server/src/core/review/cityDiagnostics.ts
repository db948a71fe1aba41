import { localize, type Locale } from '../locale';
import type { Diagnostic, LocalizedText, Severity } from '../model/types';
import type { PlanAnalysis } from '../analysis';
import { compareWithCity } from './cityCompare';
import type { CityComparison } from './types';
import type { ParentProblem } from './cityPairing';

/**
 * Findings that compare two plans (a county with its city plan) rather than read one: not core rules
 * (rules/index.ts runs over one model), but each a stable code with a default severity and a page at
 * docs/rules/<code>.md, like a rule. Information only, never an error or a warning: no national text
 * requires a county plan to match its city's (review-criteria §5).
 */
export interface CrossPlanRule {
  code: string;
  defaultSeverity: Severity;
  description: LocalizedText;
}

export const weakerThanCityTarget: CrossPlanRule = {
  code: 'weaker-than-city-target',
  defaultSeverity: 'information',
  description: { zh: '县级目标弱于市级方案的目标', en: 'County target weaker than the city plan’s' },
};

export const cityAssignedIndicatorWithoutTarget: CrossPlanRule = {
  code: 'city-assigned-indicator-without-target',
  defaultSeverity: 'information',
  description: { zh: '市级方案落实到各县的指标,本方案未设目标', en: 'Indicator the city plan assigns to its counties has no target here' },
};

export const parentPlanNotFound: CrossPlanRule = {
  code: 'parent-plan-not-found',
  defaultSeverity: 'information',
  description: { zh: 'parent 未指向工作区中的方案', en: 'parent names no plan of the workspace' },
};

export const crossPlanRules: readonly CrossPlanRule[] = [weakerThanCityTarget, cityAssignedIndicatorWithoutTarget, parentPlanNotFound];

const CODE: Record<CityComparison['kind'], CrossPlanRule> = {
  'weaker-than-city': weakerThanCityTarget,
  'assigned-without-target': cityAssignedIndicatorWithoutTarget,
};

/**
 * The one place comparisons become diagnostics (the editor's and `ecoplan check`'s): on the county
 * plan, each pointing at the city plan's statement (`cityUri`, its related information). Messages in
 * `locale`. A code the county's settings turn off (`rules:`) is left out; the severity is always
 * information.
 */
export function cityDiagnostics(comparisons: readonly CityComparison[], cityUri: string, locale: Locale, off: ReadonlySet<string> = new Set()): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const c of comparisons) {
    const rule = CODE[c.kind];
    if (off.has(rule.code)) continue;
    const related: LocalizedText = { zh: `市级方案:${statementWords(c.city)}`, en: `City plan: ${statementWords(c.city)}` };
    out.push({
      code: rule.code,
      severity: 'information',
      message: localize(c.message, locale),
      range: c.range,
      related: [{ uri: cityUri, range: c.city.range, message: localize(related, locale) }],
      data: { catalogueId: c.catalogueId, city: cityUri },
    });
  }
  return out;
}

/** The county's diagnostics against its city plan (compareWithCity, then cityDiagnostics). */
export function countyDiagnostics(county: PlanAnalysis, city: PlanAnalysis, cityUri: string, locale: Locale, off?: ReadonlySet<string>): Diagnostic[] {
  return cityDiagnostics(compareWithCity(county, city), cityUri, locale, off);
}

/** A `parent:` that names no plan, as a diagnostic on the county plan. */
export function parentProblemDiagnostic(problem: ParentProblem, locale: Locale): Diagnostic {
  return { code: parentPlanNotFound.code, severity: 'information', message: localize(problem.message, locale), range: problem.range };
}

/** `到2025年城镇污水处理率达到97%以上`: the city's statement with its year, when the words do not already hold it. */
export function statementWords(s: CityComparison['city']): string {
  return s.year && !s.surface.includes(String(s.year)) ? `到${s.year}年${s.surface}` : s.surface;
}
