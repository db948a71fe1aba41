import { invalidSettings } from './invalidSettings';
import { malformedTag } from './malformedTag';
import { missingResponsibleUnit } from './missingResponsibleUnit';
import type { Rule } from './rule';
import { unknownIndicator } from './unknownIndicator';
import { vagueResponsibility } from './vagueResponsibility';

export const allRules: Rule[] = [missingResponsibleUnit, vagueResponsibility, malformedTag, unknownIndicator, invalidSettings];
