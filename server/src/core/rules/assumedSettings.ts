import type { Rule } from './rule';

/** No level given anywhere: the plan is checked as a 市 plan, and the drafter should know. */
export const assumedSettings: Rule = {
  code: 'assumed-settings',
  defaultSeverity: 'hint',
  description: { zh: '方案级别未设定,按默认值检查', en: 'Plan level not set; defaults assumed' },
  check(ctx, report) {
    if (!ctx.settings.levelAssumed) return;
    report({
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      message: {
        zh: `未设定方案级别(市/县),按「市」和 ${ctx.edition.title}检查;可在 front matter 中写 ecoplan: {level: 县}`,
        en: `Plan level (市/县) not set; checked as 市 against ${ctx.edition.id}. Set it in front matter: ecoplan: {level: 县}`,
      },
    });
  },
};
