import type { CatalogueEdition } from '../../core/catalogue/types';

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
