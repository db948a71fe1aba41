import { InlayHintKind, type Connection, type InlayHint } from 'vscode-languageserver/node';
import type { PlanAnalysis } from '../../core/analyse';
import { applicableThreshold, bindingOf, formatThreshold, isVerified } from '../../core/catalogue/thresholds';
import { catalogueIndicator } from '../../core/query';
import type { Locale } from '../../core/locale';
import type { PlanSource } from '../planSource';

/** The words of a hint, in the UI language only (no setting keys, no bare `?`). */
const WORDS = {
  zh: { bar: '国标', byTerrain: '按地形而定(方案未设定地形)', bySize: '按城市规模而定(方案未设定城市规模)', binding: ' 约束', reference: ' 参考', unverified: '(待核实)', unverifiedTip: '该指标值尚未核实', setTip: '在 front matter 的 ecoplan: 中设定' },
  en: { bar: 'national ', byTerrain: 'depends on terrain (the plan sets none)', bySize: 'depends on city size (the plan sets none)', binding: ' binding', reference: ' reference', unverified: ' (unverified)', unverifiedTip: 'this value is not yet verified', setTip: 'set it under ecoplan: in the front matter' },
};

/** After each target: the catalogue's bar and attribute (`国标≥95% 约束`), so the drafter sees it without hovering. */
export function inlayHints(a: PlanAnalysis, range?: { start: { line: number }; end: { line: number } }, locale: Locale = 'zh'): InlayHint[] {
  const w = WORDS[locale === 'en' ? 'en' : 'zh'];
  const out: InlayHint[] = [];
  for (const t of a.model.targets) {
    if (range && (t.range.end.line < range.start.line || t.range.end.line > range.end.line)) continue;
    const ind = catalogueIndicator(a.edition, t.catalogueId);
    if (!ind) continue;
    const th = applicableThreshold(ind, a.settings);
    const binding = bindingOf(ind);
    // no threshold for this plan: say what is missing rather than print the whole table cell
    const unset = th ? null : ind.thresholds.some((x) => x.terrain) ? 'terrain' : ind.thresholds.some((x) => x.citySize) ? 'citySize' : null;
    const bar = th ? formatThreshold(th.threshold, ind.unit) : unset === 'terrain' ? w.byTerrain : unset === 'citySize' ? w.bySize : ind.value;
    if (!bar) continue;
    const attr = binding === true ? w.binding : binding === false ? w.reference : '';
    const verified = isVerified(ind);
    // the setting's key is syntax to type: it goes in the tooltip, not in the label
    const how = unset ? `\n${w.setTip}: ${unset}` : '';
    out.push({
      position: t.range.end,
      label: `${w.bar}${bar}${attr}${verified ? '' : w.unverified}`,
      kind: InlayHintKind.Parameter,
      paddingLeft: true,
      tooltip: `${a.edition.title}${verified ? '' : locale === 'en' ? ` (${w.unverifiedTip})` : `(${w.unverifiedTip})`}${how}`,
    });
  }
  return out;
}

export function provideInlayHints(ws: PlanSource, { textDocument, range }: { textDocument: { uri: string }; range?: { start: { line: number }; end: { line: number } } }): InlayHint[] | null {
  const a = ws.analysisOf(textDocument.uri);
  return a ? inlayHints(a, range, ws.locale) : null;
}

export function registerInlayHints(connection: Connection, ws: PlanSource) {
  connection.languages.inlayHint.on((params) => provideInlayHints(ws, params));
}
