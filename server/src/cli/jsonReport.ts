import type { PlanAnalysis } from '../core/analyse';
import type { PlanPlace, Range } from '../core/model/types';

/** `ecoplan check --format json`, version 1. The shape is a public interface: keep it stable. */
export interface JsonFileReport {
  path: string;
  level: string | null;
  /** The plan's place among the national divisions (front matter `place:` or its title, issuer or signature); null when not found or shared by several units. */
  place: PlanPlace | null;
  catalogue: string;
  tasks: {
    path: string;
    title: string;
    range: Range;
    units: { name: string; role: 'lead' | 'support'; tagged: boolean }[];
    vague: string[];
    noUnit: boolean;
  }[];
  targets: {
    indicator: string;
    catalogueId: string | null;
    surface: string;
    op: string;
    value: number | null;
    unit: string | null;
    year: number | null;
    tagged: boolean;
    range: Range;
    /** The phrase of a `trend` or `qualitative` target (`逐年提升`); absent otherwise. */
    text?: string;
    /** How the name resolved when not by the catalogue's own name: `synonym` (with the name as written). */
    match?: string;
    writtenName?: string;
    /** `aspirational` for a target stated with 力争/争取/努力 beside the firm one; absent for a firm target. */
    tier?: 'aspirational';
    /** The places the target is stated for (`桂平市`, `长安区、新华区`); absent for the plan's own area. */
    scope?: string;
  }[];
  diagnostics: { code: string; severity: string; message: string; range: Range }[];
  coverage: { binding: { covered: number; total: number; missing: string[]; mentionedOnly: string[]; trendOnly: string[] } };
}

export interface JsonReport {
  version: 1;
  files: JsonFileReport[];
  summary: { files: number; tasks: number; errors: number; warnings: number };
}

export function fileReport(path: string, a: PlanAnalysis): JsonFileReport {
  return {
    path,
    level: a.settings.level,
    place: a.settings.place ?? null,
    catalogue: a.settings.catalogue,
    tasks: a.model.tasks.map((t) => ({
      path: t.path,
      title: t.title,
      range: t.range,
      units: t.units.map((u) => ({ name: u.name, role: u.role, tagged: u.tagged })),
      vague: [...new Set(t.vague.map((v) => v.text))],
      noUnit: t.noUnit,
    })),
    targets: a.model.targets.map((t) => ({
      indicator: t.indicator,
      catalogueId: t.catalogueId,
      surface: t.surface,
      op: t.op,
      value: t.value,
      unit: t.unit,
      year: t.year,
      tagged: t.tagged,
      range: t.range,
      ...(t.text !== undefined && (t.op === 'trend' || t.op === 'qualitative') ? { text: t.text } : {}),
      ...(t.match && t.match !== 'name' ? { match: t.match, writtenName: t.writtenName } : {}),
      ...(t.tier ? { tier: t.tier } : {}),
      ...(t.scope ? { scope: t.scope } : {}),
    })),
    diagnostics: a.diagnostics.map((d) => ({ code: d.code, severity: d.severity, message: d.message, range: d.range })),
    coverage: { binding: { covered: a.coverage.covered, total: a.coverage.total, missing: a.coverage.missing, mentionedOnly: a.coverage.mentionedOnly, trendOnly: a.coverage.trendOnly } },
  };
}
