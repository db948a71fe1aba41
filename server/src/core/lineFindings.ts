import type { IndicatorNameIndex } from './catalogue/nameIndex';
import type { DepartmentTag, IndicatorMention, IndicatorTag, IndicatorTarget, ResponsibilityClause, SyntaxProblem } from './model/types';
import { findProseTargets, targetFromTag } from './recognise/indicatorTarget';
import { clauseToModel, findResponsibilityClauses, firstNamedLeadsAt } from './recognise/responsibilityClause';
import type { NumberingMatch } from './recognise/numbering';
import { scanTags } from './recognise/tags';
import type { LineIndex } from './text/lineIndex';

/**
 * What the recognisers find on one line: tags, responsibility clauses and targets. It depends on
 * the line's text and its line number only (ranges are line/character), so an editor can keep it
 * for every line an edit did not touch (LineFindingsCache).
 */
export interface LineFindings {
  /** Where the content starts, the official numbering and an 附件 marker (set by the plan reader); null for a blank line. */
  shape?: { contentStart: number; numbering: NumberingMatch | null; attachment: RegExpExecArray | null } | null;
  problems: SyntaxProblem[];
  /** The line says the first named unit leads (`列第一位者为牵头单位,下同`): from here on, bare lists are clauses. */
  firstNamedLeads?: true;
  /** Clauses first, then any bare lists (`needsFirstLeads`) the plan reader keeps only after such a line. */
  clauses: ResponsibilityClause[];
  departmentTags: DepartmentTag[];
  /** `target` is an index into this line's `targets`. */
  indicatorTags: IndicatorTag[];
  targets: IndicatorTarget[];
  mentions: IndicatorMention[];
}

/** `lineText` is the line of the width-folded, masked text; `text` the original. */
export function recogniseLine(lineText: string, lineStart: number, text: string, index: LineIndex, names: IndicatorNameIndex): LineFindings {
  const out: LineFindings = { problems: [], clauses: [], departmentTags: [], indicatorTags: [], targets: [], mentions: [] };
  // Tags first: their ranges are not prose.
  const tags = scanTags(lineText, lineStart);
  for (const p of tags.problems) out.problems.push({ kind: p.kind, range: index.range(p.start, p.end), detail: p.detail });

  if (firstNamedLeadsAt(lineText)) out.firstNamedLeads = true;
  const clauseMatches = findResponsibilityClauses(lineText, lineStart);
  for (const m of clauseMatches) out.clauses.push(clauseToModel(m, text, index));
  const looseTags: DepartmentTag[] = [];
  for (const d of tags.departments) {
    const tag: DepartmentTag = { name: d.name, range: index.range(d.start, d.end), nameRange: index.range(d.nameStart, d.nameStart + d.name.length) };
    out.departmentTags.push(tag);
    if (!clauseMatches.some((m) => d.start >= m.start && d.end <= m.end)) looseTags.push(tag);
  }
  if (looseTags.length > 0) {
    // Department tags in running text (`由@市生态环境局牵头`) name units of the task just like a clause.
    out.clauses.push({
      form: 'tags',
      text: looseTags.map((t) => `@${t.name}`).join('、'),
      range: { start: looseTags[0].range.start, end: looseTags[looseTags.length - 1].range.end },
      units: looseTags.map((t) => ({ name: t.name, role: 'support' as const, tagged: true, range: t.nameRange })),
      vague: [],
    });
  }

  for (const t of tags.indicators) {
    const made = targetFromTag(t, lineText, lineStart, text, index, names);
    const target = made ? out.targets.push(made) - 1 : null;
    out.indicatorTags.push({ name: t.name, range: index.range(t.start, t.end), nameRange: index.range(t.nameStart, t.nameStart + t.name.length), target });
  }
  // an unclosed `[[城镇污水处理率 ≥95%` is reported as malformed; reading it as prose as well would add a second, phantom target
  const tagSpans = [...tags.indicators, ...tags.problems.filter((p) => p.kind === 'unclosed-indicator-tag')]
    .map((t) => [t.start - lineStart, t.end - lineStart] as [number, number])
    .sort((a, b) => a[0] - b[0]);
  for (const made of findProseTargets(lineText, lineStart, text, index, names, tagSpans, out.mentions)) out.targets.push(made);
  return out;
}

/**
 * Findings of the lines of the last version of one document, by line number and text. Typing
 * inside a line changes that line's key only; lines above and below keep their numbers and are
 * not read again. (A new line shifts the numbers below it: those lines are read again once.)
 */
export class LineFindingsCache {
  // by line number: the line's text (folded and original) and what was found on it. An array
  // indexed by line and two string comparisons are cheaper than a key string built and hashed per
  // line; the two arrays are swapped and reused, so a keystroke allocates no table of its own.
  private lines: (CachedLine | undefined)[] = [];
  private next: (CachedLine | undefined)[] = [];
  private names: IndicatorNameIndex | null = null;
  /** Lines read (not found in the cache) by the last analysis, for tests and benchmarks. */
  lastRead = 0;

  begin(names: IndicatorNameIndex) {
    if (this.names !== names) this.lines.length = 0;
    this.names = names;
    this.next.length = 0;
    this.lastRead = 0;
  }

  get(line: number, workLine: string, originalLine: string, read: () => LineFindings): LineFindings {
    const known = this.lines[line];
    if (known && known.work === workLine && known.original === originalLine) {
      this.next[line] = known;
      return known.found;
    }
    const found = read();
    this.lastRead++;
    this.next[line] = { work: workLine, original: originalLine, found };
    return found;
  }

  /** What the last analysis found on `line` (undefined for a line it did not read: blank lines are read too). */
  found(line: number): LineFindings | undefined {
    return this.lines[line]?.found;
  }

  /** The width-folded, masked text of `line` in the last analysis. */
  work(line: number): string | undefined {
    return this.lines[line]?.work;
  }

  /** Replace one line's entry after an edit inside that line (the other lines keep theirs). */
  put(line: number, workLine: string, originalLine: string, found: LineFindings) {
    this.lines[line] = { work: workLine, original: originalLine, found };
  }

  end() {
    const done = this.lines;
    this.lines = this.next;
    done.length = 0;
    this.next = done;
  }
}

interface CachedLine {
  work: string;
  original: string;
  found: LineFindings;
}
