import type { PlanAnalysis } from '../analyse';
import { applicableThreshold, appliesTo, bindingOf, formatThreshold, isVerified } from '../catalogue/thresholds';
import { indicatorAttention, indicatorCoverage } from '../coverage';
import type { CatalogueIndicator } from '../catalogue/types';
import type { IndicatorTarget, Task } from '../model/types';
import { departmentKey, readText } from '../query';
import { countedUnitsOf } from '../departments/unitStanding';
import { formatTarget } from '../format/target';
import { LineIndex } from '../text/lineIndex';

/**
 * The attachments reviewers ask for (指标责任明细表, 任务责任分解表, 部门任务清单, 覆盖报告), derived
 * from the plan model and the catalogue, so they are always in step with the plan.
 */

/** `仅趋势`: the plan gives the indicator only a trend (op `trend`); `地方指标`: a row of the 地方指标 part. */
export type IndicatorStatus = '达标' | '低于国标' | '未覆盖' | '不适用' | '仅趋势' | '地方指标';

/** The domain of the rows for metrics the catalogue lacks, after the catalogue's domains. */
export const LOCAL_DOMAIN = '地方指标';

export interface IndicatorRow {
  domain: string;
  group: string;
  number: string;
  name: string;
  /** The sub-indicator's name where the catalogue splits the indicator (环境空气质量 → 优良天数比例). */
  part: string | null;
  unit: string;
  target: string;
  threshold: string;
  attribute: '约束性' | '参考性' | '';
  status: IndicatorStatus;
  lead: string[];
  support: string[];
  /** 1-based lines where the plan states the target. */
  lines: number[];
  verified: boolean;
  catalogueId: string;
}

export interface TaskRow {
  path: string;
  title: string;
  lead: string[];
  support: string[];
  vague: string[];
  deadline: string;
  indicators: string[];
  line: number;
}

export interface DepartmentRow {
  department: string;
  led: string[];
  supported: string[];
  indicators: string[];
}

export interface CoverageRow {
  domain: string;
  bindingCovered: number;
  bindingTotal: number;
  /** Binding indicators the plan addresses only with a trend (neither covered nor missing). */
  bindingTrendOnly: number;
  referenceCovered: number;
  referenceTotal: number;
  belowThreshold: number;
  tasksWithoutOwner: number;
}

export interface PlanTables {
  title: string;
  edition: string;
  level: string;
  indicators: IndicatorRow[];
  tasks: TaskRow[];
  departments: DepartmentRow[];
  coverage: CoverageRow[];
}

function leaves(ind: CatalogueIndicator): CatalogueIndicator[] {
  return ind.parts.length > 0 ? ind.parts : [ind];
}

const DEADLINE = /((?:19|20)\d\d年(?:\d{1,2}月)?(?:底|末)?(?:前)?)/;

/** `≥70%`, or for a row stated per terrain or city size, every value with its qualifier: `山区≥70%;丘陵区≥40%`. */
function targetText(chosen: IndicatorTarget, sameTask: IndicatorTarget[]): string {
  if (!chosen.qualifier) return formatTarget(chosen);
  return sameTask.filter((t) => t.qualifier).map((t) => `${t.qualifier}${formatTarget(t)}`).join(';');
}

/** The task's units that count as units: `jxj` or a bare `发改局` is nobody's name (rule unrecognised-responsible-unit). */
function countedUnits(t: Task, a: PlanAnalysis) {
  return countedUnitsOf(t, a.directory);
}

