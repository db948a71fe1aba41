import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analysePlan } from '../../server/src/core/analyse';
import { compare, type Score, type Truth } from '../support/score';

// The generalisation corpus (issue 10): short plan excerpts written for the project in forms the three
// real plans do not use, each with a truth made by hand from its text (test/fixtures/variety/NN-name.json
// beside NN-name.md or NN-name.txt; `.txt` is read as pasted text). Every fixture must be read exactly.
const dir = join('test', 'fixtures', 'variety');

interface VarietyTruth extends Truth {
  /** what the fixture exercises that the corpus plans do not */
  form: string;
  /** (fixtures 36 on, issue 18) the excerpt of ../shared/excerpts whose form it models, and which form */
  models?: string;
  /** the level the reader should infer (no fixture sets it in front matter unless it says so) */
  level?: '市' | '县';
  /** exact diagnostics for the codes named here: every diagnostic of those codes, and no other of them */
  diagnostics?: { line: number; code: string }[];
}

const fixtures = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => {
    const base = f.slice(0, -'.json'.length);
    const plan = readdirSync(dir).find((g) => g === `${base}.md` || g === `${base}.txt`);
    if (!plan) throw new Error(`${join(dir, f)}: no ${base}.md or ${base}.txt beside it`);
    const truth = JSON.parse(readFileSync(join(dir, f), 'utf8')) as VarietyTruth;
    if (truth.file !== plan) throw new Error(`${join(dir, f)}: "file" is ${truth.file}, expected ${plan}`);
    return { plan, truth };
  });

const round = (x: number) => Number(x.toFixed(3));
type Result = ReturnType<typeof compare> & { level?: { want: string; got: string | null }; diagnostics?: string[] };

function run(plan: string, truth: VarietyTruth): Result {
  const text = readFileSync(join(dir, plan), 'utf8');
  const a = analysePlan(text, { uri: `test/fixtures/variety/${plan}`, format: plan.endsWith('.txt') ? 'text' : 'markdown' });
  const s: Result = compare(truth, a);
  if (truth.level) s.level = { want: truth.level, got: a.settings.level };
  if (truth.diagnostics) {
    const codes = new Set(truth.diagnostics.map((d) => d.code));
    const got = a.diagnostics.filter((d) => codes.has(d.code)).map((d) => `${d.range.start.line} ${d.code}`);
    const want = truth.diagnostics.map((d) => `${d.line} ${d.code}`);
    s.diagnostics = [...want.filter((w) => !got.includes(w)).map((w) => `missed diagnostic ${w}`), ...got.filter((g) => !want.includes(g)).map((g) => `extra diagnostic ${g}`)];
  }
  return s;
}

