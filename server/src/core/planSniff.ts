import planSignalsData from '../../../data/vocab/planSignals.yaml';
import { CLAUSE_LABELS } from './recognise/responsibilityClause';
import { alternation } from './recognise/departmentName';
import { foldWidth } from './text/fold';

/**
 * Whether an undeclared Markdown or text file is a plan, from what it is: a title naming a 方案/计划/
 * 规划/要点 or an issuing body, Chinese outline numbering, responsibility clauses, indicator targets,
 * the subject's words. Each signal adds to a score; a file is a plan when the score reaches
 * PLAN_SCORE and at least one signal of substance (a clause, a target, an issuer, the subject) is
 * there — a 学习计划 with 一、二、 is a plan of someone's, not one EcoPlan reads. Code fences, a
 * text mostly in Latin letters and a title naming minutes or a report count against.
 * Only the head of a long file is read (SNIFF_CHARS): a plan shows what it is early.
 */

export interface PlanSignalsVocabulary {
  planWords: string[];
  planWordsTraditional: string[];
  notPlanWords: string[];
  issuers: string[];
  issuerVerbs: string[];
  domainWords: string[];
  measureEndings: string[];
  targetVerbs: string[];
  sectionWords: string[];
}

const isWords = (x: unknown): x is string[] => Array.isArray(x) && x.length > 0 && x.every((w) => typeof w === 'string' && w.length > 0);

/** Checks the shape of the vocabulary; throws naming the file and the key that is wrong. */
export function checkPlanSignals(raw: unknown): PlanSignalsVocabulary {
  const r = (raw ?? {}) as Record<string, unknown>;
  for (const k of ['planWords', 'planWordsTraditional', 'notPlanWords', 'issuers', 'issuerVerbs', 'domainWords', 'measureEndings', 'targetVerbs', 'sectionWords']) {
    if (!isWords(r[k])) throw new Error(`data/vocab/planSignals.yaml: \`${k}\` must be a non-empty list of words`);
  }
  return r as unknown as PlanSignalsVocabulary;
}

const vocab = checkPlanSignals(planSignalsData);

export const SNIFF_CHARS = 48 * 1024;
/** How many of the first non-empty lines may hold the title or the issuer (a page pasted from the web starts with its menus). */
const HEAD_LINES = 40;
export const PLAN_SCORE = 6;

