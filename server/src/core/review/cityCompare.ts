import { compareUnits } from '../catalogue/measureUnits';
import { indicatorsById } from '../catalogue/lookup';
import { asRequirement, weakerThan } from '../catalogue/thresholds';
import type { PlanAnalysis } from '../analysis';
import { formatTarget } from '../format/target';
import type { IndicatorTarget, Range, ResponsibilityClause } from '../model/types';
import { namesCountyLevelUnits } from '../recognise/departmentName';
import type { CityComparison } from './types';

/**
 * A county plan beside its city plan (issue 20 §3): the county's firm targets weaker than the city's for
 * the same indicator and year, and the indicators the city passes on to its counties (a task whose clause
 * names 各县(市、区)) for which the county sets no target. Information only: no national text requires a
 * county plan to match its city's (review-criteria §5). Results in the county plan's text order.
 */
export function compareWithCity(county: PlanAnalysis, city: PlanAnalysis): CityComparison[] {
  const out: CityComparison[] = [];
  const cityName = planName(city);
  const indicator = (id: string) => indicatorsById(county.edition).get(id) ?? indicatorsById(city.edition).get(id) ?? null;

  // the city's firm targets, by indicator: what it states for its counties (in a task it assigns them, or
  // in a sentence about them), which is what it asks of a county, else what it states for its whole area
  const forCounties = new Set(assigningTasks(city).flatMap((a) => a.targets));
  const cityFirm = new Map<string, { counties: IndicatorTarget[]; area: IndicatorTarget[] }>();
  for (const t of city.model.targets) {
    if (!isFirm(t)) continue;
    const toCounties = t.scope !== undefined ? namesCountyLevelUnits(t.scope) : forCounties.has(t);
    if (t.scope !== undefined && !toCounties) continue;
    let group = cityFirm.get(t.catalogueId!);
    if (!group) cityFirm.set(t.catalogueId!, (group = { counties: [], area: [] }));
    (toCounties ? group.counties : group.area).push(t);
  }

  county.model.targets.forEach((t, index) => {
    if (!isFirm(t) || t.scope !== undefined) return;
    const ind = indicator(t.catalogueId!);
    const group = cityFirm.get(t.catalogueId!);
    if (!group) return;
    const comparable = (c: IndicatorTarget) => c.year === t.year && c.qualifier === t.qualifier;
    const asked = group.counties.some(comparable) ? group.counties : group.area;
    for (const c of asked) {
      if (!comparable(c)) continue;
      const required = asRequirement(c, ind);
      if (!required) continue;
      const units = compareUnits(t.unit, c.unit);
      if (units.kind === 'incompatible') continue;
      const value = units.kind === 'convertible' ? t.value! * units.factor : t.value!;
      if (!weakerThan({ op: t.op, value }, required)) continue;
      // as the county writes it: `PM2.5年均浓度` is a concentration, though the catalogue's entry is its decline
      const name = t.writtenName;
      const year = (x: IndicatorTarget) => (x.year === null ? '' : `(${x.year}年)`);
      const yearEn = (x: IndicatorTarget) => (x.year === null ? '' : ` (${x.year})`);
      out.push({
        kind: 'weaker-than-city',
        catalogueId: t.catalogueId!,
        indicator: ind?.name ?? t.indicator,
        range: t.range,
        countyTarget: index,
        city: statementOf(c),
        message: {
          zh: `${name} 目标 ${formatTarget(t)}${year(t)}弱于市级方案${cityName.zh}第 ${c.range.start.line + 1} 行的目标 ${formatTarget(c)}${year(c)}`,
          en: `${name}: target ${formatTarget(t)}${yearEn(t)} is weaker than the target ${formatTarget(c)}${yearEn(c)} of the city plan${cityName.en} (line ${c.range.start.line + 1})`,
        },
      });
      return; // one finding per county target: against the first city statement it falls short of
    }
  });

  // what the county states a target for at all (a trend or an aspiration is a target it set)
  const countyStates = new Set(county.model.targets.filter((t) => t.catalogueId !== null && !t.referenceOnly && t.scope === undefined).map((t) => t.catalogueId!));
  for (const a of assignedIndicators(city)) {
    if (countyStates.has(a.catalogueId)) continue;
    const name = indicator(a.catalogueId)?.name ?? a.name;
    const line = a.statement.range.start.line + 1;
    out.push({
      kind: 'assigned-without-target',
      catalogueId: a.catalogueId,
      indicator: name,
      range: county.model.titleRange,
      city: a.statement,
      message: {
        zh: `市级方案${cityName.zh}将 ${name} 落实到各县(市、区)(第 ${line} 行:${a.statement.surface}),本方案未设定该指标的目标`,
        en: `The city plan${cityName.en} assigns ${name} to its counties (line ${line}: ${a.statement.surface}); this plan sets no target for it`,
      },
    });
  }
  return out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

export interface AssignedIndicator {
  catalogueId: string;
  /** The name as the city plan writes it. */
  name: string;
  /** The city's target for the indicator in the assigning task, else the clause naming the counties. */
  statement: CityComparison['city'];
}

/**
 * The indicators a city plan assigns to its counties, once each in the order the plan first assigns
 * them: those named (with or without a target) in a task whose responsibility clause names 各县(市、区)
 * or the like, and the targets a sentence states for them (`各县(市、区)城镇污水处理率达到95%`).
 */
export function assignedIndicators(city: PlanAnalysis): AssignedIndicator[] {
  const found = new Map<string, AssignedIndicator>();
  const add = (catalogueId: string, name: string, statement: CityComparison['city']) => {
    if (!found.has(catalogueId)) found.set(catalogueId, { catalogueId, name, statement });
  };
  const model = city.model;
  const assigning = assigningTasks(city);
  for (const t of model.targets) {
    if (t.catalogueId !== null && t.scope !== undefined && namesCountyLevelUnits(t.scope)) add(t.catalogueId, t.indicator, statementOf(t));
  }
  for (const task of assigning) {
    for (const m of model.indicatorMentions) {
      if (!within(m.range, task.range)) continue;
      const target = task.targets.find((t) => t.catalogueId === m.catalogueId && !t.referenceOnly && t.scope === undefined);
      add(m.catalogueId, m.name, target ? statementOf(target) : { range: task.clause.range, surface: task.clause.text });
    }
  }
  return [...found.values()].sort((a, b) => a.statement.range.start.line - b.statement.range.start.line || a.statement.range.start.character - b.statement.range.start.character);
}

/** The tasks of a city plan that pass work on to its counties, in text order, with the clause that does. */
function assigningTasks(city: PlanAnalysis): { range: Range; clause: ResponsibilityClause; targets: IndicatorTarget[] }[] {
  const model = city.model;
  const out: { range: Range; clause: ResponsibilityClause; targets: IndicatorTarget[] }[] = [];
  for (const task of model.tasks) {
    const clause = task.clauses.find((c) => c.vague.some((v) => namesCountyLevelUnits(v.text)));
    if (clause) out.push({ range: task.fullRange, clause, targets: task.targets.map((i) => model.targets[i]) });
  }
  return out;
}

/** A target the plan commits to with a value: not an aspiration, a trend, a change against a base year. */
function isFirm(t: IndicatorTarget): boolean {
  return t.catalogueId !== null && t.tier === undefined && t.value !== null && t.op !== 'qualitative' && t.op !== 'trend' && !t.relative && !t.referenceOnly;
}

function statementOf(t: IndicatorTarget): CityComparison['city'] {
  return { range: t.range, surface: t.surface, op: t.op, value: t.value, unit: t.unit, year: t.year };
}

function within(inner: Range, outer: Range): boolean {
  const before = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return before(outer.start, inner.start) && before(inner.end, outer.end);
}

/** `《衢州市…实施方案》` for messages, or nothing when the plan has no title. */
function planName(a: PlanAnalysis): { zh: string; en: string } {
  const title = a.model.title?.trim();
  return title ? { zh: `《${title}》`, en: ` 《${title}》` } : { zh: '', en: '' };
}
