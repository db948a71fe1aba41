/**
 * Full-width ASCII variants (U+FF01–U+FF5E: `（` `）` `：` `，` `；` `％` `＠` `０`–`９` …) folded to
 * ASCII, one UTF-16 unit for one, so offsets in the folded text are offsets in the original.
 * Recognisers read the folded text and so treat `（责任单位：…）` and `(责任单位:…)` alike;
 * anything shown to the user is sliced from the original.
 */
const FULL_WIDTH = /[\uFF01-\uFF5E]/;

export function foldWidth(text: string): string {
  if (!FULL_WIDTH.test(text)) return text;
  return text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}