export function deriveTables(a: PlanAnalysis): PlanTables {
  const level = a.settings.level ?? '市';
  const taskOfTarget = new Map<IndicatorTarget, Task>();
  for (const t of a.model.tasks) for (const i of t.targets) taskOfTarget.set(a.model.targets[i], t);
  const below = new Set(a.diagnostics.filter((d) => d.code === 'target-below-threshold').map((d) => `${d.range.start.line}:${d.range.start.character}`));

  const attention = indicatorAttention(a);
  const indicators: IndicatorRow[] = [];
  for (const top of a.edition.indicators) {
    for (const ind of leaves(top)) {
      const applies = appliesTo(ind);
      const targets = a.model.targets.filter((t) => t.catalogueId === ind.id || (ind === top && top.parts.some((p) => p.id === t.catalogueId)));
      // the plan's own indicator table is its statement of ownership; prefer a target stated there
      const fromTable = targets.filter((t) => taskOfTarget.get(t)?.source === 'table');
      const pool = fromTable.length > 0 ? fromTable : targets;
      // a value or requirement is the plan's target, a firm one for the plan's whole area before an aspiration
      // (`力争达到…`) or a district's target; a trend only where there is nothing else
      const stated = pool.filter((t) => t.op !== 'trend');
      const chosen = stated.find((t) => !t.tier && !t.scope) ?? stated.find((t) => !t.tier) ?? stated[0] ?? pool[0] ?? null;
      const owner = chosen ? taskOfTarget.get(chosen) : undefined;
      const th = applicableThreshold(ind, a.settings);
      const binding = bindingOf(ind);
      let status: IndicatorStatus;
      if (applies.length > 0 && !applies.includes(level)) status = '不适用';
      // 沿海地区-only and the like: required only when the plan names them (see indicatorCoverage)
      else if ((top.only || ind.only) && !attention.isTargeted(top) && !attention.isMentioned(top)) status = '不适用';
      else if (!chosen) status = '未覆盖';
      else if (chosen.op === 'trend') status = '仅趋势';
      else status = targets.some((t) => below.has(`${t.range.start.line}:${t.range.start.character}`)) ? '低于国标' : '达标';
      indicators.push({
        domain: top.domain ?? '',
        group: top.group ?? '',
        number: top.number,
        name: top.name,
        part: ind === top ? null : ind.name,
        unit: ind.unit ?? '-',
        target: chosen ? targetText(chosen, targets.filter((t) => taskOfTarget.get(t) === owner)) : '未设定',
        threshold: th ? formatThreshold(th.threshold, null) : (ind.value ?? top.value ?? ''),
        attribute: binding === true ? '约束性' : binding === false ? '参考性' : '',
        status,
        lead: owner ? countedUnits(owner, a).filter((u) => u.role === 'lead').map((u) => u.name) : [],
        support: owner ? countedUnits(owner, a).filter((u) => u.role === 'support').map((u) => u.name) : [],
        lines: [...new Set(targets.map((t) => t.range.start.line + 1))],
        verified: isVerified(ind, th?.threshold),
        catalogueId: ind.id,
      });
    }
  }

  indicators.push(...localIndicatorRows(a, taskOfTarget));

  const index = new LineIndex(a.model.text);
  const tasks: TaskRow[] = a.model.tasks.map((t) => {
    const own = readText(a.model, t.fullRange, index);
    const years = t.targets.map((i) => a.model.targets[i].year).filter((y): y is number => y !== null);
    const deadline = DEADLINE.exec(own)?.[1] ?? (years.length > 0 ? `${Math.max(...years)}年` : '');
    return {
      path: t.path,
      title: t.title,
      lead: countedUnits(t, a).filter((u) => u.role === 'lead').map((u) => u.name),
      support: countedUnits(t, a).filter((u) => u.role === 'support').map((u) => u.name),
      vague: [...new Set(t.vague.map((v) => v.text))],
      deadline,
      indicators: [...new Set(t.targets.map((i) => a.model.targets[i].indicator))],
      line: t.range.start.line + 1,
    };
  });

  const byDept = new Map<string, DepartmentRow>();
  const row = (name: string) => {
    const key = departmentKey(name, a.directory);
    let r = byDept.get(key);
    if (!r) byDept.set(key, (r = { department: key, led: [], supported: [], indicators: [] }));
    return r;
  };
  for (const t of a.model.tasks) {
    for (const u of countedUnits(t, a)) {
      const r = row(u.name);
      const label = `${t.path} ${t.title}`;
      if (u.role === 'lead') {
        if (!r.led.includes(label)) r.led.push(label);
        for (const i of t.targets) if (!r.indicators.includes(a.model.targets[i].indicator)) r.indicators.push(a.model.targets[i].indicator);
      } else if (!r.supported.includes(label)) r.supported.push(label);
    }
  }
  const departments = [...byDept.values()].sort((x, y) => y.led.length - x.led.length || y.supported.length - x.supported.length || x.department.localeCompare(y.department, 'zh'));

  const domainOrder = a.edition.domains.length > 0 ? a.edition.domains : [...new Set(indicators.filter((r) => r.status !== '地方指标').map((r) => r.domain))];
  const coverage: CoverageRow[] = domainOrder.map((domain) => {
    const rows = indicators.filter((r) => r.domain === domain && r.status !== '不适用');
    // the same count as the missing-binding-indicators rule and the JSON coverage
    const input = { model: a.model, edition: a.edition, names: a.names, level };
    const b = indicatorCoverage(input, true, (ind) => ind.domain === domain);
    const ref = indicatorCoverage(input, false, (ind) => ind.domain === domain);
    const domainIds = new Set(rows.map((r) => r.catalogueId));
    return {
      domain,
      bindingCovered: b.covered,
      bindingTotal: b.total,
      bindingTrendOnly: b.trendOnly.length,
      referenceCovered: ref.covered,
      referenceTotal: ref.total,
      belowThreshold: rows.filter((r) => r.status === '低于国标').length,
      tasksWithoutOwner: a.model.tasks.filter((t) => t.units.length === 0 && t.targets.some((i) => domainIds.has(a.model.targets[i].catalogueId ?? ''))).length,
    };
  });
  const sum = (k: keyof CoverageRow) => coverage.reduce((n, r) => n + (r[k] as number), 0);
  coverage.push({
    domain: '合计',
    bindingCovered: sum('bindingCovered'),
    bindingTotal: sum('bindingTotal'),
    bindingTrendOnly: sum('bindingTrendOnly'),
    referenceCovered: sum('referenceCovered'),
    referenceTotal: sum('referenceTotal'),
    belowThreshold: sum('belowThreshold'),
    tasksWithoutOwner: a.model.tasks.filter((t) => t.units.length === 0).length,
  });

  return { title: a.model.title ?? '', edition: a.edition.title, level, indicators, tasks, departments, coverage };
}


