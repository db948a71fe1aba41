import clauseVerbsData from '../../../../data/vocab/clauseVerbs.yaml';
import type { ClauseForm, ResponsibilityClause, ResponsibleUnit, UnitRole, VaguePhrase } from '../model/types';
import type { LineIndex } from '../text/lineIndex';
import { alternation, byLength, continuesVaguePhrase, isVagueParty, isVaguePhrase, looksLikeJurisdiction, looksLikeUnit } from './departmentName';

/**
 * Responsibility clauses as real plans write them:
 *   (责任单位:A、B、C等)  (牵头单位:A;配合单位:B、C)  〔A、B牵头,C、D按职责分工负责〕
 *   [A牵头,B、C配合,各县(市)区政府负责落实]  (A负责,B配合)  (A牵头、B协同)  【责任部门:A/B】
 *   (责任单位:@A、@{B(C)})
 * plus a bare `责任单位:A、B` line and table cells. Brackets may be full- or half-width and
 * nest (`各镇(街道、园区)`), colons may be either width. Labels, verbs and asides are data
 * (data/vocab/clauseVerbs.yaml); what a unit's name looks like is departmentName.ts.
 */

export interface ClauseMatch {
  form: ClauseForm;
  start: number;
  end: number;
  units: UnitSpan[];
  vague: VagueSpan[];
  /** A bare list of parties (`……。(省经信委、省发改委)`): a clause only once the plan has said the first named leads. */
  needsFirstLeads?: true;
}
export interface UnitSpan {
  name: string;
  role: UnitRole;
  tagged: boolean;
  start: number;
  end: number;
}
export interface VagueSpan {
  text: string;
  start: number;
  end: number;
}

type LabelRole = 'lead' | 'support' | 'list';
type VerbRole = 'lead' | 'support' | 'responsible' | 'duty';
const LABEL_ROLES: LabelRole[] = ['lead', 'support', 'list'];
const VERB_ROLES: VerbRole[] = ['lead', 'support', 'responsible', 'duty'];

export interface ClauseVocabulary {
  labels: Record<LabelRole, string[]>;
  verbs: Record<VerbRole, string[]>;
  verbTails: string[];
  prefixes: string[];
  manner: string[];
  asideOpeners: string[];
  asideWords: string[];
  etcGeneric: string[];
  conjunctions: string[];
  notOnTheirOwn: string[];
  firstNamedLeads: Record<'placed' | 'position' | 'link' | 'is' | 'lead', string[]>;
  proseSentence: { maxLength: number; modals: string[]; notInProseName: string[] };
  subjectDuty: { maxSubject: number; verbs: string[]; with: string[] };
}

const isWords = (x: unknown): x is string[] => Array.isArray(x) && x.length > 0 && x.every((w) => typeof w === 'string' && w.length > 0);

/** Checks the shape of the built-in vocabulary; throws naming the file and the key that is wrong. */
export function checkClauseVerbs(raw: unknown): ClauseVocabulary {
  const r = (raw ?? {}) as Record<string, any>;
  const need = (ok: boolean, key: string) => {
    if (!ok) throw new Error(`data/vocab/clauseVerbs.yaml: \`${key}\` must be a non-empty list of words`);
  };
  for (const role of LABEL_ROLES) need(isWords(r.labels?.[role]), `labels.${role}`);
  for (const role of VERB_ROLES) need(isWords(r.verbs?.[role]), `verbs.${role}`);
  for (const k of ['verbTails', 'prefixes', 'manner', 'asideOpeners', 'asideWords', 'etcGeneric', 'conjunctions', 'notOnTheirOwn']) need(isWords(r[k]), k);
  for (const k of ['placed', 'position', 'link', 'is', 'lead']) need(isWords(r.firstNamedLeads?.[k]), `firstNamedLeads.${k}`);
  for (const k of ['modals', 'notInProseName']) need(isWords(r.proseSentence?.[k]), `proseSentence.${k}`);
  need(isWords(r.subjectDuty?.verbs), 'subjectDuty.verbs');
  need(isWords(r.subjectDuty?.with), 'subjectDuty.with');
  if (typeof r.subjectDuty?.maxSubject !== 'number' || r.subjectDuty.maxSubject < 2) throw new Error('data/vocab/clauseVerbs.yaml: `subjectDuty.maxSubject` must be a number ≥ 2');
  if (typeof r.proseSentence?.maxLength !== 'number' || r.proseSentence.maxLength < 10) throw new Error('data/vocab/clauseVerbs.yaml: `proseSentence.maxLength` must be a number ≥ 10');
  const seen = new Map<string, string>();
  for (const [kind, groups] of [['labels', r.labels], ['verbs', r.verbs]] as const) {
    for (const [role, words] of Object.entries(groups as Record<string, string[]>)) {
      for (const w of words) {
        const before = seen.get(`${kind}:${w}`);
        if (before && before !== role) throw new Error(`data/vocab/clauseVerbs.yaml: \`${w}\` is listed under ${kind}.${before} and ${kind}.${role}`);
        seen.set(`${kind}:${w}`, role);
      }
    }
  }
  return r as ClauseVocabulary;
}

