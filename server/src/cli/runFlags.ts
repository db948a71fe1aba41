import type { Locale } from '../core/locale';
import type { PlanLevel } from '../core/model/types';

/** The command-line flags `ecoplan check` and `ecoplan review` share, read alike. */

export class UsageError extends Error {}

export interface RunFlags {
  catalogue?: string;
  level?: PlanLevel;
  locale: Locale;
  /** `--jobs N`: files read at once (worker threads); unset: decided by the number of files and processors. */
  jobs?: number;
}

/** The value of the flag at argv[i] (`--flag=v` or `--flag v`) and the index of the last argument it took. */
export function flagValue(argv: string[], i: number): { value: string; last: number } {
  const [flag, inline] = argv[i].split('=', 2);
  if (inline !== undefined) return { value: inline, last: i };
  const v = argv[i + 1];
  if (v === undefined) throw new UsageError(`${flag} 缺少取值 / needs a value`);
  return { value: v, last: i + 1 };
}

const is = (a: string, flag: string) => a === flag || a.startsWith(`${flag}=`);

/** Reads argv[i] into `flags` when it is one of the shared flags: the index of the last argument taken, or -1 when it is none of them. */
export function readRunFlag(argv: string[], i: number, flags: RunFlags): number {
  const a = argv[i];
  if (is(a, '--catalogue')) {
    const { value, last } = flagValue(argv, i);
    flags.catalogue = value;
    return last;
  }
  if (is(a, '--level')) {
    const { value, last } = flagValue(argv, i);
    if (value !== '市' && value !== '县') throw new UsageError(`--level 只能是 市 或 县 / must be 市 or 县: ${value}`);
    flags.level = value;
    return last;
  }
  if (is(a, '--lang')) {
    const { value, last } = flagValue(argv, i);
    if (value !== 'zh' && value !== 'en') throw new UsageError(`--lang 只能是 zh 或 en / must be zh or en: ${value}`);
    flags.locale = value;
    return last;
  }
  if (is(a, '--jobs')) {
    const { value, last } = flagValue(argv, i);
    if (!/^[1-9]\d{0,2}$/.test(value)) throw new UsageError(`--jobs 须为 1 到 999 的整数 / must be a whole number from 1 to 999: ${value}`);
    flags.jobs = Number(value);
    return last;
  }
  return -1;
}
