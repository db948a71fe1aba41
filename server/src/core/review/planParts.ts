import reviewPartsData from '../../../../data/vocab/reviewParts.yaml';
import type { OutlineNode, PlanModel } from '../model/types';
import { delimitedTables, type DelimitedTable } from '../recognise/delimitedTable';
import { foldWidth } from '../text/fold';
import type { RequiredPart, RequiredPartKind } from './types';

/**
 * What a reviewer checks of a plan's structure (data/vocab/reviewParts.yaml): whether it is a 规划
 * or an 实施方案 (its title), which of the required parts it has, what its 重点工程 table states,
 * which of the six domains its tasks cover, and whether it says who approves it. Shared by the
 * review (core/review/planReview.ts) and the rule missing-required-part.
 */

interface ReviewPartsVocab {
  parts: Record<RequiredPartKind, string[]>;
  required: Record<DocumentKind, RequiredPartKind[]>;
  kinds: Record<DocumentKind, string[]>;
  subjects: string[];
  projectColumns: Record<'investment' | 'unit' | 'period', string[]>;
  domains: Record<string, string[]>;
  approval: { bodies: string[]; verbs: string[]; within: number };
}

export const REVIEW_PARTS = reviewPartsData as ReviewPartsVocab;

export type DocumentKind = 'plan' | 'scheme';

/** The parts in the order of the official review points. */
export const PART_ORDER: RequiredPartKind[] = ['status', 'targets', 'tasks', 'projects', 'safeguards', 'steps'];

export const PART_NAMES: Record<RequiredPartKind, { zh: string; en: string }> = {
  status: { zh: '现状与问题', en: 'current state and problems' },
  targets: { zh: '目标与指标体系', en: 'targets and indicators' },
  tasks: { zh: '主要任务', en: 'main tasks' },
  projects: { zh: '重点工程', en: 'key projects' },
  safeguards: { zh: '保障措施', en: 'safeguards' },
  steps: { zh: '实施步骤', en: 'implementation steps' },
};

const holdsAny = (text: string, words: readonly string[]) => words.some((w) => text.includes(w));

/** 规划 or 实施方案 from the title (a title with 方案 is a scheme even when it says 规划); null: neither. */
export function documentKind(title: string | null): DocumentKind | null {
  if (!title) return null;
  const t = foldWidth(title);
  if (holdsAny(t, REVIEW_PARTS.kinds.scheme)) return 'scheme';
  if (holdsAny(t, REVIEW_PARTS.kinds.plan)) return 'plan';
  return null;
}

/** The outline's chapters (一、 / 第一章, or the first level of a plan without them). */
function chaptersOf(model: PlanModel): OutlineNode[] {
  const out: OutlineNode[] = [];
  const titleLine = model.title !== null ? model.titleRange.start.line : -1;
  const walk = (nodes: OutlineNode[]) => {
    for (const n of nodes) {
      // the title's own heading (`# …规划`) holds the chapters
      if (n.chapter && n.range.start.line !== titleLine) out.push(n);
      else walk(n.children);
    }
  };
  walk(model.outline);
  return out.length > 0 ? out : model.outline;
}

/**
 * A whole plan, as a reviewer receives it: a title naming an ecological-civilization 规划 or 方案,
 * and at least four chapters (a whole plan has its 目标, 任务, 保障 and more; a PDF page copied with
 * its title has three at most). An excerpt (a chapter pasted alone, a page without its title), or a
 * plan of another subject, is never held to the parts a whole plan must have.
 */
const WHOLE_PLAN_CHAPTERS = 4;

export function wholePlanKind(model: PlanModel): DocumentKind | null {
  const kind = documentKind(model.title);
  return kind && holdsAny(foldWidth(model.title!), REVIEW_PARTS.subjects) && chaptersOf(model).length >= WHOLE_PLAN_CHAPTERS ? kind : null;
}

export function requiredPartsOf(kind: DocumentKind): RequiredPartKind[] {
  return REVIEW_PARTS.required[kind];
}

const partsOfTitle = (title: string, chapter: boolean): RequiredPartKind[] =>
  PART_ORDER.filter((kind) => (chapter || kind !== 'status') && holdsAny(foldWidth(title), REVIEW_PARTS.parts[kind]));

/** The columns a 重点工程 table (its header) or list (its text) states. */
function columnsOf(header: string[] | null, text: string): NonNullable<RequiredPart['columns']> {
  const has = (k: keyof ReviewPartsVocab['projectColumns']) =>
    header ? header.some((h) => holdsAny(foldWidth(h), REVIEW_PARTS.projectColumns[k])) : holdsAny(text, REVIEW_PARTS.projectColumns[k]);
  if (header) return { investment: has('investment'), unit: has('unit'), period: has('period') };
  // a list of projects: money in 万元/亿元, a responsibility clause, a year span
  return {
    investment: has('investment') || /[万亿]元/.test(text),
    unit: has('unit') || /牵头|负责/.test(text),
    period: has('period') || /(?:19|20)\d{2}\s*(?:年)?\s*[-—–~至]\s*(?:19|20)?\d{2}/.test(text),
  };
}

