import { builtinEditions, defaultEditionId } from './catalogue/builtin';
import { IndicatorNameIndex } from './catalogue/nameIndex';
import type { CatalogueEdition } from './catalogue/types';
import { builtinDirectory, type DepartmentDirectory } from './departments/directory';
import type { Diagnostic, PlanLevel, PlanModel, PlanSettings, Severity } from './model/types';
import { LineFindingsCache } from './lineFindings';
import { MarkdownFactsCache } from './parse/markdownChunks';
import { readFrontMatter } from './frontMatter';
import { readPlan } from './readPlan';
import { allRules } from './rules';
import { bindingCoverage, type BindingCoverage } from './coverage';
import { localize, type Locale } from './locale';
import type { Rule } from './rules/rule';
import { declaredSettings, resolveSettings, type ExternalSettings } from './settings';

export interface AnalyseOptions {
  uri: string;
  format?: 'markdown' | 'text';
  /** Settings given outside the document (CLI flags, editor settings); front matter wins over them. */
  catalogue?: string;
  level?: PlanLevel;
  terrain?: string;
  citySize?: string;
  period?: string;
  locale?: Locale;
  editions?: CatalogueEdition[];
  directory?: DepartmentDirectory;
  /** Per-rule severity or 'off'. */
  rules?: Record<string, Severity | 'off'>;
  /** What an editor keeps between versions of one document (see AnalysisCache). */
  cache?: AnalysisCache;
}

/**
 * State kept per open document so that re-analysing after a keystroke parses only what changed.
 * Text in, analysis out, as without it: the cache only saves work.
 */
export class AnalysisCache {
  readonly markdown = new MarkdownFactsCache();
  readonly lines = new LineFindingsCache();
}

export interface PlanAnalysis {
  model: PlanModel;
  settings: PlanSettings;
  edition: CatalogueEdition;
  diagnostics: Diagnostic[];
  coverage: BindingCoverage;
  directory: DepartmentDirectory;
  names: IndicatorNameIndex;
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

export function analysePlan(text: string, options: AnalyseOptions): PlanAnalysis {
  const editions = options.editions ?? builtinEditions;
  const locale = options.locale ?? 'zh';
  const external: ExternalSettings = { catalogue: options.catalogue, level: options.level, terrain: options.terrain, citySize: options.citySize, period: options.period };
  // The edition decides how names resolve, and the front matter can name it: read the front matter
  // first, settle the settings it declares, then read the plan once.
  const frontMatter = readFrontMatter(text, options.format ?? 'markdown');
  const declared = declaredSettings(frontMatter, external, editions, defaultEditionId);
  const edition = pickEdition(declared.settings.catalogue, editions);
  const names = nameIndexFor(edition, editions);
  const model = readPlan(text, { uri: options.uri, format: options.format, names, frontMatter, markdownCache: options.cache?.markdown, lineCache: options.cache?.lines });
  const { settings, problems } = resolveSettings(declared, model);
  const ctx = { model, settings, settingsProblems: problems, edition, names, directory: options.directory ?? builtinDirectory, locale };
  const diagnostics = runRules(allRules, ctx, { ...(options.rules ?? {}) });
  return { model, settings, edition, diagnostics, coverage: bindingCoverage(ctx), directory: ctx.directory, names };
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
  // rule codes are lowercase ASCII words and hyphens: code-unit order is localeCompare's order here,
  // without its first call (about 10 ms setting up ICU's collator, in every CLI run and server start)
  kept.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
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
