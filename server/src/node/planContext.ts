import { existsSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import type { AnalyseOptions } from '../core/analyse';
import { builtinEditions } from '../core/catalogue/builtin';
import type { CatalogueEdition } from '../core/catalogue/types';
import { builtinDirectory, type DepartmentDirectory } from '../core/departments/directory';
import { frontMatterBlock } from '../core/frontMatter';
import { readYaml } from '../core/yamlLimits';
import type { Locale } from '../core/locale';
import type { PlanLevel, Severity } from '../core/model/types';
import { findConfig, loadConfig, loadDirectoryFile, readSettingsText, type FileProblem, type LoadedConfig } from './config';
import { isInside } from './safeRead';

/**
 * One plan's settings as both adapters assemble them (the CLI per file, the server per document):
 * the nearest `ecoplan.config.*`, the department directory (the config's, then the adapter's own),
 * the catalogue editions, and the options `analysePlan` takes. Precedence: front matter (read by the
 * analysis) > config file > what the adapter passes (command-line flags, editor settings) > defaults.
 *
 * The trust boundary: a plan may come from someone else (a received .docx's properties become its
 * front matter), so what it carries sets the level, period, edition and scopes, never a path: which
 * directory and catalogue files are read comes only from the user's own config or editor settings,
 * and those paths resolve inside the config's folder or the workspace folders.
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
  /** The workspace folders (the server): files a config or the editor settings name are read only inside them (or the config's folder). */
  roots?: readonly string[];
}

export interface PlanContext {
  config: LoadedConfig | null;
  directory: DepartmentDirectory;
  editions: CatalogueEdition[];
  /** Everything `analysePlan` needs but the text (and an editor's AnalysisCache). */
  options: AnalyseOptions;
  /** The config's problems, and those of the files it names. */
  configProblems: FileProblem[];
  /** Problems with the directory file the editor's `ecoplan.departments` names. */
  directoryProblems: FileProblem[];
}

/** `.txt` is plain text (its `---` lines are text, not front matter); everything else is Markdown. */
export function planFormat(pathOrUri: string): 'markdown' | 'text' {
  return /\.txt$/i.test(pathOrUri) ? 'text' : 'markdown';
}

/**
 * The settings of the plan at `path` (null: not a file, e.g. an unsaved editor buffer) with text
 * `text`, as the CLI and the server analyse it. `uri` is what the analysis and its findings name.
 */
export function planContext(path: string | null, uri: string, text: string, adapter: AdapterOptions, configCache: Map<string, LoadedConfig>): PlanContext {
  const trusted = adapter.trusted !== false;
  const config = trusted && path ? loadConfig(findConfig(dirname(path)), configCache, adapter.roots) : null;
  const directoryProblems: FileProblem[] = [];
  let directory: DepartmentDirectory = builtinDirectory;
  if (trusted && path) {
    if (config && config.directory !== builtinDirectory) directory = config.directory;
    else if (adapter.departments) {
      const base = adapter.departmentsBase ?? dirname(path);
      const file = resolve(base, adapter.departments);
      const roots = adapter.roots?.length ? adapter.roots : [base];
      if (!isInside(file, roots)) {
        directoryProblems.push({ file, line: null, message: { zh: '不在工作区内,未读取(ecoplan.departments 应指向工作区中的文件)', en: 'outside the workspace, not read (ecoplan.departments must name a file in the workspace)' } });
      } else {
        const loaded = loadDirectoryFile(file);
        directoryProblems.push(...loaded.problems);
        if (loaded.directory) directory = loaded.directory;
      }
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
export function editionsAt(path: string | null, trusted: boolean, configCache: Map<string, LoadedConfig>, roots: readonly string[] = []): CatalogueEdition[] {
  const config = trusted && path ? loadConfig(findConfig(dirname(path)), configCache, roots) : null;
  return config?.editions ?? builtinEditions;
}

/**
 * Where departments added by the drafter go for the plan at `path`: the directory file already in
 * use (the config's, then the adapter's), or, when none is configured, `ecoplan.departments.yaml` in
 * `root`, to be referenced from the nearest config file (`configPath`, created in `root` when there
 * is none). Null when a file it would write is outside `roots` (the workspace folders): a quick
 * fix never writes outside them.
 */
export function directoryTarget(
  path: string,
  root: string,
  departments: string | undefined,
  roots: readonly string[],
): { file: string; exists: boolean; configPath: string | null; configExists: boolean } | null {
  const target = directoryTargetAnywhere(path, root, departments);
  const writes = [target.file, ...(target.configPath ? [target.configPath] : [])];
  return writes.every((f) => isInside(f, roots)) ? target : null;
}

function directoryTargetAnywhere(path: string, root: string, departments: string | undefined) {
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
  const read = readSettingsText(configPath);
  const value = 'text' in read ? readYaml(read.text).doc?.get('departments') : null;
  return typeof value === 'string' && value ? (isAbsolute(value) ? value : resolve(dirname(configPath), value)) : null;
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
