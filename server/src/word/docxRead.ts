// Reads a .docx (Office Open XML) into paragraphs and tables as a reader of the document sees them:
// automatic numbering rendered to its label (numbering.xml), merged table cells laid out on a grid,
// footnotes and endnotes, bold runs, and a placeholder for every image, text box, chart and object.
// The zip is opened with fflate and the XML parsed with fast-xml-parser: both synchronous, so that
// `ecoplan check` can read a Word file as it reads a text file.
import { strFromU8 } from 'fflate';
import { KNOWN_FORMATS, renderLabel } from './numberFormat';
import { attr, child, children, find, kids, parseXml, root, tagOf, textOf, toggle, val, type XmlNode } from './xml';
import { readZip, ZipLimitError } from './zip';

type Unzipped = Record<string, Uint8Array>;

export type Inline =
  | { kind: 'text'; text: string; bold: boolean }
  | { kind: 'note'; id: string; part: 'footnote' | 'endnote' }
  | { kind: 'placeholder'; what: PlaceholderKind; text?: string };

export type PlaceholderKind = 'image' | 'textbox' | 'chart' | 'object';

export interface WordParagraph {
  kind: 'p';
  /** 1-based number among the document's non-empty paragraphs (table cells included), in document order. */
  n: number;
  /** The automatic numbering label as shown (`一、`, `（一）`, `1.`), '' when none. */
  label: string;
  inlines: Inline[];
  /** Heading level from the paragraph's style (Heading 1 → 1, outline level 0 → 1), null for body text. */
  headingLevel: number | null;
  title: boolean;
  centered: boolean;
}

export interface WordCell {
  inlines: Inline[];
}

export interface WordTable {
  kind: 'table';
  /** Paragraph number of the table's first non-empty paragraph (for locating findings). */
  n: number;
  /** Cells on the table grid: a cell merged across columns or rows is repeated in every slot it covers. */
  rows: WordCell[][];
  /** Paragraph number of each row's first non-empty paragraph. */
  rowParagraphs: number[];
  /** Cells that span rows: 0-based grid column and first/last 0-based row. */
  rowSpans: { col: number; from: number; to: number }[];
}

export type WordBlock = WordParagraph | WordTable;

export interface WordCounts {
  image: number;
  textbox: number;
  chart: number;
  object: number;
  /** Tracked deletions (w:del) left out, as Word shows the document with changes accepted. */
  deletion: number;
  /** Numbering formats the reader does not know, rendered as decimals. */
  numberFormat: number;
}

/**
 * Which text of a document with tracked changes is read: `accepted` as Word shows it with every change
 * accepted (insertions and moved-to text kept, deletions and moved-from text left out), `original` as it
 * was before the changes (deletions and moved-from text kept, insertions and moved-to text left out).
 */
export type RevisionView = 'accepted' | 'original';

/** The tracked changes of a document: runs inserted, deleted, moved (each w:ins, w:del, w:moveFrom) and table rows inserted or deleted. */
export interface WordRevisions {
  insertions: number;
  deletions: number;
  moves: number;
  rows: number;
  /** The authors of the changes (w:author), in the order first met. */
  authors: string[];
}

export interface WordDocument {
  /** The view read (see RevisionView); absent for a legacy .doc (read as it shows). */
  view?: RevisionView;
  revisions?: WordRevisions;
  blocks: WordBlock[];
  notes: Map<string, Inline[]>;
  /** Custom document properties (docProps/custom.xml), name → value. */
  properties: Record<string, string>;
  counts: WordCounts;
}

export class WordReadError extends Error {
  constructor(readonly zh: string, readonly en: string) {
    super(`${zh} / ${en}`);
  }
}

const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, sig: number[]): boolean {
  return sig.every((b, i) => bytes[i] === b);
}

/** An OLE compound file: an encrypted (password-protected) OOXML package, or a legacy .doc. */
export function isCompoundFile(bytes: Uint8Array): boolean {
  return startsWith(bytes, CFB);
}

function isEncryptedPackage(bytes: Uint8Array): boolean {
  // the stream names of an encrypted package, in UTF-16LE, are in the compound file's directory
  const needle = Buffer.from('EncryptedPackage', 'utf16le');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(needle) >= 0;
}