const V = checkClauseVerbs(clauseVerbsData);

const labelRole = new Map<string, LabelRole>(LABEL_ROLES.flatMap((role) => V.labels[role].map((w) => [w, role] as [string, LabelRole])));
const verbRole = new Map<string, VerbRole>(VERB_ROLES.flatMap((role) => V.verbs[role].map((w) => [w, role] as [string, VerbRole])));
/** The labels that open a responsibility clause (`责任单位:`), from the vocabulary. */
export const CLAUSE_LABELS = [...labelRole.keys()];
const LABELS = alternation(CLAUSE_LABELS);

/** The labels of one role (`牵头单位`, `配合单位`, `责任单位` …): also the headers of a table's responsibility columns. */
export function labelsOf(role: LabelRole): string[] {
  return V.labels[role];
}
// a label may be bold in Markdown: `**责任单位**:`, `**责任单位:**`
const EMPHASIS = '(?:[*_]{2})?';
const LABEL = new RegExp(`^${EMPHASIS}(${LABELS})${EMPHASIS}\\s*[::]${EMPHASIS}\\s*`);
// `责任单位:A、B` written without brackets, on its own or after a sentence (`……。责任单位:A、B`)
const BARE_LABEL = new RegExp(`(?:^|[。;;])[\\s\\u3000]*(?!${EMPHASIS}(?:${alternation(V.notOnTheirOwn)})${EMPHASIS}\\s*[::])(${EMPHASIS}(?:${LABELS})${EMPHASIS}\\s*[::])`);
// `牵头单位:A  配合单位:B`: white space before a label separates two labelled lists
const SPACE_BEFORE_LABEL = new RegExp(`[\\s\\u3000]+(?=${EMPHASIS}(?:${LABELS})${EMPHASIS}\\s*[::])`, 'g');
const VERB = new RegExp(alternation([...verbRole.keys()]), 'g');
const ANY_VERB = new RegExp(alternation([...verbRole.keys()]));
const ANY_LABEL = new RegExp(`(?:${LABELS})${EMPHASIS}\\s*[::]`);
// `市生态环境局(牵头)`, `县农业农村局〈牵头〉`, `A、B【配合】`
const TRAILING_VERB = new RegExp(`[((〈【\\[](${alternation([...verbRole.keys()])})[))〉】\\]]$`);
// `【牵头单位】A【配合单位】B、C`: a label alone in brackets heads the names after it (labels that are also verbs, `(牵头)`, do not)
const BRACKETED_LABEL = new RegExp(`^[\\s\\u3000]*(${alternation([...labelRole.keys()].filter((w) => !verbRole.has(w)))})[\\s\\u3000]*$`);
const TAIL_WORDS = byLength([...verbRole.keys(), ...V.verbTails]);
const PREFIX = new RegExp(`^(?:${alternation(V.prefixes)})(?=.)`);
const MANNER = new RegExp(alternation(V.manner));
const ASIDE_START = new RegExp(`^[\\s\\u3000]*(?:${alternation(V.asideOpeners)})`);
const ASIDE_WORD = new RegExp(alternation(V.asideWords));
const ETC_GENERIC = new Set(V.etcGeneric);
const CONJUNCTION = new RegExp(alternation(V.conjunctions), 'g');
const FIRST_CONJUNCTION = new RegExp(alternation(V.conjunctions));
const F = V.firstNamedLeads;
// `列第一位者为牵头单位,下同`: placed? position link? is lead, with its `,下同` (no nested quantifiers: linear)
const FIRST_NAMED_LEADS = new RegExp(
  `(?:${alternation(F.placed)})?(?:${alternation(F.position)})(?:${alternation(F.link)})?(?:${alternation(F.is)})(?:${alternation(F.lead)})(?:[,,;;]?下同)?`,
);
// every statement holds one of the lead words, so one of those not holding another (`牵头`): a line without is none
const LEAD_CORES = F.lead.filter((w) => !F.lead.some((o) => o !== w && w.includes(o)));
const MAX_SENTENCE = V.proseSentence.maxLength;
const MODAL_END = new RegExp(`(?:${alternation(V.proseSentence.modals)})$`);
const NOT_IN_PROSE_NAME = new RegExp(alternation(V.proseSentence.notInProseName));

const SUBJECT_VERB = new RegExp(alternation([...V.subjectDuty.verbs, ...V.subjectDuty.with]), 'g');
const SUBJECT_WITH = new Set(V.subjectDuty.with);
const SUBJECT_SEPARATOR = /、/g;

/**
 * The responsible units written as the subject of a numbered task's sentence (`水务局加强…`, `农委、畜牧局要…`):
 * `from` is where the text after the numbering starts. Every name before the first duty word must be
 * unit-shaped (a party named in passing, `加强对县环保局…`, starts with a verb and is never read).
 */
