import { InlayHintKind, type Connection, type InlayHint } from 'vscode-languageserver/node';
import type { PlanAnalysis } from '../../core/analyse';
import { applicableThreshold, bindingOf, formatThreshold, isVerified } from '../../core/catalogue/thresholds';
import { catalogueIndicator } from '../../core/query';
import type { PlanSource } from '../planSource';

/** After each target: the catalogue's bar and attribute (`国标≥95% 约束`), so the drafter sees it without hovering. */
export function inlayHints(a: PlanAnalysis, range?: { start: { line: number }; end: { line: number } }): InlayHint[] {
  const out: InlayHint[] = [];
  for (const t of a.model.targets) {
    if (range && (t.range.end.line < range.start.line || t.range.end.line > range.end.line)) continue;
    const ind = catalogueIndicator(a.edition, t.catalogueId);
    if (!ind) continue;
    const th = applicableThreshold(ind, a.settings);
    const binding = bindingOf(ind);
    // no threshold for this plan: say what is missing rather than print the whole table cell
    const bar = th ? formatThreshold(th.threshold, ind.unit) : ind.thresholds.some((x) => x.terrain) ? '(按地形,未设定 terrain)' : ind.thresholds.some((x) => x.citySize) ? '(按城市规模,未设定 citySize)' : ind.value;
    if (!bar) continue;
    const attr = binding === true ? ' 约束' : binding === false ? ' 参考' : '';
    out.push({
      position: t.range.end,
      label: `国标${bar}${attr}${isVerified(ind) ? '' : '?'}`,
      kind: InlayHintKind.Parameter,
      paddingLeft: true,
      tooltip: isVerified(ind) ? `${a.edition.title}` : `${a.edition.title}(该指标值尚未核实)`,
    });
  }
  return out;
}

export function provideInlayHints(ws: PlanSource, { textDocument, range }: { textDocument: { uri: string }; range?: { start: { line: number }; end: { line: number } } }): InlayHint[] | null {
  const a = ws.analysisOf(textDocument.uri);
  return a ? inlayHints(a, range) : null;
}

export function registerInlayHints(connection: Connection, ws: PlanSource) {
  connection.languages.inlayHint.on((params) => provideInlayHints(ws, params));
}
