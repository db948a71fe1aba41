import type { Root, RootContent, Table } from 'mdast';
// parsing only: the plain import also brings the serializer (mdast-util-to-markdown, 56 KB of every bundle), never used
import remarkCjkFriendly from 'remark-cjk-friendly/parseOnly';
import remarkFrontmatter from 'remark-frontmatter';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';

/**
 * GFM tables only. remark-gfm would also bring autolink literals, whose scan is quadratic on the
 * long run-on paragraphs that pasted plans are made of (measured: 20 000 unbroken lines took
 * 3.8 s with autolink literals, 0.7 s without); plans have no use for bare-URL links.
 */
function remarkGfmTables(this: Processor) {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmTable());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown());
}

/**
 * remark with GFM tables, YAML front matter, and CJK-friendly emphasis: plain CommonMark leaves
 * `**1.强化生态空间管控。**严守…` unbolded because the closing `**` follows `。`.
 */
type MarkdownParser = { parse(text: string): unknown };

function makeProcessor(tables: boolean, frontMatter: boolean, emphasis: boolean): MarkdownParser {
  let p: Processor<Root> = unified().use(remarkParse) as unknown as Processor<Root>;
  if (tables) p = p.use(remarkGfmTables) as unknown as Processor<Root>;
  if (frontMatter) p = p.use(remarkFrontmatter, ['yaml']) as unknown as Processor<Root>;
  if (emphasis) p = p.use(remarkCjkFriendly) as unknown as Processor<Root>;
  return p;
}

// Each extension costs parse time on every keystroke; one that cannot match anything in the text
// (no `|`, no leading `---`, no `*`/`_`) gives the same tree without it, so only the ones the text
// can use are switched on.
const processors = new Map<number, MarkdownParser>();

export function parseMarkdown(text: string, options: { frontMatter?: boolean } = {}): Root {
  const tables = text.includes('|');
  const frontMatter = (options.frontMatter ?? true) && text.startsWith('---');
  const emphasis = text.includes('*') || text.includes('_');
  const key = (tables ? 1 : 0) | (frontMatter ? 2 : 0) | (emphasis ? 4 : 0);
  let p = processors.get(key);
  if (!p) processors.set(key, (p = makeProcessor(tables, frontMatter, emphasis)));
  return p.parse(text) as Root;
}

/** What the plan reader needs from the Markdown tree, as offsets into the source. */
export interface MarkdownFacts {
  /** line → heading depth */
  headings: Map<number, number>;
  /** [start, end) offsets of text the recognisers must not read (code, HTML, front matter). */
  masked: [number, number][];
  htmlComments: { start: number; end: number; value: string }[];
  tables: Table[];
  /** line → text of a leading `strong` (a bold task title) */
  boldStarts: Map<number, string>;
  frontMatter: { value: string; start: number; end: number } | null;
}

export function emptyFacts(): MarkdownFacts {
  return { headings: new Map(), masked: [], htmlComments: [], tables: [], boldStarts: new Map(), frontMatter: null };
}

export function collectMarkdownFacts(root: Root): MarkdownFacts {
  const facts = emptyFacts();
  const visit = (node: RootContent | Root) => {
    const pos = node.position;
    switch (node.type) {
      case 'yaml':
        if (pos) {
          facts.frontMatter = { value: node.value, start: pos.start.offset!, end: pos.end.offset! };
          facts.masked.push([pos.start.offset!, pos.end.offset!]);
        }
        return;
      case 'code':
      case 'inlineCode':
        if (pos) facts.masked.push([pos.start.offset!, pos.end.offset!]);
        return;
      case 'html':
        if (pos) {
          facts.masked.push([pos.start.offset!, pos.end.offset!]);
          if (node.value.startsWith('<!--')) facts.htmlComments.push({ start: pos.start.offset!, end: pos.end.offset!, value: node.value });
        }
        return;
      case 'heading':
        if (pos) facts.headings.set(pos.start.line - 1, node.depth);
        break;
      case 'table':
        facts.tables.push(node);
        return;
      case 'paragraph': {
        const first = node.children[0];
        if (first && first.type === 'strong' && first.position) facts.boldStarts.set(first.position.start.line - 1, plainText(first));
        break;
      }
    }
    if ('children' in node) for (const child of node.children as RootContent[]) visit(child);
  };
  visit(root);
  facts.masked.sort((a, b) => a[0] - b[0]);
  return facts;
}

export function plainText(node: { type: string; value?: string; children?: unknown[] }): string {
  if (typeof node.value === 'string' && node.type !== 'html') return node.value;
  if (!node.children) return '';
  return (node.children as { type: string; value?: string; children?: unknown[] }[]).map(plainText).join('');
}
