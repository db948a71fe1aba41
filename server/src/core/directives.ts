import { isMap, isScalar, parseDocument } from 'yaml';
import type { FrontMatter, Range, RuleDirective } from './model/types';
import type { MarkdownFacts } from './parse/markdown';
import type { LineIndex } from './text/lineIndex';

/** What the plan says to the checker itself: its `ecoplan:` front matter and inline rule control comments. */

export function readFrontMatter(text: string, facts: MarkdownFacts, index: LineIndex): FrontMatter | null {
  const fm = facts.frontMatter;
  if (!fm) return null;
  const range = index.range(fm.start, fm.end);
  const doc = parseDocument(fm.value, { prettyErrors: false });
  // the YAML body starts on the line after the opening `---`
  const bodyStart = text.indexOf('\n', fm.start) + 1;
  if (doc.errors.length > 0) {
    const err = doc.errors[0];
    const at = bodyStart + (err.pos?.[0] ?? 0);
    return { data: null, range, keyRanges: {}, error: { message: err.message.split('\n')[0], range: index.range(at, Math.min(index.lineEnd(index.position(at).line), fm.end)) } };
  }
  const data = doc.toJS();
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
  return { data: data && typeof data === 'object' && !Array.isArray(data) ? data : null, range, keyRanges };
}

const DIRECTIVE = /<!--\s*ecoplan-(disable-next-line|disable-line|disable|enable)\b([^>]*?)-->/g;

export function readDirectives(text: string, facts: MarkdownFacts, index: LineIndex, markdown: boolean): RuleDirective[] {
  const out: RuleDirective[] = [];
  const sources = markdown ? facts.htmlComments.map((c) => ({ value: text.slice(c.start, c.end), start: c.start })) : [{ value: text, start: 0 }];
  for (const s of sources) {
    if (!s.value.includes('ecoplan-')) continue;
    DIRECTIVE.lastIndex = 0;
    for (let m = DIRECTIVE.exec(s.value); m; m = DIRECTIVE.exec(s.value)) {
      const codes = m[2].split(/[\s,,]+/).filter((c) => c.length > 0);
      out.push({ kind: m[1] as RuleDirective['kind'], codes, line: index.position(s.start + m.index).line });
    }
  }
  return out;
}