export function findSubjectClause(text: string, from: number, base: number): ClauseMatch | null {
  const head = text.slice(from, from + 2 * V.subjectDuty.maxSubject + 8);
  SUBJECT_VERB.lastIndex = 0;
  const verb = SUBJECT_VERB.exec(head);
  if (!verb || verb.index < 2 || verb.index > V.subjectDuty.maxSubject) return null;
  const units: UnitSpan[] = [];
  const vague: VagueSpan[] = [];
  const read = (p: Piece, role: UnitRole, vagueMayBeBare: boolean): boolean => {
    if (p.text.length < 2 || /[\s\u3000,,;;::。]/.test(p.text) || NOT_IN_PROSE_NAME.test(p.text)) return false;
    if (isVaguePhrase(p.text) && (vagueMayBeBare || looksLikeUnit(p.text))) vague.push({ text: p.text, start: p.start, end: p.start + p.text.length });
    else if (looksLikeUnit(p.text)) units.push({ name: p.text, role, tagged: false, start: p.start, end: p.start + p.text.length });
    else return false;
    return true;
  };
  const withOthers = SUBJECT_WITH.has(verb[0]);
  // `农委和畜牧局要…`: a conjunction splits only where both sides are names (not `县住房和城乡建设局`)
  for (const p of splitAt({ text: head.slice(0, verb.index), start: base + from }, SUBJECT_SEPARATOR).flatMap(splitConjunctions)) {
    if (!read(p, units.length === 0 ? 'lead' : 'support', withOthers)) return null;
  }
  let end = verb.index;
  if (withOthers) {
    // `各乡镇汇同环保局完善`: the units after 汇同, up to the next duty word, support
    const after = verb.index + verb[0].length;
    const next = SUBJECT_VERB.exec(head);
    if (!next || next.index - after < 2) return null;
    for (const p of splitAt({ text: head.slice(after, next.index), start: base + from + after }, SUBJECT_SEPARATOR).flatMap(splitConjunctions)) if (!read(p, 'support', false)) return null;
    end = next.index;
  }
  return { form: 'subject', start: base + from, end: base + from + end, units, vague };
}

/** Where `text` states that the first named unit leads (`列第一位者为牵头单位,下同`), or null. */
export function firstNamedLeadsAt(text: string): { start: number; end: number } | null {
  if (!LEAD_CORES.some((w) => text.includes(w))) return null;
  const m = FIRST_NAMED_LEADS.exec(text);
  return m ? { start: m.index, end: m.index + m[0].length } : null;
}

/** The longest clause body read; anything longer is prose (and the bound keeps every step below linear). */
const MAX_BODY = 600;
/** What may follow a verb (`牵头负责督促落实`) is short. */
const MAX_TAIL = 12;

// Input is width-folded (text/fold.ts), so only half-width brackets and the CJK ones remain.
const PAREN_OPEN = 0x28;
const PAREN_CLOSE = 0x29;
const SQUARE_OPEN = 0x5b;
const SQUARE_CLOSE = 0x5d;
const TORTOISE_OPEN = 0x3014; // 〔
const TORTOISE_CLOSE = 0x3015; // 〕
const LENTICULAR_OPEN = 0x3010; // 【
const LENTICULAR_CLOSE = 0x3011; // 】
const FULL_STOP = 0x3002; // 。

function openerOf(c: number): number {
  switch (c) {
    case PAREN_CLOSE:
      return PAREN_OPEN;
    case TORTOISE_CLOSE:
      return TORTOISE_OPEN;
    case LENTICULAR_CLOSE:
      return LENTICULAR_OPEN;
    case SQUARE_CLOSE:
      return SQUARE_OPEN;
    default:
      return -1;
  }
}

/**
 * Find clauses in `text` (one line, or a table cell); offsets returned are `base + index`.
 * Linear in the length of the text. Besides closed brackets it reads `【牵头单位】A【配合单位】B`,
 * a clause wrapped onto the next line (`(责任单位:A、B、` … `C)`: both halves), a bracket closed by the
 * wrong closer (`[A、B)]`, `[A、B】`) or not at all before the paragraph ends (`(责任单位:A、B。`), a bare
 * `责任单位:A、B` line, and a sentence of prose that is nothing but a clause (`A牵头负责,B配合。`).
 * A bare list of parties in brackets after a sentence is a clause when the line states that the first
 * named leads, and a candidate (`needsFirstLeads`) otherwise: the plan reader keeps it once an earlier
 * line has said so.
 */
