import { isMap, isScalar } from 'yaml';
import type { FrontMatter, Range } from './model/types';
import { LineIndex } from './text/lineIndex';
import { readYaml } from './yamlLimits';

/**
 * A Markdown plan's front matter, read before the plan itself: the settings in it (the catalogue
 * edition above all) decide how the plan's names are read. One reader for the analysis, the CLI
 * and the server. Plain-text plans (`.txt`) have none.
 */

export interface FrontMatterBlock {
  /** The YAML between the fences. */
  value: string;
  /** Offsets of the whole block, from the opening `---` to the end of the closing fence's line. */
  start: number;
  end: number;
}

const OPEN = /^---[ \t]*(?:\r\n|\r|\n)/;
const CLOSE = /^---[ \t]*$/;
const EOL = /\r\n|\r|\n/g;

/**
 * The block as remark-frontmatter finds it: `---` on the first line (trailing blanks allowed), up to
 * the next line that is `---`; unclosed is no front matter. Linear: one pass over the lines.
 */
export function frontMatterBlock(text: string): FrontMatterBlock | null {
  const open = OPEN.exec(text);
  if (!open) return null;
  const contentStart = open[0].length;
  let at = contentStart;
  let previousEol = 0; // length of the line ending before `at`
  while (at <= text.length) {
    EOL.lastIndex = at;
    const m = EOL.exec(text);
    const eol = m ? m.index : text.length;
    const line = text.slice(at, eol);
    if (CLOSE.test(line)) {
      const value = at === contentStart ? '' : text.slice(contentStart, at - previousEol);
      return { value, start: 0, end: eol };
    }
    if (!m) return null;
    previousEol = m[0].length;
    at = eol + previousEol;
  }
  return null;
}

/** The front matter of a plan (null for plain text or none), with the range of each `ecoplan:` key. */
export function readFrontMatter(text: string, format: 'markdown' | 'text' = 'markdown'): FrontMatter | null {
  if (format === 'text') return null;
  const fm = frontMatterBlock(text);
  if (!fm) return null;
  // The server asks twice per keystroke (its adapter for the directory path, then the analysis) and
  // the block rarely changes: the last block read is kept, by its exact text. Callers only read it.
  const head = text.slice(0, fm.end);
  if (lastRead && lastRead.head === head) return lastRead.result;
  const result = parseFrontMatter(text, fm);
  lastRead = { head, result };
  return result;
}

let lastRead: { head: string; result: FrontMatter } | null = null;

function parseFrontMatter(text: string, fm: FrontMatterBlock): FrontMatter {
  // positions inside the block are the same in the block's text as in the whole plan's
  const index = new LineIndex(text.slice(0, fm.end));
  const range = index.range(fm.start, fm.end);
  const read = readYaml(fm.value);
  // the YAML body starts on the line after the opening `---`
  const bodyStart = text.indexOf('\n', fm.start) + 1;
  if (read.problem) {
    const at = bodyStart + Math.min(read.problem.offset, fm.value.length);
    return { data: null, range, keyRanges: {}, error: { message: read.problem.message, range: index.range(at, Math.min(index.lineEnd(index.position(at).line), fm.end)) } };
  }
  const { doc, value: data } = read;
  const keyRanges: Record<string, Range> = {};
  const eco = doc.get('ecoplan', true);
  if (isMap(eco)) {
    for (const item of eco.items) {
      const key = isScalar(item.key) ? String(item.key.value) : null;
      const node = (item.value ?? item.key) as { range?: [number, number, number] } | null;
      const keyNode = item.key as { range?: [number, number, number] } | null;
      const r = node?.range ?? keyNode?.range;
      if (key && r) keyRanges[key] = index.range(bodyStart + r[0], bodyStart + r[1]);
    }
  } else if (eco && (eco as { range?: [number, number] }).range) {
    const r = (eco as { range: [number, number] }).range;
    keyRanges[''] = index.range(bodyStart + r[0], bodyStart + r[1]);
  }
  return { data: data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : null, range, keyRanges };
}

/** One `ecoplan:` setting as written, when it is a non-empty string (`departments: ../部门.yaml`). */
export function frontMatterSetting(fm: FrontMatter | null, key: string): string | undefined {
  const eco = fm?.data?.ecoplan;
  if (!eco || typeof eco !== 'object' || Array.isArray(eco)) return undefined;
  const v = (eco as Record<string, unknown>)[key];
  return typeof v === 'string' && v.length > 0 ? v : undefined;
}
