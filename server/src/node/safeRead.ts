import { readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { LocalizedText } from '../core/model/types';

/**
 * Reading a file the user (or a file received from someone else) names: only a regular file is
 * opened — a FIFO waits forever for a writer, /dev/zero never ends — and only up to a size.
 */

/** A settings file (config, department directory, catalogue) read at most: the YAML reader takes 1 MB of it. */
export const MAX_SETTINGS_BYTES = 4 * 1024 * 1024;

/** What a path is when it is not a regular file, for a message; null for a regular file. */
export function notRegular(st: { isFile(): boolean; isDirectory(): boolean; isFIFO(): boolean; isSocket(): boolean }): LocalizedText | null {
  if (st.isFile()) return null;
  if (st.isDirectory()) return { zh: '是目录而不是文件', en: 'a folder, not a file' };
  if (st.isFIFO()) return { zh: '是管道(FIFO)而不是普通文件,未读取', en: 'a FIFO, not a regular file; not read' };
  if (st.isSocket()) return { zh: '是套接字而不是普通文件,未读取', en: 'a socket, not a regular file; not read' };
  return { zh: '是设备而不是普通文件,未读取', en: 'a device, not a regular file; not read' };
}

export type Read = { ok: true; bytes: Buffer; size: number; mtimeMs: number } | { ok: false; reason: LocalizedText; code?: string };

/** The bytes of a regular file of at most `maxBytes`, or why not (stat first: nothing else is opened). */
export function readRegularFile(file: string, maxBytes: number): Read {
  let st;
  try {
    st = statSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    return { ok: false, code, reason: { zh: `无法读取(${code})`, en: `cannot read (${code})` } };
  }
  const not = notRegular(st);
  if (not) return { ok: false, reason: not };
  if (st.size > maxBytes) return { ok: false, reason: tooLarge(maxBytes) };
  try {
    const bytes = readFileSync(file);
    // it grew between the stat and the read
    if (bytes.length > maxBytes) return { ok: false, reason: tooLarge(maxBytes) };
    return { ok: true, bytes, size: st.size, mtimeMs: st.mtimeMs };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    return { ok: false, code, reason: { zh: `无法读取(${code})`, en: `cannot read (${code})` } };
  }
}

function tooLarge(maxBytes: number): LocalizedText {
  const mb = Math.round((maxBytes / 1024 / 1024) * 10) / 10;
  return { zh: `文件超过 ${mb} MB,未读取`, en: `larger than ${mb} MB, not read` };
}

/** The real path of `file`, or of its nearest existing folder joined with the rest (a file still to be created). */
function realPath(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    const up = dirname(file);
    return up === file ? file : join(realPath(up), basename(file));
  }
}

/** Whether `file`, links followed, is inside one of `roots` (or is one of them). */
export function isInside(file: string, roots: readonly string[]): boolean {
  const real = realPath(resolve(file));
  return roots.some((root) => {
    const rel = relative(realPath(resolve(root)), real);
    return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
  });
}
