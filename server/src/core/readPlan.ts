import type { IndicatorNameIndex } from './catalogue/nameIndex';
import { lastDeadlineYear } from './recognise/deadlineYear';
import { readDirectives } from './directives';
import { readFrontMatter } from './frontMatter';
import type { DepartmentTag, FrontMatter, IndicatorMention, IndicatorTag, IndicatorTarget, OutlineNode, PlanModel, ResponsibilityClause, SyntaxProblem } from './model/types';
import { deriveTasks, labelFor, OutlineBuilder, type NodeContent } from './outline';
import { emptyFacts, type MarkdownFacts } from './parse/markdown';
import { MarkdownFactsCache, ONE_OFF_CHUNK } from './parse/markdownChunks';
import { recogniseLine, type LineFindings, type LineFindingsCache } from './lineFindings';
import { clauseToModel, findSubjectClause } from './recognise/responsibilityClause';
import { matchNumbering, skipMarkdownPrefix } from './recognise/numbering';
import { readTableTasks } from './recognise/tables';
import { foldWidth } from './text/fold';
import { LineIndex } from './text/lineIndex';
import { TitleFinder } from './title';

export { classifySection } from './outline';

export interface ReadOptions {
  uri: string;
  /** Markdown (default) or plain text pasted from Word/web pages (`.txt`). */
  format?: 'markdown' | 'text';
  names: IndicatorNameIndex;
  /** Kept by an editor between versions of one document: only changed chunks are parsed again. */
  markdownCache?: MarkdownFactsCache;
  /** Likewise: only changed lines are read again. */
  lineCache?: LineFindingsCache;
  /** The front matter, when the caller read it first (analyse.ts: it names the edition); read here otherwise. */
  frontMatter?: FrontMatter | null;
  /** Receives what an edit inside one line can reuse (incremental.ts). */
  keep?: (state: ReadState) => void;
}

/** What the reader built on its way to the model, kept by an editor for the next edit (incremental.ts). */
export interface ReadState {
  index: LineIndex;
  /** Every outline node in document order, and what each one's own text holds. */
  nodes: OutlineNode[];
  content: Map<OutlineNode, NodeContent>;
  /** Lines read as table rows. */
  skipLines: Set<number>;
  /** How many of the model's indicator tags are tables' (they come last). */
  tableTags: number;
}

