import { SemanticTokensBuilder, type Connection, type SemanticTokens, type SemanticTokensLegend } from 'vscode-languageserver/node';
import type { PlanAnalysis } from '../../core/analyse';
import { bindingOf } from '../../core/catalogue/thresholds';
import { catalogueIndicator, departmentOccurrences, indicatorOccurrences } from '../../core/query';
import type { PlanSource } from '../planSource';

/** What only the server knows: whether a department is in the directory, whether an indicator is binding. */
export const semanticTokensLegend: SemanticTokensLegend = {
  tokenTypes: ['ecoplanDepartment', 'ecoplanIndicator'],
  tokenModifiers: ['unknown', 'binding', 'reference'],
};
const UNKNOWN = 1 << 0;
const BINDING = 1 << 1;
const REFERENCE = 1 << 2;

export function semanticTokens(a: PlanAnalysis) {
  const tokens: { line: number; char: number; length: number; type: number; mods: number }[] = [];
  for (const o of departmentOccurrences(a.model)) {
    if (o.range.start.line !== o.range.end.line) continue;
    tokens.push({ line: o.range.start.line, char: o.range.start.character, length: o.range.end.character - o.range.start.character, type: 0, mods: a.directory.resolve(o.name) ? 0 : UNKNOWN });
  }
  for (const o of indicatorOccurrences(a.model, (n) => a.names.resolve(n)?.indicator.id ?? null)) {
    if (o.range.start.line !== o.range.end.line) continue;
    const ind = catalogueIndicator(a.edition, o.catalogueId);
    const b = ind ? bindingOf(ind) : null;
    tokens.push({ line: o.range.start.line, char: o.range.start.character, length: o.range.end.character - o.range.start.character, type: 1, mods: !ind ? UNKNOWN : b === true ? BINDING : b === false ? REFERENCE : 0 });
  }
  tokens.sort((x, y) => x.line - y.line || x.char - y.char);
  const builder = new SemanticTokensBuilder();
  let last = { line: -1, end: -1 };
  for (const t of tokens) {
    if (t.line === last.line && t.char < last.end) continue; // tokens must not overlap
    builder.push(t.line, t.char, t.length, t.type, t.mods);
    last = { line: t.line, end: t.char + t.length };
  }
  return builder.build();
}

export function provideSemanticTokens(ws: PlanSource, { textDocument }: { textDocument: { uri: string } }): SemanticTokens {
  const a = ws.analysisOf(textDocument.uri);
  return a ? semanticTokens(a) : { data: [] };
}

export function registerSemanticTokens(connection: Connection, ws: PlanSource) {
  connection.languages.semanticTokens.on((params) => provideSemanticTokens(ws, params));
}
