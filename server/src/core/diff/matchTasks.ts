import { distance } from 'fastest-levenshtein';
import type { OutlineNode, PlanModel, Task } from '../model/types';
import { LineIndex } from '../text/lineIndex';

/**
 * Which task of one draft is which task of the next. A task is known by what it says, not by its
 * number: inserting a task renumbers every task after it, and that alone is no change. Pairs are
 * made from the surest evidence down — the same title, the same body, then the most similar
 * bodies and titles — each task in at most one pair.
 */
export interface TaskPair {
  old: number;
  new: number;
  retitled: boolean;
  /** In another chapter than the one its old chapter became, or out of order among the tasks that stayed in its chapter. */
  moved: boolean;
}

export interface TaskMatching {
  /** In the new draft's order. */
  pairs: TaskPair[];
  /** Indexes of old tasks with no counterpart. */
  removed: number[];
  /** Indexes of new tasks with no counterpart. */
  added: number[];
}

/** A task as matching sees it: its title, its words besides title and responsibility clause, its chapter (the node above it) and that chapter's title. */
interface TaskKey {
  title: string;
  body: string;
  parent: string;
  parentTitle: string;
}

/** Bodies are compared on their first characters: past that a task is already told apart, and the cost stays linear in the plan. */
const BODY_CHARS = 400;
/** The least similarity of two bodies for a pair on the body alone. */
const BODY_SAME = 0.55;
/** A title this similar makes a pair with a body at least TITLE_BODY similar. */
const TITLE_SAME = 0.7;
const TITLE_BODY = 0.3;
/** How many unmatched tasks either side of its place a task is compared with (a plan has ~20–200 tasks: all of them). */
const NEAR = 150;
/** The most candidates kept per task. */
const BEST = 16;

/** Letters and digits only: punctuation, spaces, Markdown and full- or half-width forms do not tell tasks apart. */
function normalise(s: string): string {
  return s.replace(/[\s\p{P}\p{S}]+/gu, '').normalize('NFKC');
}

export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const longest = Math.max(a.length, b.length);
  if (longest === 0) return 1;
  // the distance is at least the difference in length
  if (Math.min(a.length, b.length) / longest < 0.3) return 0;
  return 1 - distance(a, b) / longest;
}

/** Each outline node by the line that opens it. */
function nodesByLine(model: PlanModel): Map<number, OutlineNode> {
  const nodes = new Map<number, OutlineNode>();
  const walk = (list: OutlineNode[]) => {
    for (const n of list) {
      nodes.set(n.range.start.line, n);
      walk(n.children);
    }
  };
  walk(model.outline);
  return nodes;
}

/** The path of a task's chapter: its path without the last part (`三.(二).4` → `三.(二)`). */
export function parentPath(path: string): string {
  const at = path.lastIndexOf('.');
  return at < 0 ? '' : path.slice(0, at);
}

function taskKeys(model: PlanModel): TaskKey[] {
  const index = new LineIndex(model.text);
  const nodes = nodesByLine(model);
  return model.tasks.map((t: Task) => {
    let text = model.text.slice(index.offset(t.fullRange.start), index.offset(t.fullRange.end));
    for (const c of t.clauses) text = text.replace(c.text, '');
    const at = t.title ? text.indexOf(t.title) : -1;
    const body = at >= 0 ? text.slice(at + t.title.length) : text;
    // the chapter is the node above the task's own (two chapters may share a path: numbering restarted)
    const above = nodes.get(t.range.start.line)?.parent;
    const parent = above ? `${above.path}@${above.range.start.line}` : parentPath(t.path);
    return { title: normalise(t.title), body: normalise(body).slice(0, BODY_CHARS), parent, parentTitle: normalise(above?.title ?? '') };
  });
}

