import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analysePlan, type PlanAnalysis } from '../../server/src/core/analyse';

// Web copies of plans arrive with ASCII `,():;%` where the plan has full-width `，（）：；％`, often
// mixed in one line. Every recogniser reads both widths alike (core/text/fold.ts): the same plan in
// either width, or any mix, gives the same tasks, units, targets and diagnostics at the same positions.

const PAIRS: [string, string][] = [
  [',', '\uFF0C'],
  ['(', '\uFF08'],
  [')', '\uFF09'],
  [':', '\uFF1A'],
  [';', '\uFF1B'],
  ['%', '\uFF05'],
];
const TO_ASCII = new Map(PAIRS.map(([a, f]) => [f, a]));
const TO_FULL = new Map(PAIRS);

/** Every full-width `，（）：；％` in its ASCII form. */
export function asciiFolded(text: string): string {
  return text.replace(/[\uFF0C\uFF08\uFF09\uFF1A\uFF1B\uFF05]/g, (c) => TO_ASCII.get(c)!);
}

/** The body's (not the front matter's) ASCII `,():;%` each in the width `pick(n)` says, n counting them. */
function widened(text: string, pick: (n: number) => boolean): string {
  const fm = /^---\r?\n[\s\S]*?\r?\n---\r?\n/.exec(text);
  const head = fm ? fm[0] : '';
  let n = 0;
  return head + text.slice(head.length).replace(/[,():;%]/g, (c) => (pick(n++) ? TO_FULL.get(c)! : c));
}

/**
 * What a reader sees of a plan: tasks with their units, targets, diagnostics (codes and positions).
 * Names are sliced from the user's own text, so they are compared in one width.
 */
function view(a: PlanAnalysis) {
  const r = (x: { start: { line: number; character: number }; end: { line: number; character: number } }) => `${x.start.line}:${x.start.character}-${x.end.line}:${x.end.character}`;
  return {
    tasks: a.model.tasks.map((t) => ({ path: t.path, range: r(t.range), units: t.units.map((u) => `${asciiFolded(u.name)}/${u.role}`), vague: t.vague.map((v) => asciiFolded(v.text)), noUnit: t.noUnit })),
    targets: a.model.targets.map((t) => ({ indicator: t.indicator, op: t.op, value: t.value, unit: t.unit, year: t.year, tier: t.tier ?? null, range: r(t.range) })),
    diagnostics: a.diagnostics.map((d) => `${d.code} ${r(d.range)}`),
    level: a.settings.level,
  };
}

const variety = join(__dirname, '../fixtures/variety');
const samples = join(__dirname, '../../samples');
const DOCS = [
  ...readdirSync(samples).filter((f) => f.endsWith('.md')).map((f) => ({ name: f, path: join(samples, f) })),
  ...readdirSync(variety).filter((f) => /\.(md|txt)$/.test(f) && f !== 'README.md').map((f) => ({ name: f, path: join(variety, f) })),
].map((d) => ({ ...d, text: readFileSync(d.path, 'utf8'), format: d.name.endsWith('.txt') ? ('text' as const) : ('markdown' as const) }));

function analyse(doc: (typeof DOCS)[number], text: string) {
  return view(analysePlan(text, { uri: `file:///plans/${doc.name}`, format: doc.format }));
}

describe('ASCII and full-width punctuation read alike', () => {
  it('has full-width and ASCII plans to compare', () => {
    expect(DOCS.filter((d) => /[\uFF0C\uFF08\uFF09\uFF1A\uFF1B\uFF05]/.test(d.text)).length).toBeGreaterThanOrEqual(4);
    expect(DOCS.filter((d) => !/[\uFF0C\uFF08\uFF09\uFF1A\uFF1B\uFF05]/.test(d.text)).length).toBeGreaterThanOrEqual(30);
  });

  for (const doc of DOCS) {
    it(`${doc.name}: the ASCII-folded and the full-width text give what the original gives`, () => {
      const original = analyse(doc, doc.text);
      const ascii = asciiFolded(doc.text);
      expect(analyse(doc, ascii)).toEqual(original);
      expect(analyse(doc, widened(ascii, () => true))).toEqual(original);
    });
  }

  it('any mix of widths in one plan gives what the original gives', () => {
    const originals = new Map<string, ReturnType<typeof analyse>>();
    fc.assert(
      fc.property(fc.nat({ max: DOCS.length - 1 }), fc.array(fc.boolean(), { minLength: 1, maxLength: 64 }), (d, bits) => {
        const doc = DOCS[d];
        let original = originals.get(doc.name);
        if (!original) originals.set(doc.name, (original = analyse(doc, doc.text)));
        const mixed = widened(asciiFolded(doc.text), (n) => bits[n % bits.length]);
        expect(analyse(doc, mixed)).toEqual(original);
      }),
      { numRuns: 40, seed: 1808 },
    );
  }, 120_000);
});

describe('the audit of what reads raw text', () => {
  it('takes a task title from its words after a full-width numbering as after an ASCII one (outline.ts taskTitle)', () => {
    const title = (text: string) => analysePlan(text, { uri: 'file:///plans/t.txt', format: 'text' }).model.tasks.map((t) => asciiFolded(t.title));
    const ascii = '石渠口市实施方案\n二、重点任务\n(一)(责任单位:市生态环境局)\n(二)推进污水处理。(责任单位:市住房和城乡建设局)';
    expect(title(ascii)).toEqual(['(责任单位:市生态环境局)', '推进污水处理']);
    expect(title(widened(ascii, () => true))).toEqual(title(ascii));
  });
});