/** Text with code, HTML and front matter blanked out (same length, newlines kept), so offsets stay exact. */
function maskText(text: string, masked: [number, number][]): string {
  if (masked.length === 0) return text;
  const parts: string[] = [];
  let at = 0;
  for (const [s, e] of masked) {
    if (s < at) continue;
    parts.push(text.slice(at, s));
    parts.push(text.slice(s, e).replace(/[^\r\n]/g, ' '));
    at = e;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

const ATTACHMENT_LINE = /^附件\s*(\d{0,2})(?=$|[\s::、])/;

/** A line's shape (where its content starts, its numbering, an 附件 marker) and findings; null shape for a blank line. */
export function readLine(lineText: string, lineStart: number, text: string, index: LineIndex, names: IndicatorNameIndex): LineFindings {
  const contentStart = skipMarkdownPrefix(lineText);
  if (contentStart >= lineText.length || lineText.slice(contentStart).trim().length === 0) return BLANK_LINE;
  const found = recogniseLine(lineText, lineStart, text, index, names);
  found.shape = { contentStart, numbering: matchNumbering(lineText), attachment: ATTACHMENT_LINE.exec(lineText.slice(contentStart).trim()) };
  const numbering = found.shape.numbering;
  if (numbering && !found.clauses.some((c) => c.form !== 'tags')) {
    // a duty list: `2、水务局加强…` names its unit as the sentence's subject
    // (`6、(1)水务局抓好…`: a second numbering on the same line)
    const inner = matchNumbering(lineText.slice(numbering.textStart));
    const subject = findSubjectClause(lineText, numbering.textStart + (inner ? inner.textStart : 0), lineStart);
    if (subject) found.clauses.unshift(clauseToModel(subject, text, index));
  }
  return found;
}

const BLANK_LINE: LineFindings = { shape: null, problems: [], clauses: [], departmentTags: [], indicatorTags: [], targets: [], mentions: [] };

/** Where the line's first responsibility clause starts (a title stops there), or -1. */
export function firstClauseAt(found: LineFindings): number {
  // (a subject clause starts the sentence: the title is the whole sentence)
  const c = found.clauses.find((x) => x.form !== 'tags' && x.form !== 'subject' && !x.needsFirstLeads);
  return c ? c.range.start.character : -1;
}

// an item of a goals list written as a dash paragraph (`——空气环境质量。到2025年,……`): its year is its own
const DASH_ITEM = /^\s*(——|－－|--|—)/;

/**
 * Goals sections state their year once (`到2025年,……具体目标如下:`) above the items that list the
 * targets. A deadline year in a node's own text (its line or its intro, not a dash item) is noted
 * on the node; a target with no year of its own takes the nearest noted year of its node or the
 * node's ancestors — never a sibling item's, nor anything outside the goals section.
 */
function noteSectionYear(lineText: string, node: OutlineNode, yearOf: Map<OutlineNode, number>) {
  const year = sectionYearNote(lineText);
  if (year !== null) yearOf.set(node, year);
}

/** The year a line of a goals section notes for the items below it, or null. */
export function sectionYearNote(lineText: string): number | null {
  return DASH_ITEM.test(lineText) ? null : lastDeadlineYear(lineText);
}

function withSectionYear(t: IndicatorTarget, node: OutlineNode, yearOf: Map<OutlineNode, number>): IndicatorTarget {
  for (let n: OutlineNode | undefined = node; n && n.sectionKind === 'target'; n = n.parent) {
    const year = yearOf.get(n);
    if (year !== undefined) return { ...t, year };
  }
  return t;
}

/**
 * The plan model: the outline (outline.ts) with its tasks, the title (title.ts), the front matter
 * (frontMatter.ts), inline directives (directives.ts), and what the line recognisers and the table reader found.
 */
export function readPlan(text: string, options: ReadOptions): PlanModel {
  const index = new LineIndex(text);
  const markdown = options.format !== 'text';
  const facts: MarkdownFacts = !markdown ? emptyFacts() : (options.markdownCache ?? new MarkdownFactsCache(ONE_OFF_CHUNK)).facts(text);
  const work = foldWidth(maskText(text, facts.masked));

  const problems: SyntaxProblem[] = [];
  const targets: IndicatorTarget[] = [];
  const indicatorTags: IndicatorTag[] = [];
  const indicatorMentions: IndicatorMention[] = [];
  const departmentTags: DepartmentTag[] = [];
  const clauses: ResponsibilityClause[] = [];

  const frontMatter = options.frontMatter !== undefined ? options.frontMatter : readFrontMatter(text, markdown ? 'markdown' : 'text');
  const directives = readDirectives(text, facts, index, markdown);

  // Lines owned by tables are read row by row, not as outline lines.
  const tableRead = readTableTasks(work, index, facts.tables, options.names, markdown);
  const skipLine = tableRead.skipLines;

  const outline = new OutlineBuilder(text, index);
  const title = new TitleFinder();
  const lineEnd = (l: number) => index.lineEnd(l);

  const yearOf = new Map<OutlineNode, number>();
  // `列第一位者为牵头单位,下同` said once (notice, footnote or a clause): bare lists from that line on are clauses
  let firstNamedLeads = false;

  const lineCache = options.lineCache;
  lineCache?.begin(options.names);
  for (let line = 0; line < index.lineCount; line++) {
    if (skipLine.has(line)) continue;
    const lineStart = index.lineStarts[line];
    const lineText = work.slice(lineStart, index.lineEnd(line));
    const read = () => readLine(lineText, lineStart, text, index, options.names);
    const found = lineCache ? lineCache.get(line, lineText, text.slice(lineStart, index.lineEnd(line)), read) : read();
    if (!found.shape) continue;
    const depth = facts.headings.get(line);
    title.consider(line, lineText, found.shape.contentStart, found.shape.numbering !== null, depth, work, index.lineStarts, lineEnd);
    const holder = outline.line(line, lineText, found.shape, depth, facts.boldStarts.get(line), firstClauseAt(found), title.title !== null ? title.line : null);

    for (const p of found.problems) problems.push(p);
    if (found.firstNamedLeads) firstNamedLeads = true;
    for (const c of found.clauses) {
      if (c.needsFirstLeads && !firstNamedLeads) continue;
      clauses.push(c);
      holder.clauses.push(c);
    }
    for (const d of found.departmentTags) departmentTags.push(d);
    const base = targets.length;
    const node = outline.current();
    const goals = node?.sectionKind === 'target';
    for (const t of found.targets) holder.targets.push(targets.push(goals && t.year === null ? withSectionYear(t, node, yearOf) : t) - 1);
    if (goals) noteSectionYear(lineText, node, yearOf);
    for (const t of found.indicatorTags) indicatorTags.push(t.target === null ? t : { ...t, target: base + t.target });
    for (const m of found.mentions) indicatorMentions.push(m);
  }
  lineCache?.end();
  const roots = outline.finish();

  // Table rows: tasks and targets of their own.
  for (const t of tableRead.targets) targets.push(t);
  for (const c of tableRead.clauses) clauses.push(c);
  for (const p of tableRead.problems) problems.push(p);
  for (const t of tableRead.indicatorTags) indicatorTags.push(t);
  for (const t of tableRead.departmentTags) departmentTags.push(t);
  for (const m of tableRead.mentions) indicatorMentions.push(m);

  const tasks = deriveTasks(roots, outline.content, text, index);
  const tableBase = targets.length - tableRead.targets.length;
  for (const tt of tableRead.tasks) {
    const label = labelFor(tt.line, outline.nodes);
    tasks.push({ ...tt.task, path: `${label}.${tt.serial}`, targets: tt.targets.map((i) => tableBase + i) });
  }
  tasks.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  options.keep?.({ index, nodes: outline.nodes, content: outline.content, skipLines: skipLine, tableTags: tableRead.indicatorTags.length });

  return {
    uri: options.uri,
    text,
    title: title.title,
    titleRange: index.range(index.lineStarts[title.line], index.lineEnd(title.line)),
    frontMatter,
    outline: roots,
    tasks,
    clauses,
    targets,
    indicatorTags,
    indicatorMentions,
    departmentTags,
    problems,
    directives,
  };
}