describe('generalisation corpus (test/fixtures/variety): forms the real plans do not use', () => {
  const report: Record<string, Result> = {};
  afterAll(() => {
    // precision and recall per category over all fixtures run, plus each fixture's misses
    const sum = (pick: (r: Result) => Score) => {
      const all = Object.values(report).map(pick);
      const tp = all.reduce((n, s) => n + s.tp, 0);
      const fp = all.reduce((n, s) => n + s.fp, 0);
      const fn = all.reduce((n, s) => n + s.fn, 0);
      return { tp, fp, fn, precision: round(tp + fp === 0 ? 1 : tp / (tp + fp)), recall: round(tp + fn === 0 ? 1 : tp / (tp + fn)) };
    };
    const summary = {
      fixtures: Object.keys(report).length,
      exact: Object.values(report).filter(perfect).length,
      tasks: sum((r) => r.tasks),
      units: sum((r) => r.units),
      vague: sum((r) => r.vague),
      targets: sum((r) => r.targets),
      localTargets: sum((r) => r.localTargets),
      levels: {
        right: Object.values(report).filter((r) => r.level && r.level.got === r.level.want).length,
        wrong: Object.values(report).filter((r) => r.level && r.level.got !== r.level.want).length,
      },
      perFixture: Object.fromEntries(
        Object.entries(report).map(([f, r]) => [
          f,
          {
            exact: perfect(r),
            tasks: [r.tasks.tp, r.tasks.fp, r.tasks.fn],
            units: [r.units.tp, r.units.fp, r.units.fn],
            targets: [r.targets.tp, r.targets.fp, r.targets.fn],
            localTargets: [r.localTargets.tp, r.localTargets.fp, r.localTargets.fn],
            level: r.level ?? null,
            misses: missesOf(r),
          },
        ]),
      ),
    };
    mkdirSync('test/output', { recursive: true });
    writeFileSync('test/output/variety-scores.json', JSON.stringify(summary, null, 2));
  });

  it('has at least 30 short fixtures, each saying what form it exercises', () => {
    const short = fixtures.filter((f) => !f.plan.startsWith('unseen-'));
    expect(short.length).toBeGreaterThanOrEqual(30);
    for (const f of fixtures) expect(f.truth.form, f.plan).toMatch(/\S{4}/);
  });

  // issue 18: at least 40 fixtures in forms modelled on the real excerpts, each naming the excerpt it models
  it('has at least 40 fixtures from 36 on, each naming the excerpt whose form it models (an excerpt that is there when ../shared is)', () => {
    const excerpts = join('..', 'shared', 'excerpts');
    const modelled = fixtures.filter((f) => /^\d+-/.test(f.plan) && Number(f.plan.split('-')[0]) >= 36);
    expect(modelled.length).toBeGreaterThanOrEqual(40);
    for (const f of modelled) {
      // an excerpt file, or a plan the excerpts' README lists as seen but not saved
      const excerpt = /(\d{2}-[a-z0-9-]*[a-z0-9])\.txt/.exec(f.truth.models ?? '')?.[1];
      expect(excerpt !== undefined || /excerpts README/.test(f.truth.models ?? ''), `${f.plan}: "models" names no excerpt: ${f.truth.models}`).toBe(true);
      if (excerpt && existsSync(excerpts)) expect(existsSync(join(excerpts, `${excerpt}.txt`)), `${f.plan}: no excerpt ${excerpt}.txt`).toBe(true);
    }
  });

  // guards against a truth that drifted from its text (an edit that shifted lines, a 1-based number)
  it('every truth line is in its file: tasks on a numbered line or table row (or a 序号 cell alone on its line), units and vague parties written near it, local metrics on their line', () => {
    const problems: string[] = [];
    const numbered = /^(?:#{1,6}\s*)?(?:[一二三四五六七八九十]+[、.．]|[((（][一二三四五六七八九十]+[))）]|[0-9０-９]+(?:[.．、]|\.\s)|[((（][0-9０-９]+[))）]|第[一二三四五六七八九十百]+[章部节条篇编]|[①-⑳]|[0-9]{1,2}(?:\.[0-9]{1,2})*\s|\|\s*[0-9]+\s*\||[0-9]+$)/;
    // a table's 序号 cell before a tab or a run of spaces
    const serialCell = /^[0-9]+(?:$|\t|\s{2,}|\u3000)/;
    for (const { plan, truth } of fixtures) {
      const lines = readFileSync(join(dir, plan), 'utf8').split('\n');
      // a PDF copy's spaces, line breaks and page-number lines fall inside names (县 水利局, 县水/4/利局): looked through
      const squeeze = (l: string) => l.replace(/[\s\u3000]/g, '');
      const pageNumber = /^(?:[-—]+\d{1,4}[-—]+|第\d{1,4}页(?:共\d{1,4}页)?|\d{1,4})$/;
      for (const t of truth.tasks) {
        // a row of a table without a 序号 column pasted one cell per line: its title cell alone on its line
        const titleCell = (lines[t.line] ?? '').trim() === t.title;
        const raw = (lines[t.line] ?? '').trim();
        if (!numbered.test(squeeze(raw)) && !serialCell.test(raw) && !titleCell) problems.push(`${plan}:${t.line} task ${t.path} is not on a numbered line`);
        // a row pasted one cell per line with a blank line between cells spans two lines a cell
        const near = lines.slice(t.line, t.line + 16).map(squeeze).filter((l) => !pageNumber.test(l)).join('');
        for (const name of [...t.units.map((u) => u.name), ...t.vague]) if (!near.includes(name)) problems.push(`${plan}:${t.line} ${name} is not written near task ${t.path}`);
      }
      for (const t of [...truth.targets, ...(truth.localTargets ?? [])]) {
        if (t.line < 0 || t.line >= lines.length) problems.push(`${plan}:${t.line} target ${t.indicator} is past the end`);
        const wordOnly = t.op === 'qualitative' || t.op === 'trend';
        if (!['>=', '<=', '=', '>', '<', 'qualitative', 'trend'].includes(t.op) || wordOnly !== (t.value === null) || (wordOnly && t.unit !== null)) problems.push(`${plan}:${t.line} target ${t.indicator}: op ${t.op} with value ${t.value} and unit ${t.unit}`);
      }
      // a metric written without the words it shares with the next one (`二氧化硫、氮氧化物排放总量`) is on its line in two parts
      const written = (line: string, m: string) => line.includes(m) || [...m].some((_, k) => k >= 2 && line.includes(`${m.slice(0, k)}、`) && line.includes(m.slice(k)));
      for (const t of truth.localTargets ?? []) if (!written(lines[t.line] ?? '', t.indicator)) problems.push(`${plan}:${t.line} local metric ${t.indicator} is not on its line`);
    }
    expect(problems).toEqual([]);
  });

  for (const { plan, truth } of fixtures) {
    it(plan, () => {
      const s = run(plan, truth);
      report[plan] = s;
      expect(view(s), missesOf(s).join('\n')).toEqual(view(null, truth));
    });
  }
});

/** What must match exactly; with no result, the perfect score. */
function view(s: Result | null, truth?: VarietyTruth) {
  if (!s) {
    return {
      tasks: [0, 0], units: [0, 0], roles: 1, vague: [0, 0], targets: [0, 0], values: 1, localTargets: [0, 0], localValues: 1,
      targetDetails: [], level: truth?.level ?? null, diagnostics: truth?.diagnostics ? [] : null,
    };
  }
  return {
    tasks: [s.tasks.fp, s.tasks.fn],
    units: [s.units.fp, s.units.fn],
    roles: s.roles,
    vague: [s.vague.fp, s.vague.fn],
    targets: [s.targets.fp, s.targets.fn],
    values: s.targetValues,
    localTargets: [s.localTargets.fp, s.localTargets.fn],
    localValues: s.localTargetValues,
    targetDetails: s.targetDetails,
    level: s.level?.got ?? null,
    diagnostics: s.diagnostics ?? null,
  };
}

function perfect(s: Result): boolean {
  return JSON.stringify(view(s)) === JSON.stringify(view(null, { level: s.level?.want, diagnostics: s.diagnostics ? [] : undefined } as VarietyTruth));
}

function missesOf(s: Result): string[] {
  return [
    ...s.tasks.misses,
    ...s.units.misses,
    ...s.targets.misses,
    ...s.localTargets.misses,
    ...s.targetDetails,
    ...(s.level && s.level.got !== s.level.want ? [`level: want ${s.level.want}, got ${s.level.got}`] : []),
    ...(s.diagnostics ?? []),
    ...s.paths.map((p) => `(not scored) ${p}`),
  ];
}
