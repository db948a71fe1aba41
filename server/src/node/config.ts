import { existsSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { isMap, isScalar, isSeq } from 'yaml';
import { builtinEditions } from '../core/catalogue/builtin';
import type { CatalogueEdition } from '../core/catalogue/types';
import { loadUserCatalogue } from '../core/catalogue/userCatalogue';
import { builtinDirectory, parseDirectoryEntries, type DepartmentDirectory } from '../core/departments/directory';
import { localize, type Locale } from '../core/locale';
import type { LocalizedText, PlanLevel, Severity } from '../core/model/types';
import { allRules } from '../core/rules';
import { readReviewCriteria } from '../core/review/criteria';
import type { VerdictCriteria } from '../core/review/types';
import { crossPlanRules } from '../core/review/cityDiagnostics';
import type { ExternalSettings } from '../core/settings';
import { readYaml } from '../core/yamlLimits';
import { isInside, MAX_SETTINGS_BYTES, readRegularFile } from './safeRead';

export const CONFIG_NAMES = ['ecoplan.config.json', 'ecoplan.config.yaml', 'ecoplan.config.yml'];

export interface LoadedConfig {
  path: string | null;
  settings: ExternalSettings;
  /** Built-in editions plus the catalogues the config adds (`catalogues: [zhejiang.yaml]`). */
  editions: CatalogueEdition[];
  directory: DepartmentDirectory;
  /** Problems with the config or the files it points to. */
  problems: FileProblem[];
  /** `review:`, the verdict criteria of `ecoplan review` (core/review/criteria.ts), when the config has them. */
  review?: VerdictCriteria;
  /** `parent:`: the city plan of the county plans under this config (absolute path, inside the config's folder or the workspace). */
  parent?: string;
}

/**
 * A problem with a file the user wrote beside the plans (a config, a department directory, a
 * catalogue): the CLI prints it as `file:line: message`, the server shows it on that line of the file.
 */
export interface FileProblem {
  file: string;
  /** 1-based; null when the file as a whole is meant (it cannot be read). */
  line: number | null;
  /** In both languages: the editor and the CLI each show one. */
  message: LocalizedText;
}

export function formatFileProblem(p: FileProblem, locale: Locale): string {
  return `${p.file}${p.line !== null ? `:${p.line}` : ''}: ${localize(p.message, locale)}`;
}

const SEVERITIES = ['error', 'warning', 'information', 'hint', 'off'];
const KEYS = ['catalogue', 'catalogues', 'level', 'terrain', 'citySize', 'period', 'departments', 'rules', 'parent', 'review'];

/** The nearest `ecoplan.config.*` at or above `dir`, or null. */
export function findConfig(dir: string): string | null {
  let d = resolve(dir);
  for (;;) {
    for (const n of CONFIG_NAMES) {
      const p = join(d, n);
      if (existsSync(p)) return p;
    }
    const up = dirname(d);
    if (up === d) return null;
    d = up;
  }
}

/** A settings file's text, or why it cannot be read (only a regular file of at most MAX_SETTINGS_BYTES is opened). */
export function readSettingsText(file: string): { text: string } | { reason: LocalizedText } {
  const read = readRegularFile(file, MAX_SETTINGS_BYTES);
  if (!read.ok) return { reason: read.code ? { zh: read.code, en: read.code } : read.reason };
  return { text: read.bytes.toString('utf8') };
}

/**
 * A file a config names (`departments:`, `catalogues:`), as an absolute path: resolved against the
 * config's folder, and only inside that folder or one of `roots` (the workspace folders), links
 * followed; else the problem to report.
 */
function namedFile(config: string, written: string, roots: readonly string[], line: number): { file: string } | { problem: FileProblem } {
  const file = isAbsolute(written) ? written : join(dirname(config), written);
  if (isInside(file, [dirname(config), ...roots])) return { file };
  return {
    problem: {
      file: config,
      line,
      message: { zh: `${written} 不在配置文件所在目录${roots.length ? '或工作区' : ''}内,未读取`, en: `${written} is outside the config's folder${roots.length ? ' and the workspace' : ''}, not read` },
    },
  };
}

/** At most this many problems are listed per settings file (a 1 MB config of unknown keys is not 100,000 lines). */
const MAX_PROBLEMS = 20;

/**
 * The config at `path`. The files it names are read only inside its own folder or one of `roots`
 * (the server's workspace folders; the CLI passes none).
 */
export function loadConfig(path: string | null, cache = new Map<string, LoadedConfig>(), roots: readonly string[] = []): LoadedConfig {
  const empty: LoadedConfig = { path, settings: {}, editions: builtinEditions, directory: builtinDirectory, problems: [] };
  if (!path) return empty;
  const hit = cache.get(path);
  if (hit) return hit;
  cache.set(path, empty);
  const read = readSettingsText(path);
  if ('reason' in read) {
    empty.problems.push({ file: path, line: null, message: { zh: `无法读取配置文件(${read.reason.zh})`, en: `cannot read config (${read.reason.en})` } });
    return empty;
  }
  // YAML is a superset of JSON, so one parser gives line numbers for both formats
  const yaml = readYaml(read.text);
  const { lineOf } = yaml;
  if (yaml.problem || !yaml.doc) {
    empty.problems.push({ file: path, line: lineOf(yaml.problem!.offset), message: { zh: `配置文件格式错误,已使用默认设置:${yaml.problem!.message.zh}`, en: `invalid config, defaults used: ${yaml.problem!.message.en}` } });
    return empty;
  }
  const root = yaml.doc.contents;
  if (!isMap(root)) {
    empty.problems.push({ file: path, line: 1, message: { zh: '配置应为对象', en: 'config must be an object' } });
    return empty;
  }
  const out: LoadedConfig = { path, settings: {}, editions: builtinEditions, directory: builtinDirectory, problems: [] };
  for (const item of root.items) {
    const key = isScalar(item.key) ? String(item.key.value) : '';
    const line = lineOf((item.key as { range?: number[] })?.range?.[0] ?? 0);
    const value = item.value && isScalar(item.value) ? item.value.value : item.value;
    const str = typeof value === 'string' || typeof value === 'number' ? String(value) : null;
    switch (key) {
      case 'level':
        if (str === '市' || str === '县') out.settings.level = str as PlanLevel;
        else out.problems.push({ file: path, line, message: { zh: 'level 应为 市 或 县', en: 'level must be 市 or 县' } });
        break;
      case 'catalogue':
      case 'terrain':
      case 'citySize':
      case 'period':
        if (str !== null) out.settings[key] = str;
        else out.problems.push({ file: path, line, message: { zh: `${key} 应为字符串`, en: `${key} must be a string` } });
        break;
      case 'parent': {
        if (str === null) {
          out.problems.push({ file: path, line, message: { zh: 'parent 应为市级方案的文件路径', en: "parent must be the city plan's file path" } });
          break;
        }
        const named = namedFile(path, str, roots, line);
        if ('problem' in named) out.problems.push(named.problem);
        else out.parent = named.file;
        break;
      }
      case 'departments': {
        if (str === null) {
          out.problems.push({ file: path, line, message: { zh: 'departments 应为文件路径', en: 'departments must be a file path' } });
          break;
        }
        const named = namedFile(path, str, roots, line);
        if ('problem' in named) {
          out.problems.push(named.problem);
          break;
        }
        const loaded = loadDirectoryFile(named.file);
        out.problems.push(...loaded.problems);
        if (loaded.directory) out.directory = loaded.directory;
        break;
      }
      case 'catalogues': {
        const list = item.value && isSeq(item.value) ? item.value.items.map((x) => (isScalar(x) ? String(x.value) : '')) : str !== null ? [str] : [];
        if (list.length === 0) out.problems.push({ file: path, line, message: { zh: 'catalogues 应为文件路径列表', en: 'catalogues must be a list of file paths' } });
        for (const rel of list) {
          const named = namedFile(path, rel, roots, line);
          if ('problem' in named) {
            out.problems.push(named.problem);
            continue;
          }
          const file = named.file;
          const read = readSettingsText(file);
          if ('reason' in read) {
            out.problems.push({ file, line: null, message: { zh: `无法读取指标体系文件(${read.reason.zh})`, en: `cannot read catalogue (${read.reason.en})` } });
            continue;
          }
          const loaded = loadUserCatalogue(read.text, builtinEditions);
          for (const p of loaded.problems) out.problems.push({ file, line: p.line, message: { zh: `${p.message}(该指标体系未启用,仍使用内置版本)`, en: `${p.message} (not used; built-in editions stay in effect)` } });
          if (loaded.edition) out.editions = [...out.editions.filter((e) => e.id !== loaded.edition!.id), loaded.edition];
        }
        break;
      }
      case 'rules': {
        const rules: Record<string, Severity | 'off'> = {};
        if (!isMap(item.value)) {
          out.problems.push({ file: path, line, message: { zh: 'rules 应为「规则: 级别」的对象', en: 'rules must map codes to severities' } });
          break;
        }
        for (const r of item.value.items) {
          const code = isScalar(r.key) ? String(r.key.value) : '';
          const sev = isScalar(r.value) ? String(r.value.value) : '';
          const rl = lineOf((r.key as { range?: number[] })?.range?.[0] ?? 0);
          if (!allRules.some((x) => x.code === code) && !crossPlanRules.some((x) => x.code === code)) out.problems.push({ file: path, line: rl, message: { zh: `未知规则:${code}`, en: `unknown rule: ${code}` } });
          else if (!SEVERITIES.includes(sev)) out.problems.push({ file: path, line: rl, message: { zh: `${code} 的级别应为 ${SEVERITIES.join('|')}`, en: `the severity of ${code} must be ${SEVERITIES.join('|')}` } });
          else rules[code] = sev as Severity | 'off';
        }
        out.settings.rules = rules;
        break;
      }
      case 'review': {
        const read = readReviewCriteria(item.value, line, lineOf);
        out.review = read.criteria;
        for (const p of read.problems) out.problems.push({ file: path, line: p.line, message: p.message });
        break;
      }
      default:
        out.problems.push({ file: path, line, message: { zh: `未知配置项:${key}(可用:${KEYS.join('、')})`, en: `unknown key: ${key} (known: ${KEYS.join(', ')})` } });
    }
  }
  if (out.problems.length > MAX_PROBLEMS) {
    const more = out.problems.length - MAX_PROBLEMS;
    out.problems = [...out.problems.slice(0, MAX_PROBLEMS), { file: path, line: null, message: { zh: `另有 ${more} 个问题未列出`, en: `${more} more problem(s) not listed` } }];
  }
  cache.set(path, out);
  return out;
}

type LoadedDirectory = { directory: DepartmentDirectory | null; problems: FileProblem[] };

// The last read of each directory file, by path, while its mtime and size stay the same. The server
// asks on every keystroke of a plan whose front matter names one; the same object back also lets the
// analysis patch the last one (core/analyse.ts keeps an edit incremental only under the same directory).
const directoryReads = new Map<string, { stamp: string; loaded: LoadedDirectory }>();

export function loadDirectoryFile(file: string): LoadedDirectory {
  let stamp = '';
  try {
    const st = statSync(file);
    stamp = `${st.mtimeMs}:${st.size}:${st.ino}`;
  } catch {
    // not there: read below says why
  }
  const known = directoryReads.get(file);
  if (stamp && known && known.stamp === stamp) return known.loaded;
  const loaded = readDirectoryFile(file);
  if (stamp) directoryReads.set(file, { stamp, loaded });
  return loaded;
}

function readDirectoryFile(file: string): LoadedDirectory {
  const read = readSettingsText(file);
  if ('reason' in read) return { directory: null, problems: [{ file, line: null, message: { zh: `无法读取部门名录(${read.reason.zh})`, en: `cannot read department directory (${read.reason.en})` } }] };
  const yaml = readYaml(read.text);
  const { doc, lineOf } = yaml;
  if (yaml.problem || !doc) {
    return { directory: null, problems: [{ file, line: lineOf(yaml.problem!.offset), message: { zh: `部门名录格式错误,已使用内置名录:${yaml.problem!.message.zh}`, en: `invalid directory, built-in list used: ${yaml.problem!.message.en}` } }] };
  }
  const { entries, errors } = parseDirectoryEntries(yaml.value, file);
  // the line of the n-th entry: of the list itself, or of `departments:`'s list
  const root = doc.contents;
  const listed: unknown = isMap(root) ? root.get('departments', true) : root;
  const lineOfEntry = (index: number) => {
    const at = index >= 0 && isSeq(listed) ? (listed.items[index] as { range?: number[] } | undefined)?.range?.[0] : undefined;
    return lineOf(at ?? (root as { range?: number[] } | null)?.range?.[0] ?? 0);
  };
  const problems: FileProblem[] = errors.slice(0, MAX_PROBLEMS).map((e) => ({ file, line: lineOfEntry(e.index), message: { zh: `${e.index >= 0 ? `第 ${e.index + 1} 项:` : ''}${e.message.zh}`, en: `${e.index >= 0 ? `entry ${e.index + 1}: ` : ''}${e.message.en}` } }));
  if (errors.length > MAX_PROBLEMS) problems.push({ file, line: null, message: { zh: `另有 ${errors.length - MAX_PROBLEMS} 个问题未列出`, en: `${errors.length - MAX_PROBLEMS} more problem(s) not listed` } });
  return { directory: builtinDirectory.withEntries(entries), problems };
}
