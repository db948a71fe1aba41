// Legacy Word 97–2003 (.doc) files, read with word-extractor. What survives: the text of the body as
// typed, paragraph by paragraph (typed numbering such as 一、 and (一) included), table cells (one
// row per line, cells separated by tabs, made a GFM table here) and footnote/endnote text. What does
// not: Word's automatic numbering labels (the binary format keeps them outside the text), bold,
// merged-cell structure (a merged cell's text is in its first row only), alignment (a short first
// line is taken as the title), images and text boxes (their text may appear inline or not at all).
import WordExtractor from 'word-extractor';
import type { Inline, WordBlock, WordDocument } from './docxRead';
import { isCompoundFile, WordReadError } from './docxRead';
import { toMarkdown, type ImportedPlan } from './toMarkdown';

export async function readLegacyDoc(bytes: Buffer, fileName: string): Promise<ImportedPlan> {
  if (!isCompoundFile(bytes)) throw new WordReadError('不是旧版 Word(.doc)文件', 'not a legacy Word (.doc) file');
  let extracted;
  try {
    extracted = await new WordExtractor().extract(bytes);
  } catch (e) {
    throw new WordReadError(`无法读取 .doc 文件(${(e as Error).message})`, `cannot read the .doc file (${(e as Error).message})`);
  }
  const blocks: WordBlock[] = [];
  let n = 0;
  const text = (t: string): Inline[] => [{ kind: 'text', text: t, bold: false }];
  let table: WordBlock & { kind: 'table' } | null = null;
  for (const raw of extracted.getBody({ filterUnicode: false }).split('\n')) {
    const line = raw.replace(/\s+$/, '');
    if (line.includes('\t')) {
      const cells = line.split('\t').map((c) => ({ inlines: text(c.trim()) }));
      n++;
      if (!table) blocks.push((table = { kind: 'table', n, rows: [], rowParagraphs: [], rowSpans: [] }));
      table.rows.push(cells);
      table.rowParagraphs.push(n);
      continue;
    }
    table = null;
    if (!line.trim()) continue;
    blocks.push({ kind: 'p', n: ++n, label: '', inlines: text(line.trim()), headingLevel: null, title: false, centered: false });
  }
  for (const b of blocks) if (b.kind === 'table') {
    const width = Math.max(...b.rows.map((r) => r.length));
    for (const r of b.rows) while (r.length < width) r.push({ inlines: [] });
  }
  // the binary format keeps no alignment here: a short first line without a sentence in it is the title
  const first = blocks[0];
  if (first?.kind === 'p') {
    const t = first.inlines.map((i) => (i.kind === 'text' ? i.text : '')).join('');
    if (t.length <= 60 && !/[。；;：:]/.test(t)) first.title = true;
  }
  const notes = [extracted.getFootnotes({ filterUnicode: false }), extracted.getEndnotes({ filterUnicode: false })].join('\n').trim();
  if (notes) blocks.push({ kind: 'p', n: ++n, label: '', inlines: text(`注:${notes.replace(/\s*\n\s*/g, ' ')}`), headingLevel: null, title: false, centered: false });
  const doc: WordDocument = { blocks, notes: new Map(), properties: {}, counts: { image: 0, textbox: 0, chart: 0, object: 0, deletion: 0, numberFormat: 0 } };
  return toMarkdown(doc, fileName);
}