/** The delimited table that lists projects: in the part's own text, else anywhere, a header naming 项目/工程 and money. */
function projectTable(tables: DelimitedTable[], from: number, to: number): DelimitedTable | null {
  const isProjectTable = (t: DelimitedTable) => t.header.cells.some((c) => /项目|工程/.test(c.text)) && t.header.cells.some((c) => holdsAny(c.text, REVIEW_PARTS.projectColumns.investment));
  return tables.find((t) => t.header.cells[0].start >= from && t.header.cells[0].start < to && isProjectTable(t)) ?? tables.find(isProjectTable) ?? null;
}

/**
 * Each of the six parts, present or not, with the heading that holds it. The tasks are present when
 * the plan has tasks; a project table anywhere (an attachment) also makes the projects present.
 */
export function findParts(model: PlanModel): RequiredPart[] {
  const found = new Map<RequiredPartKind, { node: OutlineNode }>();
  const chapters = chaptersOf(model);
  for (const c of chapters) for (const kind of partsOfTitle(c.title, true)) if (!found.has(kind)) found.set(kind, { node: c });
  for (const c of chapters)
    for (const child of c.children) for (const kind of partsOfTitle(child.title, false)) if (!found.has(kind)) found.set(kind, { node: child });
  const lineStarts = [0];
  for (let i = model.text.indexOf('\n'); i >= 0; i = model.text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const tables = delimitedTables(model.text);
  return PART_ORDER.map((kind): RequiredPart => {
    const at = found.get(kind);
    if (kind === 'tasks' && !at && model.tasks.length > 0) return { kind, present: true, line: model.tasks[0].range.start.line + 1 };
    if (kind === 'projects') {
      const from = at ? lineStarts[at.node.range.start.line] : 0;
      const to = at ? at.node.end : 0;
      const table = projectTable(tables, from, to);
      if (!at && !table) return { kind, present: false };
      const text = at ? foldWidth(model.text.slice(at.node.ownStart, at.node.end)) : '';
      return {
        kind,
        present: true,
        ...(at ? { title: at.node.title, line: at.node.range.start.line + 1 } : { title: table!.header.cells.map((c) => c.text).join(' | '), line: table!.header.line + 1 }),
        columns: columnsOf(table ? table.header.cells.map((c) => c.text) : null, text),
      };
    }
    return at ? { kind, present: true, title: at.node.title, line: at.node.range.start.line + 1 } : { kind, present: false };
  });
}

/** The six domains the tasks cover: a heading above a task, or the task's title, holds one of the domain's words. */
export function domainsCovered(model: PlanModel): { covered: string[]; missing: string[] } {
  const texts: string[] = [];
  const walk = (nodes: OutlineNode[], above: string) => {
    for (const n of nodes) {
      const here = `${above} ${n.title}`;
      if (n.sectionKind === 'task') texts.push(here);
      walk(n.children, here);
    }
  };
  walk(model.outline, '');
  for (const t of model.tasks) texts.push(t.title);
  const all = foldWidth(texts.join('\n'));
  const covered: string[] = [];
  const missing: string[] = [];
  for (const [domain, words] of Object.entries(REVIEW_PARTS.domains)) (holdsAny(all, words) ? covered : missing).push(domain);
  return { covered, missing };
}

const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alternation = (list: string[]) => [...list].sort((a, b) => b.length - a.length).map(escape).join('|');
const { bodies, verbs, within } = REVIEW_PARTS.approval;
const APPROVAL = new RegExp(`(${alternation(bodies)})[^。;;\\n]{0,${within}}?(${alternation(verbs)})|(${alternation(verbs)})[^。;;\\n]{0,${within}}?(${alternation(bodies)})`);
// a party committee's standing committee (县委常委会) is no approval body
const PARTY_BEFORE = /[省市县区旗]委$/;

/** Whether the plan states who approves it (人大/常委会/本级人民政府 审议/批准), with the words and the 1-based line. */
export function approvalStatement(model: PlanModel): { stated: boolean; body?: string; line?: number } {
  const lines = model.text.split('\n');
  for (let l = 0; l < lines.length; l++) {
    const line = foldWidth(lines[l]);
    const m = APPROVAL.exec(line);
    if (!m) continue;
    const body = m[1] ?? m[4];
    const at = m[1] ? m.index : line.indexOf(body, m.index);
    if (PARTY_BEFORE.test(line.slice(Math.max(0, at - 2), at))) continue;
    return { stated: true, body: m[0], line: l + 1 };
  }
  return { stated: false };
}
