// What reading a Word file for a check gives, shared by the CLI (`ecoplan check plan.docx`) and the
// server (workspace diagnostics of .docx files); the reader itself is the Word bundle (cli/word.ts).
import type { Locale } from '../core/locale';

export type WordRead = { ok: true; text: string; lineParagraphs: number[] } | { ok: false; reason: { zh: string; en: string } };

/** A .docx read twice for `ecoplan diff 方案.docx`: before its tracked changes and after them, with what the changes are. */
export type WordRevisionsRead =
  | {
      ok: true;
      original: { text: string; lineParagraphs: number[] };
      accepted: { text: string; lineParagraphs: number[] };
      revisions: { insertions: number; deletions: number; moves: number; rows: number; authors: string[] };
    }
  | { ok: false; reason: { zh: string; en: string } };

/** The Word paragraph of a line of the imported text (the nearest paragraph at or above it; 0 before the first). */
export function paragraphAt(lineParagraphs: number[], line: number): number {
  for (let l = Math.min(line, lineParagraphs.length - 1); l >= 0; l--) if (lineParagraphs[l]) return lineParagraphs[l];
  return 0;
}

export function paragraphNote(n: number, locale: Locale): string {
  return locale === 'en' ? ` [Word paragraph ${n}]` : ` [Word 第 ${n} 段]`;
}