function openZip(bytes: Uint8Array): Unzipped {
  if (isCompoundFile(bytes)) {
    if (isEncryptedPackage(bytes)) throw new WordReadError('文件受密码保护,请在 Word 中取消密码后再导入', 'the file is password-protected; remove the password in Word first');
    throw new WordReadError('这是旧版 Word 97–2003 文件(.doc),请改用 .doc 扩展名或另存为 .docx', 'this is a legacy Word 97–2003 file (.doc); name it .doc or save it as .docx');
  }
  if (!startsWith(bytes, [0x50, 0x4b])) throw new WordReadError('不是 Word(.docx)文件', 'not a Word (.docx) file');
  let files: Unzipped;
  try {
    // only the parts read below: the others (media, fonts, embeddings) are never inflated
    files = Object.fromEntries(readZip(bytes, (name) => READ_PARTS.has(name)));
  } catch (e) {
    if (e instanceof ZipLimitError) throw new WordReadError(e.zh, e.en);
    throw new WordReadError(`文件已损坏或不完整(${(e as Error).message})`, `the file is damaged or truncated (${(e as Error).message})`);
  }
  if (!files['word/document.xml']) throw new WordReadError('压缩包中没有 word/document.xml,不是 Word 文档', 'no word/document.xml in the package: not a Word document');
  return files;
}

const READ_PARTS = new Set(['word/document.xml', 'word/styles.xml', 'word/numbering.xml', 'word/footnotes.xml', 'word/endnotes.xml', 'docProps/custom.xml']);

/**
 * What one document may hold: a 300-page plan has ~10,000 paragraphs and a few thousand table cells; 30,000 paragraphs of tasks
 * took 3.4 s and 230 MB to check, 60,000 8 s and 350 MB.
 * Counted on the XML text before it is parsed, so that a document past them costs a scan, not a tree.
 */
export const MAX_PARAGRAPHS = 50_000;
export const MAX_CELLS = 100_000;
/** Elements of one part (a paragraph of a plan is 5–30 of them). */
export const MAX_ELEMENTS = 2_000_000;
/** Word's tables have at most 63 columns: what a file declares beyond that is not a table Word shows. */
export const MAX_COLUMNS = 63;
/** Numbering levels are 0–8 (w:ilvl). */
const MAX_LEVEL = 8;
/** Word's largest start value of a list (w:start). */
const MAX_START = 32767;

/** Occurrences of `<tag` followed by `>`, `/` or a blank (so `<w:p` does not count `<w:pPr`). */
function countElements(text: string, tag: string): number {
  let n = 0;
  const open = `<${tag}`;
  for (let at = text.indexOf(open); at >= 0; at = text.indexOf(open, at + open.length)) {
    const next = text.charCodeAt(at + open.length);
    if (next === 62 || next === 47 || next === 32 || next === 9 || next === 10 || next === 13) n++;
  }
  return n;
}

function checkCounts(name: string, text: string) {
  // OOXML has no document type declarations: one here can only be an attempt at entity expansion
  if (text.includes('<!DOCTYPE')) throw new WordReadError(`${name} 含有文档类型声明(DOCTYPE),不是 Word 生成的文件`, `${name} holds a document type declaration (DOCTYPE): not written by Word`);
  let elements = 0;
  for (let at = text.indexOf('<'); at >= 0; at = text.indexOf('<', at + 1)) if (++elements > MAX_ELEMENTS) break;
  if (elements > MAX_ELEMENTS) throw new WordReadError(`${name} 含有超过 ${MAX_ELEMENTS} 个 XML 元素,不像方案文件`, `${name} holds more than ${MAX_ELEMENTS} XML elements: not a plan`);
  const paragraphs = countElements(text, 'w:p');
  if (paragraphs > MAX_PARAGRAPHS) throw new WordReadError(`${name} 含有 ${paragraphs} 个段落,超过上限 ${MAX_PARAGRAPHS}`, `${name} holds ${paragraphs} paragraphs, more than the limit of ${MAX_PARAGRAPHS}`);
  const cells = countElements(text, 'w:tc');
  if (cells > MAX_CELLS) throw new WordReadError(`${name} 含有 ${cells} 个表格单元格,超过上限 ${MAX_CELLS}`, `${name} holds ${cells} table cells, more than the limit of ${MAX_CELLS}`);
}

