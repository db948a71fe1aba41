import type { PlanAnalysis } from '../analysis';
import { indicatorsById } from '../catalogue/lookup';
import { indicatorAttention, requiredIndicators } from '../coverage';
import { formatTarget } from '../format/target';
import type { Locale } from '../locale';
import type { IndicatorTarget, Range, ResponsibleUnit, Task } from '../model/types';
import { departmentKey, compare } from '../query';
import { compareTargets } from './compareTargets';
import { matchTasks, parentPath } from './matchTasks';
import {
  CHANGE_ORDER,
  type CoverageChange,
  type CoverageSide,
  type CoverageStatus,
  type DraftChange,
  type DraftSummary,
  type PlanDiff,
  type TargetChange,
  type TargetRef,
  type TaskChange,
  type TaskRef,
  type UnitChange,
} from './types';

/**
 * What changed from one draft of a plan to the next: tasks (matched by what they say, not their
 * numbers: matchTasks.ts), their responsible units, the targets per catalogue indicator
 * (compareTargets.ts, in the indicator's direction) and the binding indicators' coverage. Each
 * change carries where it is in the old and the new text.
 */
export function diffPlans(before: PlanAnalysis, after: PlanAnalysis, lang: Locale): PlanDiff {
  const say = (zh: string, en: string) => (lang === 'en' ? en : zh);
  const changes: DraftChange[] = [];
  const oldTasks = before.model.tasks;
  const newTasks = after.model.tasks;
  const ref = (t: Task): TaskRef => ({ path: t.path, title: t.title, range: t.range });
  const matching = matchTasks(before.model, after.model);
  const titleOf = (a: PlanAnalysis, path: string) => findTitle(a, path);

  for (const i of matching.removed) {
    const t = oldTasks[i];
    changes.push({ kind: 'task-removed', message: say(`删除任务 ${t.path} ${t.title}`, `Task removed: ${t.path} ${t.title}`), old: ref(t), oldRange: t.range } satisfies TaskChange);
  }
  for (const j of matching.added) {
    const t = newTasks[j];
    changes.push({ kind: 'task-added', message: say(`新增任务 ${t.path} ${t.title}`, `Task added: ${t.path} ${t.title}`), new: ref(t), newRange: t.range } satisfies TaskChange);
  }
  for (const p of matching.pairs) {
    const o = oldTasks[p.old];
    const n = newTasks[p.new];
    const both = { old: ref(o), new: ref(n), oldRange: o.range, newRange: n.range };
    if (p.retitled) changes.push({ kind: 'task-retitled', message: say(`${n.path} 任务标题改动:${o.title} → ${n.title}`, `${n.path} task retitled: ${o.title} → ${n.title}`), ...both } satisfies TaskChange);
    if (p.moved) {
      const parents = { old: chapter(parentPath(o.path), titleOf(before, parentPath(o.path))), new: chapter(parentPath(n.path), titleOf(after, parentPath(n.path))) };
      const where = parents.old === parents.new ? say(`(${parents.new} 内调整顺序)`, ` (reordered within ${parents.new})`) : say(`(${parents.old} → ${parents.new})`, ` (${parents.old} → ${parents.new})`);
      changes.push({ kind: 'task-moved', message: say(`任务位置调整:${o.path} → ${n.path} ${n.title}${where}`, `Task moved: ${o.path} → ${n.path} ${n.title}${where}`), parents, ...both } satisfies TaskChange);
    }
    changes.push(...unitChanges(before, after, o, n, say));
  }

  changes.push(...targetChanges(before, after, lang, say));
  const coverage = coverageChanges(before, after, say);
  changes.push(...coverage.changes);

  const rank = new Map(CHANGE_ORDER.map((k, i) => [k, i]));
  const at = (c: DraftChange): Range => c.newRange ?? c.oldRange ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  // within a kind: in the new draft's order, what only the old draft has after it (by its own place)
  changes.sort((x, y) => rank.get(x.kind)! - rank.get(y.kind)! || Number(!x.newRange) - Number(!y.newRange) || compare(at(x).start, at(y).start));
  const summary: PlanDiff['summary'] = {};
  for (const k of CHANGE_ORDER) {
    const n = changes.filter((c) => c.kind === k).length;
    if (n) summary[k] = n;
  }
  return { version: 1, lang, old: summaryOf(before), new: summaryOf(after), changes, coverage: { old: coverage.old, new: coverage.new }, summary };
}