export function findResponsibilityClauses(line: string, base: number): ClauseMatch[] {
  const out: ClauseMatch[] = [];
  // `(A、B。列第一位者为牵头部门,下同)`: the statement names nobody; blank it (same length, offsets stay)
  // (a const, never reassigned: the closures below read it on every character)
  const stated = firstNamedLeadsAt(line);
  const text = stated ? line.slice(0, stated.start) + ' '.repeat(stated.end - stated.start) + line.slice(stated.end) : line;
  // char codes, not one-character strings: CJK characters are not interned, and this runs on every line
  const stack: { c: number; i: number }[] = [];
  let seenOpener = false;
  // the outermost bracket still open at the last 。: it may close later (`(A、B。……下同)`) or never
  let pending: { c: number; i: number; stop: number } | null = null;
  // `【牵头单位】A【配合单位】B`: the labelled run being read, its start and the current label
  type Run = { start: number; parts: ClauseMatch[]; role: LabelRole; from: number };
  let run: Run | null = null;
  const closeRun = (at: number) => {
    if (!run) return;
    let end = at;
    while (end > run.from && /[\s\u3000,,;;.]/.test(text[end - 1])) end--;
    const m = parseClauseBody(text.slice(run.from, end), base + run.from, false, false, run.role);
    if (m) run.parts.push(placed(m, base + run.from, base + end));
    if (run.parts.length > 0) {
      const last = run.parts[run.parts.length - 1];
      out.push({ form: 'labelled', start: base + run.start, end: last.end, units: run.parts.flatMap((p) => p.units), vague: run.parts.flatMap((p) => p.vague) });
    }
    run = null;
  };
  /** The clause in the bracket opened at `open` whose body ends at `bodyEnd`, the bracket at `end`. */
  const bracketClause = (open: number, bodyEnd: number, end: number): boolean => {
    const to = withoutStrayClosers(text, open + 1, bodyEnd);
    const body = text.slice(open + 1, to);
    const m = parseClauseBody(body, base + open + 1, false);
    if (m) {
      out.push(placed(m, base + open, base + end));
      return true;
    }
    if (!afterSentence(text, open)) return false;
    const list = parseClauseBody(body, base + open + 1, false, true, null, false, true);
    if (!list) return false;
    out.push(stated ? placed(list, base + open, base + end) : { ...placed(list, base + open, base + end), needsFirstLeads: true });
    return true;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c === LENTICULAR_OPEN || c === SQUARE_OPEN) && text.charCodeAt(i + 1) === c) {
      // an indicator tag 【【…】】 or [[…]], not a bracket
      const close = text.indexOf(c === SQUARE_OPEN ? ']]' : '】】', i + 2);
      if (close >= 0) i = close + 1;
      continue;
    }
    if (c === FULL_STOP) {
      // an unclosed bracket in one sentence must not swallow the clauses of the next
      if (stack.length > 0) pending = { c: stack[0].c, i: stack[0].i, stop: i };
      stack.length = 0;
      closeRun(i);
      continue;
    }
    if (c === PAREN_OPEN || c === TORTOISE_OPEN || c === LENTICULAR_OPEN || c === SQUARE_OPEN) {
      stack.push({ c, i });
      seenOpener = true;
      // a bracket opened after the 。 starts something new: the one open before it never closed
      pending = null;
      if (stack.length > 16) stack.shift(); // pathological input: keep the scan linear
      continue;
    }
    const opener = openerOf(c);
    if (opener < 0) continue;
    if (!seenOpener) {
      // `区大数据中心)` closing a clause opened on the line before
      seenOpener = true;
      const lead = /^[\s\u3000]*/.exec(text)![0].length;
      const m = parseClauseBody(text.slice(lead, i), base + lead, false, false, null, true);
      if (m) out.push(placed(m, base + lead, base + i + 1));
      continue;
    }
    let k = stack.length - 1;
    while (k >= 0 && stack[k].c !== opener) k--;
    if (k < 0) {
      if (stack.length === 0) {
        // `(A、B(C)。列第一位者为牵头部门,下同)`: the bracket open at the 。 closes here
        if (pending && pending.c === opener) {
          const open = pending.i;
          pending = null;
          bracketClause(open, i, i + 1);
        }
        continue;
      }
      // a wrong closer: `[A、B)]` (the right one follows: this one is a slip, left to the body's trim)
      // or `[A、B】` (it closes the bracket open)
      let n = i + 1;
      while (n < text.length && isSpace(text.charCodeAt(n))) n++;
      const next = openerOf(text.charCodeAt(n));
      if (next >= 0 && stack.some((s) => s.c === next)) continue;
      k = stack.length - 1;
    }
    const open = stack[k];
    stack.length = k;
    if (k > 0) continue;
    const body = text.slice(open.i + 1, i);
    const label = BRACKETED_LABEL.exec(body);
    if (label) {
      // (the closure assigns `run`, which TypeScript's narrowing does not see)
      const prev = run as Run | null;
      if (prev) {
        const m = parseClauseBody(text.slice(prev.from, open.i), base + prev.from, false, false, prev.role);
        if (m) prev.parts.push(placed(m, base + prev.from, base + open.i));
      }
      run = { start: prev?.start ?? open.i, parts: prev?.parts ?? [], role: labelRole.get(label[1])!, from: i + 1 };
      continue;
    }
    // a clause of its own ends a labelled run; any other bracket (`市农合联执委会(市供销社)`) is part of it
    const before = out.length;
    if (bracketClause(open.i, i, i + 1)) {
      const made = out.splice(before);
      closeRun(open.i);
      out.push(...made);
    }
  }
  closeRun(text.length);
  if (out.length === 0) {
    // `(责任单位:A、B、` continued on the next line, or never closed: up to the line's end, or to the 。
    // that ended the paragraph (`(责任单位:A、B。`)
    const open = stack.length > 0 ? { c: stack[0].c, i: stack[0].i, stop: text.length } : pending;
    if (open) {
      let end = open.stop;
      while (end > open.i + 1 && isWhite(text.charCodeAt(end - 1))) end--;
      const m = parseClauseBody(text.slice(open.i + 1, end), base + open.i + 1, false);
      if (m) out.push(placed(m, base + open.i, base + end));
    }
  }
  // `责任单位:A、B` written without brackets, on its own or after the task's sentence; else a sentence
  // that is nothing but a clause (`……。由A牵头,B、C配合。`, `A牵头负责,B配合。`)
  if (out.length === 0) sentenceClause(text, base, BARE_LABEL, out);
  if (out.length === 0) proseClauses(text, base, out);
  return out;
}

