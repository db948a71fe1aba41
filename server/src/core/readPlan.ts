import { isMap, isScalar, parseDocument } from 'yaml';
import type { IndicatorNameIndex } from './catalogue/nameIndex';
import type {
  DepartmentTag,
  FrontMatter,
  IndicatorMention,
  IndicatorTag,
  IndicatorTarget,
  OutlineNode,
  PlanModel,
  Range,
  ResponsibilityClause,
  RuleDirective,
  SectionKind,
  SyntaxProblem,
  Task,
} from './model/types';
import { emptyFacts, type MarkdownFacts } from './parse/markdown';
import { MarkdownFactsCache, ONE_OFF_CHUNK } from './parse/markdownChunks';
import { recogniseLine, type LineFindings, type LineFindingsCache } from './lineFindings';
import { matchNumbering, skipMarkdownPrefix } from './recognise/numbering';
import { readTableTasks } from './recognise/tables';
import { mergeUnitsOf } from './recognise/units';
import { foldWidth } from './text/fold';
import { LineIndex } from './text/lineIndex';

export interface ReadOptions {
  uri: string;
  /** Markdown (default) or plain text pasted from Word/web pages (`.txt`). */
  format?: 'markdown' | 'text';
  names: IndicatorNameIndex;
  /** Kept by an editor between versions of one document: only changed chunks are parsed again. */
  markdownCache?: MarkdownFactsCache;
  /** Likewise: only changed lines are read again. */
  lineCache?: LineFindingsCache;
}

/** Everything a recogniser found in one outline node's own text. */
interface NodeContent {
  clauses: ResponsibilityClause[];
  targets: number[];
}

const TASK_SECTION = /任务|重点工作|主要工作|工作措施|实施步骤|工作步骤|步骤安排|进度安排|行动|举措|重点项目|工作内容|具体措施|责任分解/;
const TARGET_SECTION = /目标/;
const GUIDE_SECTION = /指导思想|总体思路|基本原则|原则|总体要求|编制依据|工作依据/;
const SAFEGUARD_SECTION = /保障|组织领导|组织实施|工作要求|监督考核|考核评估/;
const SCHEDULE_SECTION = /时间安排|时间节点|阶段安排|工作安排/;

