import type { Comparison } from '../model/types';
import { alternation, targetVocabulary } from './targetVocabulary';

/**
 * The words drafters put between an indicator's name and its value, and after it:
 *   城镇污水处理率达95%以上 / 不低于60 / 保持410千克/公顷以下 / ≥4.5% / 稳定在100% / 保持在95%—98%
 * and the qualitative requirements: 面积不减少、性质不改变、功能不降低 / 完成上级规定的考核任务.
 * All patterns are anchored (sticky) at the position right after the name and have bounded
 * repetition, so recognising is linear in the text length.
 */

export interface TargetExpression {
  op: Comparison;
  value: number | null;
  upper: number | null;
  unit: string | null;
  year: number | null;
  text: string | null;
  /** A change against a base year (`较2015年下降率`): the value is a rate of change, not a level. */
  relative?: string;
  /** `力争达到`, `争取`, `努力达到`: a target stated as an aspiration, beside (not against) the firm one. */
  tier?: 'aspirational';
  /** Length of the expression text from the start position. */
  length: number;
}

const UNITS = [
  '%', '%', '‰', '平方米/人', '平方米', '千克/公顷', '千克/亩', '公斤/亩', '吨标准煤/万元', '吨标煤/万元', '立方米/万元', '吨/万元',
  'μg/m³', 'μg/m3', 'ug/m3', '微克/立方米', 'mg/m³', 'mg/m3', '毫克/立方米', '公顷', '亩', '公里', '千米', '亿元', '万元', '个', '天', '家', '座', '处', '条', '人',
];
// units written in words (微克每立方米 → μg/m³) from data/vocab/targets.yaml; longest first so 万亩 wins over 亩
/** The units a value may carry, as a regex alternation (longest first). */
export const UNIT_ALT = alternation([...new Set([...UNITS, ...targetVocabulary.wordUnits.keys()])].sort((a, b) => b.length - a.length));
const TREND_ALT = alternation(targetVocabulary.trendAfter);
// Adverbs between a name and its value; the aspirational ones (data/vocab/targets.yaml `aspirational`) set the target's tier.
const ASPIRATIONAL_ALT = alternation(targetVocabulary.aspirational);
const ADVERB = `均|要|需|应|将|分别|必须|持续|确保|稳定|累计|${ASPIRATIONAL_ALT}`;
const ASPIRATIONAL = new RegExp(`^(?:${ASPIRATIONAL_ALT})$`);

/** Whether one of the adverbs read before a value states an aspiration (`力争`, `争取`, `努力`), not a firm target. */
function aspires(...adverbs: (string | undefined)[]): boolean {
  return adverbs.some((a) => a !== undefined && ASPIRATIONAL.test(a));
}

const NUMERIC = new RegExp(
  String.raw`[\s\u3000,,]{0,2}(?:(?:到|至|在)?(?<year>(?:19|20)\d\d)年(?:底|末)?(?:前)?[\s,,]{0,2})?(?:指标)?(?:全市|全县|全区|总体|平均)?` +
    // `较2015年下降率达到19%`: a change against a base year (the year is not a target year)
    // `碳排放强度下降18%`: a decline written without its base year is a change too
    // `分别比2015年下降23.3%、22.9%以上`, `力争较2020年下降18%`: the adverb may come before the change
    String.raw`(?<adv0>${ADVERB})?` +
    String.raw`(?<change>(?:较|比)(?:19|20)\d\d年(?:底|末)?(?:累计)?(?:下降|降低|减少|提高|提升|增长|上升)(?:率|幅度)?|(?:累计)?(?:下降|降低|减少)(?=[\s\u3000]{0,2}\d))?` +
    // `达到上级目标要求且不低于93%`: a qualitative bar with a number after it; the number is the target
    String.raw`(?:(?:达到|完成)(?:上级|国家|省|省级)(?:下达|规定)?的?(?:目标|考核|管控)?(?:要求|目标|任务)(?:且|并|,|,)?)?` +
    // `确保达到`, `力争达到`, `争取控制在`, `努力达到`; `均力争`: two adverbs at most
    String.raw`(?<adv1>${ADVERB})?(?<adv2>${ADVERB})?` +
    // `由85%提高到95%以上`: the value before the change is where the plan starts, not the target
    String.raw`(?:由[\s\u3000]{0,2}\d{1,9}(?:\.\d{1,6})?[\s\u3000]{0,2}(?:${UNIT_ALT})?[\s\u3000]{0,2}(?=提高|提升|增加|增长|上升|下降|降低|减少))?` +
    String.raw`(?<verb>保持在|稳定在|保持为|保持|稳定|达到|达|提高到|提高至|提升到|提升至|增加到|增长到|增至|下降到|降低到|降至|降到|减少到|控制在|上升到|上升至|提高|提升|为|在|是)?` +
    String.raw`(?<cmp>不低于|不少于|不小于|不高于|不超过|不大于|大于等于|小于等于|高于|低于|超过|大于|小于|≥|≤|>=|<=|≧|≦|＞|＜|>|<|=|=)?` +
    String.raw`[\s\u3000]{0,2}(?<num>\d{1,9}(?:\.\d{1,6})?)[\s\u3000]{0,2}` +
    String.raw`(?:(?<unit1>${UNIT_ALT})?[\s\u3000]{0,2}[-—–~~至到][\s\u3000]{0,2}(?<num2>\d{1,9}(?:\.\d{1,6})?)[\s\u3000]{0,2})?` +
    String.raw`(?<unit>${UNIT_ALT})?[\s\u3000]{0,2}(?<suffix>及以上|以上|及以下|以下|以内)?`,
  'y',
);

