import type { RuleDirective } from './model/types';
import type { MarkdownFacts } from './parse/markdown';
import type { LineIndex } from './text/lineIndex';

/** What the plan says to the checker itself in its body: inline rule control comments (its front matter: frontMatter.ts). */

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
