import type { PlanAnalysis } from './analysis';
import type { CatalogueEdition } from './catalogue/types';
import { bindingCoverage, carryAttention } from './coverage';
import type { DepartmentDirectory } from './departments/directory';
import type { LineFindings, LineFindingsCache } from './lineFindings';
import type { Locale } from './locale';
import type { Diagnostic, OutlineNode, PlanModel, Range, Severity, Task } from './model/types';
import { carriesWorkOnLine, classifyItem, classifySection, isWorkLine, makesTask, nodeTitle, outlineTask, tocLineKind, type NodeContent } from './outline';
import type { MarkdownFacts } from './parse/markdown';
import { FENCE, RAW_HTML_OPEN, type MarkdownFactsCache } from './parse/markdownChunks';
import { firstClauseAt, readLine, sectionYearNote, type ReadState } from './readPlan';
import { mayShapePlainTable } from './recognise/tableLayout';
import { allRules } from './rules';
import type { Rule, RuleContext } from './rules/rule';
import { applyDirectives, collectFindings, diagnosticOrder, sortDiagnostics } from './runRules';
import type { SettingsProblem } from './settings';
import { mayCiteEdition } from './catalogue/citations';
import { placeMayChange } from './place/placeOfPlan';
import { foldWidth } from './text/fold';
import { LineIndex } from './text/lineIndex';
import type { LayoutProfile } from './normalise/normalise';

/**
 * An edit inside one line, analysed by patching the last analysis instead of reading the plan again.
 *
 * A keystroke changes one line; every other line keeps its number, its text and what was found on
 * it. What the edit can affect is decided by structure: the line's own findings (clauses, targets,
 * tags, problems), the outline node whose text holds it (its title, when the line opens it; its task),
 * and the whole-plan rules. Whenever the line could change more than that — it opens or closes
 * Markdown (a fence, a comment, a table, a heading), becomes blank, changes its numbering, renames a
 * chapter, sits in the head (title, front matter), a table, or a goals section (whose year the items
 * below inherit), or gains or loses a target — the patch gives up and the plan is read in full.
 * The result equals a fresh analysis of the new text (test/unit/incremental.test.ts checks this on
 * random edit sequences).
 */


export interface EditState {
  /** The options the analysis was made with (editKey), and the ones compared by identity. */
  key: string;
  editions: CatalogueEdition[];
  directory: DepartmentDirectory;
  format: 'markdown' | 'text';
  locale: Locale;
  rules: Record<string, Severity | 'off'>;
  settingsProblems: SettingsProblem[];
  text: string;
  analysis: PlanAnalysis;
  /** The text's line-width profile: an edit must leave it needing no normalising (normalise/normalise.ts). */
  layout: LayoutProfile;
  index: LineIndex;
  /** Outline nodes in document order, and the content of each one's own text. */
  nodes: OutlineNode[];
  contents: NodeContent[];
  skipLines: Set<number>;
  /** Tables of contents (readPlan.ts ReadState). */
  tocLines: [number, number][];
  /** How many indicator tags (the last ones) are tables': their targets are numbered within their table's. */
  tableTags: number;
  /** Markdown chunks of the text: first line of each, and its facts (relative to the chunk). */
  chunkLines: number[];
  chunkFacts: MarkdownFacts[];
}

interface EditCaches {
  markdown: MarkdownFactsCache;
  lines: LineFindingsCache;
}

/** What must be equal, besides the editions and directory (compared by identity), for an analysis to be patched. */
export function editKey(o: { uri: string; format?: string; catalogue?: string; level?: string; terrain?: string; citySize?: string; period?: string; locale?: string; rules?: Record<string, string> }, _editions: unknown, _directory: unknown): string {
  return JSON.stringify([o.uri, o.format ?? 'markdown', o.catalogue, o.level, o.terrain, o.citySize, o.period, o.locale ?? 'zh', o.rules ?? {}]);
}

