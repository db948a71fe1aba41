import type { Diagnostic as LspDiagnostic } from 'vscode-languageserver/node';
import type { PlanAnalysis } from '../../core/analyse';

/**
 * What the analysis knows about a diagnostic the client sends back (a code action's context): the
 * `data` of the analysis diagnostic with the same code and range. Published diagnostics carry no
 * `data` (diagnostics.ts); one that does (a Word file's, or an older client's copy) keeps its own.
 */
export function diagnosticData(a: PlanAnalysis, d: LspDiagnostic): Record<string, unknown> {
  if (d.data && typeof d.data === 'object') return d.data as Record<string, unknown>;
  const { start, end } = d.range;
  const found = a.diagnostics.find(
    (x) => x.code === d.code && x.range.start.line === start.line && x.range.start.character === start.character && x.range.end.line === end.line && x.range.end.character === end.character,
  );
  return found?.data ?? {};
}
