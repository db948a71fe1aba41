import { builtinEditions, defaultEditionId } from './catalogue/builtin';
import { IndicatorNameIndex } from './catalogue/nameIndex';
import type { CatalogueEdition } from './catalogue/types';
import { builtinDirectory, type DepartmentDirectory } from './departments/directory';
import type { PlanLevel, Severity } from './model/types';
import type { ReadState } from './readPlan';
import { LineFindingsCache } from './lineFindings';
import { MarkdownFactsCache } from './parse/markdownChunks';
import { LineIndex } from './text/lineIndex';
import { readFrontMatter } from './frontMatter';
import { readPlan } from './readPlan';
import { allRules } from './rules';
import { bindingCoverage } from './coverage';
import { localize, type Locale } from './locale';
import type { PlanAnalysis } from './analysis';
import { analyseEdit, editKey, editState, type EditState } from './incremental';
import { runRules } from './runRules';
import { declaredSettings, resolveSettings, type ExternalSettings } from './settings';
import { citedEdition, editionCitations } from './catalogue/citations';
import { normaliseLayout } from './normalise/normalise';
import { analysisInOriginal } from './normalise/remap';

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
 * Text in, analysis out, as without it: the cache only saves work. An analysis made with a cache
 * stands until the next one made with it: an edit inside one line patches the last analysis
 * (incremental.ts), moving the offsets of its outline nodes in place.
 */
export class AnalysisCache {
  readonly markdown = new MarkdownFactsCache();
  readonly lines = new LineFindingsCache();
  /** The last analysis and what it was built from: an edit inside one line patches it (incremental.ts). */
  last: EditState | null = null;
  /** Whether the last analysis was such a patch (for tests and benchmarks). */
  lastWasEdit = false;
}

export type { PlanAnalysis } from './analysis';

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
  const directory = options.directory ?? builtinDirectory;
  const cache = options.cache;
  const key = cache ? editKey(options, editions, directory) : '';
  if (cache) {
    const edited = cache.last && cache.last.key === key && cache.last.editions === editions && cache.last.directory === directory ? analyseEdit(cache, cache.last, text) : null;
    cache.lastWasEdit = edited !== null;
    if (edited) return edited;
    cache.last = null;
  }
  const external: ExternalSettings = { catalogue: options.catalogue, level: options.level, terrain: options.terrain, citySize: options.citySize, period: options.period };
  // The edition decides how names resolve, and the front matter can name it: read the front matter
  // first, settle the settings it declares, then read the plan once.
  const format = options.format ?? 'markdown';
  // A PDF copy is read as the text it stands for (normalise/); the analysis then moves back to the user's text.
  const layout = normaliseLayout(text, format);
  const original = text;
  text = layout.text;
  const frontMatter = readFrontMatter(text, format);
  // the editions the plan cites, found before it is read (core/catalogue/citations.ts)
  const citations = editionCitations(text);
  const declared = declaredSettings(frontMatter, external, editions, defaultEditionId, citations);
  let edition = pickEdition(declared.settings.catalogue, editions);
  let names = nameIndexFor(edition, editions);
  let read: ReadState | null = null;
  const readWith = (index: IndicatorNameIndex) => readPlan(text, { uri: options.uri, format: options.format, names: index, frontMatter, markdownCache: cache?.markdown, lineCache: cache?.lines, keep: cache ? (s) => (read = s) : undefined });
  let model = readWith(names);
  let { settings, problems } = resolveSettings(declared, model);
  // a notice that issued a 市 and a 县 list: the level read from the plan's place decides which, and the plan is read again with it
  const forLevel = settings.catalogueFrom === 'citation' && !declared.settings.level ? citedEdition(citations, editions, settings.level ?? '市')?.edition : undefined;
  if (forLevel && forLevel !== edition) {
    edition = forLevel;
    names = nameIndexFor(edition, editions);
    model = readWith(names);
    ({ settings, problems } = resolveSettings({ ...declared, settings: { ...declared.settings, catalogue: edition.id } }, model));
  }
  const ctx = { model, settings, settingsProblems: problems, edition, names, directory, locale, lineIndex: (read as ReadState | null)?.index };
  const rules = { ...(options.rules ?? {}) };
  const diagnostics = runRules(allRules, ctx, rules);
  const analysis: PlanAnalysis = { model, settings, edition, diagnostics, coverage: bindingCoverage(ctx), directory: ctx.directory, names };
  if (layout.normalised) return analysisInOriginal(analysis, layout.normalised, (read as ReadState | null)?.index ?? new LineIndex(text));
  if (cache && read) cache.last = editState(cache, { key, editions, directory, format, locale, rules, settingsProblems: problems, text: original, analysis, layout: layout.layout }, read);
  return analysis;
}
