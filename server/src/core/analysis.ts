import type { IndicatorNameIndex } from './catalogue/nameIndex';
import type { CatalogueEdition } from './catalogue/types';
import type { BindingCoverage } from './coverage';
import type { DepartmentDirectory } from './departments/directory';
import type { Diagnostic, PlanModel, PlanSettings } from './model/types';

/** What analysePlan (analyse.ts) returns: the plan model, its settings and its diagnostics. */
export interface PlanAnalysis {
  model: PlanModel;
  settings: PlanSettings;
  edition: CatalogueEdition;
  diagnostics: Diagnostic[];
  coverage: BindingCoverage;
  directory: DepartmentDirectory;
  names: IndicatorNameIndex;
}
