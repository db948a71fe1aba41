import sectionKindsData from '../../../data/vocab/sectionKinds.yaml';
import type { OutlineNode, ResponsibilityClause, SectionKind, Task } from './model/types';
import { isDecimalRank, matchNumbering, RANK, type NumberingMatch } from './recognise/numbering';
import { mergeUnitsOf } from './recognise/units';
import { foldWidth } from './text/fold';
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
  itemShare: number;
  items: Partial<Record<Exclude<SectionKind, 'other' | 'task'>, string[]>>;
}

interface KindWords {
  words: RegExp;
  kindOf: Map<string, SectionKind>;
}

const alternation = (list: string[]) => [...list].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');

function kindWords(groups: [SectionKind, string[]][]): KindWords {
  const kindOf = new Map<string, SectionKind>();
  for (const [kind, words] of groups) for (const w of words) if (!kindOf.has(w)) kindOf.set(w, kind);
  return { words: new RegExp(alternation([...kindOf.keys()]), 'g'), kindOf };
}

function loadSectionKinds(raw: unknown) {
  const v = raw as SectionKindsVocab;
  const chapterGroups = Object.entries(v.kinds) as [SectionKind, string[]][];
  return {
    maxRest: v.maxRest,
    chapter: kindWords(chapterGroups),
    // an item's title is read with the chapters' words and the items' own
    item: kindWords([...chapterGroups, ...(Object.entries(v.items) as [SectionKind, string[]][])]),
    itemShare: v.itemShare,
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
  return kindOfTitle(title, SECTION_KINDS.chapter, SECTION_KINDS.maxRest);
}

/**
 * The kind of an item from its title (健全领导机制 → safeguard, 主要目标 → target), with the
 * items' words too; `maxRest` characters may be left besides kind words (0: nothing but them).
 */
export function classifyItem(title: string, maxRest = SECTION_KINDS.maxRest): SectionKind | null {
  return kindOfTitle(title, SECTION_KINDS.item, maxRest);
}

const NOT_A_WORD = /[\s\p{P}\p{S}\d]/gu;

function kindOfTitle(title: string, vocab: KindWords, maxRest: number): SectionKind | null {
  const t = title.slice(0, KIND_TITLE_MAX + 1);
  const found: SectionKind[] = [];
  // the kind words found (what t.replace would remove), and the text without them only where it is read
  vocab.words.lastIndex = 0;
  for (let m = vocab.words.exec(t); m; m = vocab.words.exec(t)) {
    found.push(vocab.kindOf.get(m[0])!);
    if (m[0].length === 0) vocab.words.lastIndex++;
  }
  if (found.includes('task')) return 'task';
  if (found.length === 0 || t.length > KIND_TITLE_MAX) return null;
  const rest = t.replace(vocab.words, '');
  const left = rest.replace(SECTION_KINDS.connectors, '').replace(NOT_A_WORD, '');
  return left.length <= maxRest ? found[0] : null;
}

const DATE = /(?:19|20)\d{2}|\d{1,2}\s*月|年底|年初|年前|上半年|下半年|长期/;
const DATED_BRACKET = /[((][^()()]*(?:\d|年|月|长期)[^()()]*[))]$/;

/** An item of a timetable: a dated stage (`动员部署阶段(2022年3月—4月)`, `(2023年—长期)`), not a task. */
export function isTimetableStage(title: string): boolean {
  const t = title.slice(0, KIND_TITLE_MAX + 1);
  return DATED_BRACKET.test(t) || (SECTION_KINDS.stage.test(t) && DATE.test(t));
}

// ---- a table of contents ----

// `目录` / `目 录` alone on its line opens a table of contents
const TOC_HEAD = /^目\s*录$/;
// `第二章 规划目标 ........ 15`: dot leaders and a page number end a contents entry wherever it stands
// (the page number is needed: a sentence may end in ……, a Markdown rule is ----)
const DOT_LEADER = /(?:\.{4,}|…{2,}|·{4,})\s*\d{1,4}\s*$/;
// a page number after a title (`二、规划总则 12`)
const PAGE_NUMBER = /\s+\d{1,4}$/;
/** A contents entry is a short line; a sentence (。;) or a longer line is the body. */
const TOC_ENTRY_MAX = 60;
const SENTENCE_END = /[。;;]/;

/** What a line is to a table of contents, by itself: its `目录` head, an entry with dot leaders, or neither. */
export function tocLineKind(lineText: string): 'head' | 'leader' | null {
  const t = lineText.trim();
  if (t.length > 200) return null;
  // (most lines end a sentence: the test of the last character keeps this off their way)
  const last = t.charCodeAt(t.length - 1);
  if (last === 0x5f55 /* 录 */) return TOC_HEAD.test(t.replace(/^#+\s+/, '')) ? 'head' : null;
  return last >= 48 && last <= 57 && !SENTENCE_END.test(t) && DOT_LEADER.test(t) ? 'leader' : null;
}

/** An entry's words without numbering spaces, dot leaders and page number: the body's heading of the same chapter has the same key. */
function tocKey(lineText: string, contentStart: number): string {
  return lineText.slice(contentStart).replace(DOT_LEADER, '').trim().replace(PAGE_NUMBER, '').replace(/\s+/g, '');
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
 *
 * A table of contents opens no node: the lines after a `目录` line are its entries while they are
 * short and no sentence, up to the line that repeats its first entry (where the body begins); a
 * line with dot leaders and a page number is an entry wherever it stands.
 */
export class OutlineBuilder {
  readonly outline: OutlineNode[] = [];
  readonly nodes: OutlineNode[] = [];
  readonly content = new Map<OutlineNode, NodeContent>();
  /** Lines of each table of contents: from its `目录` line to the line where the body begins (or its last line). */
  readonly tocLines: [number, number][] = [];
  private readonly stack: OutlineNode[] = [];
  private readonly docLevel: NodeContent = { clauses: [], targets: [] };
  /** A numbering with nothing after it, waiting for its text on the next line. */
  private pending: OutlineNode | null = null;
  /** The open table of contents: the key of its first entry (null until it is read). */
  private toc: { firstKey: string | null } | null = null;

  constructor(
    private readonly text: string,
    private readonly index: LineIndex,
  ) {}

  /**
   * One non-blank line. `titleLine` is the plan title's line when it is known (its heading is not a chapter).
   * Returns where the line's findings go.
   */
  line(line: number, lineText: string, shape: LineShape, headingDepth: number | undefined, bold: string | undefined, clauseAt: number, titleLine: number | null): NodeContent {
    if (this.inToc(line, lineText, shape, clauseAt)) return this.docLevel;
    const { contentStart, numbering, attachment } = shape;
    const opens = headingDepth !== undefined || numbering !== null || attachment !== null;
    if (this.pending) {
      const node = this.pending;
      this.pending = null;
      if (!opens) {
        node.title = nodeTitle(lineText, contentStart, false, bold, clauseAt);
        if (carriesWorkOnLine(lineText, contentStart, node.title, false, clauseAt)) node.body = true;
        return this.content.get(node)!;
      }
      node.empty = true;
    }
    if (!opens) {
      if (this.stack.length === 0) return this.docLevel;
      const top = this.stack[this.stack.length - 1];
      if (isWorkLine(lineText, contentStart, clauseAt)) top.body = true;
      return this.content.get(top)!;
    }
    if (numbering?.inner) {
      // `6、(1)水务局…`: item 6 holds no words of its own, item (1) the line's
      this.open(line, lineText, shape, numbering, undefined, undefined, -1, titleLine);
      return this.content.get(this.open(line, lineText, shape, numbering.inner, undefined, bold, clauseAt, titleLine))!;
    }
    return this.content.get(this.open(line, lineText, shape, numbering, headingDepth, bold, clauseAt, titleLine))!;
  }

  /** Whether the line belongs to a table of contents (and so opens no node). */
  private inToc(line: number, lineText: string, shape: LineShape, clauseAt: number): boolean {
    const kind = tocLineKind(lineText);
    if (kind === 'head') {
      this.toc = { firstKey: null };
      this.tocLines.push([line, line]);
      return true;
    }
    const toc = this.toc;
    if (toc) {
      this.tocLines[this.tocLines.length - 1][1] = line;
      const t = lineText.trim();
      const entry = kind === 'leader' || (t.length <= TOC_ENTRY_MAX && !SENTENCE_END.test(t) && clauseAt < 0);
      // the body begins at a line that is no entry, or at the one that repeats the first entry
      const key = entry ? tocKey(lineText, shape.contentStart) : '';
      if (entry && toc.firstKey === null) toc.firstKey = key;
      else if (!entry || key === toc.firstKey) this.toc = null;
      return this.toc !== null;
    }
    if (kind === 'leader') {
      this.tocLines.push([line, line]);
      return true;
    }
    return false;
  }

  private open(line: number, lineText: string, shape: LineShape, numbering: NumberingMatch | null, headingDepth: number | undefined, bold: string | undefined, clauseAt: number, titleLine: number | null): OutlineNode {
    const { contentStart, attachment } = shape;
    const lineStart = this.index.lineStarts[line];
    const rank = numbering ? numbering.rank : attachment ? ATTACHMENT_RANK : headingDepth! + HEADING_RANK_BASE;
    const textStart = numbering ? numbering.textStart : contentStart;
    const heading = headingDepth !== undefined;
    // a numbering straight before another (`6、(1)…`) has no words of its own
    const group = numbering?.inner !== undefined;
    const node: OutlineNode = {
      path: '',
      marker: numbering ? numbering.marker : attachment ? `附件${attachment[1]}` : '',
      rank,
      title: group ? '' : nodeTitle(lineText, textStart, heading, bold, clauseAt),
      range: this.index.range(lineStart + (numbering ? numbering.start : contentStart), this.index.lineEnd(line)),
      ownStart: lineStart,
      ownEnd: this.text.length,
      end: this.text.length,
      lastLine: line,
      heading,
      sectionKind: 'other',
      children: [],
    };
    while (this.stack.length > 0 && this.stack[this.stack.length - 1].rank >= rank) this.stack.pop()!.end = lineStart;
    const parent = this.stack[this.stack.length - 1];
    if (this.nodes.length > 0) this.nodes[this.nodes.length - 1].ownEnd = lineStart;
    node.parent = parent;
    node.path = numbering ? pathOf(numbering, parent) : attachment ? node.marker : parent ? parent.path : '';
    // Chapters are the outline's first level, below the title's heading (or another plan's title
    // heading, in a file that holds two); attachments hold no tasks of their own.
    const chapter = !parent || (parent.heading && parent.marker === '' && !parent.parent && (parent.range.start.line === titleLine || looksLikePlanTitle(parent.title)));
    if (attachment) node.sectionKind = 'other';
    else if (chapter) {
      node.chapter = true;
      node.sectionKind = classifySection(node.title) ?? 'task';
    } else node.sectionKind = itemKind(node.title, parent?.sectionKind ?? 'other');
    if (!group && carriesWorkOnLine(lineText, textStart, node.title, heading, clauseAt)) node.body = true;
    (parent ? parent.children : this.outline).push(node);
    this.stack.push(node);
    this.nodes.push(node);
    this.content.set(node, { clauses: [], targets: [] });
    if (numbering && !group && lineText.slice(numbering.textStart).trim() === '') this.pending = node;
    return node;
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
    for (const node of this.nodes) if (node.chapter) kindByItems(node);
    return this.outline;
  }
}

/** A numbered node's path: its parent's and its marker — a decimal heading's marker is already the whole path below its non-decimal ancestors (`2.3.1`). */
function pathOf(numbering: NumberingMatch, parent: OutlineNode | undefined): string {
  let above = parent;
  if (isDecimalRank(numbering.rank)) while (above && above.marker !== '' && isDecimalRank(above.rank)) above = above.parent;
  return above?.path ? `${above.path}.${numbering.marker}` : numbering.marker;
}

/**
 * The kind of an item below a chapter: its parent's, except that in a part that is not tasks an
 * item titled as another non-task part is that part (`2.3 规划目标` under `2 总则`: goals), and
 * anywhere an item titled with nothing but a guidance or goals name (`(二)主要目标`) is that.
 */
function itemKind(title: string, parentKind: SectionKind): SectionKind {
  if (parentKind === 'other' || parentKind === 'schedule') return parentKind;
  const own = parentKind === 'task' ? classifyItem(title, 0) : classifySection(title);
  return own === 'guide' || own === 'target' ? own : parentKind;
}

/**
 * A chapter named by its content (`全面加强组织实施,切实强化要素保障`) whose items are mostly of one
 * non-task kind by their titles (健全领导机制 / 加大资金投入 / 严格督查考核) is that kind; the items
 * and everything below them that took the chapter's kind take the new one.
 */
function kindByItems(chapter: OutlineNode) {
  if (chapter.sectionKind !== 'task' || classifySection(chapter.title) !== null) return;
  const items = chapter.children.filter((n) => n.marker !== '' && !n.marker.startsWith('附件') && !n.empty);
  // (a plan's title heading has chapters for items: they are judged by their own titles)
  if (items.length < 2 || items.some((n) => n.chapter)) return;
  const counts = new Map<SectionKind, number>();
  for (const item of items) {
    const k = classifyItem(item.title);
    if (k === 'task') return;
    if (k === 'guide' || k === 'target' || k === 'safeguard') counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  let kind: SectionKind | null = null;
  let total = 0;
  for (const [k, n] of counts) {
    total += n;
    if (kind === null || n > counts.get(kind)!) kind = k;
  }
  if (kind === null || total < SECTION_KINDS.itemShare * items.length) return;
  const relabel = (n: OutlineNode, k: SectionKind) => {
    if (n.sectionKind !== 'task') return;
    n.sectionKind = k;
    for (const c of n.children) relabel(c, k);
  };
  chapter.sectionKind = kind;
  for (const item of chapter.children) relabel(item, kind);
}

/** A paragraph is a sentence or a line of some length: a clause on a line of its own (`责任单位:…`) is not work, nor a table's cell pasted one per line. */
const WORK_LINE_MIN = 20;
export function isWorkLine(lineText: string, contentStart: number, clauseAt: number): boolean {
  const end = clauseAt >= contentStart ? clauseAt : lineText.length;
  const t = lineText.slice(contentStart, Math.min(end, contentStart + 400)).trim();
  return t.length >= WORK_LINE_MIN || SENTENCE_END.test(t);
}

/**
 * Whether a numbered line carries work of its own after its title: a run-in paragraph
 * (`(1)严格项目管理。严禁新增…`) — not a title alone (`1. 优化产业结构`), nor a clause after it.
 * A title too long to be a heading is itself the work.
 */
export function carriesWorkOnLine(lineText: string, textStart: number, title: string, heading: boolean, clauseAt: number): boolean {
  if (heading) return false;
  if (title.length > KIND_TITLE_MAX) return true;
  const end = clauseAt >= textStart ? clauseAt : lineText.length;
  let i = textStart;
  // past the title (its words come first, perhaps bold)
  let matched = 0;
  while (i < end && matched < title.length) {
    const c = lineText[i];
    if (c === title[matched]) matched++;
    else if (c !== '*' && c !== '_') break;
    i++;
  }
  let words = 0;
  for (; i < end; i++) {
    const code = lineText.charCodeAt(i);
    if (code >= 0x4e00 ? code <= 0x9fff : (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122)) {
      if (++words >= 2) return true;
    }
  }
  return false;
}

export function nodeTitle(lineText: string, textStart: number, heading: boolean, bold: string | undefined, clauseAt: number): string {
  if (bold !== undefined) {
    const n = matchNumbering(bold);
    const t = n ? bold.slice(n.textStart) : bold;
    return trimTrailing(t, BOLD_TITLE_TAIL).trim();
  }
  let t = lineText.slice(textStart, clauseAt >= textStart ? clauseAt : undefined).replace(/\*\*|__/g, '');
  if (!heading) {
    const stop = t.indexOf('。');
    if (stop >= 0) t = t.slice(0, stop);
  }
  return trimTrailing(t, TITLE_TAIL).trim();
}

const BOLD_TITLE_TAIL = /[。.::\s]/;
const TITLE_TAIL = /[。.::;;,,\s\u3000]/;

/** `t` without the run of `tail` characters at its end (a loop: `/[…]+$/` is quadratic on a long run followed by another character). */
function trimTrailing(t: string, tail: RegExp): string {
  let end = t.length;
  while (end > 0 && tail.test(t[end - 1])) end--;
  return end === t.length ? t : t.slice(0, end);
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
  // the numbering is read in folded width (`（一）` as `(一)`), like every recogniser; the words shown are the user's
  const n = matchNumbering(foldWidth(own));
  const words = (n ? own.slice(n.textStart) : own).replace(/\s+/g, ' ').trim();
  return words.length > FIRST_WORDS ? `${words.slice(0, FIRST_WORDS)}…` : words;
}

const isNumbered = (n: OutlineNode) => n.marker !== '' && !n.marker.startsWith('附件');
const holdsTasks = (n: OutlineNode) => n.sectionKind === 'task' || n.sectionKind === 'schedule';

/**
 * A plan numbered straight through (an annual 工作要点 of items 1–20 with no 一、): its chapters are
 * its tasks when most of its task chapters — and at least three — carry work and hold no numbered items.
 */
const FLAT_CHAPTERS_MIN = 3;
function isFlat(outline: OutlineNode[]): boolean {
  const chapters: OutlineNode[] = [];
  const collect = (nodes: OutlineNode[]) => {
    for (const n of nodes) {
      if (n.chapter) {
        if (isNumbered(n) && holdsTasks(n) && !n.empty) chapters.push(n);
      } else collect(n.children);
    }
  };
  collect(outline);
  const leaves = chapters.filter((n) => n.body && !n.children.some(isNumbered)).length;
  return leaves >= FLAT_CHAPTERS_MIN && leaves * 2 > chapters.length;
}

/**
 * A task is an item of the deepest numbered level that carries work in a part that holds tasks
 * (see classifySection), or any numbered item that carries a responsibility clause:
 * - a numbered item with no numbered items below it (a leaf);
 * - an item `1.`/`(1)` and below whose items are titles only (`3.提升污水处理能力。到2023年……` over
 *   `(1)推进管网建设。`): one task, its items are sub-points — but when its items carry work
 *   (`1. 优化产业结构` over `(1)严格项目管理。严禁新增……`) they are the deepest level that does, and the tasks;
 * - a chapter only in a plan numbered straight through (isFlat).
 * Items below a task are its sub-points, not tasks, unless they carry a clause of their own. An
 * empty numbering is no task, nor is a dated stage of a timetable (the work items listed under a
 * stage are tasks).
 */
export function deriveTasks(outline: OutlineNode[], content: Map<OutlineNode, NodeContent>, text: string, index: LineIndex): Task[] {
  const tasks: Task[] = [];
  const flat = isFlat(outline);
  const visit = (node: OutlineNode, insideTask: boolean) => {
    const c = content.get(node)!;
    const numbered = isNumbered(node);
    const numberedChildren = node.children.some(isNumbered);
    const stage = node.sectionKind === 'schedule' && !node.chapter && isTimetableStage(node.title);
    let isTask = false;
    if (numbered && !node.empty) {
      if (c.clauses.some(makesTask)) isTask = true;
      else if (!insideTask && !stage && holdsTasks(node) && (!node.chapter || (flat && node.body === true))) {
        isTask = !numberedChildren || (node.rank >= RANK.ARABIC && node.title !== '' && !node.children.some((n) => isNumbered(n) && n.body) && !subtreeHasClause(node, content));
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


