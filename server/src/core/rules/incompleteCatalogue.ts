import { allIndicators } from '../catalogue/load';
import type { Rule } from './rule';

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
    report({
      range: ctx.model.frontMatter?.keyRanges.catalogue ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      message: {
        zh: `${ctx.edition.title}在 EcoPlan 中尚不完整(已收录 ${count} 项指标):未收录指标的目标不与指标值比较,也不检查约束性指标是否都有目标`,
        en: `${ctx.edition.id} is incomplete in EcoPlan's data (${count} indicators recorded): targets of other indicators are not compared with a threshold, and binding-indicator coverage is not checked`,
      },
      data: { edition: ctx.edition.id, indicators: count },
    });
  },
};
