import sectionKindsData from '../../../data/vocab/sectionKinds.yaml';
import type { OutlineNode, ResponsibilityClause, SectionKind, Task } from './model/types';
import { matchNumbering, RANK, type NumberingMatch } from './recognise/numbering';
import { mergeUnitsOf } from './recognise/units';
import type { LineIndex } from './text/lineIndex';
import { looksLikePlanTitle } from './title';

/** Outline ranks of what is not official numbering: unnumbered Markdown headings sit above every numbering level. */
export const HEADING_RANK_BASE = -10;
/** `附件1` lines: above the numbering, beside `##` headings. */
export const ATTACHMENT_RANK = -8;

/** Everything a recogniser found in one outline node's own text. */
export interface NodeContent {
  clauses: ResponsibilityClause[];
  targets: number[];
}

// ---- section kinds (data/vocab/sectionKinds.yaml) ----

interface SectionKindsVocab {
  maxRest: number;
  connectors: string[];
  kinds: Record<Exclude<SectionKind, 'other'>, string[]>;
  stageWords: string[];
}

function loadSectionKinds(raw: unknown): { maxRest: number; words: RegExp; kindOf: Map<string, SectionKind>; connectors: RegExp; stage: RegExp } {
  const v = raw as SectionKindsVocab;
  const kindOf = new Map<string, SectionKind>();
  for (const [kind, words] of Object.entries(v.kinds) as [SectionKind, string[]][]) for (const w of words) if (!kindOf.has(w)) kindOf.set(w, kind);
  const alternation = (list: string[]) => [...list].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  return {
    maxRest: v.maxRest,
    words: new RegExp(alternation([...kindOf.keys()]), 'g'),
    kindOf,
    connectors: new RegExp(alternation(v.connectors), 'g'),
    stage: new RegExp(alternation(v.stageWords)),
  };
}

const SECTION_KINDS = loadSectionKinds(sectionKindsData);
/** A title longer than this is content, whatever words it holds (and the check stays short on a huge line). */
const KIND_TITLE_MAX = 40;

/**
 * The kind of a chapter from its title: `task` when it has a task word (主要任务, 目标任务), a
 * non-task kind when the title is made of that kind's words (总体要求, 工作目标和时间安排,
 * 加强组织领导), else null — a chapter named by its content, which holds tasks.
 */
export function classifySection(title: string): SectionKind | null {
  const t = title.slice(0, KIND_TITLE_MAX + 1);
  const found: SectionKind[] = [];
  const rest = t.replace(SECTION_KINDS.words, (w) => {
    found.push(SECTION_KINDS.kindOf.get(w)!);
    return '';
  });
  if (found.includes('task')) return 'task';
  if (found.length === 0 || t.length > KIND_TITLE_MAX) return null;
  const left = rest.replace(SECTION_KINDS.connectors, '').replace(/[\s\p{P}\p{S}\d]/gu, '');
  return left.length <= SECTION_KINDS.maxRest ? found[0] : null;
}

const DATE = /(?:19|20)\d{2}|\d{1,2}\s*月|年底|年初|年前|上半年|下半年|长期/;
const DATED_BRACKET = /[((][^()()]*(?:\d|年|月|长期)[^()()]*[))]$/;

/** An item of a timetable: a dated stage (`动员部署阶段(2022年3月—4月)`, `(2023年—长期)`), not a task. */
export function isTimetableStage(title: string): boolean {
  const t = title.slice(0, KIND_TITLE_MAX + 1);
  return DATED_BRACKET.test(t) || (SECTION_KINDS.stage.test(t) && DATE.test(t));
}

// ---- building the outline ----

interface LineShape {
  contentStart: number;
  numbering: NumberingMatch | null;
  attachment: RegExpExecArray | null;
}

/**
 * Builds the outline one line at a time: numbered lines, headings and `附件` lines open nodes,
 * every other line belongs to the innermost open node. A numbering alone on its line (`1、`, as
 * pasted web pages have) takes its title from the next line; when no text follows it, it is empty.
 */
export class OutlineBuilder {
  readonly outline: OutlineNode[] = [];
  readonly nodes: OutlineNode[] = [];
  readonly content = new Map<OutlineNode, NodeContent>();
  private readonly stack: OutlineNode[] = [];
  private readonly docLevel: NodeContent = { clauses: [], targets: [] };
  /** A numbering with nothing after it, waiting for its text on the next line. */
  private pending: OutlineNode | null = null;