/**
 * A parsed body as a match from `start` to `end`: the fields of `{ ...m, start, end }` in its order,
 * built without the spread (a clause is placed for most brackets of a plan).
 */
function placed(m: Omit<ClauseMatch, 'start' | 'end'>, start: number, end: number): ClauseMatch {
  return { form: m.form, units: m.units, vague: m.vague, start, end };
}

/** Does the bracket at `open` follow a sentence (or start the line), rather than a name it glosses (`市农合联执委会(市供销社)`)? */
function afterSentence(text: string, open: number): boolean {
  let k = open - 1;
  while (k >= 0 && isSpace(text.charCodeAt(k))) k--;
  return k < 0 || /[。;;!!??]/.test(text[k]);
}

/** `[A、B)]`: the body ends before closers that close nothing inside it. Linear in the body. */
function withoutStrayClosers(text: string, from: number, to: number): number {
  let depth = 0;
  for (let i = from; i < to; i++) {
    const d = bracketDelta(text.charCodeAt(i));
    if (d > 0) depth++;
    else if (d < 0) depth--;
  }
  while (depth < 0 && to > from && bracketDelta(text.charCodeAt(to - 1)) < 0) {
    to--;
    depth++;
  }
  return to;
}

/** The clause starting at `start`'s group 1, up to the next 。, read strictly (every piece a party). */
function sentenceClause(text: string, base: number, start: RegExp, out: ClauseMatch[]) {
  const m = start.exec(text);
  if (!m) return;
  const from = m.index + m[0].length - m[1].length;
  const stop = text.indexOf('。', from);
  let end = stop >= 0 ? stop : text.length;
  while (end > from && /[.;;,,\s\u3000]/.test(text[end - 1])) end--;
  const found = parseClauseBody(text.slice(from, end), base + from, false, true);
  if (found) out.push(placed(found, base + from, base + end));
}

/**
 * Every sentence of the line that is nothing but a clause in prose: `县交通运输局牵头负责,县公安局配合。`,
 * `由A、B分别牵头,各镇(街道)负责落实。`. Read strictly: each piece a party with its own role verb.
 */
function proseClauses(text: string, base: number, out: ClauseMatch[]) {
  // (each sentence must hold a verb: a line with none, most of a plan, has none)
  if (!ANY_VERB.test(text)) return;
  let from = 0;
  while (from < text.length) {
    let stop = from;
    while (stop < text.length && !SENTENCE_ENDS.has(text.charCodeAt(stop))) stop++;
    let s = from;
    while (s < stop && isWhite(text.charCodeAt(s))) s++;
    let e = stop;
    while (e > s && /[.;;,,\s\u3000]/.test(text[e - 1])) e--;
    // labels are the bare line's (`主办单位:…` of a page footer is not a clause): prose has verbs only
    const sentence = text.slice(s, e);
    if (e - s > 0 && e - s <= MAX_SENTENCE && ANY_VERB.test(sentence) && !ANY_LABEL.test(sentence)) {
      const found = parseClauseBody(text.slice(s, e), base + s, false, true, null, false, false, true);
      if (found) out.push(placed(found, base + s, base + e));
    }
    from = stop + 1;
  }
}

interface Piece {
  text: string;
  start: number;
}

const codes = (chars: string) => new Set([...chars].map((c) => c.charCodeAt(0)));
/** Between lists of units with their own role (`A牵头,B配合`; `牵头单位:A;配合单位:B`). */
const SEGMENT_SEPARATORS = codes(',,;;。');
/** Where a sentence of prose ends. */
const SENTENCE_ENDS = codes('。;;!!??');
/** Between units of one list. */
const PIECE_SEPARATORS = codes('、/ \t\u3000');

/** +1 for an opening bracket (any width, and `{` of `@{…}`), -1 for a closing one, else 0. */
function bracketDelta(c: number): number {
  switch (c) {
    case 0x28: // (
    case 0xff08: // （
    case 0x3014: // 〔
    case 0x3010: // 【
    case 0x5b: // [
    case 0x7b: // {
    case 0x3008: // 〈
    case 0x300a: // 《
      return 1;
    case 0x29:
    case 0xff09:
    case 0x3015:
    case 0x3011:
    case 0x5d:
    case 0x7d:
    case 0x3009:
    case 0x300b:
      return -1;
    default:
      return 0;
  }
}

/** Split at top-level separators (ignoring those inside nested brackets or `@{…}`). */
function splitTop(text: string, start: number, seps: Set<number>): Piece[] {
  const pieces: Piece[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const d = bracketDelta(c);
    if (d > 0) depth++;
    else if (d < 0) {
      if (depth > 0) depth--;
    } else if (depth === 0 && seps.has(c) && !(isSpace(c) && colonFollows(text, i))) {
      pieces.push({ text: text.slice(from, i), start: start + from });
      from = i + 1;
    }
  }
  pieces.push({ text: text.slice(from), start: start + from });
  return pieces;
}

