import { appliesTo, isVerified } from '../../core/catalogue/thresholds';
import type { CatalogueEdition, CatalogueIndicator, Threshold } from '../../core/catalogue/types';

/**
 * What a drafter is told about where an indicator's value comes from: the edition and its document
 * number, and whether a source confirmed the value, in words. The catalogue's own provenance notes
 * (which corpus file, row or task showed it) are for the project's maintainers (SOURCES.md), never
 * for the product's user text.
 */
export function publicSourceLines(edition: Pick<CatalogueEdition, 'title' | 'document'>, verified: boolean): string[] {
  return [`- 依据:${edition.title}${edition.document ? `(${edition.document})` : ''}`, `- 核实情况:${verified ? '已核实' : '待核实(该值尚未经公开文件确认,只作提示)'}`];
}

/** The card without the lines that carry internal provenance (`来源:corpus …`, `尚未核实(recalled)`). */
export function withoutProvenance(card: string): string {
  return card
    .split('\n')
    .filter((l) => !/^- (来源:|⚠ 该指标值尚未核实)/.test(l))
    .join('\n');
}

/** The catalogue card of an indicator (completion's documentation, the hover's head): edition and number, unit, value, attribute, scope. */
export function indicatorCard(ind: CatalogueIndicator, edition: string, thText: string, attr: string): string {
  const lines = [`**${ind.name}**(${edition} 第 ${ind.number} 项)`, ''];
  if (ind.unit) lines.push(`- 单位:${ind.unit}`);
  if (thText) lines.push(`- 指标值:${thText}`);
  if (ind.value && ind.value !== thText) lines.push(`- 原文:${ind.value}`);
  if (attr) lines.push(`- 属性:${attr}`);
  const applies = appliesTo(ind);
  if (applies.length > 0) lines.push(`- 适用:${applies.join('、')}${ind.only ? `(仅${ind.only})` : ''}`);
  if (ind.confidence !== 'confirmed') lines.push(`- ⚠ 该指标值尚未核实(${ind.confidence})`);
  if (ind.source ?? ind.evidence) lines.push(`- 来源:${ind.source ?? ind.evidence}`);
  return lines.join('\n');
}

/**
 * The card as a drafter sees it (completion's documentation, the hover's head): without the internal
 * provenance notes, with the edition, its document number and 已核实/待核实 in words.
 */
export function publicIndicatorCard(ind: CatalogueIndicator, edition: Pick<CatalogueEdition, 'title' | 'document'>, thText: string, attr: string, threshold?: Threshold): string {
  return [withoutProvenance(indicatorCard(ind, edition.title, thText, attr)), ...publicSourceLines(edition, isVerified(ind, threshold))].join('\n');
}
