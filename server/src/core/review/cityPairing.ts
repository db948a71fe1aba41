import type { PlanAnalysis } from '../analysis';
import { frontMatterSetting } from '../frontMatter';
import type { LocalizedText, Range } from '../model/types';

/**
 * Which plan of a set is a county plan's city plan (issue 20 §3), for the CLI, the review report and
 * the server alike. Pure: the adapters gather the plans and resolve the one path a user's own
 * `ecoplan.config.yaml` may give (`parent:`); a plan's own front matter `parent:` only selects among
 * the plans already in the set (a path relative to the plan, or a place's name or code), never
 * causing a file to be read (ARCHITECTURE.md, issue 22).
 */

/** A plan of the set: its path (`/`-separated; any consistent form — absolute, or relative to the workspace) and its analysis. */
export interface PlanInSet {
  path: string;
  analysis: PlanAnalysis;
}

export interface CityOfCounty {
  city: PlanInSet;
  /** What chose it: the county's front matter `parent:`, its config's `parent:`, or the county's prefecture. */
  by: 'front-matter' | 'config' | 'prefecture';
}

/** A `parent:` that names no plan of the set: said once, at the front-matter key (or the plan's start). */
export interface ParentProblem {
  path: string;
  range: Range;
  message: LocalizedText;
}

export interface CityPairing {
  county: string;
  city: string;
  by: CityOfCounty['by'];
}

/**
 * A county plan's city plan among `plans`: the one its front matter `parent:` selects, else the plan its
 * config's `parent:` names (`configParent`, resolved and read by the adapter, in the set or not), else
 * the first plan of the set whose place is the county's prefecture. Null when there is none, or when
 * the plan is no county (a city, or a place directly under a province).
 */
export function cityOf(county: PlanInSet, plans: readonly PlanInSet[], configParent: PlanInSet | null = null): CityOfCounty | { problem: ParentProblem } | null {
  const written = parentSetting(county.analysis);
  if (written !== undefined) {
    const chosen = selectParent(county, written, plans);
    if (chosen) return { city: chosen, by: 'front-matter' };
    const fm = county.analysis.model.frontMatter;
    return {
      problem: {
        path: county.path,
        range: fm?.keyRanges.parent ?? fm?.range ?? county.analysis.model.titleRange,
        message: {
          zh: `parent「${written}」不是工作区(或本次检查)中的方案:未与市级方案比较。parent 只能选择已在其中的方案(相对本文件的路径,或地名、区划代码)`,
          en: `parent "${written}" is no plan of the workspace (or of this check): not compared with a city plan. parent only selects a plan already there (a path relative to this file, or a place name or division code)`,
        },
      },
    };
  }
  if (configParent && normalisePath(configParent.path) !== normalisePath(county.path)) return { city: configParent, by: 'config' };
  const place = county.analysis.settings.place;
  if (!place?.prefecture || place.prefecture === place.name) return null;
  const city = plans.find((p) => {
    const c = p.analysis.settings.place;
    return !!c && c.code !== place.code && c.name === place.prefecture && c.prefecture === c.name && c.province === place.province;
  });
  return city ? { city, by: 'prefecture' } : null;
}

/**
 * Every county of the set with its city plan, in the set's order, and the `parent:` values that name
 * no plan. `configParentOf` gives a plan's config `parent:` as the adapter resolved and read it.
 */
export function pairCountiesWithCities(plans: readonly PlanInSet[], configParentOf: (plan: PlanInSet) => PlanInSet | null = () => null): { pairs: CityPairing[]; problems: ParentProblem[] } {
  const pairs: CityPairing[] = [];
  const problems: ParentProblem[] = [];
  for (const plan of plans) {
    const found = cityOf(plan, plans, configParentOf(plan));
    if (!found) continue;
    if ('problem' in found) problems.push(found.problem);
    else pairs.push({ county: plan.path, city: found.city.path, by: found.by });
  }
  return { pairs, problems };
}

/** The front matter's `parent:` as written (a division code is read by YAML as a number). */
export function parentSetting(a: PlanAnalysis): string | undefined {
  const eco = a.model.frontMatter?.data?.ecoplan;
  const v = eco && typeof eco === 'object' && !Array.isArray(eco) ? (eco as Record<string, unknown>).parent : undefined;
  return typeof v === 'number' ? String(v) : frontMatterSetting(a.model.frontMatter, 'parent');
}

/** A plan of the set that `parent:` (front matter) names: by a path relative to the county plan, else by place name or code. */
function selectParent(county: PlanInSet, written: string, plans: readonly PlanInSet[]): PlanInSet | null {
  const others = plans.filter((p) => p !== county);
  const value = written.trim();
  if (/[/\\]|\.(?:md|markdown|txt|docx?)$/i.test(value)) {
    const wanted = normalisePath(joinPath(dirOf(county.path), value));
    return others.find((p) => normalisePath(p.path) === wanted) ?? null;
  }
  return others.find((p) => p.analysis.settings.place && (p.analysis.settings.place.name === value || p.analysis.settings.place.code === value)) ?? null;
}

/** `/`-separated, `.` and `..` resolved: paths compared as strings, never looked up on a disk. */
export function normalisePath(path: string): string {
  const slashed = path.replace(/\\/g, '/');
  const absolute = slashed.startsWith('/');
  const out: string[] = [];
  for (const part of slashed.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else if (part !== '..' || !absolute) out.push(part);
  }
  return (absolute ? '/' : '') + out.join('/');
}

function dirOf(path: string): string {
  const slashed = path.replace(/\\/g, '/');
  const at = slashed.lastIndexOf('/');
  return at < 0 ? '' : slashed.slice(0, at);
}

function joinPath(dir: string, rel: string): string {
  const r = rel.replace(/\\/g, '/');
  if (r.startsWith('/') || /^[A-Za-z]:\//.test(r)) return r;
  return dir ? `${dir}/${r}` : r;
}
