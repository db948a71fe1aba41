import { existsSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import picomatch from 'picomatch';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisCache, analysePlan, type PlanAnalysis } from '../core/analyse';
import type { CatalogueEdition } from '../core/catalogue/types';
import type { Severity } from '../core/model/types';
import type { LocalizedText } from '../core/model/types';
import type { Locale } from '../core/locale';
import { looksLikePlan, SNIFF_CHARS } from '../core/planSniff';
import { decodePlan } from '../node/decode';
import type { FileProblem, LoadedConfig } from '../node/config';
import { declaresPlan, directoryTarget, editionsAt, planContext } from '../node/planContext';
import { MAX_TEXT_BYTES, MAX_WORD_BYTES, planFilesUnder } from '../node/planFiles';
import { readRegularFile } from '../node/safeRead';
import { BUDGET_FROM_BYTES } from '../node/fileBudget';
import type { TextJob } from './budgetedRead';
import { writeOutputLocalized } from '../node/safeWrite';
import { whenIdle } from './idle';
import { loadWordReader } from './wordFiles';
import type { WordRead } from '../node/wordRead';
import { toPath, type CityPlan, type ClientSettings, type DiagnosticsSource, type DocumentStore, type PlanStatus } from './planSource';
import { cityOf, parentSetting, type ParentProblem, type PlanInSet } from '../core/review/cityPairing';

/** How many of the workspace's plans are looked through for a county's city plan (as the department hover's 200). */
const CITY_SEARCH_LIMIT = 200;

export { toPath, type ClientSettings } from './planSource';

/** The files whose content may make them plans: Markdown and text, and an editor's unsaved documents. */
const SNIFFED_NAME = /\.(?:md|markdown|txt)$|^untitled:/i;

interface CacheEntry {
  key: string;
  analysis: PlanAnalysis;
}

/**
 * The plans the server knows: open documents (their live text) and plan files in the workspace
 * folders (read from disk when asked). Analyses are cached per document version, so features
 * asked for the same version share one analysis.
 */
export class PlanWorkspace implements DiagnosticsSource {
  folders: string[] = [];
  settings: ClientSettings = {};
  locale: Locale = 'zh';
  /** In an untrusted folder only the built-in catalogue and directory are used (no config files). */
  trusted = true;
  /** The client applies workspace edits that create files (`添加到部门名录` may need a new directory file). */
  canCreateFiles = false;
  problems: string[] = [];
  private cache = new Map<string, CacheEntry>();
  /** Per open document: what re-analysis after a keystroke reuses (see AnalysisCache). */
  private editCaches = new Map<string, AnalysisCache>();
  /** How long the last analysis of each document took, in ms: the diagnostics debounce follows it. */
  readonly lastAnalysisMs = new Map<string, number>();
  private planFiles = new Map<string, { key: string; plan: boolean }>();
  private configCache = new Map<string, LoadedConfig>();
  private include: picomatch.Matcher | null = null;
  private exclude: picomatch.Matcher | null = null;
  /** Per document or file: the head of the text last sniffed (core/planSniff.ts) and the verdict. */
  private sniffed = new Map<string, { head: string; plan: boolean }>();

  constructor(private readonly documents: DocumentStore) {}

  document(uri: string): TextDocument | undefined {
    return this.documents.get(uri);
  }

  /**
   * Take the editor's `ecoplan.*` settings as the client sent them: what has the wrong type is
   * dropped (and returned, so the server can log it), the rest is used.
   */
  updateSettings(raw: unknown): LocalizedText[] {
    const { settings, problems } = sanitizeSettings(raw);
    this.settings = settings;
    try {
      this.include = settings.include && settings.include.length > 0 ? picomatch(settings.include, { dot: false }) : null;
    } catch {
      this.include = null;
      problems.push({ zh: 'ecoplan.include 含有无法解析的通配模式', en: 'ecoplan.include holds a pattern that cannot be read' });
    }
    try {
      this.exclude = settings.exclude && settings.exclude.length > 0 ? picomatch(settings.exclude, { dot: false }) : null;
    } catch {
      this.exclude = null;
      problems.push({ zh: 'ecoplan.exclude 含有无法解析的通配模式', en: 'ecoplan.exclude holds a pattern that cannot be read' });
    }
    this.invalidate();
    return problems;
  }

