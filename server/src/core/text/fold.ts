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
  /** For every UTF-16 unit, the simplified unit it folds to, or 0 (a table read beats a character class: most texts hold none). */
  simplified: Uint16Array;
  all: RegExp;
}
let traditional: Traditional | null = null;

/** Built on first use from data/vocab/traditional.yaml. */
function traditionalTables(): Traditional {
  if (traditional) return traditional;
  const pairs = (traditionalData as { pairs: string[] }).pairs.join('');
  const simplified = new Uint16Array(0x10000);
  let keys = '';
  for (let i = 0; i + 1 < pairs.length; i += 2) {
    simplified[pairs.charCodeAt(i)] = pairs.charCodeAt(i + 1);
    keys += pairs[i];
  }
  traditional = { simplified, all: new RegExp(`[${keys.replace(/[\\\]^-]/g, '\\$&')}]`, 'g') };
  return traditional;
}

function hasTraditional(text: string, simplified: Uint16Array): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // every traditional character of the data is at or above U+3400 (CJK Extension A)
    if (c >= 0x3400 && simplified[c] !== 0) return true;
  }
  return false;
}

export function foldWidth(text: string): string {
  let out = FULL_WIDTH.test(text) ? text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)) : text;
  const t = traditionalTables();
  if (hasTraditional(out, t.simplified)) out = out.replace(t.all, (c) => String.fromCharCode(t.simplified[c.charCodeAt(0)]));
  return out;
}