export function matchTasks(oldModel: PlanModel, newModel: PlanModel): TaskMatching {
  const a = taskKeys(oldModel);
  const b = taskKeys(newModel);
  const oldTaken = new Int32Array(a.length).fill(-1);
  const newTaken = new Int32Array(b.length).fill(-1);
  const pair = (i: number, j: number) => {
    oldTaken[i] = j;
    newTaken[j] = i;
  };
  // 1. the same words: chapter, title and body all (tasks written alike in one chapter are paired in
  // order when each side has as many), then a title, then a body, once on each side
  const words = { whole: (k: TaskKey) => `${k.parentTitle}|${k.title}|${k.body}`, title: (k: TaskKey) => k.title, body: (k: TaskKey) => k.body };
  for (const field of ['whole', 'title', 'body'] as const) {
    const group = (keys: TaskKey[], taken: Int32Array) => {
      const seen = new Map<string, number[]>();
      keys.forEach((k, i) => {
        const w = words[field](k);
        if (taken[i] >= 0 || w.length < 2) return;
        const list = seen.get(w);
        if (list) list.push(i);
        else seen.set(w, [i]);
      });
      return seen;
    };
    const left = group(a, oldTaken);
    const right = group(b, newTaken);
    for (const [w, is] of left) {
      const js = right.get(w);
      if (!js || js.length !== is.length || (is.length > 1 && field !== 'whole')) continue;
      is.forEach((i, k) => pair(i, js[k]));
    }
  }
  // 2. the most similar of what is left, best first; each left task against the left tasks near its
  // place in the other draft, so that two unrelated plans of thousands of tasks stay linear
  const leftOld = [...a.keys()].filter((i) => oldTaken[i] < 0);
  const leftNew = [...b.keys()].filter((j) => newTaken[j] < 0);
  const candidates: { i: number; j: number; score: number }[] = [];
  const place = (c: { i: number; j: number }) => Math.abs(c.i / Math.max(1, a.length) - c.j / Math.max(1, b.length));
  const better = (x: { i: number; j: number; score: number }, y: { i: number; j: number; score: number }) => y.score - x.score || place(x) - place(y) || x.j - y.j || x.i - y.i;
  for (const [k, i] of leftOld.entries()) {
    const near = Math.round((k * leftNew.length) / Math.max(1, leftOld.length));
    const mine: typeof candidates = [];
    for (const j of leftNew.slice(Math.max(0, near - NEAR), near + NEAR)) {
      const body = a[i].body.length > 0 || b[j].body.length > 0 ? similarity(a[i].body, b[j].body) : 0;
      const title = similarity(a[i].title, b[j].title);
      const sameTitle = a[i].title.length > 0 && a[i].title === b[j].title;
      // a task that stays in its chapter is the likelier of two equally similar ones
      const sameChapter = a[i].parentTitle.length > 0 && a[i].parentTitle === b[j].parentTitle ? 0.5 : 0;
      if (body >= BODY_SAME || (title >= TITLE_SAME && body >= TITLE_BODY) || sameTitle) mine.push({ i, j, score: body + title + sameChapter + (sameTitle && sameChapter ? 1 : 0) });
    }
    // a task's best few are enough: tasks written alike by the hundred (a generated plan) would otherwise make the sort quadratic
    candidates.push(...mine.sort(better).slice(0, BEST));
  }
  // best first; between equals, the nearer in place
  candidates.sort(better);
  for (const c of candidates) if (oldTaken[c.i] < 0 && newTaken[c.j] < 0) pair(c.i, c.j);

  const pairs: TaskPair[] = [];
  for (let j = 0; j < b.length; j++) if (newTaken[j] >= 0) pairs.push({ old: newTaken[j], new: j, retitled: a[newTaken[j]].title !== b[j].title, moved: false });
  markMoves(pairs, a, b);
  const removed: number[] = [];
  for (let i = 0; i < a.length; i++) if (oldTaken[i] < 0) removed.push(i);
  const added: number[] = [];
  for (let j = 0; j < b.length; j++) if (newTaken[j] < 0) added.push(j);
  return { pairs, removed, added };
}

/**
 * A chapter of the old draft becomes the new chapter of the same title, else the one most of its
 * tasks went to (a renumbered or retitled chapter). A task is moved when it went elsewhere, or when
 * it is out of order among its chapter's tasks that stayed (the longest run in order stays put).
 */
function markMoves(pairs: TaskPair[], a: TaskKey[], b: TaskKey[]) {
  const newByTitle = new Map<string, string>();
  for (const k of b) if (k.parentTitle && !newByTitle.has(k.parentTitle)) newByTitle.set(k.parentTitle, k.parent);
  const votes = new Map<string, Map<string, number>>();
  for (const p of pairs) {
    const from = a[p.old].parent;
    const to = b[p.new].parent;
    let v = votes.get(from);
    if (!v) votes.set(from, (v = new Map()));
    v.set(to, (v.get(to) ?? 0) + 1);
  }
  const image = new Map<string, string>();
  for (const [from, v] of votes) {
    const title = a.find((k) => k.parent === from)?.parentTitle ?? '';
    const byTitle = title ? newByTitle.get(title) : undefined;
    image.set(from, byTitle ?? [...v.entries()].sort((x, y) => y[1] - x[1])[0][0]);
  }
  const stayed = new Map<string, TaskPair[]>();
  for (const p of pairs) {
    const to = b[p.new].parent;
    if (image.get(a[p.old].parent) !== to) {
      p.moved = true;
      continue;
    }
    let list = stayed.get(to);
    if (!list) stayed.set(to, (list = []));
    list.push(p);
  }
  for (const list of stayed.values()) {
    // `list` is in new order; the old indexes' longest increasing run is what kept its order
    const keep = longestIncreasing(list.map((p) => p.old));
    list.forEach((p, k) => {
      if (!keep.has(k)) p.moved = true;
    });
  }
}

/** Positions of one longest strictly increasing subsequence (patience sorting, O(n log n)); ties keep the earliest. */
export function longestIncreasing(values: number[]): Set<number> {
  const tails: number[] = [];
  const prev = new Int32Array(values.length).fill(-1);
  for (let k = 0; k < values.length; k++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (values[tails[mid]] < values[k]) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[k] = tails[lo - 1];
    tails[lo] = k;
  }
  const keep = new Set<number>();
  for (let k = tails.length ? tails[tails.length - 1] : -1; k >= 0; k = prev[k]) keep.add(k);
  return keep;
}