// a bracketed tail after the plan word: `(2024—2026年)`, `(征求意见稿)`
const TAIL = String.raw`(?:[((〔【][^()()〔〕【】]{0,20}[))〕】])?`;
const PLAN_TITLE = new RegExp(`(?:${alternation([...vocab.planWords, ...vocab.planWordsTraditional])})${TAIL}$`);
const QUOTED_PLAN = new RegExp(`《[^《》]{0,60}(?:${alternation([...vocab.planWords, ...vocab.planWordsTraditional])})${TAIL}》`);
const NOT_PLAN_TITLE = new RegExp(`(?:${alternation(vocab.notPlanWords)})${TAIL}$`);
const ISSUER = new RegExp(`(?:${alternation(vocab.issuers)})(?:$|[\\s\\u3000]|${alternation(vocab.issuerVerbs)})|^(?:${alternation(vocab.issuerVerbs)})`);
const CHINESE_CHAPTER = /^(?:[一二三四五六七八九十]{1,3}[、．.]|第[一二三四五六七八九十]{1,3}[章部节篇])/;
const CHINESE_ITEM = /^[((][一二三四五六七八九十]{1,3}[))]/;
const ARABIC_ITEM = /^[((]?\d{1,2}[、.．)）]/;
const CLAUSE = new RegExp(`(?:${alternation(CLAUSE_LABELS)})\\s*:|牵头(?:负责|[,、;)〕。])|按职责分工负责|按职责分工落实`);
const TARGET = new RegExp(`(?:${alternation(vocab.measureEndings)})[^。;;\\n]{0,10}?(?:${alternation(vocab.targetVerbs)})[^。;;\\n\\d]{0,6}\\d`);
const YEAR_GOAL = /(?:到|至|于)\s*20\d\d\s*年|20\d\d\s*年(?:底|末)?(?:前|以前)/;
const DOMAIN = new RegExp(alternation(vocab.domainWords), 'g');
// a numbering, then a plan part's name: `一、总体要求`, `(二)主要目标`, `第三章 重点任务`
const SECTION = new RegExp(`^(?:[一二三四五六七八九十]{1,3}[、．.]|[((][一二三四五六七八九十]{1,3}[))]|第[一二三四五六七八九十]{1,3}[章部节篇][\\s\\u3000]*)[\\s\\u3000]*(${alternation(vocab.sectionWords)})`);

export interface PlanSignals {
  title: 'plan' | 'not-plan' | null;
  issuer: boolean;
  chapters: number;
  items: number;
  arabicItems: number;
  clauses: number;
  targets: number;
  yearGoals: number;
  domainWords: number;
  /** How many different plan parts (总体要求, 主要目标, 重点任务 …) name chapters. */
  sections: number;
  codeFences: number;
  /** Share of Chinese characters among letters (Chinese and Latin). */
  chineseShare: number;
  score: number;
  plan: boolean;
}

/** The signals of a text and the verdict. Linear in the length read (at most SNIFF_CHARS). */
export function planSignals(fullText: string): PlanSignals {
  // full-width punctuation read as ASCII (`（一）` as `(一)`, `：` as `:`), as every recogniser reads it
  const text = foldWidth(fullText.length > SNIFF_CHARS ? fullText.slice(0, SNIFF_CHARS) : fullText);
  const s: PlanSignals = { title: null, issuer: false, chapters: 0, items: 0, arabicItems: 0, clauses: 0, targets: 0, yearGoals: 0, domainWords: 0, sections: 0, codeFences: 0, chineseShare: 0, score: 0, plan: false };
  const domain = new Set<string>();
  const sections = new Set<string>();
  let head = 0;
  let inFrontMatter = false;
  const lines = text.split(/\r\n?|\n/);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    if (i === 0 && raw.trim() === '---') {
      inFrontMatter = true;
      continue;
    }
    if (inFrontMatter) {
      if (raw.trim() === '---' || raw.trim() === '...') inFrontMatter = false;
      // `title: …方案` in front matter is the title
      const t = /^title:\s*(.+)$/.exec(raw.trim());
      if (t && s.title === null) s.title = titleKind(t[1].replace(/^["']|["']$/g, '').trim());
      if (s.title !== null) head = HEAD_LINES; // the front matter's title is the title
      continue;
    }
    if (/^\s{0,3}(?:```|~~~)/.test(raw)) s.codeFences++;
    // a Markdown heading or list marker, blockquote, bold: the words after it
    const line = raw.replace(/^[\s\u3000]*(?:#{1,6}\s+|>\s*|[-*+]\s+)?(?:\*\*|__)?/, '').trim();
    if (line === '') continue;
    if (head < HEAD_LINES) {
      head++;
      // a title is a short line that is not a sentence; the first one found decides
      // (`《…实施方案》政策解读` is about a plan, whatever its text quotes further down)
      if (line.length <= 60 && !/[。;;,,::]$/.test(line)) {
        if (s.title === null) s.title = titleKind(line);
        if (ISSUER.test(line)) s.issuer = true;
      }
    }
    if (CHINESE_CHAPTER.test(line)) s.chapters++;
    else if (CHINESE_ITEM.test(line)) s.items++;
    else if (ARABIC_ITEM.test(line)) s.arabicItems++;
    const part = SECTION.exec(line);
    if (part) sections.add(part[1]);
    if (CLAUSE.test(line)) s.clauses++;
    if (TARGET.test(line)) s.targets++;
    if (YEAR_GOAL.test(line)) s.yearGoals++;
    DOMAIN.lastIndex = 0;
    for (let m = DOMAIN.exec(line); m; m = DOMAIN.exec(line)) domain.add(m[0]);
  }
  s.domainWords = domain.size;
  s.sections = sections.size;
  let chinese = 0;
  let latin = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x3400 && c <= 0x9fff) chinese++;
    else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) latin++;
  }
  s.chineseShare = chinese + latin === 0 ? 0 : chinese / (chinese + latin);

  let score = 0;
  if (s.title === 'plan') score += 3;
  if (s.title === 'not-plan') score -= 4;
  if (s.issuer) score += 2;
  if (s.chapters >= 2) score += 2;
  else if (s.chapters === 1) score += 1;
  if (s.items >= 2) score += 1;
  if (s.arabicItems >= 3) score += 1;
  score += Math.min(s.clauses, 3) * 2;
  score += Math.min(s.targets, 2);
  if (s.yearGoals > 0) score += 1;
  if (s.domainWords >= 2) score += 1;
  if (s.domainWords >= 4) score += 1;
  score += Math.min(s.sections, 3);
  if (s.codeFences > 0) score -= 4;
  if (s.chineseShare < 0.5) score -= 6;
  s.score = score;
  // a plan's parts (总体要求, 重点任务, 保障措施) are substance too: a 学习计划 has none of them
  const substance = s.clauses > 0 || s.targets > 0 || s.issuer || s.domainWords >= 2 || s.sections >= 2;
  s.plan = score >= PLAN_SCORE && substance;
  return s;
}

function titleKind(line: string): 'plan' | 'not-plan' | null {
  if (NOT_PLAN_TITLE.test(line)) return 'not-plan';
  if (PLAN_TITLE.test(line) || QUOTED_PLAN.test(line)) return 'plan';
  return null;
}

/** Whether an undeclared Markdown or text file reads as a plan. */
export function looksLikePlan(text: string): boolean {
  return planSignals(text).plan;
}
