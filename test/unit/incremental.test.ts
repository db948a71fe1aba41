import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AnalysisCache, analysePlan, type PlanAnalysis } from '../../server/src/core/analyse';
import { fw } from '../support/fullWidth';
import { syntheticPlan } from '../support/synthetic';

// An edit inside one line patches the last analysis (server/src/core/incremental.ts). Whatever the
// edits, the patched analysis must be the one a fresh read of the same text gives: the whole model
// (outline with offsets, tasks, clauses, targets, tags, problems), diagnostics, settings, coverage.

/** The analysis as plain data; a node's parent is named by its path and line (the tree is cyclic). */
function view(a: PlanAnalysis): unknown {
  const json = JSON.stringify({ model: a.model, diagnostics: a.diagnostics, settings: a.settings, coverage: a.coverage }, (k, v) =>
    k === 'parent' ? (v ? `${v.path}@${v.range.start.line}` : v) : v,
  );
  return JSON.parse(json);
}

const variety = join(__dirname, '../fixtures/variety');
const samples = join(__dirname, '../../samples');
const DOCS: { name: string; text: string; format: 'markdown' | 'text' }[] = [
  ...readdirSync(samples).filter((f) => f.endsWith('.md')).map((f) => ({ name: f, text: readFileSync(join(samples, f), 'utf8'), format: 'markdown' as const })),
  ...['02-chapter-levels.md', '03-dash-goals-banner.txt', '04-lone-numbering.txt', '17-gfm-task-table.md', '18-timetable-steps.txt', '22-wrapped-lines.txt', '24-numbered-goals.txt', '34-flattened-table-lead-support.txt', '46-decimal-plan-outline.txt', '53-toc-page-numbers.txt', '54-nested-inline-numbering.txt', 'unseen-district-annex.md', 'unseen-county-three-year.txt'].map((f) => ({
    name: f,
    text: readFileSync(join(variety, f), 'utf8'),
    format: f.endsWith('.txt') ? ('text' as const) : ('markdown' as const),
  })),
  { name: 'synthetic.plan.md', text: syntheticPlan(12 * 1024), format: 'markdown' },
  // Windows line ends: an edit next to a `\r\n` must not split it unnoticed
  { name: 'crlf.plan.md', text: syntheticPlan(4 * 1024).replace(/\n/g, '\r\n'), format: 'markdown' },
];