function part(files: Unzipped, name: string): XmlNode | undefined {
  const data = files[name];
  if (!data) return undefined;
  const text = strFromU8(data);
  checkCounts(name, text);
  try {
    return root(parseXml(text));
  } catch (e) {
    throw new WordReadError(`${name} 无法解析(${(e as Error).message})`, `${name} cannot be parsed (${(e as Error).message})`);
  }
}

// ---- styles -----------------------------------------------------------------------------------

interface StyleInfo {
  name: string;
  basedOn?: string;
  numId?: string;
  ilvl?: number;
  outlineLvl?: number;
  centered?: boolean;
}

function readStyles(styles: XmlNode | undefined): Map<string, StyleInfo> {
  const out = new Map<string, StyleInfo>();
  for (const s of children(styles, 'w:style')) {
    const id = attr(s, 'w:styleId');
    if (!id || attr(s, 'w:type') !== 'paragraph') continue;
    const pPr = child(s, 'w:pPr');
    const numPr = child(pPr, 'w:numPr');
    const outline = val(pPr, 'w:outlineLvl');
    out.set(id, {
      name: val(s, 'w:name') ?? id,
      basedOn: val(s, 'w:basedOn'),
      numId: val(numPr, 'w:numId'),
      ilvl: val(numPr, 'w:ilvl') !== undefined ? Number(val(numPr, 'w:ilvl')) : undefined,
      outlineLvl: outline !== undefined ? Number(outline) : undefined,
      centered: val(pPr, 'w:jc') !== undefined ? val(pPr, 'w:jc') === 'center' : undefined,
    });
  }
  return out;
}

/** A style property, looked up through the basedOn chain. */
function styleProp<K extends keyof StyleInfo>(styles: Map<string, StyleInfo>, id: string | undefined, key: K): StyleInfo[K] | undefined {
  for (let i = 0, s = id ? styles.get(id) : undefined; s && i < 20; i++, s = s.basedOn ? styles.get(s.basedOn) : undefined) {
    if (s[key] !== undefined) return s[key];
  }
  return undefined;
}

// ---- numbering ----------------------------------------------------------------------------------

interface Level {
  start: number;
  format: string;
  text: string;
  isLgl: boolean;
  /** 0: never restarts; otherwise restarts after a level above (the default). */
  restart: number | null;
}

interface NumDef {
  abstractId: string;
  levels: Level[];
  overridden: boolean;
}

/** A level number as Word reads it (0–8), or null for one Word would not show. */
function levelNumber(v: string | undefined): number | null {
  const n = Number(v ?? 0);
  return Number.isInteger(n) && n >= 0 && n <= MAX_LEVEL ? n : null;
}

function startValue(v: string | undefined): number {
  return Math.min(MAX_START, Math.max(0, Number(v ?? '1') || 0));
}

function readLevel(l: XmlNode): Level {
  return {
    start: startValue(val(l, 'w:start')),
    format: val(l, 'w:numFmt') ?? 'decimal',
    text: val(l, 'w:lvlText') ?? '',
    isLgl: toggle(l, 'w:isLgl') ?? false,
    restart: val(l, 'w:lvlRestart') !== undefined ? Number(val(l, 'w:lvlRestart')) : null,
  };
}

function readNumbering(numbering: XmlNode | undefined): Map<string, NumDef> {
  const abstract = new Map<string, Level[]>();
  for (const a of children(numbering, 'w:abstractNum')) {
    const levels: Level[] = [];
    for (const l of children(a, 'w:lvl')) {
      const k = levelNumber(attr(l, 'w:ilvl'));
      if (k !== null) levels[k] = readLevel(l);
    }
    abstract.set(attr(a, 'w:abstractNumId') ?? '', levels);
  }
  const nums = new Map<string, NumDef>();
  for (const n of children(numbering, 'w:num')) {
    const abstractId = val(n, 'w:abstractNumId') ?? '';
    const levels = [...(abstract.get(abstractId) ?? [])];
    let overridden = false;
    for (const o of children(n, 'w:lvlOverride')) {
      const k = levelNumber(attr(o, 'w:ilvl'));
      if (k === null) continue;
      const lvl = child(o, 'w:lvl');
      if (lvl) levels[k] = readLevel(lvl);
      const start = val(o, 'w:startOverride');
      if (start !== undefined) levels[k] = { ...(levels[k] ?? readLevel({ 'w:lvl': [] })), start: startValue(start) };
      overridden = true;
    }
    nums.set(attr(n, 'w:numId') ?? '', { abstractId, levels, overridden });
  }
  return nums;
}