  constructor(
    private readonly text: string,
    private readonly index: LineIndex,
  ) {}

  /**
   * One non-blank line. `titleLine` is the plan title's line when it is known (its heading is not a chapter).
   * Returns where the line's findings go.
   */
  line(line: number, lineText: string, shape: LineShape, headingDepth: number | undefined, bold: string | undefined, clauseAt: number, titleLine: number | null): NodeContent {
    const { contentStart, numbering, attachment } = shape;
    const lineStart = this.index.lineStarts[line];
    const opens = headingDepth !== undefined || numbering !== null || attachment !== null;
    if (this.pending) {
      const node = this.pending;
      this.pending = null;
      if (!opens) {
        node.title = nodeTitle(lineText, contentStart, false, bold, clauseAt);
        return this.content.get(node)!;
      }
      node.empty = true;
    }
    if (!opens) return this.stack.length > 0 ? this.content.get(this.stack[this.stack.length - 1])! : this.docLevel;

    const rank = numbering ? numbering.rank : attachment ? ATTACHMENT_RANK : headingDepth! + HEADING_RANK_BASE;
    const textStart = numbering ? numbering.textStart : contentStart;
    const node: OutlineNode = {
      path: '',
      marker: numbering ? numbering.marker : attachment ? `附件${attachment[1]}` : '',
      rank,
      title: nodeTitle(lineText, textStart, headingDepth !== undefined, bold, clauseAt),
      range: this.index.range(lineStart + (numbering ? numbering.start : contentStart), this.index.lineEnd(line)),
      ownStart: lineStart,
      ownEnd: this.text.length,
      end: this.text.length,
      lastLine: line,
      heading: headingDepth !== undefined,
      sectionKind: 'other',
      children: [],
    };
    while (this.stack.length > 0 && this.stack[this.stack.length - 1].rank >= rank) this.stack.pop()!.end = lineStart;
    const parent = this.stack[this.stack.length - 1];
    if (this.nodes.length > 0) this.nodes[this.nodes.length - 1].ownEnd = lineStart;
    node.parent = parent;
    const parentPath = parent ? parent.path : '';
    node.path = numbering ? (parentPath ? `${parentPath}.${numbering.marker}` : numbering.marker) : attachment ? node.marker : parentPath;
    // Chapters are the outline's first level, below the title's heading (or another plan's title
    // heading, in a file that holds two); attachments hold no tasks of their own.
    const chapter = !parent || (parent.heading && parent.marker === '' && !parent.parent && (parent.range.start.line === titleLine || looksLikePlanTitle(parent.title)));
    if (attachment) node.sectionKind = 'other';
    else if (chapter) {
      node.chapter = true;
      node.sectionKind = classifySection(node.title) ?? 'task';
    } else node.sectionKind = parent?.sectionKind ?? 'other';
    (parent ? parent.children : this.outline).push(node);
    this.stack.push(node);
    this.nodes.push(node);
    const c: NodeContent = { clauses: [], targets: [] };
    this.content.set(node, c);
    if (numbering && lineText.slice(numbering.textStart).trim() === '') this.pending = node;
    return c;
  }

  /** The node the last line read belongs to, or null before the first. */
  current(): OutlineNode | null {
    return this.stack.length > 0 ? this.stack[this.stack.length - 1] : null;
  }

  finish(): OutlineNode[] {
    if (this.pending) this.pending.empty = true;
    this.pending = null;
    for (const node of this.stack) node.end = this.text.length;
    for (const node of this.nodes) node.lastLine = Math.max(node.range.start.line, this.index.position(trimEnd(this.text, node.end)).line);
    return this.outline;
  }
}

export function nodeTitle(lineText: string, textStart: number, heading: boolean, bold: string | undefined, clauseAt: number): string {
  if (bold !== undefined) {
    const n = matchNumbering(bold);
    const t = n ? bold.slice(n.textStart) : bold;
    return t.replace(/[。.::\s]+$/, '').trim();
  }
  let t = lineText.slice(textStart, clauseAt >= textStart ? clauseAt : undefined).replace(/\*\*|__/g, '');
  if (!heading) {
    const stop = t.indexOf('。');
    if (stop >= 0) t = t.slice(0, stop);
  }
  return t.replace(/[。.::;;,,\s\u3000]+$/, '').trim();
}