// Each requirement phrase ends where its words end: a tail that ran on to `。` would swallow the
// next indicator's name (`…完成上级规定的考核任务,碳排放强度下降18%`). Only the catalogue's own
// continuations (`并保持稳定或持续改善`, `、性质不改变、功能不降低`) extend a phrase.
const CONTINUATION = String.raw`(?:[,,、;;]?(?:并|且|或)?(?:保持稳定或持续改善|稳定或持续改善|持续改善|保持稳定|逐年(?:提高|上升|增加|下降|降低|减少)|` +
  String.raw`性质不改变|功能不降低|功能不减退|环境不破坏|自然资源不侵占|质量不下降|不降低|(?:已达标地区|未达标地区)[^。;;\n,,]{0,12}))`;
const QUALITATIVE = new RegExp(
  String.raw`[\s\u3000,,]{0,2}(?:(?:到|至)?(?<year>(?:19|20)\d\d)年(?:底|末)?(?:前)?[\s,,]{0,2})?(?:指标)?(?:均|要|须|必须|应|需|持续|确保|全面|稳定)?` +
    String.raw`(?<q>(?:(?:面积|数量)?不减少|性质不改变|功能不降低|不降低|不明显|` +
    String.raw`(?:持续)?(?:下降|降低|提高|提升|改善)?(?:并|且)?(?:完成|达到|不低于|满足)(?:上级|国家|省|省级|市|市级|县|县级|区)?(?:规定|下达)?的?(?:年度)?(?:考核|目标|管控|约束性|审核)?(?:要求|任务|目标|计划)(?:任务|要求)?|(?:实现|基本)?全覆盖|` +
    String.raw`保持(?:为)?优良(?:且不降低)?|保持稳定或持续改善|稳定或持续改善|持续改善|持续下降|逐年(?:提高|上升|增加|下降|降低|减少)|逐步(?:提高|下降|降低|减少)|` +
    String.raw`[≤≥]全省平均(?:值|水平)?|` +
    // a value verb ends the clause (`河长制全面实施。`); followed by more words it governs the next object (`…名录制度,建立健全突发…机制`)
    String.raw`(?:有效开展|全面实施|全面推行|制定实施|全面建立|建立健全|建立)(?=[。;;,,、\s)\]〕]|$))${CONTINUATION}{0,4})`,
  'y',
);

// A direction without a number (`逐年提升`, `进一步降低`, `稳中向好`), alone or joined (`稳中向好、持续改善`).
// Not followed by a requirement's words: `持续改善并完成上级下达的任务` is a qualitative target.
const TREND = new RegExp(
  String.raw`[\s\u3000,,]{0,2}(?:(?:到|至)?(?<year>(?:19|20)\d\d)年(?:底|末)?(?:前)?[\s,,]{0,2})?(?:指标)?(?:均|要|须|必须|应|需|将|确保|力争|实现)?` +
    String.raw`(?<t>(?:${TREND_ALT})(?:[,,、]?(?:并|且|或|和)?(?:${TREND_ALT})){0,3})(?![\u4e00-\u9fff])`,
  'y',
);
const ONLY_TRENDS = new RegExp(String.raw`^(?:${TREND_ALT})(?:[,,、]?(?:并|且|或|和)?(?:${TREND_ALT}))*$`);