  /**
   * Problems with the config, directory and catalogue files the analyses read, by file path: the
   * server shows them on those files (features/fileProblems.ts). A file whose problems changed is
   * in `changedProblemFiles` until the feature has published it.
   */
  readonly fileProblems = new Map<string, FileProblem[]>();
  readonly changedProblemFiles = new Set<string>();
  onFileProblems: (() => void) | null = null;

  private noteFileProblems(problems: FileProblem[]) {
    const byFile = new Map<string, FileProblem[]>();
    for (const p of problems) byFile.set(p.file, [...(byFile.get(p.file) ?? []), p]);
    for (const [file, list] of byFile) {
      if (JSON.stringify(this.fileProblems.get(file)) === JSON.stringify(list)) continue;
      this.fileProblems.set(file, list);
      this.changedProblemFiles.add(file);
    }
    if (byFile.size > 0 && this.changedProblemFiles.size > 0) this.onFileProblems?.();
  }

  invalidate() {
    // the files are read again: what they said is cleared now and said again by the next analyses
    for (const [file, list] of this.fileProblems) {
      if (list.length === 0) continue;
      this.fileProblems.set(file, []);
      this.changedProblemFiles.add(file);
    }
    if (this.changedProblemFiles.size > 0) this.onFileProblems?.();
    this.cache.clear();
    this.configCache.clear();
    this.planFiles.clear();
    this.wordCache.clear();
    this.cityOfCounty.clear();
    this.candidates = null;
  }

  /** A document was closed: its edit cache goes (the file on disk is analysed afresh when asked). */
  forget(uri: string) {
    this.editCaches.delete(uri);
    this.cache.delete(uri);
    this.lastAnalysisMs.delete(uri);
    this.latest.delete(uri);
  }

  /**
   * The last completed analysis of each plan, whatever version it was of (settings changes do not
   * drop it): what completion answers from, so it never waits for an analysis of the latest keystroke.
   */
  private latest = new Map<string, PlanAnalysis>();

  lastAnalysis(uri: string): PlanAnalysis | null {
    return this.latest.get(uri) ?? null;
  }

  /**
   * The last completed analysis, or, for a plan never analysed yet (a pull client that has not
   * asked for diagnostics), its first analysis: the only time completion analyses.
   */
  lastOrFirstAnalysis(uri: string): PlanAnalysis | null {
    return this.latest.get(uri) ?? this.analysisOf(uri);
  }

  /** Every plan's last completed analysis, by URI. */
  lastAnalyses(): IterableIterator<[string, PlanAnalysis]> {
    return this.latest.entries();
  }

  private stopIndexing: (() => void) | null = null;

  /**
   * Analyse the workspace's plans that nothing has asked for yet, one per step, only while the
   * client is quiet (idle.ts), so that requests and edits are served in between; completion ranks
   * by what is known so far.
   */
  indexInIdle(onDone?: () => void, limit = 200): void {
    this.stopIndexing?.();
    let queue: string[] | null = null;
    this.stopIndexing = whenIdle(() => {
      if (queue === null) {
        try {
          queue = this.allPlanUris(limit);
        } catch {
          queue = [];
        }
        // plans deleted (or no longer plans) since they were analysed
        const listed = new Set(queue);
        for (const u of [...this.latest.keys()]) if (!listed.has(u) && !this.documents.get(u)) this.latest.delete(u);
        return true;
      }
      const next = queue.shift();
      if (next === undefined) {
        onDone?.();
        return false;
      }
      if (!this.documents.get(next) && !this.cache.has(next)) {
        try {
          this.analysisOf(next);
        } catch {
          // a file that cannot be analysed is reported when it is opened; indexing goes on
        }
      }
      return true;
    });
  }