const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x3000;
/** What `\s` matches (U+3000 among them), by char code: no one-character string per test. */
const isWhite = (c: number) => (c >= 9 && c <= 13) || c === 32 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
/** `责任单位 :A`: white space before a label's colon does not separate anything. */
function colonFollows(text: string, i: number): boolean {
  let k = i;
  while (k < text.length && isSpace(text.charCodeAt(k))) k++;
  return text[k] === ':' || text[k] === ':';
}

/** Split where a regex (global) matches, dropping the match. */
function splitAt(p: Piece, re: RegExp): Piece[] {
  const out: Piece[] = [];
  let from = 0;
  re.lastIndex = 0;
  for (let m = re.exec(p.text); m; m = re.exec(p.text)) {
    out.push({ text: p.text.slice(from, m.index), start: p.start + from });
    from = m.index + m[0].length;
  }
  out.push({ text: p.text.slice(from), start: p.start + from });
  return out;
}

function trimPiece(p: Piece): Piece {
  let s = 0;
  let e = p.text.length;
  while (s < e && isWhite(p.text.charCodeAt(s))) s++;
  while (e > s && /[\s\u3000。.]/.test(p.text[e - 1])) e--;
  return { text: p.text.slice(s, e), start: p.start + s };
}

const cut = (p: Piece, from: number, to = p.text.length): Piece => ({ text: p.text.slice(from, to), start: p.start + from });

/** `各区人民政府〈含开发区、风景区管委会,下同〉`: the piece ends where a bracketed aside begins. */
function stripAside(p: Piece): Piece {
  let depth = 0;
  for (let i = 0; i < p.text.length; i++) {
    const d = bracketDelta(p.text.charCodeAt(i));
    if (d > 0) {
      if (depth === 0 && ASIDE_START.test(p.text.slice(i + 1, i + 8))) return cut(p, 0, i);
      depth++;
    } else if (d < 0 && depth > 0) depth--;
  }
  return p;
}

/** Can `rest` (what follows a verb) be read as more verbs (`牵头负责督促落实`)? */
function isVerbTail(rest: string): boolean {
  if (rest.length === 0) return true;
  if (rest.length > MAX_TAIL) return false;
  const reach = new Uint8Array(rest.length + 1);
  reach[0] = 1;
  for (let i = 0; i < rest.length; i++) {
    if (!reach[i]) continue;
    for (const w of TAIL_WORDS) if (rest.startsWith(w, i)) reach[i + w.length] = 1;
  }
  return reach[rest.length] === 1;
}

const RANK: Record<VerbRole, number> = { lead: 3, support: 2, responsible: 1, duty: 0 };

/**
 * The verb that ends the piece's names (`A牵头督导`, `B按职责分工负责`), with only more verbs after it;
 * failing that, the first verb, marked `prose` (`各县区政府负责在年底前完成`).
 */
function findVerb(text: string): { index: number; role: VerbRole; prose: boolean } | null {
  let first: { index: number; role: VerbRole; prose: boolean } | null = null;
  VERB.lastIndex = 0;
  for (let m = VERB.exec(text); m; m = VERB.exec(text)) {
    const rest = text.slice(m.index + m[0].length);
    if (isVerbTail(rest)) {
      // the strongest verb of the chain decides (`负责配合` supports)
      let role = verbRole.get(m[0])!;
      VERB.lastIndex = m.index + m[0].length;
      for (let n = VERB.exec(text); n; n = VERB.exec(text)) if (RANK[verbRole.get(n[0])!] > RANK[role]) role = verbRole.get(n[0])!;
      return { index: m.index, role, prose: false };
    }
    first ??= { index: m.index, role: verbRole.get(m[0])!, prose: true };
    VERB.lastIndex = m.index + 1;
  }
  return first;
}

type PieceRole = LabelRole | VerbRole;
interface Named {
  piece: Piece;
  role: PieceRole;
}

/**
 * Parse the inside of a bracket (or a table cell when `cell`, or a bare `责任单位:…` line when
 * `bare`), returning null when it is not a responsibility clause (`(2022年-2023年底)`, `(沿海地区)`,
 * `(市供销社)`, `(以下简称“市生态环境局”)` …).
 */
