import { SemanticTokensBuilder, type Connection, type SemanticTokens, type SemanticTokensLegend } from 'vscode-languageserver/node';
import type { PlanAnalysis } from '../../core/analyse';
import { bindingOf } from '../../core/catalogue/thresholds';
import type { Range } from '../../core/model/types';
import { catalogueIndicator, departmentOccurrences, indicatorOccurrences, textPieces } from '../../core/query';
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
  // a name a PDF copy's line break splits is one token per part (a token lies on one line)
  const push = (r: Range, type: number, mods: number) => {
    for (const p of textPieces(a.model, r)) if (p.start.line === p.end.line) tokens.push({ line: p.start.line, char: p.start.character, length: p.end.character - p.start.character, type, mods });
  };
  for (const o of departmentOccurrences(a.model)) push(o.range, 0, a.directory.resolve(o.name) ? 0 : UNKNOWN);
  for (const o of indicatorOccurrences(a.model, (n) => a.names.resolve(n)?.indicator.id ?? null)) {
    const ind = catalogueIndicator(a.edition, o.catalogueId);
    const b = ind ? bindingOf(ind) : null;
    push(o.range, 1, !ind ? UNKNOWN : b === true ? BINDING : b === false ? REFERENCE : 0);
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