/** Counters per list: lists that share an abstract definition without overrides continue each other, as in Word. */
class Numbering {
  private readonly state = new Map<string, (number | undefined)[]>();
  constructor(private readonly nums: Map<string, NumDef>, private readonly counts: WordCounts) {}

  label(numId: string, ilvl: number): string {
    const def = this.nums.get(numId);
    if (!def || numId === '0' || !Number.isInteger(ilvl) || ilvl < 0 || ilvl > MAX_LEVEL) return '';
    const lvl = def.levels[ilvl];
    if (!lvl) return '';
    const key = def.overridden ? `num:${numId}` : `abs:${def.abstractId}`;
    let c = this.state.get(key);
    if (!c) this.state.set(key, (c = []));
    c[ilvl] = c[ilvl] === undefined ? lvl.start : c[ilvl]! + 1;
    for (let j = ilvl + 1; j < 9; j++) {
      const deeper = def.levels[j];
      if (!deeper || deeper.restart !== 0) c[j] = undefined;
    }
    if (lvl.format === 'bullet') return bullet(lvl.text);
    if (!KNOWN_FORMATS.has(lvl.format)) this.counts.numberFormat++;
    const counters = def.levels.map((l, j) => c![j] ?? l?.start ?? 1);
    return renderLabel(lvl.text, counters, def.levels.map((l) => l?.format ?? 'decimal'), lvl.isLgl);
  }
}

function bullet(text: string): string {
  // symbol-font bullets are private-use characters: show them as a plain bullet
  return /^[\uf000-\uf0ff]?$/.test(text) ? '•' : text;
}

// ---- the body -----------------------------------------------------------------------------------

interface Ctx {
  view: RevisionView;
  revisions: WordRevisions;
  styles: Map<string, StyleInfo>;
  numbering: Numbering;
  counts: WordCounts;
  paragraphs: number;
}

const PASS_THROUGH = new Set(['w:hyperlink', 'w:smartTag', 'w:fldSimple', 'w:customXml', 'w:dir', 'w:bdo']);

function placeholder(n: XmlNode, ctx: Ctx): Inline {
  const box = find(n, 'w:txbxContent');
  if (box) {
    ctx.counts.textbox++;
    const text = children(box, 'w:p').map(textOfParagraph).filter(Boolean).join(' ');
    return { kind: 'placeholder', what: 'textbox', text };
  }
  if (find(n, 'c:chart')) return ctx.counts.chart++, { kind: 'placeholder', what: 'chart' };
  if (find(n, 'pic:pic') || find(n, 'v:imagedata')) return ctx.counts.image++, { kind: 'placeholder', what: 'image' };
  ctx.counts.object++;
  return { kind: 'placeholder', what: 'object' };
}

function textOfParagraph(p: XmlNode): string {
  let s = '';
  const walk = (n: XmlNode) => {
    const t = tagOf(n);
    if (t === 'w:t') s += textOf(n);
    else if (t === 'w:tab') s += ' ';
    else if (t !== 'w:delText' && t !== 'w:instrText') kids(n).forEach(walk);
  };
  walk(p);
  return s.trim();
}

function runInlines(r: XmlNode, ctx: Ctx, out: Inline[]) {
  const bold = toggle(child(r, 'w:rPr'), 'w:b') ?? false;
  const text = (t: string) => {
    const last = out[out.length - 1];
    if (last && last.kind === 'text' && last.bold === bold) last.text += t;
    else out.push({ kind: 'text', text: t, bold });
  };
  for (const c of kids(r)) {
    switch (tagOf(c)) {
      case 'w:t':
        text(textOf(c));
        break;
      case 'w:delText':
        // deleted text is inside a w:del, read only for the original view
        if (ctx.view === 'original') text(textOf(c));
        break;
      case 'w:tab':
      case 'w:ptab':
        text(' ');
        break;
      case 'w:br':
        if (attr(c, 'w:type') !== 'page' && attr(c, 'w:type') !== 'column') text('\n');
        break;
      case 'w:cr':
        text('\n');
        break;
      case 'w:noBreakHyphen':
        text('-');
        break;
      case 'w:footnoteReference':
        out.push({ kind: 'note', id: attr(c, 'w:id') ?? '', part: 'footnote' });
        break;
      case 'w:endnoteReference':
        out.push({ kind: 'note', id: attr(c, 'w:id') ?? '', part: 'endnote' });
        break;
      case 'w:drawing':
      case 'w:pict':
      case 'w:object':
        out.push(placeholder(c, ctx));
        break;
      case 'mc:AlternateContent': {
        // the same content twice (a modern and a fallback form): read the first choice only
        const choice = child(c, 'mc:Choice') ?? child(c, 'mc:Fallback');
        if (choice) runInlines({ 'w:r': [...(r['w:r'] as XmlNode[]).filter((x) => tagOf(x) === 'w:rPr'), ...kids(choice)] }, ctx, out);
        break;
      }
      default:
        break;
    }
  }
}

