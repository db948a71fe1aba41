import { findParts, PART_NAMES, requiredPartsOf, wholePlanKind } from '../review/planParts';
import type { Rule } from './rule';

const COLUMN_NAMES = {
  investment: { zh: '投资', en: 'investment' },
  unit: { zh: '责任单位', en: 'responsible unit' },
  period: { zh: '建设时限', en: 'period' },
} as const;

/**
 * A whole plan without a part its kind must have (data/vocab/reviewParts.yaml: a 规划 its 现状与问题,
 * 目标与指标体系, 主要任务, 重点工程, 保障措施; an 实施方案 its 目标, 任务, 保障措施, 实施步骤), and a
 * 重点工程 table without its 投资, 责任单位 or 时限 column. Only a document that is clearly a whole
 * plan is held to it — a title naming a 规划 or a 方案 and at least three chapters — and only as a
 * warning: an excerpt, or a part under a heading the vocabulary does not know, must not cost the
 * drafter's trust.
 */
export const missingRequiredPart: Rule = {
  code: 'missing-required-part',
  defaultSeverity: 'warning',
  description: { zh: '规划(方案)缺少必备部分', en: 'Plan lacks a required part' },
  check({ model }, report) {
    const kind = wholePlanKind(model);
    if (!kind) return;
    const parts = findParts(model);
    const what = kind === 'plan' ? { zh: '规划', en: 'plan' } : { zh: '实施方案', en: 'scheme' };
    for (const k of requiredPartsOf(kind)) {
      const part = parts.find((p) => p.kind === k)!;
      if (part.present) continue;
      report({
        range: model.titleRange,
        message: {
          zh: `${what.zh}缺少「${PART_NAMES[k].zh}」部分`,
          en: `The ${what.en} has no part on ${PART_NAMES[k].en}`,
        },
        data: { part: k, kind },
      });
    }
    const projects = parts.find((p) => p.kind === 'projects')!;
    if (!projects.present || !projects.columns || projects.line === undefined) return;
    const lacking = (['investment', 'unit', 'period'] as const).filter((c) => !projects.columns![c]);
    if (lacking.length === 0) return;
    const line = projects.line - 1;
    const text = model.text.split('\n', line + 1)[line] ?? '';
    const start = text.length - text.trimStart().length;
    report({
      range: { start: { line, character: start }, end: { line, character: text.replace(/\s+$/, '').length } },
      message: {
        zh: `重点工程未列明${lacking.map((c) => COLUMN_NAMES[c].zh).join('、')}`,
        en: `The key projects do not state their ${lacking.map((c) => COLUMN_NAMES[c].en).join(', ')}`,
      },
      data: { part: 'projects', lacking },
    });
  },
};
