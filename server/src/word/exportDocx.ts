// A plan (Markdown or pasted text) as an official document in the layout of GB/T 9704-2012
// 党政机关公文格式: A4, margins 37/35/28/26 mm (a 156 × 225 mm text block), 22 lines of 28
// characters, title in 2号小标宋, body in 3号仿宋_GB2312, 一、 headings in 黑体, (一) headings in
// 楷体_GB2312, page numbers `— 1 —` in 4号宋体 outside the text block (right on odd pages, left on
// even). Fonts are named, not embedded; the font table gives each its usual fallback.
// Written with the `docx` library; the font table (with the fallbacks) built with fast-xml-parser.
import {
  AlignmentType,
  Document,
  DocumentGridType,
  Footer,
  FootnoteReferenceRun,
  LineRuleType,
  Packer,
  PageNumber,
  PageBreak,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IRunOptions,
  type ParagraphChild,
} from 'docx';
import { XMLBuilder } from 'fast-xml-parser';
import type { XmlNode } from './xml';
import { SETTINGS_PROPERTY } from './toMarkdown';

export const FONTS = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  pageNumber: '宋体',
  latin: 'Times New Roman',
};

/** The usual fallbacks a machine without the GB2312 fonts uses (Word's w:altName). */
const ALT_NAMES: Record<string, string> = {
  '方正小标宋简体': '小标宋',
  '仿宋_GB2312': '仿宋',
  '楷体_GB2312': '楷体',
  '黑体': 'SimHei',
  '宋体': 'SimSun',
};

const MM = 56.6929; // twips per millimetre
const PT = 20; // twips per point
export const LAYOUT = {
  pageWidth: 11906,
  pageHeight: 16838,
  top: Math.round(37 * MM),
  bottom: Math.round(35 * MM),
  left: Math.round(28 * MM),
  right: Math.round(26 * MM),
  /** 225 mm / 22 lines */
  linePitch: Math.floor((225 * MM) / 22),
  /** 3号 = 16 pt, 2号 = 22 pt, 4号 = 14 pt */
  body: 16,
  title: 22,
  pageNumber: 14,
  /** 156 mm / 28 characters = 15.79 pt a character: 3号 (16 pt) less 0.25 pt, in twentieths of a point */
  bodyCharacterSpacing: -5,
};

export interface ExportOptions {
  /** Markdown (`.md`) or pasted text (`.txt`): text lines are paragraphs as they stand. */
  format: 'markdown' | 'text';
  /** The plan's settings, stored as a custom property so that `import` restores its front matter. */
  settings?: Record<string, string>;
  title?: string;
  /** Markdown appended after the plan (the responsibility tables as 附件). */
  appendix?: string;
}

interface Block {
  kind: 'title' | 'h1' | 'h2' | 'h3' | 'p' | 'table' | 'pagebreak';
  text: string;
  rows?: string[][];
  /** `<p align="left|right">…</p>`: flush left (主送机关) or right, four characters in (落款, 成文日期), as GB/T 9704 sets them. */
  align?: 'left' | 'right';
}

const FRONT_MATTER = /^---\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/;