function paragraphInlines(p: XmlNode, ctx: Ctx, out: Inline[]) {
  for (const c of kids(p)) {
    const t = tagOf(c);
    if (t === 'w:r') runInlines(c, ctx, out);
    else if (t === 'w:del' || t === 'w:moveFrom' || t === 'w:ins' || t === 'w:moveTo') revision(c, t, ctx, out);
    else if (t === 'w:sdt') paragraphInlines(child(c, 'w:sdtContent') ?? {}, ctx, out);
    else if (t === 'mc:AlternateContent') paragraphInlines(child(c, 'mc:Choice') ?? child(c, 'mc:Fallback') ?? {}, ctx, out);
    else if (t === 'm:oMath' || t === 'm:oMathPara') out.push({ kind: 'text', text: children(c, 'm:r').map(textOf).join('') || textOf(c), bold: false });
    else if (PASS_THROUGH.has(t)) paragraphInlines(c, ctx, out);
  }
}

/** A tracked change inside a paragraph: read or left out by the view, and counted. */
function revision(c: XmlNode, t: string, ctx: Ctx, out: Inline[]) {
  const r = ctx.revisions;
  const author = attr(c, 'w:author');
  if (author && !r.authors.includes(author) && r.authors.length < 100) r.authors.push(author);
  if (t === 'w:ins') r.insertions++;
  else if (t === 'w:del') r.deletions++;
  else if (t === 'w:moveFrom') r.moves++;
  const kept = ctx.view === 'original' ? t === 'w:del' || t === 'w:moveFrom' : t === 'w:ins' || t === 'w:moveTo';
  if (kept) paragraphInlines(c, ctx, out);
  else if (ctx.view === 'accepted') ctx.counts.deletion++;
}

/** Whether a paragraph or row mark is a tracked change the view leaves out (inserted or moved here, for the original view; deleted or moved away, for the accepted). */
function markLeftOut(props: XmlNode | undefined, ctx: Ctx): boolean {
  const marked = (tag: string) => child(props, tag) !== undefined;
  return ctx.view === 'original' ? marked('w:ins') || marked('w:moveTo') : marked('w:del') || marked('w:moveFrom');
}

function isEmpty(inlines: Inline[]): boolean {
  return inlines.every((i) => i.kind === 'text' && i.text.trim() === '');
}

function readParagraph(p: XmlNode, ctx: Ctx): WordParagraph {
  const pPr = child(p, 'w:pPr');
  const styleId = val(pPr, 'w:pStyle');
  const numPr = child(pPr, 'w:numPr');
  const numId = val(numPr, 'w:numId') ?? styleProp(ctx.styles, styleId, 'numId');
  const ilvl = Number(val(numPr, 'w:ilvl') ?? styleProp(ctx.styles, styleId, 'ilvl') ?? 0);
  const inlines: Inline[] = [];
  paragraphInlines(p, ctx, inlines);
  // a paragraph inserted whole (read for the original view) or deleted whole (for the accepted view) is not there: no number either
  const gone = isEmpty(inlines) && markLeftOut(child(pPr, 'w:rPr'), ctx);
  // an empty numbered paragraph still advances the counter in Word, and shows its label
  const label = numId && !gone ? ctx.numbering.label(numId, ilvl) : '';
  const name = (styleId ? styleProp(ctx.styles, styleId, 'name') : undefined) ?? '';
  const outline = val(pPr, 'w:outlineLvl') ?? styleProp(ctx.styles, styleId, 'outlineLvl');
  const heading = /^heading\s*(\d)$/i.exec(name);
  const jc = val(pPr, 'w:jc');
  const empty = isEmpty(inlines) && label === '';
  return {
    kind: 'p',
    n: empty ? 0 : ++ctx.paragraphs,
    label,
    inlines,
    headingLevel: heading ? Number(heading[1]) : outline !== undefined && Number(outline) < 9 ? Number(outline) + 1 : null,
    title: /^(title|标题)$/i.test(name) || styleId === 'Title',
    centered: jc !== undefined ? jc === 'center' : styleProp(ctx.styles, styleId, 'centered') === true,
  };
}

