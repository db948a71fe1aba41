import { fileURLToPath } from 'node:url';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { PlanAnalysis } from '../core/analyse';
import type { CatalogueEdition } from '../core/catalogue/types';
import type { Locale } from '../core/locale';
import type { LocalizedText, PlanLevel, Severity } from '../core/model/types';
import type { WordRead } from '../node/wordRead';
import type { CityOfCounty, ParentProblem } from '../core/review/cityPairing';

/**
 * What an LSP feature may ask of the workspace (as vscode-markdown-languageservice's IWorkspace):
 * the open documents, the plans and their analyses, the editor's settings. `PlanWorkspace`
 * implements it over the connection's documents and the file system; a test implements it (or
 * builds a PlanWorkspace) over documents in memory. A feature is a provider function over this
 * interface; its `register…` only binds the provider to the connection.
 */
/**
 * Why a file is or is not checked: it declares itself (`ecoplan:` front matter, `*.plan.md`), matches
 * `ecoplan.include`, reads as a plan (core/planSniff.ts); or matches `ecoplan.exclude`, does not
 * read as a plan, or cannot be read.
 */
export type PlanStatus = 'declared' | 'included' | 'content' | 'excluded' | 'not-a-plan' | 'unreadable';

export interface PlanSource {
  /** The UI language of the client (messages, labels). */
  readonly locale: Locale;
  /** The editor's `ecoplan.*` settings. */
  readonly settings: ClientSettings;
  /** Whether the client applies workspace edits that create files. */
  readonly canCreateFiles: boolean;
  /** An open document, with its live text and version. */
  document(uri: string): TextDocument | undefined;
  /** A plan's text: an open document's, else the file's (decoded); with a version key. */
  textOf(uri: string): { text: string; version: string } | null;
  /** The analysis of the current text of a plan, or null when it is not a plan. */
  analysisOf(uri: string): PlanAnalysis | null;
  /** Whether and why a file is checked as a plan (see PlanStatus). */
  planStatus(uri: string): PlanStatus;
  /** A .docx imported as plan Markdown (what `ecoplan check` reads), for the editor's read-only view of it; or why not. */
  wordText(uri: string): Promise<{ text: string } | { error: LocalizedText }>;
  /** Writes the plan as a .docx beside it (`方案.docx`; `方案-附表.docx` is not overwritten by it): the file written, or why not. */
  exportWord(uri: string, withTables: boolean, overwrite?: boolean): Promise<{ file: string; keptTags: number } | { exists: string } | { error: LocalizedText }>;
  /** The last completed analysis of a plan (any version), or null when it was never analysed. */
  lastAnalysis(uri: string): PlanAnalysis | null;
  /** The last completed analysis of a plan (any version), or its first: what completion answers from. */
  lastOrFirstAnalysis(uri: string): PlanAnalysis | null;
  /** Every plan's last completed analysis, by URI. */
  lastAnalyses(): IterableIterator<[string, PlanAnalysis]>;
  /** Every plan of the workspace (open or not), as URIs. */
  allPlanUris(limit?: number): string[];
  /** The catalogue editions the plan may name (built-in and its config's). */
  editionsFor(uri: string): CatalogueEdition[];
  /**
   * A county plan's city plan among the workspace's plans (core/review/cityPairing.ts), with the codes
   * the county's settings turn off; or why its `parent:` selects none; null when it has none.
   */
  cityPlanOf(uri: string): CityPlan | { problem: ParentProblem } | null;
  /** Where a department added by the drafter goes (see node/planContext.ts), or null. */
  directoryTarget(uri: string, text: string): { file: string; exists: boolean; configPath: string | null; configExists: boolean } | null;
}

/** A county plan's city plan in the workspace, as PlanSource.cityPlanOf finds it. */
export interface CityPlan {
  uri: string;
  analysis: PlanAnalysis;
  by: CityOfCounty['by'];
  /** Codes of the cross-plan findings the county's config or the editor turns off. */
  off: ReadonlySet<string>;
}

/**
 * What publishing diagnostics needs besides (features/diagnostics.ts): forgetting a closed
 * document, how long its last analysis took (the debounce), the workspace's Word files.
 */
export interface DiagnosticsSource extends PlanSource {
  readonly lastAnalysisMs: ReadonlyMap<string, number>;
  forget(uri: string): void;
  invalidate(): void;
  allWordUris(limit?: number): string[];
  analyseWord(uri: string, read: (bytes: Uint8Array, fileName: string) => WordRead): { analysis: PlanAnalysis; lineParagraphs: number[] } | { error: LocalizedText };
  /** Whether the Word file's last analysis is of its current version (analyseWord will not read it). */
  wordUpToDate(uri: string): boolean;
}

/** Editor settings (`ecoplan.*`), the lowest-precedence source after front matter and config files. */
export interface ClientSettings {
  catalogue?: string;
  level?: PlanLevel;
  departments?: string;
  rules?: Record<string, Severity | 'off'>;
  include?: string[];
  /** Globs (relative to the workspace folder) of files never checked, whatever they hold or declare. */
  exclude?: string[];
  /** `openFiles` (default): problems of open plans only; `workspace`: of every plan in the folders. */
  diagnostics?: { scope?: 'openFiles' | 'workspace' | string };
}

/** The open documents as the server keeps them (vscode-languageserver's TextDocuments, or a Map in a test). */
export interface DocumentStore {
  get(uri: string): TextDocument | undefined;
  all(): TextDocument[];
}

/** The file path of a `file:` URI, or null. */
export function toPath(uri: string): string | null {
  if (!uri.startsWith('file:')) return null;
  try {
    return fileURLToPath(uri);
  } catch {
    return null;
  }
}
