import { existsSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { LocalizedText } from '../core/model/types';

/**
 * Writing what a command produces (`import`, `export`, `table`, `catalogue import`): a file that
 * exists is kept unless the user says `--force`, the input itself is never written over, and a
 * write that fails is one line naming the file written.
 */

function real(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return resolve(file);
  }
}

/** Why `output` must not be written (one line, Chinese / English), or null when it may. */
export function refuseOutput(output: string, inputs: readonly string[], force: boolean): string | null {
  if (inputs.some((i) => real(i) === real(output))) return `${output}: 是输入文件本身,不能写入 / is the input file itself; not written`;
  if (!existsSync(output)) return null;
  let st;
  try {
    st = statSync(output);
  } catch {
    return null;
  }
  if (!st.isFile()) return `${output}: 不是普通文件,不能写入 / not a regular file; not written`;
  if (!force) return `${output}: 已存在,未覆盖(如需覆盖请加 --force)/ exists; not overwritten (add --force to overwrite)`;
  return null;
}

/** Writes `data` to `file`; the one-line error naming the file when it cannot be written (the CLI's, in both languages). */
export function writeOutput(file: string, data: string | Uint8Array): string | null {
  const failed = writeOutputLocalized(file, data);
  return failed && `无法写入 / cannot write ${file} (${failed.code})`;
}

/** Writes `data` to `file`; why it could not, in each language apart (the editor shows one). */
export function writeOutputLocalized(file: string, data: string | Uint8Array): (LocalizedText & { code: string }) | null {
  try {
    writeFileSync(file, data);
    return null;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    return { zh: `无法写入 ${file}(${code})`, en: `cannot write ${file} (${code})`, code };
  }
}