function cellInlines(tc: XmlNode, ctx: Ctx, firstParagraph: { n: number }): Inline[] {
  const out: Inline[] = [];
  const add = (p: WordParagraph) => {
    if (p.n === 0) return;
    if (firstParagraph.n === 0) firstParagraph.n = p.n;
    if (out.length) out.push({ kind: 'text', text: '\n', bold: false });
    if (p.label) out.push({ kind: 'text', text: p.label, bold: false });
    out.push(...p.inlines);
  };
  const walk = (n: XmlNode) => {
    for (const c of kids(n)) {
      const t = tagOf(c);
      if (t === 'w:p') add(readParagraph(c, ctx));
      else if (t === 'w:tbl') {
        // a table inside a cell: its rows as lines of the cell
        for (const tr of children(c, 'w:tr')) for (const inner of children(tr, 'w:tc')) walk(inner);
      } else if (t === 'w:sdt') walk(child(c, 'w:sdtContent') ?? {});
    }
  };
  walk(tc);
  return out;
}

function readTable(tbl: XmlNode, ctx: Ctx): WordTable {
  const rows: WordCell[][] = [];
  const rowParagraphs: number[] = [];
  const rowSpans: WordTable['rowSpans'] = [];
  const open = new Map<number, { from: number; cell: WordCell }>();
  let first = 0;
  const trs = kids(tbl)
    .flatMap((c) => (tagOf(c) === 'w:tr' ? [c] : tagOf(c) === 'w:sdt' ? children(child(c, 'w:sdtContent'), 'w:tr') : []))
    .filter((tr) => {
      const trPr = child(tr, 'w:trPr');
      if (child(trPr, 'w:ins') || child(trPr, 'w:del')) ctx.revisions.rows++;
      return !markLeftOut(trPr, ctx);
    });
  trs.forEach((tr, r) => {
    const row: WordCell[] = [];
    const firstParagraph = { n: 0 };
    // every count a row declares is bounded by Word's 63 columns
    let col = Math.min(MAX_COLUMNS, Math.max(0, Number(val(child(tr, 'w:trPr'), 'w:gridBefore') ?? 0) || 0));
    for (let i = 0; i < col; i++) row.push({ inlines: [] });
    const tcs = kids(tr).flatMap((c) => (tagOf(c) === 'w:tc' ? [c] : tagOf(c) === 'w:sdt' ? children(child(c, 'w:sdtContent'), 'w:tc') : []));
    for (const tc of tcs) {
      if (col >= MAX_COLUMNS) {
        // past Word's last column: the cell's paragraphs are counted (numbering goes on) but not laid out
        cellInlines(tc, ctx, firstParagraph);
        continue;
      }
      const tcPr = child(tc, 'w:tcPr');
      const span = Math.min(Math.max(1, Number(val(tcPr, 'w:gridSpan') ?? 1) || 1), Math.max(1, MAX_COLUMNS - col));
      const vMerge = child(tcPr, 'w:vMerge');
      const merge = vMerge ? (attr(vMerge, 'w:val') ?? 'continue') : null;
      let cell: WordCell;
      const above = open.get(col);
      if (merge === 'continue' && above) {
        cell = above.cell;
        cellInlines(tc, ctx, firstParagraph); // a continued cell is empty in Word; read it all the same
      } else {
        cell = { inlines: cellInlines(tc, ctx, firstParagraph) };
        // a new cell ends the merges of every column it covers
        for (let c = col; c < col + span; c++) {
          const o = open.get(c);
          if (o && o.from < r - 1) rowSpans.push({ col: c, from: o.from, to: r - 1 });
          open.delete(c);
        }
        if (merge === 'restart') open.set(col, { from: r, cell });
      }
      for (let i = 0; i < span; i++) row.push(cell);
      col += span;
    }
    // columns this row does not reach close their merges
    for (const [c, o] of open) {
      if (c >= col) {
        if (o.from < r - 1) rowSpans.push({ col: c, from: o.from, to: r - 1 });
        open.delete(c);
      }
    }
    rows.push(row);
    rowParagraphs.push(firstParagraph.n || ctx.paragraphs);
    if (!first && firstParagraph.n) first = firstParagraph.n;
  });
  for (const [c, o] of open) if (o.from < rows.length - 1) rowSpans.push({ col: c, from: o.from, to: rows.length - 1 });
  rowSpans.sort((a, b) => a.from - b.from || a.col - b.col);
  const width = Math.max(0, ...rows.map((r) => r.length));
  for (const row of rows) while (row.length < width) row.push({ inlines: [] });
  return { kind: 'table', n: first || ctx.paragraphs, rows, rowParagraphs, rowSpans };
}

