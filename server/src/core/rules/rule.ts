import type { IndicatorNameIndex } from '../catalogue/nameIndex';
import type { CatalogueEdition } from '../catalogue/types';
import type { DepartmentDirectory } from '../departments/directory';
import type { Locale } from '../locale';
import type { LineIndex } from '../text/lineIndex';
import type { SettingsProblem } from '../settings';
import type { Diagnostic, LocalizedText, PlanModel, PlanSettings, Range, Severity } from '../model/types';

export interface RuleContext {
  model: PlanModel;
  settings: PlanSettings;
  edition: CatalogueEdition;
  names: IndicatorNameIndex;
  directory: DepartmentDirectory;
  settingsProblems: SettingsProblem[];
  locale: Locale;
  /** Line starts of `model.text`, when the caller has them (a rule builds its own otherwise). */
  lineIndex?: LineIndex;
}

export interface Report {
  range: Range;
  message: LocalizedText;
  related?: { message: LocalizedText; range: Range }[];
  data?: Record<string, unknown>;
  /** Overrides the rule's default severity for this finding (e.g. a rule resting on an unverified fact). */
  severity?: Severity;
}

/** One diagnostic rule: a stable code, a default severity, and a doc page at docs/rules/<code>.md. */
export interface Rule {
  code: string;
  defaultSeverity: Severity;
  description: LocalizedText;
  check(ctx: RuleContext, report: (r: Report) => void): void;
}

export type { Diagnostic };

/** Where the rule pages are published; the pages themselves are docs/rules/<code>.md in this repository. */
export const RULE_DOCS_BASE = 'https://github.com/ecoplan/ecoplan/blob/main/docs/rules/';

export function ruleDocUrl(code: string): string {
  return `${RULE_DOCS_BASE}${code}.md`;
}
