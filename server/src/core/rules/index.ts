import { ambiguousPlace } from './ambiguousPlace';
import { assumedSettings } from './assumedSettings';
import { conflictingTargets } from './conflictingTargets';
import { emptyNumbering } from './emptyNumbering';
import { incompleteCatalogue } from './incompleteCatalogue';
import { invalidSettings } from './invalidSettings';
import { investmentTotalMismatch } from './investmentTotalMismatch';
import { malformedTag } from './malformedTag';
import { missingBindingIndicators } from './missingBindingIndicators';
import { missingRequiredPart } from './missingRequiredPart';
import { missingResponsibleUnit } from './missingResponsibleUnit';
import { notApplicable } from './notApplicable';
import { renamedIndicator } from './renamedIndicator';
import type { Rule } from './rule';
import { targetBelowThreshold } from './targetBelowThreshold';
import { targetDirection } from './targetDirection';
import { targetYearOutsidePeriod } from './targetYearOutsidePeriod';
import { unitMismatch } from './unitMismatch';
import { unquantifiedTarget } from './unquantifiedTarget';
import { unrecognisedResponsibleUnit } from './unrecognisedResponsibleUnit';
import { unknownDepartment } from './unknownDepartment';
import { unknownIndicator } from './unknownIndicator';
import { vagueResponsibility } from './vagueResponsibility';

export const allRules: Rule[] = [
  missingResponsibleUnit,
  unrecognisedResponsibleUnit,
  vagueResponsibility,
  malformedTag,
  unknownIndicator,
  renamedIndicator,
  targetBelowThreshold,
  targetDirection,
  unitMismatch,
  unquantifiedTarget,
  notApplicable,
  conflictingTargets,
  missingBindingIndicators,
  unknownDepartment,
  targetYearOutsidePeriod,
  invalidSettings,
  assumedSettings,
  ambiguousPlace,
  incompleteCatalogue,
  emptyNumbering,
  missingRequiredPart,
  investmentTotalMismatch,
];
