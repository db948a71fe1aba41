import { emptyFacts, type MarkdownFacts } from './markdown';

/**
 * The Markdown facts of a piece of text without starting the Markdown parser, when the piece holds
 * no Markdown but the forms a plan uses: ATX headings (`## 二、主要任务`), a bold task title at the
 * start of a paragraph (`**15.强化生态空间管控。**严格落实…`) and YAML front matter; null as soon as
 * anything else could be Markdown (a table, code, HTML, emphasis elsewhere, a list or a quote, a setext underline, an indented line…), and the parser reads the piece as before.
 * micromark, cold, was a third of a one-plan `ecoplan check`; most chunks of a plan are prose.
 * The facts are the parser's (test/unit/plainFacts.test.ts compares them on the samples, the corpus,
 * the excerpts, synthetic plans and random documents).
 */

/** Characters that may start Markdown this reader does not follow. */
const SPECIAL = /[`<|*_]/;
/** An ATX heading: up to three spaces, one to six `#`, then a space, a tab or the end of the line. */
const ATX = /^ {0,3}(#{1,6})(?:[ \t]|$)/;
/** Indented code (or a list item's continuation), a setext underline or a thematic break of `-`/`=`, a `~~~` fence. */
const BLOCKISH = /^(?: {4}|\t| {0,3}\t)|^ {0,3}[-=][-= \t]*$|^ {0,3}~~~/;
/** A container's marker (quote, bullet, ordered item with a space: `1. `, not `1.任务`): what it holds is left to the parser. */
const CONTAINER = /^ {0,3}(?:>|[-+*](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$))/;
/** A bold title opening a paragraph: `**X**` with nothing in X that the parser would read further. */
const BOLD_START = /^\*\*([^*_`<|\\[\]&\s](?:[^*_`<|\\[\]&\r\n]*[^*_`<|\\[\]&\s])?)\*\*/;
const PUNCTUATION = /[\p{P}\p{S}]/u;
/** CJK punctuation (full-width and ideographic): remark-cjk-friendly closes `**` after it whatever follows. */
const CJK_PUNCTUATION = /[\u3001-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]/;
const WHITESPACE = /\s/;
/** Blank for CommonMark: spaces and tabs only (an ideographic space is text). */
const BLANK = /^[ \t]*$/;

/** Whether `**` closes after `last` and before `next` (undefined: the end of the line). */
function closes(last: string, next: string | undefined): boolean {
  if (!PUNCTUATION.test(last)) return true;
  if (next === undefined || WHITESPACE.test(next) || PUNCTUATION.test(next)) return true;
  return CJK_PUNCTUATION.test(last);
}

export function plainFacts(text: string, first: boolean): MarkdownFacts | null {
  const facts = emptyFacts();
  let at = 0;
  let line = 0;
  // whether the next non-blank line starts a paragraph (a bold title only counts there)
  let paragraphStart = true;
  if (first && text.startsWith('---')) {
    if (text.includes('\r')) return null;
    const open = text.indexOf('\n');
    if (open !== 3) return null;
    let close = -1;
    let scan = open + 1;
    let l = 1;
    while (scan <= text.length) {
      let end = text.indexOf('\n', scan);
      if (end < 0) end = text.length;
      const fence = text.slice(scan, end);
      if (fence === '---') {
        close = scan;
        break;
      }
      // a fence with more after it (`--- `, `----`): left to the parser
      if (fence.startsWith('---') || fence.startsWith('...')) return null;
      if (end === text.length) break;
      scan = end + 1;
      l++;
    }
    if (close < 0) return null;
    const end = close + 3;
    facts.frontMatter = { value: close > open + 1 ? text.slice(open + 1, close - 1) : '', start: 0, end };
    facts.masked.push([0, end]);
    at = end === text.length ? end : end + 1;
    line = l + 1;
    if (at >= text.length) return facts;
  }
  while (at < text.length) {
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    let lineText = text.slice(at, end);
    if (lineText.endsWith('\r')) lineText = lineText.slice(0, -1);
    if (BLANK.test(lineText)) {
      paragraphStart = true;
    } else {
      if (BLOCKISH.test(lineText) || CONTAINER.test(lineText)) return null;
      const atx = ATX.exec(lineText);
      if (atx) {
        if (SPECIAL.test(lineText)) return null;
        facts.headings.set(line, atx[1].length);
        paragraphStart = true;
      } else {
        let rest = lineText;
        if (lineText.startsWith('**')) {
          const bold = BOLD_START.exec(lineText);
          if (!bold || !paragraphStart) return null;
          const title = bold[1];
          const next = lineText.length > bold[0].length ? String.fromCodePoint(lineText.codePointAt(bold[0].length)!) : undefined;
          const last = title.at(-1)!;
          // a surrogate pair ends the title: leave it to the parser
          if (/[\ud800-\udfff]/.test(last) || !closes(last, next)) return null;
          facts.boldStarts.set(line, title);
          rest = lineText.slice(bold[0].length);
        }
        if (SPECIAL.test(rest)) return null;
        paragraphStart = false;
      }
    }
    at = end + 1;
    line++;
  }
  return facts;
}