  /**
   * Whether a file is checked: not when it matches `ecoplan.exclude`; then Markdown with `ecoplan:`
   * front matter, a `*.plan.md` file, a file matching `ecoplan.include`, or a Markdown or text file
   * whose content reads as a plan (core/planSniff.ts).
   */
  isPlan(uri: string, text: string): boolean {
    return this.planReason(uri, text) !== null;
  }

  /** Why a file is checked (`declared`, `included`, `content`), or null when it is not (`excluded` or not a plan). */
  planReason(uri: string, text: string): 'declared' | 'included' | 'content' | null {
    const path = toPath(uri);
    const relativePath = path ? this.relativeToFolder(path) : null;
    if (relativePath !== null && this.exclude?.(relativePath)) return null;
    if (declaresPlan(uri, text)) return 'declared';
    if (relativePath !== null && this.include?.(relativePath)) return 'included';
    if (!SNIFFED_NAME.test(uri)) return null;
    return this.sniff(uri, text) ? 'content' : null;
  }

  async wordText(uri: string): Promise<{ text: string } | { error: LocalizedText }> {
    const path = toPath(uri);
    if (!path) return { error: { zh: '不是本地文件', en: 'not a local file' } };
    const word = await loadWordReader();
    if (!word) return { error: { zh: '无法加载 Word 模块', en: 'the Word module cannot be loaded' } };
    const file = readRegularFile(path, MAX_WORD_BYTES);
    if (!file.ok) return { error: file.reason };
    const read = word.readForCheck(file.bytes, basename(path));
    return read.ok ? { text: read.text } : { error: read.reason };
  }

  /**
   * The plan as a .docx beside it. A .docx already there is the user's: it is written over only when
   * the user has confirmed (`overwrite`); otherwise the answer names it so that the client can ask.
   */
  async exportWord(uri: string, withTables: boolean, overwrite = false): Promise<{ file: string; keptTags: number } | { exists: string } | { error: LocalizedText }> {
    const path = toPath(uri);
    const a = this.analysisOf(uri);
    if (!path || !a) return { error: { zh: '当前文件不是方案', en: 'this file is not a plan' } };
    const word = await loadWordReader();
    if (!word) return { error: { zh: '无法加载 Word 模块', en: 'the Word module cannot be loaded' } };
    const file = join(dirname(path), `${basename(path, extname(path)).replace(/\.plan$/, '')}.docx`);
    if (existsSync(file) && !overwrite) return { exists: file };
    let docx: { bytes: Uint8Array; keptTags: number };
    try {
      docx = await word.planToDocx(a, uri, /\.txt$/i.test(path) ? 'text' : 'markdown', withTables);
    } catch (e) {
      return { error: { zh: `无法导出:${(e as Error).message}`, en: `cannot export: ${(e as Error).message}` } };
    }
    const failed = writeOutputLocalized(file, docx.bytes);
    if (failed) return { error: { zh: failed.zh, en: failed.en } };
    return { file, keptTags: docx.keptTags };
  }

  planStatus(uri: string): PlanStatus {
    const path = toPath(uri);
    if (path && this.exclude?.(this.relativeToFolder(path))) return 'excluded';
    const src = this.textOf(uri);
    if (!src) return 'unreadable';
    return this.planReason(uri, src.text) ?? 'not-a-plan';
  }

  private relativeToFolder(path: string): string {
    const folder = this.folderOf(path);
    return folder ? relative(folder, path) : basename(path);
  }

  private sniff(uri: string, text: string): boolean {
    const head = text.length > SNIFF_CHARS ? text.slice(0, SNIFF_CHARS) : text;
    const known = this.sniffed.get(uri);
    if (known && known.head === head) return known.plan;
    const plan = looksLikePlan(head);
    if (this.sniffed.size > 5000) this.sniffed.clear();
    this.sniffed.set(uri, { head, plan });
    return plan;
  }

