import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import type { AnalyseOptions } from '../core/analyse';
import { builtinEditions } from '../core/catalogue/builtin';
import type { CatalogueEdition } from '../core/catalogue/types';
import { builtinDirectory, type DepartmentDirectory } from '../core/departments/directory';
import { frontMatterBlock, frontMatterSetting, readFrontMatter } from '../core/frontMatter';
import type { Locale } from '../core/locale';
import type { PlanLevel, Severity } from '../core/model/types';
import { findConfig, loadConfig, loadDirectoryFile, type FileProblem, type LoadedConfig } from './config';

/**
 * One plan's settings as both adapters assemble them (the CLI per file, the server per document):
 * the nearest `ecoplan.config.*`, the department directory (front matter `departments:`, then the
 * config's, then the adapter's own), the catalogue editions, and the options `analysePlan` takes.
 * Precedence: front matter (read by the analysis) > config file > what the adapter passes
 * (command-line flags, editor settings) > defaults.
 */

/** What an adapter knows beyond the file: command-line flags, or the editor's `ecoplan.*` settings. */
export interface AdapterOptions {
  catalogue?: string;
  level?: PlanLevel;
  /** Per-rule severities; the config's win code by code. */
  rules?: Record<string, Severity | 'off'>;
  /** The editor's `ecoplan.departments`: a directory file, resolved against `departmentsBase`. */
  departments?: string;
  departmentsBase?: string;
  locale: Locale;
  /** In an untrusted folder no config or directory file is read: built-in catalogue and directory only. */
  trusted?: boolean;
}

export interface PlanContext {
  config: LoadedConfig | null;
  directory: DepartmentDirectory;
  editions: CatalogueEdition[];
  /** Everything `analysePlan` needs but the text (and an editor's AnalysisCache). */
  options: AnalyseOptions;
  /** The config's problems, and those of the files it names. */
  configProblems: FileProblem[];
  /** Problems with the directory file the front matter (or the editor's `ecoplan.departments`) names. */
  directoryProblems: FileProblem[];
}

/** `.txt` is plain text (its `---` lines are text, not front matter); everything else is Markdown. */
export function planFormat(pathOrUri: string): 'markdown' | 'text' {
  return /\.txt$/i.test(pathOrUri) ? 'text' : 'markdown';
}

/**
 * The directory file a plan's front matter names, as an absolute path: resolved against the plan's
 * folder (an absolute path stays as written). Undefined when the plan names none.
 */
export function frontMatterDirectoryPath(path: string, text: string): string | undefined {
  const written = frontMatterSetting(readFrontMatter(text, planFormat(path)), 'departments');
  return written ? resolve(dirname(path), written) : undefined;
}

/**
 * The settings of the plan at `path` (null: not a file, e.g. an unsaved editor buffer) with text
 * `text`, as the CLI and the server analyse it. `uri` is what the analysis and its findings name.
 */
export function planContext(path: string | null, uri: string, text: string, adapter: AdapterOptions, configCache: Map<string, LoadedConfig>): PlanContext {
  const trusted = adapter.trusted !== false;
  const config = trusted && path ? loadConfig(findConfig(dirname(path)), configCache) : null;
  const directoryProblems: FileProblem[] = [];
  let directory: DepartmentDirectory = builtinDirectory;
  if (trusted && path) {
    const fm = frontMatterDirectoryPath(path, text);
    const fromFrontMatter = fm ? loadDirectoryFile(fm) : null;
    if (fromFrontMatter) directoryProblems.push(...fromFrontMatter.problems);
    if (fromFrontMatter?.directory) directory = fromFrontMatter.directory;
    else if (config && config.directory !== builtinDirectory) directory = config.directory;
    else if (adapter.departments) {
      const loaded = loadDirectoryFile(resolve(adapter.departmentsBase ?? dirname(path), adapter.departments));
      directoryProblems.push(...loaded.problems);
      if (loaded.directory) directory = loaded.directory;
    }
  }
  const editions = config?.editions ?? builtinEditions;
  const options: AnalyseOptions = {
    uri,
    format: planFormat(path ?? uri),
    catalogue: config?.settings.catalogue ?? adapter.catalogue,
    level: config?.settings.level ?? adapter.level,
    terrain: config?.settings.terrain,
    citySize: config?.settings.citySize,
    period: config?.settings.period,
    rules: { ...(adapter.rules ?? {}), ...(config?.settings.rules ?? {}) },
    directory,
    editions,
    locale: adapter.locale,
  };
  return { config, directory, editions, options, configProblems: config?.problems ?? [], directoryProblems };
}

/** The catalogue editions a plan may name: the built-in ones and those its config adds. */
export function editionsAt(path: string | null, trusted: boolean, configCache: Map<string, LoadedConfig>): CatalogueEdition[] {
  const config = trusted && path ? loadConfig(findConfig(dirname(path)), configCache) : null;
  return config?.editions ?? builtinEditions;
}

/**
 * Where departments added by the drafter go for the plan at `path`: the directory file already in
 * use (front matter `departments:`, then the config's, then the adapter's), or, when none is
 * configured, `ecoplan.departments.yaml` in `root`, to be referenced from the nearest config file
 * (`configPath`, created in `root` when there is none).
 */
export function directoryTarget(
  path: string,
  text: string,
  root: string,
  departments: string | undefined,
): { file: string; exists: boolean; configPath: string | null; configExists: boolean } {
  const fm = frontMatterDirectoryPath(path, text);
  if (fm) return { file: fm, exists: existsSync(fm), configPath: null, configExists: false };
  const configPath = findConfig(dirname(path));
  const fromConfig = configPath ? configuredDirectory(configPath) : null;
  if (fromConfig) return { file: fromConfig, exists: existsSync(fromConfig), configPath: null, configExists: false };
  if (departments) {
    const file = resolve(root, departments);
    return { file, exists: existsSync(file), configPath: null, configExists: false };
  }
  const file = resolve(root, 'ecoplan.departments.yaml');
  return { file, exists: existsSync(file), configPath: configPath ?? resolve(root, 'ecoplan.config.yaml'), configExists: !!configPath };
}

/** The `departments:` file a config names (resolved against the config's folder), if any. */
function configuredDirectory(configPath: string): string | null {
  try {
    const value = parseDocument(readFileSync(configPath, 'utf8')).get('departments');
    return typeof value === 'string' && value ? (isAbsolute(value) ? value : resolve(dirname(configPath), value)) : null;
  } catch {
    return null;
  }
}

/** A top-level `ecoplan:` key in the front matter makes a Markdown file a plan. */
const ECOPLAN_KEY = /^ecoplan:/m;

/** A file that says it is a plan: `*.plan.md`, or Markdown whose front matter has an `ecoplan:` block. */
export function declaresPlan(pathOrUri: string, text: string): boolean {
  if (pathOrUri.endsWith('.plan.md')) return true;
  if (!/\.(md|markdown)$/i.test(pathOrUri)) return false;
  const fm = frontMatterBlock(text);
  return fm !== null && ECOPLAN_KEY.test(fm.value);
}