function summaryOf(a: PlanAnalysis): DraftSummary {
  return { title: a.model.title, level: a.settings.level, catalogue: a.edition.id, tasks: a.model.tasks.length, targets: a.model.targets.filter(firm).length };
}

function findTitle(a: PlanAnalysis, path: string): string {
  const stack = [...a.model.outline];
  while (stack.length) {
    const n = stack.shift()!;
    if (n.path === path) return n.title;
    stack.push(...n.children);
  }
  return '';
}

function chapter(path: string, title: string): string {
  return [path, title].filter(Boolean).join(' ');
}

type Say = (zh: string, en: string) => string;

function unitChanges(before: PlanAnalysis, after: PlanAnalysis, o: Task, n: Task, say: Say): UnitChange[] {
  const out: UnitChange[] = [];
  const keyOld = (u: ResponsibleUnit) => departmentKey(u.name, before.directory);
  const keyNew = (u: ResponsibleUnit) => departmentKey(u.name, after.directory);
  const both = { old: { path: o.path, title: o.title, range: o.range }, new: { path: n.path, title: n.title, range: n.range } };
  const leadsOld = o.units.filter((u) => u.role === 'lead');
  const leadsNew = n.units.filter((u) => u.role === 'lead');
  const oldLeadKeys = new Set(leadsOld.map(keyOld));
  const newLeadKeys = new Set(leadsNew.map(keyNew));
  const names = (us: ResponsibleUnit[]) => us.map((u) => u.name);
  const rangeOf = (us: ResponsibleUnit[], t: Task) => us[0]?.range ?? t.clauses[0]?.range ?? t.range;
  let inLeadChange = new Set<string>();
  const leadsDiffer = oldLeadKeys.size !== newLeadKeys.size || [...oldLeadKeys].some((k) => !newLeadKeys.has(k));
  if (leadsDiffer) {
    const from = names(leadsOld).join('、');
    const to = names(leadsNew).join('、');
    const kind = leadsNew.length === 0 ? 'lead-removed' : leadsOld.length === 0 ? 'lead-added' : 'lead-changed';
    const message =
      kind === 'lead-removed'
        ? say(`${n.path} 牵头单位:${from} → 删除`, `${n.path} lead unit: ${from} → removed`)
        : kind === 'lead-added'
          ? say(`${n.path} 牵头单位:(无) → ${to}`, `${n.path} lead unit: (none) → ${to}`)
          : say(`${n.path} 牵头单位:${from} → ${to}`, `${n.path} lead unit: ${from} → ${to}`);
    out.push({ kind, message, ...both, before: names(leadsOld), after: names(leadsNew), oldRange: rangeOf(leadsOld, o), newRange: rangeOf(leadsNew, n) });
    inLeadChange = new Set([...oldLeadKeys, ...newLeadKeys]);
  }
  const oldKeys = new Set(o.units.map(keyOld));
  const newKeys = new Set(n.units.map(keyNew));
  for (const u of o.units) {
    const k = keyOld(u);
    if (newKeys.has(k) || inLeadChange.has(k)) continue;
    out.push({ kind: 'unit-dropped', message: say(`${n.path} 删除责任单位:${u.name}`, `${n.path} responsible unit dropped: ${u.name}`), ...both, before: [u.name], after: [], oldRange: u.range, newRange: n.clauses[0]?.range ?? n.range });
  }
  for (const u of n.units) {
    const k = keyNew(u);
    if (oldKeys.has(k) || inLeadChange.has(k)) continue;
    out.push({ kind: 'unit-added', message: say(`${n.path} 新增责任单位:${u.name}`, `${n.path} responsible unit added: ${u.name}`), ...both, before: [], after: [u.name], oldRange: o.clauses[0]?.range ?? o.range, newRange: u.range });
  }
  return out;
}

/** A target the plan commits to: named in the catalogue, with a requirement, not an aspiration (力争). */
function firm(t: IndicatorTarget): boolean {
  return t.catalogueId !== null && !t.referenceOnly && t.tier !== 'aspirational';
}