/** Markdown lines as blocks: headings, table rows, paragraphs (one per line, as the plans are read), comments dropped. */
export function markdownBlocks(text: string, format: 'markdown' | 'text'): { blocks: Block[]; notes: Map<string, string> } {
  const blocks: Block[] = [];
  const notes = new Map<string, string>();
  const body = format === 'markdown' ? text.replace(FRONT_MATTER, '') : text;
  const lines = body.split(/\r\n|\r|\n/);
  let inComment = false;
  let table: string[][] | null = null;
  const flush = () => {
    if (table) blocks.push({ kind: 'table', text: '', rows: table });
    table = null;
  };
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i];
    if (format === 'text') {
      if (line.trim()) blocks.push({ kind: 'p', text: line.trim() });
      continue;
    }
    if (inComment) {
      const end = line.indexOf('-->');
      if (end < 0) continue;
      inComment = false;
      line = line.slice(end + 3);
    }
    const open = line.lastIndexOf('<!--');
    if (open >= 0 && line.indexOf('-->', open) < 0) {
      inComment = true;
      line = line.slice(0, open);
    }
    line = line.replace(/<!--[\s\S]*?-->/g, '').trimEnd();
    const trimmed = line.trim();
    if (/^\|.*\|$/.test(trimmed)) {
      const cells = splitRow(trimmed);
      if (cells.every((c) => /^:?-{1,}:?$/.test(c))) continue; // the delimiter row
      (table ??= []).push(cells);
      continue;
    }
    flush();
    if (trimmed === '') continue;
    const note = /^\[\^([^\]\s]+)\]:\s*(.*)$/.exec(trimmed);
    if (note) {
      notes.set(note[1], note[2]);
      continue;
    }
    const aligned = /^<p align="(left|right)">(.*)<\/p>$/.exec(trimmed);
    if (aligned) {
      blocks.push({ kind: 'p', text: aligned[2], align: aligned[1] as 'left' | 'right' });
      continue;
    }
    const heading = /^(#{1,6})\s+(.*?)\s*#*$/.exec(trimmed);
    if (heading) {
      const depth = heading[1].length;
      blocks.push({ kind: depth === 1 ? 'title' : depth === 2 ? 'h1' : depth === 3 ? 'h2' : 'h3', text: heading[2] });
    } else if (/^(\*\s*\*\s*\*|-\s*-\s*-|_\s*_\s*_)[\s*_-]*$/.test(trimmed)) blocks.push({ kind: 'pagebreak', text: '' });
    else blocks.push({ kind: 'p', text: trimmed });
  }
  flush();
  return { blocks, notes };
}

function splitRow(row: string): string[] {
  const cells: string[] = [];
  let cur = '';
  for (let i = 1; i < row.length - 1; i++) {
    const c = row[i];
    if (c === '\\' && row[i + 1] === '|') (cur += '|'), i++;
    else if (c === '|') cells.push(cur.trim()), (cur = '');
    else cur += c;
  }
  cells.push(cur.trim());
  return cells;
}

type RunStyle = { font: string; size: number; bold?: boolean };

function fontOf(name: string): IRunOptions['font'] {
  return { ascii: FONTS.latin, hAnsi: FONTS.latin, eastAsia: name, cs: name };
}