  textOf(uri: string): { text: string; version: string } | null {
    const doc = this.documents.get(uri);
    if (doc) return { text: doc.getText(), version: `v${doc.version}` };
    const path = toPath(uri);
    if (!path) return null;
    // only a regular file is opened (a FIFO would block the server)
    const read = readRegularFile(path, MAX_TEXT_BYTES);
    if (!read.ok) return null;
    const decoded = decodePlan(read.bytes);
    return decoded.ok ? { text: decoded.text, version: `m${read.mtimeMs}:${read.size}` } : null;
  }

  analysisOf(uri: string): PlanAnalysis | null {
    // a plan on disk, unchanged since it was analysed (same mtime and size): its analysis, without reading it again
    const path = this.documents.get(uri) ? null : toPath(uri);
    // one past the size threshold is analysed only within the file budget, off this thread (largePlanJob)
    if (path && this.largePlanJob(uri)) return null;
    const onDisk = path ? this.diskVersions.get(uri) : undefined;
    if (path && onDisk !== undefined) {
      const hit = this.cache.get(uri);
      try {
        const st = statSync(path);
        if (hit && onDisk === `m${st.mtimeMs}:${st.size}` && hit.key.startsWith(`${onDisk}|`)) return hit.analysis;
      } catch {
        // gone: read below, as before
      }
    }
    const src = this.textOf(uri);
    if (!src || !this.isPlan(uri, src.text)) return null;
    const analysis = this.analyse(uri, src.text, src.version);
    if (path) this.diskVersions.set(uri, src.version);
    return analysis;
  }

  /**
   * A plan on disk (not open) of BUDGET_FROM_BYTES or more: what a worker needs to analyse it within
   * the file budget (budgetedRead.ts), as the CLI checks such a file; null for any other file.
   */
  largePlanJob(uri: string): TextJob | null {
    const path = this.documents.get(uri) ? null : toPath(uri);
    if (!path) return null;
    try {
      const st = statSync(path);
      if (!st.isFile() || st.size < BUDGET_FROM_BYTES) return null;
      return { path, uri, version: `m${st.mtimeMs}:${st.size}`, adapter: this.adapterOptions(path) };
    } catch {
      return null;
    }
  }

  /** The version (`m<mtime>:<size>`) of each plan on disk that analysisOf read and analysed. */
  private diskVersions = new Map<string, string>();

  analyse(uri: string, text: string, version: string): PlanAnalysis {
    const key = `${version}|${text.length}`;
    const hit = this.cache.get(uri);
    if (hit && hit.key === key) return hit.analysis;
    const path = toPath(uri);
    const context = planContext(path, uri, text, this.adapterOptions(path), this.configCache);
    this.noteFileProblems([...context.configProblems, ...context.directoryProblems]);
    let editCache: AnalysisCache | undefined;
    if (this.documents.get(uri)) {
      editCache = this.editCaches.get(uri);
      if (!editCache) this.editCaches.set(uri, (editCache = new AnalysisCache()));
    }
    const started = performance.now();
    const analysis = analysePlan(text, { ...context.options, cache: editCache });
    this.lastAnalysisMs.set(uri, performance.now() - started);
    this.cache.set(uri, { key, analysis });
    this.latest.set(uri, analysis);
    return analysis;
  }

  analyseDraft(uri: string, text: string): PlanAnalysis {
    const path = toPath(uri);
    const context = planContext(path, uri, text, this.adapterOptions(path), this.configCache);
    return analysePlan(text, context.options);
  }

  /** What the editor adds to a plan's settings (node/planContext.ts): its `ecoplan.*` settings, the folder they are relative to, trust. */
  private adapterOptions(path: string | null) {
    const { catalogue, level, rules, departments } = this.settings;
    return { catalogue, level, rules, departments, departmentsBase: path ? this.rootOf(path) : undefined, locale: this.locale, trusted: this.trusted, roots: this.folders };
  }

