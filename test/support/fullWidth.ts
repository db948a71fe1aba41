/**
 * Full-width forms of ASCII punctuation (`(` → U+FF08 …), written through this helper so the test
 * sources stay plain ASCII where the width matters and the intent is visible.
 */
export function fw(s: string): string {
  return s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}
