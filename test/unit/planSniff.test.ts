// Plans recognised by what they are (issue 21 item 1): an undeclared .md or .txt is checked when its
// content is a plan. Every plan text the project holds is taken; ordinary Markdown and text is not.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import planSignalsData from '../../data/vocab/planSignals.yaml';
import { checkPlanSignals, looksLikePlan, planSignals } from '../../server/src/core/planSniff';

const texts = (dir: string, keep: (f: string) => boolean = () => true) =>
  readdirSync(dir)
    .filter((f) => /\.(md|txt)$/.test(f) && f !== 'README.md' && keep(f))
    .sort()
    .map((f) => ({ name: join(dir, f), text: readFileSync(join(dir, f), 'utf8') }));
const brief = (t: { name: string; text: string }) => {
  const { score, title, issuer, chapters, items, arabicItems, clauses, targets, yearGoals, domainWords, sections, codeFences, chineseShare } = planSignals(t.text);
  return `${t.name} score ${score} ${JSON.stringify({ title, issuer, chapters, items, arabicItems, clauses, targets, yearGoals, domainWords, sections, codeFences, chineseShare: Number(chineseShare.toFixed(2)) })}`;
};

const plans = [...texts('test/fixtures/variety'), ...texts('samples')];
const notPlans = texts('test/fixtures/not-plans');

describe('plan sniffing', () => {
  it(`takes every plan text of the project (${plans.length}: variety fixtures and samples), with their front matter removed`, () => {
    expect(plans.length).toBeGreaterThanOrEqual(30);
    // the samples and two fixtures declare themselves: judged here without their front matter
    const bare = plans.map((p) => ({ ...p, text: p.text.replace(/^---\n[\s\S]*?\n---\n/, '') }));
    expect(bare.filter((p) => !looksLikePlan(p.text)).map(brief)).toEqual([]);
  });

  it(`takes none of ${notPlans.length} ordinary Markdown and text files (READMEs, notes, changelogs, minutes, a novel, code docs…)`, () => {
    expect(notPlans.length).toBeGreaterThanOrEqual(30);
    expect(notPlans.filter((p) => looksLikePlan(p.text)).map(brief)).toEqual([]);
  });

  const corpus = join(process.cwd(), '..', 'shared', 'corpus');
  it.skipIf(!existsSync(corpus))(`takes the three real plans of ${corpus}${existsSync(corpus) ? '' : ' (absent: skipped)'}`, () => {
    const real = texts(corpus);
    expect(real.length).toBe(3);
    expect(real.filter((p) => !looksLikePlan(p.text)).map(brief)).toEqual([]);
  });

  const excerpts = join(process.cwd(), '..', 'shared', 'excerpts');
  it.skipIf(!existsSync(excerpts))(`takes the openings of real plans in ${excerpts} that show a title or a plan's parts${existsSync(excerpts) ? '' : ' (absent: skipped)'}`, () => {
    const real = texts(excerpts);
    // the misses are openings that start mid-document with no title and no plan parts (a yearbook page,
    // a few paragraphs of targets; traditional characters are folded): an editor user opens whole plans
    const missed = real.filter((p) => !looksLikePlan(p.text)).map((p) => p.name.slice(excerpts.length + 1, excerpts.length + 3));
    expect(missed).toEqual(['11', '13', '22', '30', '31']);
    expect(real.length - missed.length).toBe(42);
  });

  it('reads the vocabulary file and says which key is wrong', () => {
    const v = checkPlanSignals(planSignalsData);
    expect(v.planWords).toContain('实施方案');
    expect(() => checkPlanSignals({ ...v, domainWords: [] })).toThrow('data/vocab/planSignals.yaml: `domainWords` must be a non-empty list of words');
  });

  it('stays linear on a long adversarial line', () => {
    const t0 = performance.now();
    const s = planSignals(`# ${'方案('.repeat(30_000)}\n${'率'.repeat(100_000)}达${'到'.repeat(50_000)}\n${'(责任单位'.repeat(20_000)}`);
    expect(s.plan).toBe(false);
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});