export function editState(caches: EditCaches, base: Omit<EditState, 'index' | 'nodes' | 'contents' | 'skipLines' | 'tocLines' | 'tableTags' | 'chunkLines' | 'chunkFacts'>, read: ReadState): EditState {
  const chunks = base.format === 'markdown' ? caches.markdown.lastChunks : [];
  return {
    ...base,
    index: read.index,
    nodes: read.nodes,
    contents: read.nodes.map((n) => read.content.get(n)!),
    skipLines: read.skipLines,
    tocLines: read.tocLines,
    tableTags: read.tableTags,
    chunkLines: chunks.map((c) => c.chunk.line),
    chunkFacts: chunks.map((c) => c.facts),
  };
}

// Findings of these rules depend on one target, tag, clause or problem of one line, and lie on that line.
// (unquantified-target is not one: whether a trend is all the plan says of an indicator is a whole-plan question.)
const LINE_RULES = new Set(['malformed-tag', 'unknown-indicator', 'renamed-indicator', 'target-below-threshold', 'target-direction', 'unit-mismatch', 'not-applicable', 'unknown-department', 'target-year-outside-period']);
// Findings of these depend on one task, and lie on its line or one of its clauses.
const TASK_RULES = new Set(['missing-responsible-unit', 'vague-responsibility']);
// Every other rule (a new one too) looks at the whole plan and runs again on every edit.
const localRules: Rule[] = allRules.filter((r) => LINE_RULES.has(r.code) || TASK_RULES.has(r.code));
const wholePlanRules: Rule[] = allRules.filter((r) => !LINE_RULES.has(r.code) && !TASK_RULES.has(r.code));

/** Length of the common start of two strings, compared a block at a time. */
function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  const BLOCK = 2048;
  while (i + BLOCK <= n && a.slice(i, i + BLOCK) === b.slice(i, i + BLOCK)) i += BLOCK;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** Length of the common end, not reaching into the first `floor` characters of either. */