/** `逐年提升`, `稳中向好、持续改善`: the whole text is trend phrases. */
export function isTrendText(text: string): boolean {
  return ONLY_TRENDS.test(text);
}

function cmpToOp(cmp: string | undefined): Comparison | null {
  switch (cmp) {
    case '不低于': case '不少于': case '不小于': case '大于等于': case '≥': case '>=': case '≧':
      return '>=';
    case '不高于': case '不超过': case '不大于': case '小于等于': case '≤': case '<=': case '≦':
      return '<=';
    case '高于': case '超过': case '大于': case '＞': case '>':
      return '>';
    case '低于': case '小于': case '＜': case '<':
      return '<';
    case '=':
      return '=';
    default:
      return null;
  }
}

const LOWERING_VERB = /^(下降到|降低到|降至|降到|减少到|控制在)$/;

/**
 * Read a target expression at `text[at]`. `direction` is the indicator's (higher/lower is better)
 * and decides what a bare `达到95%` / `保持100%` means.
 */
export function readTargetExpression(text: string, at: number, direction: 'higher' | 'lower' | null): TargetExpression | null {
  NUMERIC.lastIndex = at;
  const m = NUMERIC.exec(text);
  if (m && m.groups) {
    const g = m.groups;
    // A number needs something that makes it a target: a verb, a comparison, a unit or a suffix.
    // `PM2.5浓度` must not read the `5` of a following name, and `率2023年` is a year, not a value.
    const next = text.charCodeAt(at + m[0].length);
    const runsOn = next >= 48 && next <= 57;
    if ((g.verb || g.cmp || g.unit || g.unit1 || g.suffix) && !runsOn) {
      const value = Number(g.num);
      const upper = g.num2 !== undefined ? Number(g.num2) : null;
      let op = cmpToOp(g.cmp);
      if (!op && g.change) op = '>='; // `较2015年下降19%`: at least that much change
      if (!op) {
        if (g.suffix === '以上' || g.suffix === '及以上') op = '>=';
        else if (g.suffix) op = '<=';
        else if (g.verb && LOWERING_VERB.test(g.verb)) op = direction === 'higher' ? '>=' : '<=';
        else if (upper !== null) op = direction === 'lower' ? '<=' : '>=';
        else if (g.verb === '为' || g.verb === '是') op = '=';
        else op = direction === 'lower' ? '<=' : '>=';
      }
      // `≤5` after a range writes the bound; a range keeps its lower bound as the target value
      const unit = g.unit ?? g.unit1 ?? null;
      const relative = g.change ? { relative: g.change } : {};
      const tier = aspires(g.adv0, g.adv1, g.adv2) ? { tier: 'aspirational' as const } : {};
      return {
        ...relative,
        ...tier,
        op,
        value: upper !== null && op === '<=' ? upper : value,
        upper,
        unit: unit === '%' ? '%' : unit === undefined || unit === null ? null : (targetVocabulary.wordUnits.get(unit) ?? unit),
        year: g.year ? Number(g.year) : null,
        text: null,
        length: trimmedLength(m[0]),
      };
    }
  }
  QUALITATIVE.lastIndex = at;
  const q = QUALITATIVE.exec(text);
  if (q && q.groups) {
    let len = trimmedLength(q[0]);
    const qtext = q.groups.q.replace(/[,,、\s]+$/, '');
    len -= q.groups.q.length - qtext.length;
    return { op: isTrendText(qtext) ? 'trend' : 'qualitative', value: null, upper: null, unit: null, year: q.groups.year ? Number(q.groups.year) : null, text: qtext, length: len };
  }
  TREND.lastIndex = at;
  const tr = TREND.exec(text);
  if (tr && tr.groups) {
    return { op: 'trend', value: null, upper: null, unit: null, year: tr.groups.year ? Number(tr.groups.year) : null, text: tr.groups.t, length: trimmedLength(tr[0]) };
  }
  return null;
}

function trimmedLength(s: string): number {
  let n = s.length;
  while (n > 0 && /[\s\u3000]/.test(s[n - 1])) n--;
  return n;
}

export const KNOWN_OPERATORS = ['≥', '≤', '>=', '<=', '≧', '≦', '＞', '＜', '>', '<', '='];
