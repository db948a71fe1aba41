import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analysePlan } from '../../server/src/core/analyse';
import { compare, type Score, type Truth } from '../support/score';

// The real plans live outside the project (../shared/corpus); CI has them, a fresh clone does not.
const corpusDir = join(process.cwd(), '..', 'shared', 'corpus');
const haveCorpus = existsSync(corpusDir);
const truthDir = join(process.cwd(), 'test', 'corpus-truth');
const truths: Truth[] = (existsSync(truthDir) ? readdirSync(truthDir) : [])
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(truthDir, f), 'utf8')));

const round = (x: number) => Number(x.toFixed(3));

describe.skipIf(!haveCorpus || truths.length === 0)('real plans in ../shared/corpus against hand-checked annotations', () => {
  const report: Record<string, ReturnType<typeof compare>> = {};
  afterAll(() => {
    mkdirSync('test/output', { recursive: true });
    writeFileSync('test/output/corpus-scores.json', JSON.stringify(report, null, 2));
  });

  for (const truth of truths) {
    it(`${truth.file}: every task, unit, role and vague phrase; targets at ≥90% each`, () => {
      const text = readFileSync(join(corpusDir, truth.file), 'utf8');
      const s = compare(truth, analysePlan(text, { uri: truth.file, format: 'text' }));
      report[truth.file] = s;
      const detail = [...s.tasks.misses, ...s.units.misses, ...s.targets.misses].join('\n');
      // tasks and responsibilities are exact on these plans; a miss is a regression
      expect({ tasks: [s.tasks.fp, s.tasks.fn], units: [s.units.fp, s.units.fn], roles: s.roles, vague: [s.vague.fp, s.vague.fn] }, detail).toEqual({
        tasks: [0, 0],
        units: [0, 0],
        roles: 1,
        vague: [0, 0],
      });
      // targets: the known misses are written up in the closing note of issue 3
      expect(round(s.targets.precision), detail).toBeGreaterThanOrEqual(0.9);
      expect(round(s.targets.recall), detail).toBeGreaterThanOrEqual(0.9);
      // local targets (metrics the catalogue lacks): same line and same metric phrase. Most misses are
      // requirements without a metric head (生态环境损害赔偿制度, 城镇开发边界不突破) or names the annotation
      // corrected from the plan's misprints; the floors are today's figures (issue 10's closing note lists each miss)
      const localDetail = s.localTargets.misses.join('\n');
      expect(round(s.localTargets.precision), localDetail).toBeGreaterThanOrEqual(0.87);
      expect(round(s.localTargets.recall), localDetail).toBeGreaterThanOrEqual(0.63);
    });
  }

  it('targets over all plans together: precision and recall ≥95%', () => {
    const scores: Score[] = truths.map((t) => report[t.file]?.targets ?? compare(t, analysePlan(readFileSync(join(corpusDir, t.file), 'utf8'), { uri: t.file, format: 'text' })).targets);
    const tp = scores.reduce((n, s) => n + s.tp, 0);
    const fp = scores.reduce((n, s) => n + s.fp, 0);
    const fn = scores.reduce((n, s) => n + s.fn, 0);
    expect(round(tp / (tp + fp))).toBeGreaterThanOrEqual(0.95);
    expect(round(tp / (tp + fn))).toBeGreaterThanOrEqual(0.95);
  });
});