/** Inline Markdown of a line: `**bold**`, `[^n]` footnote references, backslash escapes, `<br>`. */
function runs(text: string, style: RunStyle, noteIds: Map<string, number>): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  const boldMarks = (text.match(/\*\*/g) ?? []).length;
  let bold = false;
  let pairsLeft = Math.floor(boldMarks / 2) * 2;
  let buf = '';
  const emit = () => {
    if (buf) out.push(new TextRun({ text: buf, bold: bold || style.bold, font: fontOf(style.font), size: style.size * 2, characterSpacing: style.size === LAYOUT.body ? LAYOUT.bodyCharacterSpacing : undefined }));
    buf = '';
  };
  const re = /\*\*|\[\^([^\]\s]+)\]|\\([!-/:-@[-`{-~])|<br\s*\/?>/g;
  let at = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    buf += text.slice(at, m.index);
    at = m.index + m[0].length;
    if (m[0] === '**') {
      if (pairsLeft > 0) {
        emit();
        bold = !bold;
        pairsLeft--;
      } else buf += '**';
    } else if (m[1] !== undefined) {
      const id = noteIds.get(m[1]);
      if (id !== undefined) {
        emit();
        out.push(new FootnoteReferenceRun(id));
      } else buf += m[0];
    } else if (m[2] !== undefined) buf += m[2];
    else {
      emit();
      out.push(new TextRun({ break: 1 }));
    }
  }
  buf += text.slice(at);
  emit();
  return out;
}

const exact = { line: LAYOUT.linePitch, lineRule: LineRuleType.EXACT, before: 0, after: 0 };
const indent2 = { firstLine: 2 * LAYOUT.body * PT };

/** `beforeSignature`: the body's last paragraph, kept on the page of the 落款 after it (GB/T 9704: a 落款 never stands on a page of its own). */
function paragraphFor(b: Block, noteIds: Map<string, number>, beforeSignature = false): Paragraph {
  switch (b.kind) {
    case 'title':
      return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { line: Math.round(LAYOUT.linePitch * 1.25), lineRule: LineRuleType.EXACT, after: LAYOUT.linePitch }, style: 'Title', children: runs(b.text, { font: FONTS.title, size: LAYOUT.title }, noteIds) });
    case 'h1':
      return new Paragraph({ style: 'Heading1', spacing: exact, indent: indent2, alignment: AlignmentType.JUSTIFIED, children: runs(b.text, { font: FONTS.heading1, size: LAYOUT.body }, noteIds) });
    case 'h2':
      return new Paragraph({ style: 'Heading2', spacing: exact, indent: indent2, alignment: AlignmentType.JUSTIFIED, children: runs(b.text, { font: FONTS.heading2, size: LAYOUT.body }, noteIds) });
    case 'h3':
      return new Paragraph({ style: 'Heading3', spacing: exact, indent: indent2, alignment: AlignmentType.JUSTIFIED, children: runs(b.text, { font: FONTS.body, size: LAYOUT.body, bold: true }, noteIds) });
    case 'pagebreak':
      return new Paragraph({ children: [new PageBreak()] });
    default:
      if (b.align === 'left') return new Paragraph({ spacing: exact, alignment: AlignmentType.LEFT, children: runs(b.text, { font: FONTS.body, size: LAYOUT.body }, noteIds) });
      // the 落款's lines kept on one page
      if (b.align === 'right') return new Paragraph({ spacing: exact, indent: { right: 4 * LAYOUT.body * PT }, alignment: AlignmentType.RIGHT, keepNext: true, children: runs(b.text, { font: FONTS.body, size: LAYOUT.body }, noteIds) });
      return new Paragraph({ spacing: exact, indent: indent2, alignment: AlignmentType.JUSTIFIED, keepNext: beforeSignature || undefined, children: runs(b.text, { font: FONTS.body, size: LAYOUT.body }, noteIds) });
  }
}

function tableFor(rows: string[][], noteIds: Map<string, number>): Table {
  const width = Math.max(...rows.map((r) => r.length));
  const cellParagraph = (text: string, header: boolean) =>
    new Paragraph({ alignment: header ? AlignmentType.CENTER : AlignmentType.LEFT, children: runs(text, { font: header ? FONTS.heading1 : FONTS.body, size: 12 }, noteIds) });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map(
      (r, i) =>
        new TableRow({
          tableHeader: i === 0,
          cantSplit: true,
          children: Array.from({ length: width }, (_, c) => new TableCell({ children: [cellParagraph(r[c] ?? '', i === 0)] })),
        }),
    ),
  });
}

function pageNumberFooter(align: 'right' | 'left'): Footer {
  const run = (children: (string | (typeof PageNumber)[keyof typeof PageNumber])[]) =>
    new TextRun({ children, font: fontOf(FONTS.pageNumber), size: LAYOUT.pageNumber * 2 });
  return new Footer({
    children: [
      new Paragraph({
        alignment: align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        // one character in from the text block's edge
        indent: align === 'right' ? { right: LAYOUT.pageNumber * PT } : { left: LAYOUT.pageNumber * PT },
        children: [run(['— ']), run([PageNumber.CURRENT]), run([' —'])],
      }),
    ],
  });
}

/** The font table: every font the document names, each with its usual fallback (w:altName). */
function fontTable(): string {
  const font = (name: string, alt: string | null, family: string, charset: string): XmlNode => ({
    'w:font': [...(alt ? [{ 'w:altName': [], ':@': { 'w:val': alt } }] : []), { 'w:charset': [], ':@': { 'w:val': charset } }, { 'w:family': [], ':@': { 'w:val': family } }],
    ':@': { 'w:name': name },
  });
  const fonts = [
    ...Object.entries(ALT_NAMES).map(([name, alt]) => font(name, alt, name === '黑体' ? 'modern' : 'roman', '86')),
    font(FONTS.latin, null, 'roman', '00'),
  ];
  const nodes: XmlNode[] = [{ 'w:fonts': fonts, ':@': { 'xmlns:w': 'http://schemas.openxmlformats.org/wordprocessingml/2006/main' } }];
  const builder = new XMLBuilder({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', suppressEmptyNode: true });
  return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + (builder.build(nodes) as string);
}

/** The plan as a .docx in the official layout. */
export async function exportDocx(text: string, options: ExportOptions): Promise<Buffer> {
  const { blocks, notes } = markdownBlocks(text, options.format);
  if (options.appendix) blocks.push(...markdownBlocks(options.appendix, 'markdown').blocks);
  const noteIds = new Map<string, number>();
  const footnotes: Record<string, { children: Paragraph[] }> = {};
  for (const label of notes.keys()) {
    const id = noteIds.size + 1;
    noteIds.set(label, id);
    footnotes[id] = { children: [] };
  }
  for (const [label, body] of notes) footnotes[noteIds.get(label)!].children.push(new Paragraph({ children: runs(body, { font: FONTS.body, size: 14 }, new Map()) }));
  const children = blocks.map((b, i) => (b.kind === 'table' ? tableFor(b.rows!, noteIds) : paragraphFor(b, noteIds, b.align === undefined && blocks[i + 1]?.align === 'right')));
  const title = options.title ?? blocks.find((b) => b.kind === 'title')?.text.replace(/\*\*/g, '');
  const doc = new Document({
    title,
    creator: 'EcoPlan',
    customProperties: options.settings && Object.keys(options.settings).length ? [{ name: SETTINGS_PROPERTY, value: JSON.stringify(options.settings) }] : [],
    evenAndOddHeaderAndFooters: true,
    footnotes,
    styles: {
      default: {
        document: { run: { font: fontOf(FONTS.body), size: LAYOUT.body * 2 }, paragraph: { spacing: exact } },
        title: { run: { font: fontOf(FONTS.title), size: LAYOUT.title * 2, bold: false, color: '000000' } },
        heading1: { run: { font: fontOf(FONTS.heading1), size: LAYOUT.body * 2, bold: false, color: '000000' }, paragraph: { spacing: exact } },
        heading2: { run: { font: fontOf(FONTS.heading2), size: LAYOUT.body * 2, bold: false, italics: false, color: '000000' }, paragraph: { spacing: exact } },
        heading3: { run: { font: fontOf(FONTS.body), size: LAYOUT.body * 2, bold: true, color: '000000' }, paragraph: { spacing: exact } },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: LAYOUT.pageWidth, height: LAYOUT.pageHeight },
            // the page number's line sits 7 mm below the text block
            margin: { top: LAYOUT.top, bottom: LAYOUT.bottom, left: LAYOUT.left, right: LAYOUT.right, header: Math.round(15 * MM), footer: Math.round(22 * MM) },
          },
          // 22 lines on the line grid; 28 characters a line come from the runs' character spacing
          grid: { type: DocumentGridType.LINES, linePitch: LAYOUT.linePitch },
        },
        footers: { default: pageNumberFooter('right'), even: pageNumberFooter('left') },
        children: children.length ? children : [new Paragraph({})],
      },
    ],
  });
  return Packer.toBuffer(doc, false, [{ path: 'word/fontTable.xml', data: fontTable() }]);
}
