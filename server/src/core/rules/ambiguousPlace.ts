import type { PlanPlace } from '../model/types';
import type { Rule } from './rule';

const where = (p: PlanPlace) => `${p.province === p.name ? '' : p.province}${p.prefecture && p.prefecture !== p.name ? p.prefecture : ''}${p.name}(${p.code})`;

/**
 * The place the plan names is borne by several units and no superior named in the text settles
 * which (青山区 of 武汉 or of 包头): the candidates, and how to name one. The level is still the one
 * the candidates share, or the one the name's last word gives (assumed-settings says which).
 */
export const ambiguousPlace: Rule = {
  code: 'ambiguous-place',
  defaultSeverity: 'information',
  description: { zh: '方案所属行政区划名称对应多个单位', en: "The plan's place name is borne by several units" },
  check(ctx, report) {
    const amb = ctx.settings.placeAmbiguous;
    if (!amb) return;
    const raw = ctx.model.text.split('\n', amb.line + 1)[amb.line] ?? '';
    const at = raw.indexOf(amb.words);
    const range = at >= 0 ? { start: { line: amb.line, character: at }, end: { line: amb.line, character: at + amb.words.length } } : { start: { line: amb.line, character: 0 }, end: { line: amb.line, character: raw.replace(/\r$/, '').length } };
    const list = amb.candidates.map(where);
    const first = amb.candidates[0].code;
    report({
      range,
      message: {
        zh: `「${amb.words}」对应 ${amb.candidates.length} 个行政区划:${list.join('、')};文中未写明其上级,无法确定是哪一个。请在 front matter 中写明代码,如 ecoplan: {place: ${first}}`,
        en: `"${amb.words}" is the name of ${amb.candidates.length} units: ${list.join(', ')}; the text names no superior that settles which. Name it in front matter, e.g. ecoplan: {place: ${first}}`,
      },
      data: { candidates: amb.candidates.map((c) => ({ code: c.code, where: where(c) })) },
    });
  },
};
