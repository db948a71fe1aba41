import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analysePlan } from '../../server/src/core/analyse';
import { compare, type Truth } from '../support/score';

// The real plans live outside the project (../shared/corpus); CI has them, a fresh clone does not.
const corpusDir = join(process.cwd(), '..', 'shared', 'corpus');
const haveCorpus = existsSync(corpusDir);
const truthDir = join(process.cwd(), 'test', 'corpus-truth');
const truths: Truth[] = (existsSync(truthDir) ? readdirSync(truthDir) : [])
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(truthDir, f), 'utf8')));

describe.skipIf(!haveCorpus || truths.length === 0)('real plans in ../shared/corpus against hand-checked annotations', () => {
  const report: Record<string, unknown> = {};
  for (const truth of truths) {
    it(`${truth.file}: tasks, units and targets at ≥95% precision and recall`, () => {
      const text = readFileSync(join(corpusDir, truth.file), 'utf8');
      const a = analysePlan(text, { uri: truth.file, format: 'text' });
      const s = compare(truth, a);
      report[truth.file] = s;
      mkdirSync('test/output', { recursive: true });
      writeFileSync('test/output/corpus-scores.json', JSON.stringify(report, null, 2));
      const summary = (x: { precision: number; recall: number }) => [Number(x.precision.toFixed(3)), Number(x.recall.toFixed(3))];
      const detail = [...s.tasks.misses, ...s.units.misses, ...s.targets.misses].join('\n');
      expect({ tasks: summary(s.tasks), units: summary(s.units), targets: summary(s.targets) }, detail).toEqual({
        tasks: summary(s.tasks).map((v) => Math.max(v, 0.95)) ,
        units: summary(s.units).map((v) => Math.max(v, 0.95)),
        targets: summary(s.targets).map((v) => Math.max(v, 0.95)),
      });
      expect(s.roles).toBeGreaterThanOrEqual(0.95);
    });
  }
});
