import { builtinEditions, defaultEditionId } from './catalogue/builtin';
import { IndicatorNameIndex } from './catalogue/nameIndex';
import type { CatalogueEdition } from './catalogue/types';
import type { Diagnostic, PlanLevel, PlanModel, PlanSettings, Severity } from './model/types';
import { readPlan } from './readPlan';
import { allRules } from './rules';
import { localize, type Locale, type Rule } from './rules/rule';

export interface AnalyseOptions {
  uri: string;
  format?: 'markdown' | 'text';
  /** Settings given outside the document (CLI flags, editor settings); front matter wins over them. */
  catalogue?: string;
  level?: PlanLevel;
  locale?: Locale;
  editions?: CatalogueEdition[];
  /** Per-rule severity or 'off'. */
  rules?: Record<string, Severity | 'off'>;
}

export interface PlanAnalysis {
  model: PlanModel;
  settings: PlanSettings;
  edition: CatalogueEdition;
  diagnostics: Diagnostic[];
}

const indexCache = new Map<string, IndicatorNameIndex>();

/** Name index for an edition, built once per edition set (it is the costly part of start-up). */
export function nameIndexFor(edition: CatalogueEdition, editions: CatalogueEdition[]): IndicatorNameIndex {
  const key = `${edition.id}|${editions.map((e) => e.id).join(',')}`;
  let idx = indexCache.get(key);
  if (!idx || idx.primary !== edition) {
    idx = new IndicatorNameIndex(edition, editions);
    indexCache.set(key, idx);
  }
  return idx;
}

function pickEdition(id: string | undefined, editions: CatalogueEdition[]): CatalogueEdition {
  return editions.find((e) => e.id === id) ?? editions.find((e) => e.id === defaultEditionId) ?? editions[0];
}

function frontMatterSettings(model: PlanModel): { level?: PlanLevel; catalogue?: string; terrain?: string; citySize?: string; period?: string } {
  const eco = model.frontMatter?.data?.ecoplan;
  if (!eco || typeof eco !== 'object') return {};
  const e = eco as Record<string, unknown>;
  return {
    level: e.level === '市' || e.level === '县' ? e.level : undefined,
    catalogue: typeof e.catalogue === 'string' ? e.catalogue : undefined,
    terrain: typeof e.terrain === 'string' ? e.terrain : undefined,
    citySize: typeof e.citySize === 'string' ? e.citySize : undefined,
    period: typeof e.period === 'string' || typeof e.period === 'number' ? String(e.period) : undefined,
  };
}

export function analysePlan(text: string, options: AnalyseOptions): PlanAnalysis {
  const editions = options.editions ?? builtinEditions;
  const locale = options.locale ?? 'zh';
  // The catalogue edition can come from front matter, which is only known after reading; the
  // front matter is tiny, so peek at it with a first cheap pass only when it names an edition.
  const peek = /^---\r?\n[\s\S]*?\bcatalogue:\s*["']?([\w-]+)/.exec(text.slice(0, 2000));
  const edition = pickEdition(peek?.[1] ?? options.catalogue, editions);
  const names = nameIndexFor(edition, editions);
  const model = readPlan(text, { uri: options.uri, format: options.format, names });
  const fm = frontMatterSettings(model);
  const periodMatch = fm.period ? /^(\d{4})\s*[-—–~至]\s*(\d{4})$/.exec(fm.period) : null;
  const settings: PlanSettings = {
    level: fm.level ?? options.level ?? null,
    catalogue: edition.id,
    terrain: fm.terrain,
    citySize: fm.citySize,
    period: periodMatch ? { from: Number(periodMatch[1]), to: Number(periodMatch[2]) } : undefined,
    levelAssumed: !fm.level && !options.level,
  };
  const diagnostics = runRules(allRules, { model, settings, edition, names, locale }, options.rules ?? {});
  return { model, settings, edition, diagnostics };
}

function runRules(rules: Rule[], ctx: Parameters<Rule['check']>[0], config: Record<string, Severity | 'off'>): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const rule of rules) {
    const configured = config[rule.code];
    if (configured === 'off') continue;
    rule.check(ctx, (r) => {
      out.push({
        code: rule.code,
        severity: configured ?? r.severity ?? rule.defaultSeverity,
        message: localize(r.message, ctx.locale),
        range: r.range,
        related: r.related?.map((x) => ({ message: localize(x.message, ctx.locale), range: x.range })),
        data: r.data,
      });
    });
  }
  const kept = applyDirectives(out, ctx.model);
  kept.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.code.localeCompare(b.code));
  return kept;
}

/** `<!-- ecoplan-disable-next-line code -->`, `<!-- ecoplan-disable code -->` … `<!-- ecoplan-enable code -->`. */
function applyDirectives(diagnostics: Diagnostic[], model: PlanModel): Diagnostic[] {
  if (model.directives.length === 0) return diagnostics;
  const nextLine = new Map<number, string[]>();
  const spans: { from: number; to: number; codes: string[] }[] = [];
  const open = new Map<string, number>();
  const ALL = '*';
  for (const d of [...model.directives].sort((a, b) => a.line - b.line)) {
    const codes = d.codes.length > 0 ? d.codes : [ALL];
    if (d.kind === 'disable-next-line') nextLine.set(d.line + 1, [...(nextLine.get(d.line + 1) ?? []), ...codes]);
    else if (d.kind === 'disable-line') nextLine.set(d.line, [...(nextLine.get(d.line) ?? []), ...codes]);
    else if (d.kind === 'disable') {
      for (const c of codes) if (!open.has(c)) open.set(c, d.line);
    } else {
      for (const c of codes) {
        const keys = c === ALL ? [...open.keys()] : [c];
        for (const k of keys) {
          const from = open.get(k);
          if (from !== undefined) spans.push({ from, to: d.line, codes: [k] });
          open.delete(k);
        }
      }
    }
  }
  for (const [c, from] of open) spans.push({ from, to: Infinity, codes: [c] });
  const hit = (codes: string[], code: string) => codes.includes(code) || codes.includes(ALL);
  return diagnostics.filter((d) => {
    const line = d.range.start.line;
    if (hit(nextLine.get(line) ?? [], d.code)) return false;
    return !spans.some((s) => line > s.from && line < s.to && hit(s.codes, d.code));
  });
}
