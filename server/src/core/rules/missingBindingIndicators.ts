import { bindingCoverage } from '../coverage';
import type { CatalogueEdition } from '../catalogue/types';
import type { Range } from '../model/types';
import type { Rule } from './rule';

const namesOfEdition = new WeakMap<CatalogueEdition, Map<string, string>>();

/** Each indicator's name by id (the first of an id, as a search from the start finds it). */
function namesById(edition: CatalogueEdition): Map<string, string> {
  let names = namesOfEdition.get(edition);
  if (!names) {
    names = new Map();
    for (const i of edition.indicators) if (!names.has(i.id)) names.set(i.id, i.name);
    namesOfEdition.set(edition, names);
  }
  return names;
}

/** How many missing indicators the one-line message names before `等`. */
const FIRST_FEW = 3;

export const missingBindingIndicators: Rule = {
  code: 'missing-binding-indicators',
  defaultSeverity: 'warning',
  description: { zh: '方案未涉及的约束性指标', en: 'Binding indicators the plan never addresses' },
  check(ctx, report) {
    // An incomplete edition cannot say which binding indicators exist: stay silent.
    if (!ctx.edition.complete) return;
    const cov = bindingCoverage(ctx);
    if (cov.missing.length === 0) return;
    // The Problems panel shows one line: the count and the first few; every indicator is listed in
    // the related information (a named-only one at the place the plan names it).
    const few = cov.missing.slice(0, FIRST_FEW);
    const more = cov.missing.length > few.length;
    const mentionAt = new Map<string, Range>();
    if (cov.mentionedOnly.length > 0) {
      const nameOf = namesById(ctx.edition);
      for (const m of ctx.model.indicatorMentions) {
        const name = nameOf.get(m.catalogueId);
        if (name && !mentionAt.has(name)) mentionAt.set(name, m.range);
      }
    }
    report({
      range: ctx.model.titleRange,
      message: {
        zh: `方案未对 ${cov.missing.length} 项约束性指标设定目标(共 ${cov.total} 项适用):${few.join('、')}${more ? ` 等,全部列在相关信息中` : ''}${cov.mentionedOnly.length > 0 ? `;其中 ${cov.mentionedOnly.length} 项只提及未设目标` : ''}${cov.trendOnly.length > 0 ? `;另有 ${cov.trendOnly.length} 项只有趋势性表述` : ''}`,
        en: `The plan sets no target for ${cov.missing.length} of ${cov.total} applicable binding indicators: ${few.join(', ')}${more ? ', … (all listed in the related information)' : ''}${cov.mentionedOnly.length > 0 ? `; ${cov.mentionedOnly.length} of them named without a target` : ''}${cov.trendOnly.length > 0 ? `; ${cov.trendOnly.length} more given only a trend` : ''}`,
      },
      related: cov.missing.map((name) => {
        const at = cov.mentionedOnly.includes(name) ? mentionAt.get(name) : undefined;
        return at
          ? { range: at, message: { zh: `${name}:只提及,未设定目标`, en: `${name}: named, no target` } }
          : { range: ctx.model.titleRange, message: { zh: `${name}:未设定目标`, en: `${name}: no target` } };
      }).concat(cov.trendOnly.map((name) => ({ range: ctx.model.titleRange, message: { zh: `${name}:只有趋势性表述,未量化`, en: `${name}: a trend only, not quantified` } }))),
      data: { coverage: cov },
    });
  },
};