export function classifySection(title: string): SectionKind | null {
  if (TASK_SECTION.test(title)) return 'task';
  if (TARGET_SECTION.test(title)) return 'target';
  if (GUIDE_SECTION.test(title)) return 'guide';
  if (SAFEGUARD_SECTION.test(title)) return 'safeguard';
  if (SCHEDULE_SECTION.test(title)) return 'schedule';
  return null;
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

// the last words of a plan's title: 实施方案 / 行动方案 / 工作方案, maybe followed by its years
const PLAIN_TITLE = /(方案|计划)(\s*[((][^()()]{0,20}[))])?$/;

const ATTACHMENT_LINE = /^附件\s*(\d{0,2})(?=$|[\s::、])/;

/** A line's shape (where its content starts, its numbering, an 附件 marker) and findings; null shape for a blank line. */
function readLine(lineText: string, lineStart: number, text: string, index: LineIndex, names: IndicatorNameIndex): LineFindings {
  const contentStart = skipMarkdownPrefix(lineText);
  if (contentStart >= lineText.length || lineText.slice(contentStart).trim().length === 0) return BLANK_LINE;
  const found = recogniseLine(lineText, lineStart, text, index, names);
  found.shape = { contentStart, numbering: matchNumbering(lineText), attachment: ATTACHMENT_LINE.exec(lineText.slice(contentStart).trim()) };
  return found;
}

const BLANK_LINE: LineFindings = { shape: null, problems: [], clauses: [], departmentTags: [], indicatorTags: [], targets: [], mentions: [] };

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
  const outline: OutlineNode[] = [];
  const content = new Map<OutlineNode, NodeContent>();
  const docLevel: NodeContent = { clauses: [], targets: [] };

  const frontMatter = readFrontMatter(text, facts, index);
  const directives = readDirectives(text, facts, index, markdown);

  // Lines owned by tables are read row by row, not as outline lines.
  const tableRead = readTableTasks(work, index, facts.tables, options.names, markdown);
  const skipLine = tableRead.skipLines;

  const stack: OutlineNode[] = [];
  const allNodes: OutlineNode[] = [];
  let title: string | null = null;
  let titleLine = 0;

  const lineCache = options.lineCache;
  lineCache?.begin(options.names);
  for (let line = 0; line < index.lineCount; line++) {
    if (skipLine.has(line)) continue;
    const lineStart = index.lineStarts[line];
    const lineText = work.slice(lineStart, index.lineEnd(line));
    const read = () => readLine(lineText, lineStart, text, index, options.names);
    const found = lineCache ? lineCache.get(line, lineText, text.slice(lineStart, index.lineEnd(line)), read) : read();
    if (!found.shape) continue;
    const { contentStart, numbering, attachment } = found.shape;
    const depth = facts.headings.get(line);

    if (title === null && depth === 1) {
      title = lineText.slice(contentStart).replace(/\*\*/g, '').trim();
      titleLine = line;
    } else if (title === null && !numbering && depth === undefined && line < 200 && PLAIN_TITLE.test(lineText.trim()) && !/通知|印发|《|》/.test(lineText)) {
      // pasted text: the first line that ends like a plan's title; a title broken over two lines
      // (`咸宁市创建国家生态文明建设示范市` / `工作实施方案`) is joined with the short line above it
      let t = lineText.slice(contentStart).trim();
      let at = line;
      for (let p = line - 1; p >= 0 && p >= line - 2; p--) {
        const prev = work.slice(index.lineStarts[p], index.lineEnd(p)).trim();
        if (prev === '') continue;
        if (prev.length <= 30 && !/[,,。:;;、]|通知|印发|号$|日$|办公室$|政府$/.test(prev) && !matchNumbering(prev)) {
          t = prev + t;
          at = p;
        }
        break;
      }
      title = t;
      titleLine = at;
    }

    if (depth !== undefined || numbering || attachment) {
      const rank = numbering ? numbering.rank : attachment ? -8 : depth! - 10;
      const textStart = numbering ? numbering.textStart : contentStart;
      const node: OutlineNode = {
        path: '',
        marker: numbering ? numbering.marker : attachment ? `附件${attachment[1]}` : '',
        rank,
        title: nodeTitle(lineText, textStart, depth !== undefined, facts.boldStarts.get(line), firstClauseAt(found)),
        range: index.range(lineStart + (numbering ? numbering.start : contentStart), index.lineEnd(line)),
        ownStart: lineStart,
        ownEnd: text.length,
        end: text.length,
        lastLine: line,
        heading: depth !== undefined,
        sectionKind: 'other',
        children: [],
      };
      while (stack.length > 0 && stack[stack.length - 1].rank >= rank) {
        stack.pop()!.end = lineStart;
      }
      const parent = stack[stack.length - 1];
      if (allNodes.length > 0) allNodes[allNodes.length - 1].ownEnd = lineStart;
      node.parent = parent;
      const parentPath = parent ? parent.path : '';
      node.path = numbering ? (parentPath ? `${parentPath}.${numbering.marker}` : numbering.marker) : attachment ? node.marker : parentPath;
      const own = attachment ? 'other' : rank <= 1 ? classifySection(node.title) : null;
      node.sectionKind = own ?? parent?.sectionKind ?? 'other';
      (parent ? parent.children : outline).push(node);
      stack.push(node);
      allNodes.push(node);
      content.set(node, { clauses: [], targets: [] });
    }
    const holder = stack.length > 0 ? content.get(stack[stack.length - 1])! : docLevel;

    for (const p of found.problems) problems.push(p);
    for (const c of found.clauses) {
      clauses.push(c);
      holder.clauses.push(c);
    }
    for (const d of found.departmentTags) departmentTags.push(d);
    const base = targets.length;
    for (const t of found.targets) holder.targets.push(targets.push(t) - 1);
    for (const t of found.indicatorTags) indicatorTags.push(t.target === null ? t : { ...t, target: base + t.target });
    for (const m of found.mentions) indicatorMentions.push(m);
  }
  lineCache?.end();
  for (const node of stack) node.end = text.length;
  for (const node of allNodes) node.lastLine = Math.max(node.range.start.line, index.position(trimEnd(text, node.end)).line);

  // Table rows: tasks and targets of their own.
  for (const t of tableRead.targets) targets.push(t);
  for (const c of tableRead.clauses) clauses.push(c);
  for (const p of tableRead.problems) problems.push(p);
  for (const t of tableRead.indicatorTags) indicatorTags.push(t);
  for (const t of tableRead.departmentTags) departmentTags.push(t);
  for (const m of tableRead.mentions) indicatorMentions.push(m);

  const tasks = deriveTasks(outline, content, text, index);
  const tableBase = targets.length - tableRead.targets.length;
  for (const tt of tableRead.tasks) {
    const label = labelFor(tt.line, allNodes);
    tasks.push({ ...tt.task, path: `${label}.${tt.serial}`, targets: tt.targets.map((i) => tableBase + i) });
  }
  tasks.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);

  return {
    uri: options.uri,
    text,
    title,
    titleRange: index.range(index.lineStarts[titleLine], index.lineEnd(titleLine)),
    frontMatter,
    outline,
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

/** A table's rows are numbered under the nearest `附件N` line or outline node above it. */
function labelFor(line: number, nodes: OutlineNode[]): string {
  let node: OutlineNode | null = null;
  for (const n of nodes) {
    if (n.range.start.line > line) break;
    if (n.marker !== '' || n.path !== '') node = n;
  }
  if (!node) return '表';
  return node.marker.startsWith('附件') ? node.marker : node.path;
}

/** Where the line's first responsibility clause starts (a title stops there), or -1. */
function firstClauseAt(found: LineFindings): number {
  const c = found.clauses.find((x) => x.form !== 'tags');
  return c ? c.range.start.character : -1;
}

function nodeTitle(lineText: string, textStart: number, heading: boolean, bold: string | undefined, clauseAt: number): string {
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

/**
 * A task is a numbered item in a task section with no numbered children, or any numbered item
 * that carries a responsibility clause. Items below a task are its sub-points, not tasks, unless
 * they carry a clause of their own.
 */
function deriveTasks(outline: OutlineNode[], content: Map<OutlineNode, NodeContent>, text: string, index: LineIndex): Task[] {
  const tasks: Task[] = [];
  const visit = (node: OutlineNode, insideTask: boolean) => {
    const c = content.get(node)!;
    const numbered = node.marker !== '' && !node.marker.startsWith('附件');
    const numberedChildren = node.children.some((ch) => ch.marker !== '' && !ch.marker.startsWith('附件'));
    let isTask = false;
    if (numbered) {
      if (c.clauses.length > 0) isTask = true;
      else if (!insideTask && node.sectionKind === 'task' && node.rank > 1 && (!numberedChildren || (node.rank >= 3 && !subtreeHasClause(node, content)))) {
        // `3.提升污水处理能力` with sub-points (1)(2) and no clauses below is one task, not three
        isTask = true;
      }
    }
    if (isTask) {
      const units = mergeUnitsOf(c.clauses);
      const vague = c.clauses.flatMap((cl) => cl.vague);
      tasks.push({
        path: node.path,
        title: node.title,
        range: node.range,
        fullRange: index.range(index.offset(node.range.start), trimEnd(text, node.ownEnd)),
        source: 'outline',
        clauses: c.clauses,
        units,
        vague,
        noUnit: units.length === 0 && vague.length === 0,
        targets: c.targets,
      });
    }
    for (const child of node.children) visit(child, insideTask || isTask);
  };
  for (const node of outline) visit(node, false);
  return tasks;
}

function subtreeHasClause(node: OutlineNode, content: Map<OutlineNode, NodeContent>): boolean {
  return node.children.some((c) => content.get(c)!.clauses.length > 0 || subtreeHasClause(c, content));
}

function trimEnd(text: string, end: number): number {
  while (end > 0 && /\s/.test(text[end - 1])) end--;
  return end;
}

function readFrontMatter(text: string, facts: MarkdownFacts, index: LineIndex): FrontMatter | null {
  const fm = facts.frontMatter;
  if (!fm) return null;
  const range = index.range(fm.start, fm.end);
  const doc = parseDocument(fm.value, { prettyErrors: false });
  // the YAML body starts on the line after the opening `---`
  const bodyStart = text.indexOf('\n', fm.start) + 1;
  if (doc.errors.length > 0) {
    const err = doc.errors[0];
    const at = bodyStart + (err.pos?.[0] ?? 0);
    return { data: null, range, keyRanges: {}, error: { message: err.message.split('\n')[0], range: index.range(at, Math.min(index.lineEnd(index.position(at).line), fm.end)) } };
  }
  const data = doc.toJS();
  const keyRanges: Record<string, Range> = {};
  const eco = doc.get('ecoplan', true);
  if (isMap(eco)) {
    for (const item of eco.items) {
      const key = isScalar(item.key) ? String(item.key.value) : null;
      const node = (item.value ?? item.key) as { range?: [number, number, number] } | null;
      const keyNode = item.key as { range?: [number, number, number] } | null;
      const r = node?.range ?? keyNode?.range;
      if (key && r) keyRanges[key] = index.range(bodyStart + r[0], bodyStart + r[1]);
    }
  } else if (eco && (eco as { range?: [number, number] }).range) {
    const r = (eco as { range: [number, number] }).range;
    keyRanges[''] = index.range(bodyStart + r[0], bodyStart + r[1]);
  }
  return { data: data && typeof data === 'object' && !Array.isArray(data) ? data : null, range, keyRanges };
}

const DIRECTIVE = /<!--\s*ecoplan-(disable-next-line|disable-line|disable|enable)\b([^>]*?)-->/g;

function readDirectives(text: string, facts: MarkdownFacts, index: LineIndex, markdown: boolean): RuleDirective[] {
  const out: RuleDirective[] = [];
  const sources = markdown ? facts.htmlComments.map((c) => ({ value: text.slice(c.start, c.end), start: c.start })) : [{ value: text, start: 0 }];
  for (const s of sources) {
    if (!s.value.includes('ecoplan-')) continue;
    DIRECTIVE.lastIndex = 0;
    for (let m = DIRECTIVE.exec(s.value); m; m = DIRECTIVE.exec(s.value)) {
      const codes = m[2].split(/[\s,,]+/).filter((c) => c.length > 0);
      out.push({ kind: m[1] as RuleDirective['kind'], codes, line: index.position(s.start + m.index).line });
    }
  }
  return out;
}
