import pinyinData from '../../../../data/pinyin/keys.json';
import { whenIdle } from '../idle';

/**
 * Pinyin search keys for department and indicator names: `市生态环境局` →
 * `shishengtaihuanjingju ssthjj`, so typing 拼音 or its initials finds the name.
 *
 * The names EcoPlan ships (the built-in directory, every catalogue edition) have their keys in
 * data/pinyin/keys.json, generated at build time from pinyin-pro (test/unit/pinyinKeys.test.ts
 * checks it is current). Other names (a jurisdiction's directory, units a plan invents) get theirs
 * from pinyin-pro, which is loaded only then: `warmPinyin` does it in idle time, and completion
 * never waits for it (`pinyinKeysIfReady`).
 */
const builtin = pinyinData as Record<string, string>;
const computed = new Map<string, string>();
type PinyinFn = (text: string, options: Record<string, unknown>) => string[];
let pinyinFn: PinyinFn | null = null;

function loadPinyin(): PinyinFn {
  // required here, not imported at the top, so that the server and the CLI start without it
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  pinyinFn ??= (require('pinyin-pro') as { pinyin: PinyinFn }).pinyin;
  return pinyinFn;
}

/** `shishengtaihuanjingju ssthjj`: the full pinyin and the initials, without tones. */
export function computePinyinKeys(name: string): string {
  const pinyin = loadPinyin();
  const full = pinyin(name, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true }).join('');
  const initials = pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive', v: true }).join('');
  return `${full} ${initials}`.toLowerCase();
}

/** The keys of a name, computing them if needed (for requests that may take a moment: workspace symbols). */
export function pinyinKeys(name: string): string {
  const known = builtin[name] ?? computed.get(name);
  if (known !== undefined) return known;
  const keys = computePinyinKeys(name);
  computed.set(name, keys);
  return keys;
}

/** The keys of a name if they are at hand, else null: what completion uses, so it never waits. */
export function pinyinKeysIfReady(name: string): string | null {
  return builtin[name] ?? computed.get(name) ?? null;
}

const pending = new Set<string>();
let running = false;

/** Compute the keys of these names while the client is quiet, a few at a time. */
export function warmPinyin(names: Iterable<string>): void {
  for (const n of names) if (builtin[n] === undefined && !computed.has(n)) pending.add(n);
  if (pending.size === 0 || running) return;
  running = true;
  whenIdle(() => {
    let n = 0;
    for (const name of pending) {
      pending.delete(name);
      pinyinKeys(name);
      if (++n >= 20) break;
    }
    running = pending.size > 0;
    return running;
  });
}

/** `市生态环境局` → `市生态环境局 shishengtaihuanjingju ssthjj`, so typing 拼音 or its initials matches. */
export function searchKeys(name: string): string {
  return `${name} ${pinyinKeys(name)}`;
}