export function parseClauseBody(
  body: string,
  start: number,
  cell: boolean,
  bare = false,
  /** the role of a label written before the body (`【牵头单位】A`) */
  labelBefore: LabelRole | null = null,
  /** the end of a clause opened on the line before (`C、D)`): it adds supporting units */
  continuation = false,
  /** a bare list of parties, no label nor verb (`(省经信委、省发改委(省能源局))`): read strictly, one unit at least */
  list = false,
  /** a sentence of prose (`A牵头负责,B配合`), holding no label (the caller sees to it): read strictly, every piece with its own role verb */
  prose = false,
): Omit<ClauseMatch, 'start' | 'end'> | null {
  if (body.length === 0 || body.length > MAX_BODY) return null;
  if (ASIDE_START.test(body)) return null;
  // most brackets in a plan are not clauses (`(2022—2024年)`, `(PM2.5)`): neither a label nor a verb
  if (!cell && !continuation && !list && labelBefore === null && !ANY_VERB.test(body) && !ANY_LABEL.test(body)) return null;

  let labelled = labelBefore !== null;
  let anyVerb = false;
  let anyLeadMark = false;
  let anySupportMark = false;
  const named: Named[] = [];
  let current: LabelRole | null = labelBefore;
  let proseWords = false;
  for (const segment of splitTop(body, start, SEGMENT_SEPARATORS)) {
    const parts = splitAt(segment, SPACE_BEFORE_LABEL).flatMap((s) => splitTop(s.text, s.start, PIECE_SEPARATORS));
    let open: Named[] = [];
    for (const part of parts) {
      let p = trimPiece(part);
      if (p.text.length === 0) continue;
      const label = LABEL.exec(p.text);
      if (label) {
        labelled = true;
        current = labelRole.get(label[1])!;
        if (current === 'lead') anyLeadMark = true;
        if (current === 'support') anySupportMark = true;
        open = [];
        p = cut(p, label[0].length);
      }
      const prefix = PREFIX.exec(p.text);
      if (prefix) p = cut(p, prefix[0].length);
      p = trimPiece(stripAside(p));
      // `市生态环境局(牵头)`
      const own = TRAILING_VERB.exec(p.text);
      const verb = own ? { index: own.index, role: verbRole.get(own[1])!, prose: false } : findVerb(p.text);
      if (verb?.prose && current === null) {
        // `(2022年由市政府负责的项目除外)`: words after the verb make it a sentence, not a clause
        // (a sentence of prose has no label: nothing later can make it one)
        if (prose && !labelled) return null;
        proseWords = true;
        continue;
      }
      if (verb && !verb.prose) {
        anyVerb = true;
        if (verb.role === 'lead') anyLeadMark = true;
        if (verb.role === 'support') anySupportMark = true;
        for (const o of open) o.role = verb.role;
        open = [];
        const name = trimPiece(cut(p, 0, verb.index));
        if (name.text.length > 0) named.push({ piece: name, role: verb.role });
        continue;
      }
      const n: Named = { piece: p, role: current ?? 'list' };
      if (p.text.length > 0) named.push(n);
      open.push(n);
    }
    // in prose, a name the segment gave no verb of its own stays without a role: no clause (see below)
    if (prose && open.some((o) => o.piece.text.length > 0)) return null;
  }
  if (!labelled && !cell && !anyVerb && !continuation && !list) return null;
  if (proseWords && !labelled) return null;
  // a sentence naming someone without a role of their own (`各部门要加强协作,抓好落实`) is not a clause
  if (prose && named.some((n) => n.role === 'list')) return null;

  const units: (UnitSpan & { pieceRole: PieceRole })[] = [];
  const vague: VagueSpan[] = [];
  let shapeless = 0;
  let lastWasVague = false;
  for (const { piece, role } of named) {
    for (const raw of splitConjunctions(prose ? cutModal(cutManner(piece)) : cutManner(piece))) {
      for (const p of splitEtc(raw)) {
        let tagged = p.text.startsWith('@') || p.text.startsWith('\uFF20');
        let name = p.text;
        let nameStart = p.start;
        if (tagged) {
          name = name.slice(1);
          nameStart++;
          // `@ 市委宣传部`: an empty tag (reported by malformed-tag) before a name written in prose
          const gap = /^[\s\u3000]+/.exec(name);
          if (gap) {
            name = name.slice(gap[0].length);
            nameStart += gap[0].length;
            tagged = false;
          }
          if (name.startsWith('{') && name.endsWith('}')) {
            name = name.slice(1, -1);
            nameStart++;
          }
        }
        if (name.length === 0) continue;
        if (prose && !tagged && NOT_IN_PROSE_NAME.test(name)) {
          // `建立由县政府牵头`: the party is inside a longer phrase
          shapeless++;
          continue;
        }
        // a drafter's aside inside a clause (`以下均需各县市区政府落实,不再列出`) names nobody
        if (!tagged && ASIDE_WORD.test(name) && (labelled || !looksLikeUnit(name))) continue;
        if (!tagged && ETC_GENERIC.has(name)) continue;
        const prev = vague[vague.length - 1];
        if (!tagged && lastWasVague && prev && nameStart - prev.end <= 1 && continuesVaguePhrase(prev.text, name)) {
          // `各县市区党委、政府`, `各县、区人民政府`: one phrase, the second part borrowing the first's 各
          prev.end = nameStart + name.length;
          prev.text = body.slice(prev.start - start, prev.end - start);
          continue;
        }
        if (!tagged && isVaguePhrase(name)) {
          if (prose && !isVagueParty(name)) {
            // `各部门要密切配合`: the phrase goes on into the sentence
            shapeless++;
            continue;
          }
          lastWasVague = true;
          vague.push({ text: name, start: nameStart, end: nameStart + name.length });
          continue;
        }
        lastWasVague = false;
        if (!tagged && !looksLikeUnit(name) && (cell || !looksLikeJurisdiction(name))) {
          // junk never becomes a unit; in an unlabelled bracket it means the bracket is prose
          shapeless++;
          continue;
        }
        units.push({ name, role: 'support', pieceRole: role, tagged, start: nameStart, end: nameStart + name.length });
      }
    }
  }
  // Unlabelled brackets (and bare lines, and continued ones) must read as a list of parties, or `(由企业自行负责)` would count.
  if ((!labelled || bare || continuation) && shapeless > 0) return null;
  if (units.length === 0 && vague.length === 0) return null;
  if (list && !labelled && !anyVerb && units.length === 0) return null;

  // Roles: explicit 牵头 wins; a clause with supporting units but no lead is led by the units it makes
  // responsible (`A负责,B配合`, `责任单位:A;配合单位:B`); otherwise the first-listed unit leads.
  if (continuation) {
    // the clause's first units, on the line before, lead
    for (const u of units) u.role = u.pieceRole === 'lead' ? 'lead' : 'support';
  } else if (units.some((u) => u.pieceRole === 'lead')) {
    for (const u of units) u.role = u.pieceRole === 'lead' ? 'lead' : 'support';
  } else if (units.some((u) => u.pieceRole === 'support')) {
    for (const u of units) u.role = u.pieceRole === 'support' ? 'support' : 'lead';
  } else {
    units.forEach((u, i) => (u.role = i === 0 ? 'lead' : 'support'));
  }

  const form: ClauseForm = cell
    ? 'table-cell'
    : list && !labelled && !anyVerb
      ? 'listed'
      : labelled
      ? 'labelled'
      : anyLeadMark || anySupportMark
        ? 'lead-support'
        : /按.{0,4}分工/.test(body)
          ? 'by-duty'
          : 'responsible';
  // (the fields but pieceRole, in their order, without a rest spread per unit)
  return { form, units: units.map((u) => ({ name: u.name, role: u.role, tagged: u.tagged, start: u.start, end: u.end })), vague };
}

