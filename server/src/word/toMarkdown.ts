// A read Word document as an EcoPlan plan in Markdown: front matter with what could be inferred,
// the title as `#`, the 一、 and (一) levels as `##`/`###` headings (so the editor's outline works),
// deeper levels as numbered paragraphs, tables as GFM tables, bold as `**`, footnotes as `[^n]`
// with their text after the paragraph, and a visible comment for everything that was not imported.
import type { Inline, PlaceholderKind, WordDocument, WordParagraph, WordTable } from './docxRead';

export interface ImportedPlan {
  /** The plan in Markdown. */
  text: string;
  /** For each 0-based line of `text`, the Word paragraph number it came from (0 for lines EcoPlan added). */
  lineParagraphs: number[];
  /** What was replaced by a placeholder or left out, by kind (only kinds with a count > 0). */
  replaced: Partial<Record<PlaceholderKind | 'deletion' | 'numberFormat', number>>;
}

const PLACEHOLDER: Record<PlaceholderKind, string> = { image: '图片', textbox: '文本框', chart: '图表', object: '嵌入对象' };

/** Property names under which `ecoplan export` stores the plan's settings in the .docx. */
export const SETTINGS_PROPERTY = 'ecoplan.settings';

/**
 * The settings a received Word file may carry into the imported front matter: what the plan is
 * (level, period, edition, scopes), never a path (`departments:`, `catalogues:`), so that a file
 * from someone else cannot decide which local file is read. One line each, of a sane length.
 */
const CARRIED_SETTINGS = new Set(['level', 'period', 'catalogue', 'terrain', 'citySize']);

function carriedSettings(parsed: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(parsed)) if (CARRIED_SETTINGS.has(k) && typeof v === 'string' && v.length <= 100 && !/[\r\n]/.test(v)) out[k] = v;
  return out;
}

const CN = '[一二三四五六七八九十百零〇]+';
const LEVEL1 = new RegExp(`^${CN}\\s*[、.．]`);
const LEVEL2 = new RegExp(`^[（(]\\s*${CN}\\s*[）)]`);

function comment(s: string): string {
  // `--` cannot appear inside an HTML comment
  return `<!-- ${s.replace(/-{2,}/g, '—').replace(/\s+/g, ' ').trim()} -->`;
}

function placeholderText(i: Extract<Inline, { kind: 'placeholder' }>): string {
  const what = PLACEHOLDER[i.what];
  return comment(i.text ? `${what}(未导入):${i.text}` : `${what}(未导入)`);
}