  /** The workspace folder holding a file (else the first folder, else the file's own folder). */
  private rootOf(path: string): string {
    return this.folderOf(path) ?? this.folders[0] ?? dirname(path);
  }

  /** The workspace folder that holds `path` (the innermost, when folders nest); `/w/foo` does not hold `/w/foobar/x.md`. */
  private folderOf(path: string): string | undefined {
    let best: string | undefined;
    for (const f of this.folders) {
      const holds = path === f || path.startsWith(f.endsWith(sep) ? f : f + sep);
      if (holds && (!best || f.length > best.length)) best = f;
    }
    return best;
  }

  /**
   * A county plan's city plan (core/review/cityPairing.ts): its front matter's `parent:` selects among the
   * workspace's plans; its config's `parent:` (the user's own file, resolved inside the config's folder
   * or the workspace by node/config.ts) may name one outside them; else the plan of its prefecture,
   * looked for among the first CITY_SEARCH_LIMIT plans of the workspace, as the department hover does.
   */
  cityPlanOf(uri: string): CityPlan | { problem: ParentProblem; off: ReadonlySet<string> } | null {
    const a = this.analysisOf(uri);
    if (!a) return null;
    const path = toPath(uri);
    const context = planContext(path, uri, a.model.text, this.adapterOptions(path), this.configCache);
    const off = new Set(Object.entries(context.options.rules ?? {}).filter(([, v]) => v === 'off').map(([k]) => k));
    const written = parentSetting(a);
    const place = a.settings.place;
    const configParentUri = context.config?.parent ? pathToFileURL(context.config.parent).toString() : null;
    const prefecture = place?.prefecture && place.prefecture !== place.name ? place.prefecture : null;
    // a city plan, or a plan whose place is not known, has no city to look for: no walk of the workspace
    if (written === undefined && !configParentUri && !prefecture) return null;
    const plans: PlanInSet[] = [];
    const uris = new Map<PlanInSet, string>();
    const entry = (u: string, analysis: PlanAnalysis): PlanInSet => {
      const e = { path: toPath(u) ?? u, analysis };
      uris.set(e, u);
      return e;
    };
    const county = entry(uri, a);
    const configAnalysis = configParentUri && configParentUri !== uri ? this.analysisOf(configParentUri) : null;
    const configEntry = configAnalysis ? entry(configParentUri!, configAnalysis) : null;
    // the last answer for the same place, parent: and open documents stands while it still pairs (a keystroke
    // in the county does not walk the workspace again); files changed on disk clear it (invalidate)
    const key = `${place?.code ?? ''}|${written ?? ''}|${configParentUri ?? ''}|${this.documents.all().length}`;
    const last = this.cityOfCounty.get(uri);
    if (last && last.key === key) {
      // (a `parent:` that selected nothing is looked for again: its message is said each time)
      if (last.city === null && written === undefined) return null;
      const cached = last.city === null ? null : this.analysisOf(last.city);
      const again = cached ? cityOf(county, [entry(last.city!, cached)], configEntry) : null;
      if (again && !('problem' in again)) return { uri: uris.get(again.city)!, analysis: again.city.analysis, by: again.by, off };
    }
    if (written !== undefined || !configParentUri) {
      for (const u of this.cityCandidateUris()) {
        if (u === uri) continue;
        if (written === undefined) {
          // without `parent:` only a plan that may be of the prefecture is looked at: one analysed before whose
          // place was it, one not analysed yet whose text names it (a workspace pull of many counties stays linear)
          const known = this.latest.get(u);
          if (known ? known.settings.place?.name !== prefecture : !this.textOf(u)?.text.includes(prefecture!.slice(0, 2))) continue;
        }
        const pa = this.analysisOf(u);
        if (pa) plans.push(entry(u, pa));
      }
    }
    const found = cityOf(county, plans, configEntry);
    this.cityOfCounty.set(uri, { key, city: found && !('problem' in found) ? uris.get(found.city)! : null });
    if (!found) return null;
    if ('problem' in found) return { problem: found.problem, off };
    return { uri: uris.get(found.city)!, analysis: found.city.analysis, by: found.by, off };
  }