/** `相关部门要按职责分工抓好落实`: in prose a modal after the name is not part of it. */
function cutModal(p: Piece): Piece {
  const m = MODAL_END.exec(p.text);
  return m && m.index > 1 ? cut(p, 0, m.index) : p;
}

/** `各镇(街道、园区)按慈政办发〔2020〕96号文件要求`: what follows 按 is how, not who. */
function cutManner(p: Piece): Piece {
  const how = MANNER.exec(p.text);
  return how && how.index > 1 ? cut(p, 0, how.index) : p;
}

/**
 * `市发改委和市财政局` → two units, `政府及各有关部门` → 政府 and 各有关部门; but `市发展和改革局` and
 * `市海洋与渔业局` stay whole: split only where the left reads as a unit and the right as a party.
 */
function splitConjunctions(p: Piece): Piece[] {
  const out: Piece[] = [];
  let from = 0;
  CONJUNCTION.lastIndex = 0;
  for (let m = CONJUNCTION.exec(p.text); m; m = CONJUNCTION.exec(p.text)) {
    if (m.index === from) continue;
    const left = p.text.slice(from, m.index);
    const right = p.text.slice(m.index + m[0].length);
    const rightIsVague = /^(各|相关|有关|其他)/.test(right);
    if (rightIsVague || (looksLikeUnit(left) && !isVaguePhrase(left) && startsWithUnit(right))) {
      out.push(cut(p, from, m.index));
      from = m.index + m[0].length;
    }
  }
  out.push(cut(p, from));
  return out;
}

/** Does `text` start with a unit name, up to the next conjunction (`市财政局和市水利局`)? */
function startsWithUnit(text: string): boolean {
  if (looksLikeUnit(text)) return true;
  const m = FIRST_CONJUNCTION.exec(text);
  return !!m && m.index > 1 && looksLikeUnit(text.slice(0, m.index));
}

/** `A等市级相关部门` → unit A and vague 市级相关部门; `C等` → C; `B等单位` → B. */
function splitEtc(p: Piece): Piece[] {
  const i = p.text.lastIndexOf('等');
  if (i <= 0) return [p];
  const before = cut(p, 0, i);
  const after = cut(p, i + 1);
  // only split when what precedes 等 is a name of its own (`市教育局等`), not `平等` inside a name
  if (!looksLikeUnit(before.text) && !looksLikeJurisdiction(before.text) && !before.text.startsWith('@')) return [p];
  return after.text.length > 0 ? [before, after] : [before];
}

/** Names are sliced from the original text, so they keep the user's own bracket widths. */
export function clauseToModel(m: ClauseMatch, text: string, index: LineIndex): ResponsibilityClause {
  const units: ResponsibleUnit[] = m.units.map((u) => ({ name: text.slice(u.start, u.end), role: u.role, tagged: u.tagged, range: index.range(u.start, u.end) }));
  const vague: VaguePhrase[] = m.vague.map((v) => ({ text: text.slice(v.start, v.end), range: index.range(v.start, v.end) }));
  const clause: ResponsibilityClause = { form: m.form, text: text.slice(m.start, m.end), range: index.range(m.start, m.end), units, vague };
  if (m.needsFirstLeads) clause.needsFirstLeads = true;
  return clause;
}