function commonSuffix(a: string, b: string, floor: number): number {
  const n = Math.min(a.length, b.length) - floor;
  let i = 0;
  const BLOCK = 2048;
  while (i + BLOCK <= n && a.slice(a.length - i - BLOCK, a.length - i) === b.slice(b.length - i - BLOCK, b.length - i)) i += BLOCK;
  while (i < n && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  return i;
}

const sameRange = (a: Range, b: Range) => a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;

/** Two maps with the same entries. */
const sameMap = <V>(a: Map<number, V>, b: Map<number, V>) => sameMapBut(a, b, -1);

/** The same entries, but for the one at `except` (which may differ, be added or dropped). */
function sameMapBut<V>(a: Map<number, V>, b: Map<number, V>, except: number): boolean {
  for (const [k, v] of a) if (k !== except && b.get(k) !== v) return false;
  for (const k of b.keys()) if (k !== except && !a.has(k)) return false;
  return true;
}

/** Two chunks' facts are the same but for offsets after the edit; nothing masked or commented touches the edited line [from, to]. */
function sameChunkFacts(a: MarkdownFacts, b: MarkdownFacts, from: number, toOld: number, delta: number, boldLine: number): boolean {
  if (a.tables.length > 0 || b.tables.length > 0) return false;
  if (!sameMap(a.headings, b.headings) || !sameMapBut(a.boldStarts, b.boldStarts, boldLine)) return false;
  if ((a.frontMatter === null) !== (b.frontMatter === null)) return false;
  if (a.frontMatter && b.frontMatter && (a.frontMatter.value !== b.frontMatter.value || a.frontMatter.start !== b.frontMatter.start || a.frontMatter.end !== b.frontMatter.end)) return false;
  const moved = (x: number) => (x > toOld ? x + delta : x);
  const touches = (s: number, e: number) => s <= toOld && e >= from;
  if (a.masked.length !== b.masked.length || a.htmlComments.length !== b.htmlComments.length) return false;
  for (let i = 0; i < a.masked.length; i++) {
    const [s, e] = a.masked[i];
    if (touches(s, e) || moved(s) !== b.masked[i][0] || moved(e) !== b.masked[i][1]) return false;
  }
  for (let i = 0; i < a.htmlComments.length; i++) {
    const c = a.htmlComments[i];
    if (touches(c.start, c.end) || moved(c.start) !== b.htmlComments[i].start || moved(c.end) !== b.htmlComments[i].end || c.value !== b.htmlComments[i].value) return false;
  }
  return true;
}

/** Whether the nearest non-blank line above line L is a table's: L may be where the table ends. */
function followsTable(index: LineIndex, text: string, skipLines: Set<number>, L: number): boolean {
  for (let l = L - 1; l >= 0 && l >= L - 4; l--) {
    if (text.slice(index.lineStarts[l], index.lineEnd(l)).trim().length > 0) return skipLines.has(l);
  }
  return false;
}

// a line that opens or closes a Markdown block whose extent decides how the text is cut into chunks
function mayShapeBlocks(line: string): boolean {
  return FENCE.test(line) || RAW_HTML_OPEN.test(line) || line.includes('<!--') || line.includes('-->') || line.includes('</');
}

function sameShape(a: NonNullable<LineFindings['shape']>, b: NonNullable<LineFindings['shape']>): boolean {
  if (a.contentStart !== b.contentStart) return false;
  // a line that opens two items (`6、(1)…`) is read in full
  if (a.numbering?.inner || b.numbering?.inner) return false;
  const n = a.numbering;
  const m = b.numbering;
  if ((n === null) !== (m === null) || (n && m && (n.rank !== m.rank || n.marker !== m.marker || n.start !== m.start || n.textStart !== m.textStart))) return false;
  const x = a.attachment;
  const y = b.attachment;
  return (x === null) === (y === null) && (!x || !y || (x[0] === y[0] && x[1] === y[1] && x.index === y.index));
}

/** What a line adds to which indicators the plan targets, names or only trends (coverage.ts indicatorAttention). */
function attentionOf(f: LineFindings): string {
  const targets = f.targets.filter((t) => t.catalogueId && !t.referenceOnly).map((t) => `${t.catalogueId}${t.op === 'trend' ? '~' : ''}`);
  return `${targets.join(',')}|${f.mentions.map((m) => m.catalogueId).join(',')}|${f.indicatorTags.map((t) => t.name).join(',')}`;
}

/**
 * Whether a line of the node's own text below its line, other than `except`, is a paragraph of work
 * (outline.ts isWorkLine): then the node carries work whatever the line `except` becomes.
 */
function otherWorkLine(prev: EditState, lines: LineFindingsCache, at: number, except: number): boolean {
  const from = prev.nodes[at].range.start.line + 1;
  const to = at + 1 < prev.nodes.length ? prev.nodes[at + 1].range.start.line : prev.index.lineCount;
  for (let l = from; l < to; l++) {
    if (l === except || prev.skipLines.has(l)) continue;
    const f = lines.found(l);
    const w = lines.work(l);
    if (f?.shape && w !== undefined && isWorkLine(w, f.shape.contentStart, firstClauseAt(f))) return true;
  }
  return false;
}

/** Index of the last item whose key is at most `value` (items sorted by key), or -1. */
function lastAtOrBelow<T>(items: T[], value: number, key: (x: T) => number): number {
  let lo = 0;
  let hi = items.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (key(items[mid]) <= value) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}


function sameDiagnostic(a: Diagnostic, b: Diagnostic): boolean {
  if (a.code !== b.code || a.severity !== b.severity || a.message !== b.message || !sameRange(a.range, b.range)) return false;
  const x = a.related ?? [];
  const y = b.related ?? [];
  if (x !== y && (x.length !== y.length || x.some((r, i) => r.message !== y[i].message || r.uri !== y[i].uri || !sameRange(r.range, y[i].range)))) return false;
  return a.data === b.data || JSON.stringify(a.data) === JSON.stringify(b.data);
}

/**
 * The findings made again, with each one that equals a finding of the last analysis replaced by that
 * finding: a whole-plan rule re-run after a keystroke gives mostly the same findings, and the
 * server converts and encodes a diagnostic once per object (lsp/features/diagnostics.ts).
 */
function reuseUnchanged(made: Diagnostic[], before: Diagnostic[]): Diagnostic[] {
  const codes = new Set(made.map((d) => d.code));
  // by line (a number key: no key string built per finding), then compared in full
  const old = new Map<number, Diagnostic[]>();
  for (const d of before) {
    if (!codes.has(d.code)) continue;
    const list = old.get(d.range.start.line);
    if (list) list.push(d);
    else old.set(d.range.start.line, [d]);
  }
  return made.map((d) => old.get(d.range.start.line)?.find((o) => sameDiagnostic(o, d)) ?? d);
}

/** Two lists in document order (sortDiagnostics) merged into one; no finding of one ties with one of the other. */
function mergeSorted(a: Diagnostic[], b: Diagnostic[]): Diagnostic[] {
  if (b.length === 0) return a;
  const out: Diagnostic[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i];
    const y = b[j];
    const before = diagnosticOrder(x, y);
    out.push(before <= 0 ? a[i++] : b[j++]);
  }
  while (i < a.length) out.push(a[i++]);
  while (j < b.length) out.push(b[j++]);
  return out;
}