/** Two statements are the same target when all of this is equal. */
function sameKey(t: IndicatorTarget): string {
  return [t.op, t.value, t.upper ?? '', t.unit ?? '', t.year ?? '', t.qualifier ?? '', t.scope ?? '', t.relative ?? '', t.op === 'qualitative' || t.op === 'trend' ? (t.text ?? t.surface) : ''].join('|');
}

function targetText(t: IndicatorTarget, lang: Locale): string {
  const year = t.year === null ? '' : lang === 'en' ? ` (${t.year})` : `(${t.year}年)`;
  return `${formatTarget(t)}${year}`;
}

function targetChanges(before: PlanAnalysis, after: PlanAnalysis, lang: Locale, say: Say): TargetChange[] {
  const byIndicator = (a: PlanAnalysis) => {
    const m = new Map<string, number[]>();
    a.model.targets.forEach((t, i) => {
      if (!firm(t)) return;
      const list = m.get(t.catalogueId!) ?? [];
      list.push(i);
      m.set(t.catalogueId!, list);
    });
    return m;
  };
  const taskOf = (a: PlanAnalysis) => {
    const m = new Map<number, string>();
    for (const t of a.model.tasks) for (const i of t.targets) if (!m.has(i)) m.set(i, t.path);
    return m;
  };
  const oldTasks = taskOf(before);
  const newTasks = taskOf(after);
  const toRef = (t: IndicatorTarget, task: string | undefined): TargetRef => ({
    op: t.op,
    value: t.value,
    ...(t.upper !== undefined ? { upper: t.upper } : {}),
    unit: t.unit,
    year: t.year,
    surface: t.surface,
    text: formatTarget(t),
    range: t.range,
    ...(task ? { task } : {}),
  });
  const oldBy = byIndicator(before);
  const newBy = byIndicator(after);
  const ids = [...new Set([...newBy.keys(), ...oldBy.keys()])];
  const out: TargetChange[] = [];
  for (const id of ids) {
    const ind = indicatorsById(after.edition).get(id) ?? indicatorsById(before.edition).get(id) ?? null;
    const name = ind?.name ?? (after.model.targets[newBy.get(id)?.[0] ?? -1] ?? before.model.targets[oldBy.get(id)![0]]).indicator;
    // the same statement on both sides is no change, wherever it moved; what is left is paired by
    // year and place, then by place, then in order (each pass over buckets: linear in the statements)
    const place = (t: IndicatorTarget) => `${t.qualifier ?? ''}|${t.scope ?? ''}|${t.relative ?? ''}`;
    let left = oldBy.get(id) ?? [];
    let right = newBy.get(id) ?? [];
    const pairs: [number, number][] = [];
    const passes: [(t: IndicatorTarget) => string, boolean][] = [
      [sameKey, false],
      [(t) => `${place(t)}|${t.year ?? ''}`, true],
      [place, true],
    ];
    for (const [key, paired] of passes) {
      const waiting = new Map<string, number[]>();
      for (const j of right) {
        const k = key(after.model.targets[j]);
        const list = waiting.get(k);
        if (list) list.push(j);
        else waiting.set(k, [j]);
      }
      const taken = new Set<number>();
      const stay: number[] = [];
      for (const i of left) {
        const j = waiting.get(key(before.model.targets[i]))?.shift();
        if (j === undefined) stay.push(i);
        else {
          taken.add(j);
          if (paired) pairs.push([i, j]);
        }
      }
      left = stay;
      right = right.filter((j) => !taken.has(j));
    }
    for (const [i, j] of pairs) {
      const o = before.model.targets[i];
      const n = after.model.targets[j];
      const { verdict, aspects } = compareTargets(o, n, ind);
      if (verdict === 'same') continue;
      const kind = verdict === 'weaker' ? 'target-weakened' : verdict === 'stronger' ? 'target-strengthened' : 'target-changed';
      const words = kind === 'target-weakened' ? say('目标较上一稿降低', 'target weaker than the previous draft') : kind === 'target-strengthened' ? say('目标较上一稿提高', 'target stronger than the previous draft') : say('目标改动', 'target changed');
      const where = newTasks.get(j) ? `${newTasks.get(j)} ` : '';
      out.push({
        kind,
        message: say(`${where}${name} ${words}:${targetText(o, 'zh')} → ${targetText(n, 'zh')}`, `${where}${name}: ${words}: ${targetText(o, 'en')} → ${targetText(n, 'en')}`),
        catalogueId: id,
        indicator: name,
        old: toRef(o, oldTasks.get(i)),
        new: toRef(n, newTasks.get(j)),
        aspects,
        oldRange: o.range,
        newRange: n.range,
      });
    }
    for (const i of left) {
      const o = before.model.targets[i];
      out.push({ kind: 'target-removed', message: say(`删除目标:${name} ${targetText(o, lang)}`, `Target removed: ${name} ${targetText(o, lang)}`), catalogueId: id, indicator: name, old: toRef(o, oldTasks.get(i)), oldRange: o.range });
    }
    for (const j of right) {
      const n = after.model.targets[j];
      const where = newTasks.get(j) ? `${newTasks.get(j)} ` : '';
      out.push({ kind: 'target-added', message: say(`${where}新增目标:${name} ${targetText(n, lang)}`, `${where}Target added: ${name} ${targetText(n, lang)}`), catalogueId: id, indicator: name, new: toRef(n, newTasks.get(j)), newRange: n.range });
    }
  }
  return out;
}

