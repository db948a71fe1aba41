import { dirname, resolve } from 'node:path';
import type { PlanAnalysis } from '../core/analyse';
import type { Locale } from '../core/locale';
import type { Diagnostic, PlanLevel, PlanPlace } from '../core/model/types';
import { countyDiagnostics, parentProblemDiagnostic } from '../core/review/cityDiagnostics';
import { cityOf, normalisePath, parentSetting, type PlanInSet } from '../core/review/cityPairing';
import { findConfig, loadConfig, type LoadedConfig } from '../node/config';
import { analyseFile } from './analyseFile';

/**
 * `ecoplan check` over a set of files holding a city plan and its counties (issue 20 §3): the
 * counties' information findings against their city plan, made by core/review/cityDiagnostics.ts as
 * in the editor. A file's check (maybe in a worker) keeps only these facts; after all files, the
 * few that can pair are analysed again on this thread and compared. A run with no county beside its
 * city analyses nothing more.
 */
export interface PairingFacts {
  file: string;
  display: string;
  place: PlanPlace | null;
  /** The front matter's `parent:`, as written. */
  parent: string | null;
  /** The config's `parent:`, resolved (node/config.ts refuses a path outside the config's folder). */
  configParent: string | null;
  /** The cross-plan codes the config turns off (`rules: {weaker-than-city-target: off}`). */
  off: string[];
}

export function pairingFacts(file: string, display: string, a: PlanAnalysis, configCache: Map<string, LoadedConfig>): PairingFacts {
  const path = resolve(file);
  const config = loadConfig(findConfig(dirname(path)), configCache);
  const off = Object.entries(config.settings.rules ?? {}).filter(([, v]) => v === 'off').map(([k]) => k);
  return { file: path, display, place: a.settings.place ?? null, parent: parentSetting(a) ?? null, configParent: config.parent ?? null, off };
}

/** A county file of the set with its analysis, and the city plan it is paired with (or why its `parent:` names none). */
export interface PairedCounty {
  facts: PairingFacts;
  county: PlanInSet;
  found: NonNullable<ReturnType<typeof cityOf>>;
}

/**
 * The county files of the set with their city plans (core/review/cityPairing.ts: `parent:` or the
 * prefecture): only the files that can pair are analysed again, on this thread. Shared by the
 * check's city findings and `ecoplan review`'s city views.
 */
export function pairCounties(facts: readonly PairingFacts[], args: { catalogue?: string; level?: PlanLevel; locale: Locale }, configCache: Map<string, LoadedConfig>): PairedCounty[] {
  const out: PairedCounty[] = [];
  const isCity = (f: PairingFacts) => !!f.place && f.place.prefecture === f.place.name;
  const counties = facts.filter((f) => f.parent !== null || f.configParent !== null || (f.place?.prefecture && !isCity(f) && facts.some((c) => isCity(c) && c.place!.name === f.place!.prefecture)));
  if (counties.length === 0) return out;
  // the candidates: the set's city plans, and any file a county's parent: path selects
  const byPath = new Map(facts.map((f) => [normalisePath(f.file), f]));
  const wanted = new Set<PairingFacts>(facts.filter(isCity));
  for (const c of counties) {
    if (c.parent === null) continue;
    const chosen = byPath.get(normalisePath(resolve(dirname(c.file), c.parent)));
    if (chosen) wanted.add(chosen);
  }
  const quiet = { configCache, reported: new Set<string>(), ioProblems: [] as string[], configProblem: () => {}, err: () => {} };
  const analysed = new Map<PairingFacts | string, PlanInSet | null>();
  const entry = (f: PairingFacts): PlanInSet | null => {
    if (!analysed.has(f)) {
      const a = analyseFile(f.file, f.display, args, quiet);
      analysed.set(f, a ? { path: f.file, analysis: a } : null);
    }
    return analysed.get(f)!;
  };
  const candidates = [...wanted].map(entry).filter((e): e is PlanInSet => e !== null);
  for (const c of counties) {
    const county = entry(c);
    if (!county) continue;
    // the config's parent: may be outside the set (the user's own file names it): read then
    let configParent: PlanInSet | null = null;
    if (c.configParent) {
      const inSet = byPath.get(normalisePath(c.configParent));
      configParent = inSet ? entry(inSet) : null;
      if (!inSet && !analysed.has(c.configParent)) {
        const a = analyseFile(c.configParent, c.configParent, args, quiet);
        analysed.set(c.configParent, a ? { path: c.configParent, analysis: a } : null);
      }
      configParent ??= analysed.get(c.configParent) ?? null;
    }
    const found = cityOf(county, candidates, configParent);
    if (found) out.push({ facts: c, county, found });
  }
  return out;
}

/** The city findings of each county file, by display name, in the messages' language. */
export function cityFindings(facts: readonly PairingFacts[], args: { catalogue?: string; level?: PlanLevel; locale: Locale }, configCache: Map<string, LoadedConfig>): Map<string, Diagnostic[]> {
  const out = new Map<string, Diagnostic[]>();
  const displayOf = new Map(facts.map((f) => [f.file, f.display]));
  for (const { facts: c, county, found } of pairCounties(facts, args, configCache)) {
    const diagnostics = 'problem' in found ? [parentProblemDiagnostic(found.problem, args.locale)] : countyDiagnostics(county.analysis, found.city.analysis, displayOf.get(found.city.path) ?? found.city.path, args.locale, new Set(c.off));
    const shown = diagnostics.filter((d) => !c.off.includes(d.code));
    if (shown.length > 0) out.set(c.display, shown);
  }
  return out;
}
