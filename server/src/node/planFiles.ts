import { readdirSync, realpathSync, statSync, type Stats } from 'node:fs';
import { extname, join } from 'node:path';

/**
 * Which files under a folder may be plans, for the CLI (`ecoplan check <folder>`) and the server
 * (the workspace walk) alike: the same folders skipped, the same depth and size limits, the same
 * Word handling. The server then keeps only the text files that are plans (declared, included, or
 * read as one: `PlanWorkspace.isPlan`); the CLI checks every candidate.
 */

/** Text plans: Markdown and plain text. */
export const TEXT_EXTENSIONS = new Set(['.md', '.markdown', '.txt']);
/** Word files read in memory (`word/`); a legacy `.doc` is a candidate only to be told to import it first. */
export const WORD_EXTENSIONS = new Set(['.docx']);
export const LEGACY_WORD_EXTENSIONS = new Set(['.doc']);

/** How deep below a given folder the walk goes (a link back up must not make it endless). */
export const MAX_DEPTH = 8;
/** Larger files are skipped: a text plan of 20 MB takes minutes to analyse, a .docx of 50 MB is no plan. */
export const MAX_TEXT_BYTES = 20 * 1024 * 1024;
export const MAX_WORD_BYTES = 50 * 1024 * 1024;

export type PlanFileKind = 'text' | 'word' | 'legacy-word';

/** What a file name says a file is, or null. Word's lock files (`~$方案.docx`) are not documents. */
export function planFileKind(name: string): PlanFileKind | null {
  const ext = extname(name).toLowerCase();
  if (TEXT_EXTENSIONS.has(ext)) return 'text';
  if (name.startsWith('~$')) return null;
  if (WORD_EXTENSIONS.has(ext)) return 'word';
  if (LEGACY_WORD_EXTENSIONS.has(ext)) return 'legacy-word';
  return null;
}

/** A folder the walk does not enter, or a file it does not list: `node_modules` and dot-names. */
export function skippedName(name: string): boolean {
  return name === 'node_modules' || name.startsWith('.');
}

export interface PlanFile {
  path: string;
  kind: PlanFileKind;
  stats: Stats;
}

export interface WalkOptions {
  /** Which kinds to list (default: all). */
  kinds?: ReadonlySet<PlanFileKind>;
  /** Stop once this many files are listed. */
  limit?: number;
  /** Told what could not be read, or was left out by a limit (`path: reason`, Chinese / English). */
  onProblem?: (problem: string) => void;
}

/**
 * The candidate plan files below each folder, in name order, walked depth-first: dot-folders and
 * node_modules skipped, at most MAX_DEPTH levels, text files under MAX_TEXT_BYTES and Word files
 * under MAX_WORD_BYTES, regular files only (a FIFO named plan.md would wait forever for a writer).
 * Each folder is entered once, by its real path: folders linked to each other many times over (a
 * fan of links, not a loop) made the walk exponential.
 */
export function planFilesUnder(folders: readonly string[], opts: WalkOptions = {}): PlanFile[] {
  const out: PlanFile[] = [];
  const limit = opts.limit ?? Infinity;
  const problem = opts.onProblem ?? (() => {});
  const visited = new Set<string>();
  const walk = (dir: string, depth: number) => {
    if (out.length >= limit) return;
    let real: string;
    try {
      real = realpathSync(dir);
    } catch {
      real = dir;
    }
    if (visited.has(real)) return;
    visited.add(real);
    if (depth > MAX_DEPTH) {
      problem(`${dir}: 目录层级超过 ${MAX_DEPTH} 层,未检查 / nested deeper than ${MAX_DEPTH} folders, not checked`);
      return;
    }
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch (e) {
      problem(`${dir}: 无法读取目录 / cannot read folder (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
      return;
    }
    for (const n of names.sort()) {
      if (out.length >= limit) return;
      if (skippedName(n)) continue;
      const p = join(dir, n);
      let st: Stats;
      try {
        st = statSync(p);
      } catch (e) {
        problem(`${p}: 无法访问 / cannot access (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
        continue;
      }
      if (st.isDirectory()) {
        walk(p, depth + 1);
        continue;
      }
      const kind = planFileKind(n);
      if (!kind || (opts.kinds && !opts.kinds.has(kind))) continue;
      if (!st.isFile()) {
        problem(`${p}: 不是普通文件(管道、设备或套接字),未检查 / not a regular file (a FIFO, device or socket), not checked`);
        continue;
      }
      const max = kind === 'text' ? MAX_TEXT_BYTES : MAX_WORD_BYTES;
      if (st.size >= max) {
        problem(`${p}: 文件超过 ${max / 1024 / 1024} MB,未检查 / larger than ${max / 1024 / 1024} MB, not checked`);
        continue;
      }
      out.push({ path: p, kind, stats: st });
    }
  };
  for (const f of folders) walk(f, 0);
  return out;
}