/** What would make a line Markdown syntax (a list item, heading, quote, fence, rule, table row or HTML) rather than text. */
function escapeLineStart(s: string): string {
  const t = s.replace(/^[ \t]+/, '');
  // list markers and lone dashes stay: EcoPlan reads such a line as the text it is
  if (/^#{1,6}(\s|$)/.test(t) || /^[>|]/.test(t) || /^(`{3,}|~{3,})/.test(t) || /^(\*\s*){3,}$|^(_\s*){3,}$|^(-\s*){3,}$/.test(t)) return `\\${t}`;
  if (/^<(?!!--)/.test(t)) return `\\${t}`;
  // `1. ` stays: an ordered list item is read as the numbered line it is
  return t;
}

/** A numbered line that reads as a heading: no sentence ends before its last character. */
function titleLike(s: string): boolean {
  return !/[。；;！!？?]./.test(s.trim());
}

class NoteNumbers {
  readonly order: string[] = [];
  number(key: string): number {
    let i = this.order.indexOf(key);
    if (i < 0) i = this.order.push(key) - 1;
    return i + 1;
  }
}

function inlineText(inlines: Inline[], notes: NoteNumbers, opts: { bold: boolean; cell: boolean }): { text: string; refs: string[] } {
  const refs: string[] = [];
  let out = '';
  for (const i of inlines) {
    if (i.kind === 'note') {
      const key = `${i.part}:${i.id}`;
      out += `[^${notes.number(key)}]`;
      refs.push(key);
    } else if (i.kind === 'placeholder') out += placeholderText(i);
    else {
      let t = opts.cell ? i.text.replace(/\|/g, '\\|') : i.text;
      if (opts.bold && i.bold && t.trim() !== '' && /[^\s\p{P}]/u.test(t)) {
        const [, lead, core, trail] = /^(\s*)([\s\S]*?)(\s*)$/.exec(t)!;
        t = `${lead}**${core}**${trail}`;
      }
      out += t;
    }
  }
  return { text: out, refs };
}

function visibleText(p: WordParagraph): string {
  return p.label + p.inlines.map((i) => (i.kind === 'text' ? i.text : '')).join('');
}

export function inferSettings(title: string): { level?: string; period?: string } {
  const out: { level?: string; period?: string } = {};
  const level = /示范(市|州|盟|县|区|旗)/.exec(title);
  if (level) out.level = /[市州盟]/.test(level[1]) ? '市' : '县';
  const period = /(20\d\d)\s*[—–\-－~～至到]+\s*(20\d\d)/.exec(title);
  if (period) out.period = `${period[1]}-${period[2]}`;
  return out;
}

function yamlString(s: string): string {
  return /^[\w.\-\u4e00-\u9fff()（）]+$/u.test(s) ? s : JSON.stringify(s);
}

export function toMarkdown(doc: WordDocument, sourceName: string): ImportedPlan {
  const lines: string[] = [];
  const map: number[] = [];
  const push = (line: string, n: number) => {
    for (const l of line.split('\n')) (lines.push(l), map.push(n));
  };
  const blank = () => {
    if (lines.length && lines[lines.length - 1] !== '') push('', 0);
  };
  const notes = new NoteNumbers();
  const emitNotes = (refs: string[]) => {
    for (const key of refs) {
      const body = doc.notes.get(key);
      const { text } = inlineText(body ?? [], notes, { bold: false, cell: false });
      blank();
      push(`[^${notes.number(key)}]: ${text.replace(/\s*\n\s*/g, ' ').trim()}`, 0);
    }
  };

  // the title: the leading centered or Title-styled paragraphs, or a short first line
  const blocks = doc.blocks.filter((b) => b.kind === 'table' || b.n > 0);
  let start = 0;
  const titleParts: WordParagraph[] = [];
  while (start < blocks.length) {
    const b = blocks[start];
    if (b.kind !== 'p' || b.label || !(b.title || b.centered) || LEVEL1.test(visibleText(b).trim())) break;
    titleParts.push(b);
    start++;
  }
  const title = titleParts.map((p) => visibleText(p).trim()).join('');

  // front matter: the settings EcoPlan stored when it exported the file, else what the title says
  let settings: Record<string, string> = {};
  const stored = doc.properties[SETTINGS_PROPERTY];
  if (stored) {
    try {
      const parsed = JSON.parse(stored) as unknown;
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) settings = carriedSettings(parsed as Record<string, unknown>);
    } catch {
      /* a damaged property: infer instead */
    }
  }
  if (Object.keys(settings).length === 0) settings = inferSettings(title) as Record<string, string>;
  push('---', 0);
  if (Object.keys(settings).length) {
    push('ecoplan:', 0);
    for (const [k, v] of Object.entries(settings)) push(`  ${k}: ${yamlString(v)}`, 0);
  }
  push(`source: ${yamlString(sourceName)}`, 0);
  push('---', 0);
  if (title) {
    blank();
    push(`# ${title.replace(/\s*\n\s*/g, ' ')}`, titleParts[0].n);
  }

  for (const b of blocks.slice(start)) {
    blank();
    if (b.kind === 'table') {
      emitTable(b, notes, push, emitNotes);
      continue;
    }
    const label = b.label && /[\p{L}\p{Nd}]$/u.test(b.label) && b.inlines.length ? `${b.label} ` : b.label;
    const plain = (label + b.inlines.map((i) => (i.kind === 'text' ? i.text : '')).join('')).trim();
    const headingDepth = b.title ? 1 : b.headingLevel ? Math.min(6, b.headingLevel + 1) : !titleLike(plain) ? 0 : LEVEL1.test(plain) ? 2 : LEVEL2.test(plain) ? 3 : 0;
    // a heading is one line and carries no emphasis of its own
    const { text, refs } = inlineText(b.inlines, notes, { bold: headingDepth === 0, cell: false });
    const body = (label + text).trim();
    if (headingDepth) push(`${'#'.repeat(headingDepth)} ${body.replace(/\s*\n\s*/g, ' ')}`, b.n);
    else push(body.split('\n').map((l) => escapeLineStart(l.replace(/\s+$/, ''))).join('\n'), b.n);
    emitNotes(refs);
  }
  push('', 0);
  const replaced: ImportedPlan['replaced'] = {};
  for (const [k, v] of Object.entries(doc.counts)) if (v > 0) replaced[k as keyof ImportedPlan['replaced']] = v;
  return { text: lines.join('\n'), lineParagraphs: map, replaced };
}

function emitTable(t: WordTable, notes: NoteNumbers, push: (line: string, n: number) => void, emitNotes: (refs: string[]) => void) {
  if (t.rows.length === 0) return;
  const refs: string[] = [];
  const cellText = (c: WordTable['rows'][number][number]) => {
    const r = inlineText(c.inlines, notes, { bold: false, cell: true });
    for (const x of r.refs) if (!refs.includes(x)) refs.push(x);
    // the paragraphs of a cell on one line: run on after punctuation, else listed with 、
    return r.text
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean)
      .reduce((acc, s) => (acc === '' ? s : /[\p{P}]$/u.test(acc) ? acc + s : `${acc}、${s}`), '');
  };
  const texts = t.rows.map((row) => row.map(cellText));
  for (const s of t.rowSpans) {
    const what = texts[s.from][s.col];
    push(comment(`合并单元格:第 ${s.col + 1} 列第 ${s.from + 1}—${s.to + 1} 行为同一单元格${what ? `「${what.slice(0, 20)}」` : ''},已在各行重复`), t.n);
  }
  const width = texts[0].length;
  const line = (cells: string[]) => `| ${cells.map((c) => c || ' ').join(' | ')} |`;
  push(line(texts[0]), t.rowParagraphs[0]);
  push(`|${Array(width).fill('---').join('|')}|`, t.rowParagraphs[0]);
  texts.slice(1).forEach((cells, i) => push(line(cells), t.rowParagraphs[i + 1]));
  emitNotes(refs);
}