  /** The plans looked through for a city plan: the workspace's first CITY_SEARCH_LIMIT, listed at most once a second. */
  private cityCandidateUris(): string[] {
    const now = performance.now();
    const open = this.documents.all().length;
    if (!this.candidates || now - this.candidates.at > 1000 || this.candidates.open !== open) this.candidates = { at: now, open, uris: this.allPlanUris(CITY_SEARCH_LIMIT) };
    return this.candidates.uris;
  }

  private candidates: { at: number; open: number; uris: string[] } | null = null;

  /** Per county plan: its city plan's URI (null: none) as last found, and what it was found for. */
  private cityOfCounty = new Map<string, { key: string; city: string | null }>();

  /** The catalogue editions a plan may name: the built-in ones and those its config adds. */
  editionsFor(uri: string): CatalogueEdition[] {
    return editionsAt(toPath(uri), this.trusted, this.configCache, this.folders);
  }

  /**
   * Where departments added by the drafter go for this plan: the directory file already in use
   * (front matter `departments:`, then the config's, then the `ecoplan.departments` setting), or,
   * when none is configured, `ecoplan.departments.yaml` at the workspace root, to be referenced from
   * the nearest config file (`configPath`, created at the root when there is none). Null when
   * untrusted, not a file, or when it would write outside the workspace folders.
   */
  directoryTarget(uri: string, text: string): { file: string; exists: boolean; configPath: string | null; configExists: boolean } | null {
    const path = toPath(uri);
    if (!this.trusted || !path) return null;
    return directoryTarget(path, this.rootOf(path), this.settings.departments, this.folders.length ? this.folders : [dirname(path)]);
  }

  /** Every plan in the workspace folders (open or not), as URIs. Skips node_modules and dot-folders. */
  allPlanUris(limit = 2000): string[] {
    const out = new Set<string>();
    for (const doc of this.documents.all()) if (this.isPlan(doc.uri, doc.getText())) out.add(doc.uri);
    for (const { path: p, stats: st } of planFilesUnder(this.folders, { kinds: TEXT })) {
      if (out.size >= limit) break;
      const uri = pathToFileURL(p).toString();
      if (out.has(uri)) continue;
      // whether a file is a plan is read once per version of the file, not on every request
      const key = `${st.mtimeMs}:${st.size}`;
      let known = this.planFiles.get(p);
      if (!known || known.key !== key) {
        const src = this.textOf(uri);
        known = { key, plan: !!src && this.isPlan(uri, src.text) };
        this.planFiles.set(p, known);
      }
      if (known.plan) out.add(uri);
    }
    return [...out];
  }

  /** Every Word file (.docx) in the workspace folders, as URIs, walked as allPlanUris walks. */
  allWordUris(limit = 2000): string[] {
    return planFilesUnder(this.folders, { kinds: WORD, limit }).map((f) => pathToFileURL(f.path).toString());
  }

  /**
   * A .docx imported in memory and analysed as a Markdown plan, cached per file version: the
   * analysis and, per line of the imported text, its Word paragraph; or why the file cannot be read.
   */
  analyseWord(uri: string, read: (bytes: Uint8Array, fileName: string) => WordRead): { analysis: PlanAnalysis; lineParagraphs: number[] } | { error: LocalizedText } {
    const path = toPath(uri);
    if (!path) return { error: { zh: '不是本地文件', en: 'not a local file' } };
    let version: string;
    try {
      const st = statSync(path);
      version = `m${st.mtimeMs}:${st.size}`;
    } catch (e) {
      return { error: { zh: `无法读取(${(e as NodeJS.ErrnoException).code ?? String(e)})`, en: `cannot read (${(e as NodeJS.ErrnoException).code ?? String(e)})` } };
    }
    const hit = this.wordCache.get(uri);
    if (hit && hit.version === version) return hit.result;
    const file = readRegularFile(path, MAX_WORD_BYTES);
    if (!file.ok) return { error: file.reason };
    const bytes = file.bytes;
    const word = read(bytes, basename(path));
    const result = word.ok ? { analysis: this.analyse(uri, word.text, version), lineParagraphs: word.lineParagraphs } : { error: word.reason };
    this.wordCache.set(uri, { version, result });
    return result;
  }

