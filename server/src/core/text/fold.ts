import traditionalData from '../../../../data/vocab/traditional.yaml';

/**
 * Full-width ASCII variants (U+FF01–U+FF5E: `（` `）` `：` `，` `；` `％` `＠` `０`–`９` …) folded to
 * ASCII, and traditional characters to the simplified ones they stand for (`責任單位` → `责任单位`, as
 * sites that convert a page to traditional characters leave a plan: data/vocab/traditional.yaml), each
 * one UTF-16 unit for one, so offsets in the folded text are offsets in the original.
 * Recognisers read the folded text and so treat `（责任单位：…）` and `(责任单位:…)` alike;
 * anything shown to the user is sliced from the original.
 */
const FULL_WIDTH = /[\uFF01-\uFF5E]/;

interface Traditional {
  /** Any traditional character of the data (a native scan: most texts hold none). */
  any: RegExp;
  all: RegExp;
  simplified: Map<string, string>;
}
let traditional: Traditional | null = null;

/** Built on first use: the character class of ~3,000 characters costs a moment to compile. */
function traditionalTables(): Traditional {
  if (traditional) return traditional;
  const pairs = (traditionalData as { pairs: string[] }).pairs.join('');
  const simplified = new Map<string, string>();
  let keys = '';
  for (let i = 0; i + 1 < pairs.length; i += 2) {
    simplified.set(pairs[i], pairs[i + 1]);
    keys += pairs[i];
  }
  const cls = `[${keys.replace(/[\\\]^-]/g, '\\$&')}]`;
  traditional = { any: new RegExp(cls), all: new RegExp(cls, 'g'), simplified };
  return traditional;
}

export function foldWidth(text: string): string {
  let out = FULL_WIDTH.test(text) ? text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)) : text;
  const t = traditionalTables();
  if (t.any.test(out)) out = out.replace(t.all, (c) => t.simplified.get(c) ?? c);
  return out;
}