function readBody(body: XmlNode | undefined, ctx: Ctx, out: WordBlock[]) {
  for (const c of kids(body)) {
    const t = tagOf(c);
    if (t === 'w:p') out.push(readParagraph(c, ctx));
    else if (t === 'w:tbl') out.push(readTable(c, ctx));
    else if (t === 'w:sdt' || t === 'w:customXml') readBody(t === 'w:sdt' ? child(c, 'w:sdtContent') : c, ctx, out);
  }
}

function readNotes(notes: XmlNode | undefined, tag: string, ctx: Ctx, prefix: string, into: Map<string, Inline[]>) {
  for (const n of children(notes, tag)) {
    const type = attr(n, 'w:type');
    if (type && type !== 'normal') continue; // separators
    const inlines: Inline[] = [];
    for (const p of children(n, 'w:p')) {
      if (inlines.length) inlines.push({ kind: 'text', text: ' ', bold: false });
      paragraphInlines(p, ctx, inlines);
    }
    into.set(prefix + (attr(n, 'w:id') ?? ''), inlines);
  }
}

function readProperties(custom: XmlNode | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of children(custom, 'property')) {
    const name = attr(p, 'name');
    const value = kids(p)[0];
    if (name && value) out[name] = textOf(value);
  }
  return out;
}

export function readDocx(bytes: Uint8Array, options: { view?: RevisionView } = {}): WordDocument {
  return readDocxViews(bytes, [options.view ?? 'accepted'])[0];
}

/**
 * The document in each view asked for, from one opening of the package (the same limits as any
 * read: the parts are inflated, counted and parsed once, and each view walks the parsed parts).
 */
export function readDocxViews(bytes: Uint8Array, views: RevisionView[]): WordDocument[] {
  const files = openZip(bytes);
  const parts = {
    styles: readStyles(part(files, 'word/styles.xml')),
    numbering: readNumbering(part(files, 'word/numbering.xml')),
    doc: part(files, 'word/document.xml'),
    footnotes: part(files, 'word/footnotes.xml'),
    endnotes: part(files, 'word/endnotes.xml'),
    properties: readProperties(part(files, 'docProps/custom.xml')),
  };
  const doc = parts.doc;
  if (!doc || tagOf(doc) !== 'w:document') throw new WordReadError('word/document.xml 不是 Word 正文', 'word/document.xml is not a Word document body');
  return views.map((view) => {
    const counts: WordCounts = { image: 0, textbox: 0, chart: 0, object: 0, deletion: 0, numberFormat: 0 };
    const revisions: WordRevisions = { insertions: 0, deletions: 0, moves: 0, rows: 0, authors: [] };
    const ctx: Ctx = { view, revisions, styles: parts.styles, numbering: new Numbering(parts.numbering, counts), counts, paragraphs: 0 };
    const blocks: WordBlock[] = [];
    readBody(child(doc, 'w:body'), ctx, blocks);
    const notes = new Map<string, Inline[]>();
    // notes are read after the body, so their own paragraphs do not take body paragraph numbers
    readNotes(parts.footnotes, 'w:footnote', ctx, 'footnote:', notes);
    readNotes(parts.endnotes, 'w:endnote', ctx, 'endnote:', notes);
    return { view, revisions, blocks, notes, properties: parts.properties, counts };
  });
}