  private wordCache = new Map<string, { version: string; result: ReturnType<PlanWorkspace['analyseWord']> }>();

  wordUpToDate(uri: string): boolean {
    const path = toPath(uri);
    const hit = this.wordCache.get(uri);
    if (!path || !hit) return false;
    try {
      const st = statSync(path);
      return hit.version === `m${st.mtimeMs}:${st.size}`;
    } catch {
      return false;
    }
  }
}

const TEXT = new Set(['text'] as const);
const WORD = new Set(['word'] as const);

const SEVERITIES = ['error', 'warning', 'information', 'hint', 'off'];

/** The well-typed part of a client's settings object, and what was left out. */
export function sanitizeSettings(raw: unknown): { settings: ClientSettings; problems: LocalizedText[] } {
  const settings: ClientSettings = {};
  const problems: LocalizedText[] = [];
  if (raw === null || raw === undefined) return { settings, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) return { settings, problems: [{ zh: 'ecoplan 设置应为对象,已忽略', en: 'the ecoplan settings must be an object; ignored' }] };
  const r = raw as Record<string, unknown>;
  const bad = (key: string) => problems.push({ zh: `设置 ecoplan.${key} 的值无效,已忽略`, en: `setting ecoplan.${key} has an invalid value; ignored` });
  if (typeof r.catalogue === 'string' && r.catalogue) settings.catalogue = r.catalogue;
  else if (r.catalogue !== undefined && r.catalogue !== '' && r.catalogue !== null) bad('catalogue');
  if (r.level === '市' || r.level === '县') settings.level = r.level;
  else if (r.level !== undefined && r.level !== '' && r.level !== null) bad('level');
  if (typeof r.departments === 'string') settings.departments = r.departments;
  else if (r.departments !== undefined && r.departments !== null) bad('departments');
  if (r.rules && typeof r.rules === 'object' && !Array.isArray(r.rules)) {
    const rules: Record<string, Severity | 'off'> = {};
    for (const [code, sev] of Object.entries(r.rules)) {
      if (typeof sev === 'string' && SEVERITIES.includes(sev)) rules[code] = sev as Severity | 'off';
      else bad(`rules.${code}`);
    }
    settings.rules = rules;
  } else if (r.rules !== undefined && r.rules !== null) bad('rules');
  if (Array.isArray(r.include) && r.include.every((x) => typeof x === 'string')) settings.include = r.include.filter((x: string) => x.length > 0);
  else if (r.include !== undefined && r.include !== null) bad('include');
  if (Array.isArray(r.exclude) && r.exclude.every((x) => typeof x === 'string')) settings.exclude = r.exclude.filter((x: string) => x.length > 0);
  else if (r.exclude !== undefined && r.exclude !== null) bad('exclude');
  const diagnostics = r.diagnostics as Record<string, unknown> | undefined | null;
  if (diagnostics && typeof diagnostics === 'object' && !Array.isArray(diagnostics)) {
    if (diagnostics.scope === 'openFiles' || diagnostics.scope === 'workspace') settings.diagnostics = { scope: diagnostics.scope };
    else if (diagnostics.scope !== undefined && diagnostics.scope !== null && diagnostics.scope !== '') bad('diagnostics.scope');
  } else if (diagnostics !== undefined && diagnostics !== null) bad('diagnostics');
  return { settings, problems };
}