/** `list` with the items `from` (found on the edited line, starting at `at`) replaced by `to`. */
function spliced<T>(list: T[], at: number, removed: number, added: T[]): T[] {
  if (removed === 0 && added.length === 0) return list;
  const out = list.slice(0, at);
  for (const x of added) out.push(x);
  for (let i = at + removed; i < list.length; i++) out.push(list[i]);
  return out;
}

/**
 * The analysis of `text` made by patching `prev`, or null when the edit from `prev.text` is not one
 * this can patch (the caller then reads the plan in full).
 */
export function analyseEdit(caches: EditCaches, prev: EditState, text: string): PlanAnalysis | null {
  const old = prev.text;
  // (no `old === text` first: two 1 MB texts of the same length were compared twice up to the edit)
  const p = commonPrefix(old, text);
  if (p === old.length && p === text.length) return prev.analysis;
  const s = commonSuffix(old, text, p);
  const oldEnd = old.length - s;
  const newEnd = text.length - s;
  // the edit must stay inside one line: no line break removed or added (a `\r\n` split in two counts)
  if (p > 0 && old.charCodeAt(p - 1) === 13) return null;
  for (let i = p; i < oldEnd; i++) {
    const c = old.charCodeAt(i);
    if (c === 10 || c === 13) return null;
  }
  for (let i = p; i < newEnd; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return null;
  }
  const delta = text.length - old.length;
  const prevModel = prev.analysis.model;
  const oldIndex = prev.index;
  const L = oldIndex.position(p).line;

  // the head decides the title, the level and the settings; tables are read row by row. (A title
  // may be joined from a short line and the one or two below it: its range is the first one's.)
  if (prevModel.title !== null ? L <= prevModel.titleRange.start.line + 2 : L < 200) return null;
  if (prevModel.frontMatter && L <= prevModel.frontMatter.range.end.line) return null;
  if (prev.skipLines.has(L)) return null;
  // a table of contents ends where a line is no entry, or repeats its first: any of its lines, and the one after it, may move that end
  if (prev.tocLines.some(([from, to]) => L >= from && L <= to + 1)) return null;

  const starts = oldIndex.lineStarts.slice();
  for (let i = L + 1; i < starts.length; i++) starts[i] += delta;
  const index = new LineIndex(text, starts);
  const lineStart = starts[L];
  const oldLineEnd = oldIndex.lineEnd(L);
  const oldLine = old.slice(lineStart, oldLineEnd);
  const newLine = text.slice(lineStart, index.lineEnd(L));
  // the text must still need no normalising (no page number or spaced-out characters, no hard-wrapped layout)
  const layout = prev.layout.afterEdit(L, oldLine, newLine, prev.format === 'markdown');
  if (!layout) return null;
  const oldWork = foldWidth(oldLine);
  const newWork = foldWidth(newLine);
  if (placeMayChange(prev.analysis.settings, L, oldLine, newLine)) return null;
  // a citation of an edition may choose the edition the whole plan is read with (catalogue/citations.ts)
  if (mayCiteEdition(oldLine) || mayCiteEdition(newLine)) return null;
  // a line that could start, end or extend a plain-text table (recognise/tableLayout.ts), or the first after one
  if (mayShapePlainTable(oldWork) || mayShapePlainTable(newWork) || (oldWork.trim().length > 300) !== (newWork.trim().length > 300)) return null;
  if (followsTable(oldIndex, old, prev.skipLines, L)) return null;
  if (tocLineKind(oldWork) !== tocLineKind(newWork)) return null;

  let bold: string | undefined;
  let heading: number | undefined;
  let chunkAt = -1;
  let chunkFacts: MarkdownFacts | null = null;
  if (prev.format === 'markdown') {
    if (mayShapeBlocks(oldLine) || mayShapeBlocks(newLine)) return null;
    // after a blank line, an indented line may continue a list or open indented code (markdownChunks.ts)
    const indented = (t: string) => t.length > 0 && (t.charCodeAt(0) === 32 || t.charCodeAt(0) === 9);
    if (indented(oldLine) !== indented(newLine)) return null;
    chunkAt = lastAtOrBelow(prev.chunkLines, L, (l) => l);
    if (chunkAt < 0) return null;
    const firstLine = prev.chunkLines[chunkAt];
    const nextLine = chunkAt + 1 < prev.chunkLines.length ? prev.chunkLines[chunkAt + 1] : -1;
    const chunkStart = starts[firstLine];
    const chunkText = text.slice(chunkStart, nextLine < 0 ? text.length : starts[nextLine]);
    chunkFacts = caches.markdown.chunkFacts(chunkText, chunkAt === 0);
    // the edited line's bold start may change (its node's title follows it, below)
    if (!sameChunkFacts(prev.chunkFacts[chunkAt], chunkFacts, lineStart - chunkStart, oldLineEnd - chunkStart, delta, L - firstLine)) return null;
    bold = chunkFacts.boldStarts.get(L - firstLine);
    heading = chunkFacts.headings.get(L - firstLine);
  } else if (text.includes('<!--')) return null; // plain text: directives may sit anywhere

  const oldFound = caches.lines.found(L);
  if (!oldFound?.shape) return null;
  const names = prev.analysis.names;
  const found = readLine(newWork, lineStart, text, index, names);
  if (!found.shape || !sameShape(oldFound.shape, found.shape)) return null;
  // whether a bare list is a clause depends on the lines above; a line that says so changes the lines below
  if (leansOnFirstNamedLeads(oldFound) || leansOnFirstNamedLeads(found)) return null;
  // What the edit left as it was keeps its objects (a digit typed in a target leaves the line's clause
  // as it was): the plan-wide lists then stay the same lists, and what is kept by them (completion's
  // use counts, a rule's per-target work) stays valid.
  if (found.clauses.length > 0 && JSON.stringify(found.clauses) === JSON.stringify(oldFound.clauses)) found.clauses = oldFound.clauses;
  if (found.departmentTags.length > 0 && JSON.stringify(found.departmentTags) === JSON.stringify(oldFound.departmentTags)) found.departmentTags = oldFound.departmentTags;
  if (found.targets.length > 0 && JSON.stringify(found.targets) === JSON.stringify(oldFound.targets)) found.targets = oldFound.targets;

  // where the line's findings sit in the plan-wide lists: after those of every line above it
  const before = { clauses: 0, departmentTags: 0, targets: 0, indicatorTags: 0, mentions: 0, problems: 0 };
  for (let l = 0; l < L; l++) {
    const f = caches.lines.found(l);
    if (!f || !f.shape) continue;
    before.clauses += f.clauses.length;
    before.departmentTags += f.departmentTags.length;
    before.targets += f.targets.length;
    before.indicatorTags += f.indicatorTags.length;
    before.mentions += f.mentions.length;
    before.problems += f.problems.length;
  }

  // the node whose text holds the line
  let sectionYear: number | null | undefined;
  const at = lastAtOrBelow(prev.nodes, L, (n) => n.range.start.line);
  const owner = at >= 0 ? prev.nodes[at] : null;
  let title: string | null = null;
  if (owner) {
    if (owner.sectionKind === 'target') {
      // A goals section notes its year once for the items below: the line must note the same year
      // (or none) as before, and a target of the line without a year of its own takes the year the
      // section gave the line's targets before.
      if (sectionYearNote(oldWork) !== sectionYearNote(newWork)) return null;
      let year: number | null | undefined;
      oldFound.targets.forEach((t, i) => {
        if (t.year === null) year = prevModel.targets[before.targets + i].year;
      });
      if (found.targets.some((t) => t.year === null)) {
        if (year === undefined) return null;
        sectionYear = year;
      }
    }
    const ownerLine = owner.range.start.line;
    if (ownerLine === L) {
      const { numbering, contentStart } = found.shape;
      const textStart = numbering ? numbering.textStart : contentStart;
      const lone = (w: string) => numbering !== null && w.slice(textStart).trim() === '';
      if (lone(oldWork) !== lone(newWork)) return null;
      if (!lone(newWork)) {
        title = nodeTitle(newWork, textStart, heading !== undefined, bold, firstClauseAt(found));
        // a chapter's title gives its section kind, a top heading's makes the chapters below it, a timetable stage is no task;
        // an item's title may make its chapter a part of another kind (outline.ts kindByItems), or the item one of its own (itemKind)
        const sensitive = () =>
          owner.chapter ||
          (owner.heading && owner.marker === '' && !owner.parent) ||
          owner.sectionKind === 'schedule' ||
          classifyItem(title!, 0) !== classifyItem(owner.title, 0) ||
          (owner.sectionKind !== 'task' && classifySection(title!) !== classifySection(owner.title)) ||
          (owner.parent?.chapter === true && classifyItem(title!) !== classifyItem(owner.title));
        if (title !== owner.title && sensitive()) return null;
        // whether the line carries work after its title decides the task level (outline.ts deriveTasks)
        const was = carriesWorkOnLine(oldWork, textStart, owner.title, heading !== undefined, firstClauseAt(oldFound));
        if (was !== carriesWorkOnLine(newWork, textStart, title, heading !== undefined, firstClauseAt(found)) && !otherWorkLine(prev, caches.lines, at, L)) return null;
      }
    } else {
      // a numbering alone on its line takes its title from the first line of text after it
      const ownerFound = caches.lines.found(ownerLine);
      const n = ownerFound?.shape?.numbering;
      if (n && caches.lines.work(ownerLine)?.slice(n.textStart).trim() === '') {
        let first = ownerLine + 1;
        while (first < L && !caches.lines.found(first)?.shape) first++;
        if (first === L) return null;
      }
      // a line of text below an item is its work when it is a paragraph (outline.ts isWorkLine)
      if (isWorkLine(oldWork, oldFound.shape.contentStart, firstClauseAt(oldFound)) !== isWorkLine(newWork, found.shape.contentStart, firstClauseAt(found))) {
        if (n && caches.lines.work(ownerLine)?.slice(n.textStart).trim() === '') return null;
        const ownerWork = caches.lines.work(ownerLine);
        const ownLine = ownerWork !== undefined && ownerFound?.shape && carriesWorkOnLine(ownerWork, n ? n.textStart : ownerFound.shape.contentStart, owner.title, owner.heading, firstClauseAt(ownerFound));
        if (!ownLine && !otherWorkLine(prev, caches.lines, at, L)) return null;
      }
    }
  }
  const oldContent = at >= 0 ? prev.contents[at] : null;
  let content = oldContent;
  if (oldContent && found.clauses !== oldFound.clauses && (oldFound.clauses.length > 0 || found.clauses.length > 0)) {
    const drop = new Set(oldFound.clauses);
    const kept = oldContent.clauses.filter((c) => !drop.has(c));
    let k = 0;
    while (k < kept.length && kept[k].range.start.line < L) k++;
    const clauses = [...kept.slice(0, k), ...found.clauses, ...kept.slice(k)];
    // whether the node has a clause decides whether it (and the items around it) are tasks
    if (clauses.some(makesTask) !== oldContent.clauses.some(makesTask)) return null;
    content = { clauses, targets: oldContent.targets };
  }

  // The outline: offsets below the line move, and the line's own node gets its new title and end.
  // Nodes are updated in place (thousands per keystroke): the previous analysis of this cache is
  // superseded by this one (see AnalysisCache).
  for (const n of prev.nodes) {
    if (n.ownStart > lineStart) n.ownStart += delta;
    if (n.ownEnd > lineStart) n.ownEnd += delta;
    if (n.end > lineStart) n.end += delta;
  }
  if (owner && owner.range.start.line === L) {
    if (title !== null) owner.title = title;
    owner.range = index.range(lineStart + (found.shape.numbering ? found.shape.numbering.start : found.shape.contentStart), index.lineEnd(L));
  }
  const nodes = prev.nodes;
  let contents = prev.contents;
  if (at >= 0 && content !== oldContent) {
    contents = contents.slice();
    contents[at] = content!;
  }
  const outline = prevModel.outline;

  // Targets are numbered across the plan (tasks, node contents and tags refer to them by number): when
  // the line has more or fewer of them, the numbers after its own move.
  const shift = found.targets.length - oldFound.targets.length;
  const movedFrom = before.targets + oldFound.targets.length;
  const renumber = (list: number[]): number[] => (shift !== 0 && list.some((i) => i >= movedFrom) ? list.map((i) => (i >= movedFrom ? i + shift : i)) : list);
  if (shift !== 0) {
    contents = contents.map((c, i) => {
      if (i !== at) {
        const targets = renumber(c.targets);
        return targets === c.targets ? c : { clauses: c.clauses, targets };
      }
      // the line's own targets are numbered from where its old ones began
      const own = found.targets.map((_, k) => before.targets + k);
      const targets = [...c.targets.filter((t) => t < before.targets), ...own, ...c.targets.filter((t) => t >= movedFrom).map((t) => t + shift)];
      return { clauses: c.clauses, targets };
    });
  }

  // the owner's task, built again; every other task stays
  let tasks = prevModel.tasks;
  let oldTask: Task | null = null;
  let newTask: Task | null = null;
  if (owner) {
    const start = owner.range.start;
    const i = tasks.findIndex((t) => t.source === 'outline' && t.range.start.line === start.line && t.range.start.character === start.character);
    if (i >= 0) {
      oldTask = tasks[i];
      tasks = tasks.slice();
      tasks[i] = newTask = outlineTask(nodes[at], contents[at], text, index);
    }
  }
  if (shift !== 0) {
    tasks = tasks.map((t) => {
      if (t === newTask) return t;
      const targets = renumber(t.targets);
      return targets === t.targets ? t : { ...t, targets };
    });
  }

  const lineTargets = sectionYear === undefined || sectionYear === null ? found.targets : found.targets.map((t) => (t.year === null ? { ...t, year: sectionYear! } : t));
  const targets = found.targets === oldFound.targets || (found.targets.length === 0 && oldFound.targets.length === 0) ? prevModel.targets : spliced(prevModel.targets, before.targets, oldFound.targets.length, lineTargets);
  const lineTags = prevModel.indicatorTags.length - prev.tableTags;
  const model: PlanModel = {
    uri: prevModel.uri,
    text,
    title: prevModel.title,
    titleRange: prevModel.titleRange,
    frontMatter: prevModel.frontMatter,
    outline,
    tasks,
    clauses: found.clauses === oldFound.clauses ? prevModel.clauses : spliced(prevModel.clauses, before.clauses, oldFound.clauses.length, found.clauses),
    targets,
    indicatorTags: spliced(
      shift === 0 ? prevModel.indicatorTags : prevModel.indicatorTags.map((t, i) => (t.target !== null && t.target >= movedFrom && i < lineTags ? { ...t, target: t.target + shift } : t)),
      before.indicatorTags,
      oldFound.indicatorTags.length,
      found.indicatorTags.map((t) => (t.target === null ? t : { ...t, target: before.targets + t.target })),
    ),
    indicatorMentions: spliced(prevModel.indicatorMentions, before.mentions, oldFound.mentions.length, found.mentions),
    departmentTags: found.departmentTags === oldFound.departmentTags ? prevModel.departmentTags : spliced(prevModel.departmentTags, before.departmentTags, oldFound.departmentTags.length, found.departmentTags),
    problems: spliced(prevModel.problems, before.problems, oldFound.problems.length, found.problems),
    directives: prevModel.directives,
  };

  if (attentionOf(oldFound) === attentionOf(found)) carryAttention(prevModel, model);

  // Diagnostics: the whole-plan rules run again; the line's and the task's findings are made again; the rest stay.
  const a = prev.analysis;
  const ctx: RuleContext = { model, settings: a.settings, settingsProblems: prev.settingsProblems, edition: a.edition, names, directory: a.directory, locale: prev.locale, lineIndex: index };
  const ownedByTask = (d: Diagnostic) => oldTask !== null && (sameRange(d.range, oldTask.range) || oldTask.clauses.some((c) => sameRange(c.range, d.range)));
  const kept = a.diagnostics.filter((d) => (LINE_RULES.has(d.code) ? d.range.start.line !== L : TASK_RULES.has(d.code) ? !ownedByTask(d) : false));
  const lineModel: PlanModel = {
    ...model,
    outline: [],
    tasks: newTask ? [newTask] : [],
    clauses: found.clauses,
    targets: lineTargets,
    indicatorTags: found.indicatorTags,
    indicatorMentions: found.mentions,
    departmentTags: found.departmentTags,
    problems: found.problems,
  };
  const fresh = collectFindings(localRules, { ...ctx, model: lineModel }, prev.rules);
  collectFindings(wholePlanRules, ctx, prev.rules, fresh);
  // the kept findings are in document order already; the new ones are sorted and merged in (a finding
  // kept and a new one never share line, character and code: they come from different rules or lines)
  const diagnostics = mergeSorted(kept, sortDiagnostics(reuseUnchanged(applyDirectives(fresh, model), a.diagnostics)));
  const analysis: PlanAnalysis = { model, settings: a.settings, edition: a.edition, diagnostics, coverage: bindingCoverage(ctx), directory: a.directory, names };

  // what the next edit starts from
  caches.lines.put(L, newWork, newLine, found);
  if (chunkFacts) prev.chunkFacts[chunkAt] = chunkFacts;
  prev.text = text;
  prev.analysis = analysis;
  prev.index = index;
  prev.nodes = nodes;
  prev.contents = contents;
  return analysis;
}

function leansOnFirstNamedLeads(found: LineFindings): boolean {
  return found.firstNamedLeads === true || found.clauses.some((c) => c.needsFirstLeads);
}