const STATUS_ZH: Record<CoverageStatus, string> = { covered: '已设目标', 'trend-only': '仅有趋势', missing: '缺失', 'not-binding': '不适用' };
const STATUS_EN: Record<CoverageStatus, string> = { covered: 'targeted', 'trend-only': 'trend only', missing: 'missing', 'not-binding': 'not binding' };
const STRENGTH: Record<CoverageStatus, number> = { covered: 2, 'trend-only': 1, missing: 0, 'not-binding': -1 };

/** Each binding indicator's status in one draft (by its edition and level), catalogue id → name and status. */
function coverageStatuses(a: PlanAnalysis): Map<string, { name: string; status: CoverageStatus }> {
  const input = { model: a.model, edition: a.edition, names: a.names, level: a.settings.level ?? '市' };
  const attention = indicatorAttention(input);
  const out = new Map<string, { name: string; status: CoverageStatus }>();
  for (const ind of requiredIndicators(input, true)) {
    out.set(ind.id, { name: ind.name, status: attention.isTargeted(ind) ? 'covered' : attention.isTrendOnly(ind) ? 'trend-only' : 'missing' });
  }
  return out;
}

function side(a: PlanAnalysis): CoverageSide {
  return { covered: a.coverage.covered, total: a.coverage.total, trendOnly: a.coverage.trendOnly, missing: a.coverage.missing };
}

function coverageChanges(before: PlanAnalysis, after: PlanAnalysis, say: Say): { old: CoverageSide; new: CoverageSide; changes: CoverageChange[] } {
  const was = coverageStatuses(before);
  const now = coverageStatuses(after);
  const changes: CoverageChange[] = [];
  const firstTarget = (a: PlanAnalysis, id: string): Range | undefined => (a.model.targets.find((t) => t.catalogueId === id && !t.referenceOnly) ?? a.model.indicatorMentions.find((m) => m.catalogueId === id))?.range;
  for (const id of new Set([...was.keys(), ...now.keys()])) {
    const b = was.get(id)?.status ?? 'not-binding';
    const n = now.get(id)?.status ?? 'not-binding';
    // an indicator that binds only one of the drafts (another level or edition) is said by the drafts' summaries
    if (b === n || b === 'not-binding' || n === 'not-binding') continue;
    const name = now.get(id)?.name ?? was.get(id)!.name;
    const kind = STRENGTH[n] < STRENGTH[b] ? 'coverage-lost' : 'coverage-gained';
    const oldRange = firstTarget(before, id);
    const newRange = firstTarget(after, id);
    changes.push({
      kind,
      message: say(`约束性指标 ${name}:${STATUS_ZH[b]} → ${STATUS_ZH[n]}`, `Binding indicator ${name}: ${STATUS_EN[b]} → ${STATUS_EN[n]}`),
      catalogueId: id,
      indicator: name,
      before: b,
      after: n,
      ...(oldRange ? { oldRange } : {}),
      ...(newRange ? { newRange } : {}),
    });
  }
  return { old: side(before), new: side(after), changes };
}
