import searchWordsData from '../../../../data/vocab/departmentSearchWords.yaml';
import { foldWidth } from '../../core/text/fold';
import { pinyinKeysIfReady } from './pinyinKeys';

/**
 * How well what a user typed finds a name, for completion lists: people type a department as they say
 * it — without its level word (`发改` for 市发改委, `环境` for 市生态环境局), in pinyin or its initials
 * (`fg`, `sthj`) — and an indicator by any part of its name (`污水处理`).
 */

/** The level words a department's name starts with, and their pinyin (the keys hold the whole name's). */
const LEVEL_PINYIN: Record<string, string> = { 市: 'shi', 县: 'xian', 区: 'qu', 旗: 'qi', 州: 'zhou', 盟: 'meng', 省: 'sheng' };

/** Checks data/vocab/departmentSearchWords.yaml: department name (no level word) → words. */
export function checkSearchWords(raw: unknown): Map<string, string[]> {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new Error('data/vocab/departmentSearchWords.yaml: must map department names to lists of words');
  const out = new Map<string, string[]>();
  for (const [name, words] of Object.entries(raw as Record<string, unknown>)) {
    if (!Array.isArray(words) || words.length === 0 || !words.every((w) => typeof w === 'string' && w.length > 0)) {
      throw new Error(`data/vocab/departmentSearchWords.yaml: \`${name}\` must be a non-empty list of words`);
    }
    out.set(name, words as string[]);
  }
  return out;
}

export const SEARCH_WORDS = checkSearchWords(searchWordsData);

/** `市发改委` → `发改委`; a name without a level word is itself. */
export function withoutLevel(name: string): string {
  return name.length > 2 && LEVEL_PINYIN[name[0]] !== undefined ? name.slice(1) : name;
}

/** The search words of a department's name (any level). */
export function searchWordsOf(name: string): string[] {
  return SEARCH_WORDS.get(withoutLevel(name)) ?? [];
}

/** The pinyin keys of a name without its level word: `市生态环境局` → `shengtaihuanjingju`, `sthjj`. */
function levelFreeKeys(name: string): string[] | null {
  const keys = pinyinKeysIfReady(name);
  if (keys === null) return null;
  const [full, initials] = keys.split(' ');
  const level = name.length > 2 ? LEVEL_PINYIN[name[0]] : undefined;
  if (level && full?.startsWith(level) && initials?.startsWith(level[0])) return [full.slice(level.length), initials.slice(1)];
  return [full ?? '', initials ?? ''];
}

/**
 * The rank of the best match of `query` among `names` (a department's name and short forms, or an
 * indicator's), lower is better, or -1 for none: 0 a name (without its level word) or search word is
 * the query; 1 one starts with it; 2 contains it; 3 its pinyin or initials start with it; 4 contain it.
 */
export function matchRank(query: string, names: string[], words: string[] = [], levelWords = true): number {
  if (!query) return 0;
  const q = foldWidth(query).toLowerCase();
  let best = -1;
  const better = (r: number) => {
    if (best < 0 || r < best) best = r;
  };
  for (const w of words) {
    if (w === q) better(0);
    else if (w.startsWith(q)) better(1);
  }
  for (const n of names) {
    const name = foldWidth(n).toLowerCase();
    const bare = levelWords ? withoutLevel(name) : name;
    if (bare === q || name === q) better(0);
    else if (bare.startsWith(q) || name.startsWith(q)) better(1);
    else if (name.includes(q)) better(2);
    if (best >= 0 && best <= 2) continue;
    const keys = levelWords ? levelFreeKeys(n) : (pinyinKeysIfReady(n)?.split(' ') ?? null);
    if (!keys) continue;
    if (keys.some((k) => k.startsWith(q))) better(3);
    else if ((pinyinKeysIfReady(n) ?? '').includes(q)) better(4);
  }
  return best;
}
