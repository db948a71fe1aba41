import { allIndicators } from '../catalogue/load';
import type { LocalizedText, Range } from '../model/types';
import type { Rule } from './rule';

function lineRange(text: string, line: number): Range {
  let start = 0;
  for (let l = 0; l < line && start >= 0; l++) start = text.indexOf('\n', start) + 1;
  const end = text.indexOf('\n', start);
  const width = (end < 0 ? text.length : end) - start - (text[(end < 0 ? text.length : end) - 1] === '\r' ? 1 : 0);
  return { start: { line, character: 0 }, end: { line, character: Math.max(0, width) } };
}

/**
 * The plan's edition is marked incomplete in the data (the 2021 revision, the 2024 county list):
 * the rules that need its thresholds or its list of binding indicators stay silent rather than
 * guess, and a silent checker must say why it is silent.
 */
export const incompleteCatalogue: Rule = {
  code: 'incomplete-catalogue',
  defaultSeverity: 'information',
  description: { zh: '所用指标体系的数据不完整', en: 'The plan\u2019s catalogue edition is incomplete' },
  check(ctx, report) {
    if (ctx.edition.complete) return;
    const count = allIndicators(ctx.edition).length;
    const { settings, edition, model } = ctx;
    // the plan's own citation chose it: say where, at that line
    const citation = settings.catalogueFrom === 'citation' ? settings.citations?.find((c) => c.editions.includes(edition.id)) : undefined;
    const why: LocalizedText = citation ? { zh: `本方案引用的`, en: `Cited by the plan ("${citation.words}"): ` } : { zh: '', en: '' };
    const importHint = {
      zh: `;如有该版本的指标表,可用 ecoplan catalogue import <指标表.docx|.xlsx> -o ${edition.id}.yaml --id ${edition.id} 导入,再在 ecoplan.config.yaml 的 catalogues: 中列出`,
      en: `; given the edition's table, run ecoplan catalogue import <table.docx|.xlsx> -o ${edition.id}.yaml --id ${edition.id} and list the file under catalogues: in ecoplan.config.yaml`,
    };
    report({
      range: model.frontMatter?.keyRanges.catalogue ?? (citation ? lineRange(model.text, citation.line) : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }),
      message: {
        zh: `${why.zh}${edition.title}在 EcoPlan 中尚不完整(已收录 ${count} 项指标):未收录指标的目标不与指标值比较,也不检查约束性指标是否都有目标${importHint.zh}`,
        en: `${why.en}${edition.id} is incomplete in EcoPlan's data (${count} indicators recorded): targets of other indicators are not compared with a threshold, and binding-indicator coverage is not checked${importHint.en}`,
      },
      data: { edition: ctx.edition.id, indicators: count },
    });
  },
};