/**
 * The 地方指标 part: one row per metric the catalogue lacks (catalogueId null), in the order the plan
 * first states it, with every target the plan gives it and the units of the task that states it.
 */
function localIndicatorRows(a: PlanAnalysis, taskOfTarget: Map<IndicatorTarget, Task>): IndicatorRow[] {
  const byName = new Map<string, IndicatorTarget[]>();
  for (const t of a.model.targets) {
    if (t.catalogueId !== null || t.referenceOnly) continue;
    const list = byName.get(t.indicator);
    if (list) list.push(t);
    else byName.set(t.indicator, [t]);
  }
  let n = 0;
  return [...byName].map(([name, targets]) => {
    const fromTable = targets.filter((t) => taskOfTarget.get(t)?.source === 'table');
    const chosen = (fromTable.length > 0 ? fromTable : targets)[0];
    const owner = taskOfTarget.get(chosen);
    return {
      domain: LOCAL_DOMAIN,
      group: '',
      number: `地${++n}`,
      name,
      part: null,
      unit: targets.find((t) => t.unit)?.unit ?? '-',
      target: [...new Set(targets.map((t) => formatTarget(t)))].join(';'),
      threshold: '',
      attribute: '',
      status: '地方指标',
      lead: owner ? countedUnits(owner, a).filter((u) => u.role === 'lead').map((u) => u.name) : [],
      support: owner ? countedUnits(owner, a).filter((u) => u.role === 'support').map((u) => u.name) : [],
      lines: [...new Set(targets.map((t) => t.range.start.line + 1))],
      verified: true,
      catalogueId: '',
    };
  });
}