/** Which lines an edit goes to: any line, or one of a kind the patch must handle or hand back. */
const KINDS: Record<string, RegExp> = {
  any: /^/,
  numbering: /^\s*(#+\s*)?(\*\*)?([一二三四五六七八九十]+[、.]|[((][一二三四五六七八九十\d]+[))]|\d+[.、])/,
  heading: /^#/,
  table: /\||^序号$|^牵头单位$/,
  frontMatter: /^(---|ecoplan:|\s+level:)/,
  clause: /责任单位|牵头|负责|配合/,
  target: /\d+(\.\d+)?%|以上|以下|不低于/,
};

const INSERTS = [
  '8', '9', '0', '%', '。', '、', ' ', 'x', '**', '`', '|', '# ', '1.', '(一)', '——', '<!--', '-->', '```', '\n', '\n\n', '',
  '(责任单位:市财政局)', '(责任单位:)', fw('(') + '牵头单位:市发改委' + fw(')'), '城镇污水处理率达80%', '[[城镇污水处理率 ≥95%]]', '[[', '@市生态环境局', '@',
  '到2025年', '市级相关部门', '序号', '备注:', '附件1', '总体要求', '实施方案', '县', 'level: 县',
];

describe('an edit inside one line patches the last analysis', () => {
  it('gives what a fresh analysis of the same text gives, after random edit sequences of every kind of line', () => {
    let steps = 0;
    let patched = 0;
    const patchedKinds = new Set<string>();
    const edit = fc.record({
      kind: fc.constantFrom(...Object.keys(KINDS)),
      pick: fc.nat(),
      column: fc.nat(),
      remove: fc.constantFrom(0, 0, 0, 1, 2, 5),
      insert: fc.constantFrom(...INSERTS),
    });
    fc.assert(
      fc.property(fc.nat({ max: DOCS.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 10 }), (d, edits) => {
        const doc = DOCS[d];
        const uri = `file:///plans/${doc.name}`;
        const cache = new AnalysisCache();
        let text = doc.text;
        analysePlan(text, { uri, format: doc.format, cache });
        for (const e of edits) {
          const lines = text.split(/(?<=\n)/);
          const candidates = lines.map((l, i) => [l, i] as const).filter(([l]) => KINDS[e.kind].test(l.replace(/\r?\n$/, '')));
          const [line, n] = candidates.length > 0 ? candidates[e.pick % candidates.length] : [lines[0], 0];
          const body = line.replace(/\r?\n$/, '');
          const start = lines.slice(0, n).join('').length + (e.column % (body.length + 1));
          text = text.slice(0, start) + e.insert + text.slice(start + e.remove);
          const incremental = analysePlan(text, { uri, format: doc.format, cache });
          steps++;
          if (cache.lastWasEdit) {
            patched++;
            patchedKinds.add(e.kind);
          }
          expect(view(incremental)).toEqual(view(analysePlan(text, { uri, format: doc.format })));
        }
      }),
      { numRuns: 60, seed: 4242 },
    );
    // the patch was exercised, on lines of every kind it takes (a table row or front matter line it hands back;
    // the kinds are told by what a line looks like, so a prose line with `|` may count as `table`)
    // (many inserts are structural on purpose: line breaks, fences, comments, numberings, which read in full)
    expect(patched / steps).toBeGreaterThan(0.2);
    console.log(`incremental: ${patched} of ${steps} edits patched, on lines of kind ${[...patchedKinds].sort().join(', ')}`);
    expect([...patchedKinds]).toEqual(expect.arrayContaining(['any', 'clause', 'heading', 'numbering', 'target']));
  }, 120_000);

  it('gives the same when the edits are typing: characters, digits, clauses, targets, tags typed into lines', () => {
    const TYPED = ['8', '9', '0', '%', '。', '、', ' ', 'x', '市', '(', ')', '以上', '不低于', '(责任单位:市财政局)', '城镇污水处理率达80%', '[[生态保护红线面积 不减少]]', '@市生态环境局', '到2025年', '市级相关部门', '(牵头单位:市委办公室;配合单位:各县区政府)'];
    let steps = 0;
    let patched = 0;
    fc.assert(
      fc.property(fc.nat({ max: DOCS.length - 1 }), fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom(0, 0, 1, 3), fc.constantFrom(...TYPED)), { minLength: 1, maxLength: 15 }), (d, edits) => {
        const doc = DOCS[d];
        const uri = `file:///plans/${doc.name}`;
        const cache = new AnalysisCache();
        let text = doc.text;
        analysePlan(text, { uri, format: doc.format, cache });
        for (const [pick, column, remove, insert] of edits) {
          // typing goes on in a line of text (the first character in a blank line is a new paragraph: read in full)
          const lines = text.split(/(?<=\n)/);
          const filled = lines.flatMap((l, i) => (l.trim() === '' ? [] : [i]));
          const n = filled[pick % filled.length];
          const body = lines[n].replace(/\r?\n$/, '');
          const start = lines.slice(0, n).join('').length + (column % (body.length + 1));
          text = text.slice(0, start) + insert + text.slice(start + Math.min(remove, body.length - (column % (body.length + 1))));
          const incremental = analysePlan(text, { uri, format: doc.format, cache });
          steps++;
          if (cache.lastWasEdit) patched++;
          expect(view(incremental)).toEqual(view(analysePlan(text, { uri, format: doc.format })));
        }
      }),
      { numRuns: 40, seed: 77 },
    );
    console.log(`incremental, typing: ${patched} of ${steps} edits patched`);
    // (typed targets change how many targets the line has, and edits in the head or a table read in full)
    expect(patched / steps).toBeGreaterThan(0.45);
  }, 120_000);

  it('reads in full an edit to a title joined from a short line above it (found by the property test)', () => {
    // `8---` ends the front matter: the closing `---` becomes a short line the title below it is joined to
    const doc = DOCS.find((d) => d.name === 'yunling-county-plan.md')!;
    const uri = 'file:///plans/yunling-county-plan.md';
    const cache = new AnalysisCache();
    let text = `8${doc.text}`;
    analysePlan(text, { uri, cache });
    const lines = text.split('\n');
    const titleLine = lines.findIndex((l) => l.includes('云岭县创建国家生态文明建设示范县三年行动方案'));
    expect(lines[titleLine - 1]).toBe('---');
    text = [...lines.slice(0, titleLine), `8${lines[titleLine]}`, ...lines.slice(titleLine + 1)].join('\n');
    const edited = analysePlan(text, { uri, cache });
    expect(cache.lastWasEdit).toBe(false);
    expect(edited.model.title).toBe('---8云岭县创建国家生态文明建设示范县三年行动方案');
    expect(view(edited)).toEqual(view(analysePlan(text, { uri })));
  });

  it('patches a keystroke in a 1 MB plan without reading it again, and hands back an edit that adds a line', () => {
    const text = syntheticPlan(1024 * 1024);
    const uri = 'file:///plans/big.plan.md';
    const cache = new AnalysisCache();
    analysePlan(text, { uri, cache });
    const at = text.indexOf('城镇污水处理率达9', text.length / 2) + '城镇污水处理率达'.length;
    const edited = text.slice(0, at) + '8' + text.slice(at + 1);
    const parsed = cache.markdown.lastParsed;
    const patched = analysePlan(edited, { uri, cache });
    expect(cache.lastWasEdit).toBe(true);
    // the chunk was parsed apart from the document's reading: the reader's counters did not move
    expect(cache.markdown.lastParsed).toBe(parsed);
    const fresh = analysePlan(edited, { uri });
    expect(patched.diagnostics).toEqual(fresh.diagnostics);
    expect(patched.diagnostics.length).toBe(4167);
    expect(patched.diagnostics.filter((d) => d.code === 'target-below-threshold').length).toBe(962);
    const split = edited.slice(0, at) + '\n' + edited.slice(at);
    analysePlan(split, { uri, cache });
    expect(cache.lastWasEdit).toBe(false);
  });
});
