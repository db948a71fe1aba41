import { analysePlan, nameIndexFor } from '../../server/src/core/analyse';
import { builtinEditions } from '../../server/src/core/catalogue/builtin';
import { readPlan } from '../../server/src/core/readPlan';

export const names = nameIndexFor(builtinEditions.find((e) => e.id === 'national-2019')!, builtinEditions);

export function read(text: string, format: 'markdown' | 'text' = 'markdown') {
  return readPlan(text, { uri: 'test.md', format, names });
}

export function analyse(text: string, format: 'markdown' | 'text' = 'markdown') {
  return analysePlan(text, { uri: 'test.md', format });
}