/** A table's rows are numbered under the nearest `附件N` line or outline node above it. */
export function labelFor(line: number, nodes: OutlineNode[]): string {
  let node: OutlineNode | null = null;
  for (const n of nodes) {
    if (n.range.start.line > line) break;
    if (n.marker !== '' || n.path !== '') node = n;
  }
  if (!node) return '表';
  return node.marker.startsWith('附件') ? node.marker : node.path;
}

const FIRST_WORDS = 20;

/** A task's title is never empty: when its line has no words before the clause, its first words (clause included). */
function taskTitle(node: OutlineNode, text: string): string {
  if (node.title !== '') return node.title;
  const own = text.slice(node.ownStart, Math.min(node.ownEnd, node.ownStart + 400));
  const n = matchNumbering(own);
  const words = (n ? own.slice(n.textStart) : own).replace(/\s+/g, ' ').trim();
  return words.length > FIRST_WORDS ? `${words.slice(0, FIRST_WORDS)}…` : words;
}

const isNumbered = (n: OutlineNode) => n.marker !== '' && !n.marker.startsWith('附件');

/**
 * A task is a numbered item of a chapter that holds tasks (see classifySection) with no numbered
 * children, or any numbered item that carries a responsibility clause. Items below a task are its
 * sub-points, not tasks, unless they carry a clause of their own. A chapter itself is not a task
 * (unless it has a clause); nor is an empty numbering, or a dated stage of a timetable (the work
 * items listed under a stage are tasks).
 */
export function deriveTasks(outline: OutlineNode[], content: Map<OutlineNode, NodeContent>, text: string, index: LineIndex): Task[] {
  const tasks: Task[] = [];
  const visit = (node: OutlineNode, insideTask: boolean) => {
    const c = content.get(node)!;
    const numbered = isNumbered(node);
    const numberedChildren = node.children.some(isNumbered);
    const stage = node.sectionKind === 'schedule' && !node.chapter && isTimetableStage(node.title);
    let isTask = false;
    if (numbered && !node.empty) {
      if (c.clauses.some(makesTask)) isTask = true;
      else if (!insideTask && !stage && !node.chapter && (node.sectionKind === 'task' || node.sectionKind === 'schedule')) {
        // `3.提升污水处理能力` with sub-points (1)(2) and no clauses below is one task, not three;
        // a `(一)` with items 1. 2. is a group of tasks
        isTask = !numberedChildren || (node.rank >= RANK.ARABIC && !subtreeHasClause(node, content));
      }
    }
    if (isTask) tasks.push(outlineTask(node, c, text, index));
    for (const child of node.children) visit(child, insideTask || isTask);
  };
  for (const node of outline) visit(node, false);
  return tasks;
}

/** The task of an outline node that is one (see deriveTasks), from the node and what its own text holds. */
export function outlineTask(node: OutlineNode, c: NodeContent, text: string, index: LineIndex): Task {
  const units = mergeUnitsOf(c.clauses);
  const vague = c.clauses.flatMap((cl) => cl.vague);
  return {
    path: node.path,
    title: taskTitle(node, text),
    range: node.range,
    fullRange: index.range(index.offset(node.range.start), trimEnd(text, node.ownEnd)),
    source: 'outline',
    clauses: c.clauses,
    units,
    vague,
    noUnit: units.length === 0 && vague.length === 0,
    targets: c.targets,
  };
}

function subtreeHasClause(node: OutlineNode, content: Map<OutlineNode, NodeContent>): boolean {
  return node.children.some((c) => content.get(c)!.clauses.some(makesTask) || subtreeHasClause(c, content));
}

/** A duty list's subject (`(一)县委县政府要高度重视`) names the owner of a task, but does not make an item one. */
export const makesTask = (c: ResponsibilityClause) => c.form !== 'subject';

export function trimEnd(text: string, end: number): number {
  while (end > 0 && /\s/.test(text[end - 1])) end--;
  return end;
}

/** Every numbering with no text (not even on the next line), in document order. */
export function emptyNumberings(outline: OutlineNode[]): OutlineNode[] {
  const out: OutlineNode[] = [];
  const visit = (n: OutlineNode) => {
    if (n.empty) out.push(n);
    n.children.forEach(visit);
  };
  outline.forEach(visit);
  return out;
}


