import type { ClauseForm, ResponsibleUnit, UnitRole, VaguePhrase } from '../model/types';
import type { LineIndex } from '../text/lineIndex';
import { isVaguePhrase, looksLikeUnit } from './departmentName';

/**
 * Responsibility clauses as real plans write them:
 *   (责任单位:A、B、C等)  (牵头单位:A)  〔A、B牵头,C、D按职责分工负责〕
 *   (A、B按职责分工负责)  (A负责)  (责任单位:@A、@{B(C)})
 * plus a bare `责任单位:A、B` line and table cells. Brackets may be full- or half-width and
 * nest (`各镇(街道、园区)`), colons may be either width.
 */

export interface ClauseMatch {
  form: ClauseForm;
  start: number;
  end: number;
  units: UnitSpan[];
  vague: VagueSpan[];
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

/** The labels that open a responsibility clause (`责任单位:`). */
export const CLAUSE_LABELS = ['责任单位', '牵头单位', '责任部门', '牵头部门', '配合单位', '配合部门', '协办单位', '参与单位', '实施单位', '落实单位', '责任主体'];
const LABEL = new RegExp(`^(${CLAUSE_LABELS.join('|')})\\s*[::]\\s*`);
const LEAD_MARK = /(牵头负责|负责牵头|牵头)$/;
const DUTY_MARK = /(按职责分工负责|按照职责分工负责|按职责分工落实|按职责负责|按职能分工负责|分工负责|共同负责|配合实施|配合|协助|参与|负责落实|负责|落实)$/;

// Input is width-folded (text/fold.ts), so only half-width brackets and the CJK ones remain.
const PAREN_OPEN = 0x28;
const PAREN_CLOSE = 0x29;
const TORTOISE_OPEN = 0x3014; // 〔
const TORTOISE_CLOSE = 0x3015; // 〕
const LENTICULAR_OPEN = 0x3010; // 【
const LENTICULAR_CLOSE = 0x3011; // 】
const FULL_STOP = 0x3002; // 。

/**
 * Find clauses in `text` (one line, or a table cell); offsets returned are `base + index`.
 * Linear in the length of the text.
 */
export function findResponsibilityClauses(text: string, base: number): ClauseMatch[] {
  const out: ClauseMatch[] = [];
  // char codes, not one-character strings: CJK characters are not interned, and this runs on every line
  const stack: { c: number; i: number }[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === LENTICULAR_OPEN && text.charCodeAt(i + 1) === LENTICULAR_OPEN) {
      // an indicator tag 【【…】】, not a bracket
      const close = text.indexOf('】】', i + 2);
      if (close >= 0) i = close + 1;
      continue;
    }
    if (c === FULL_STOP) {
      // an unclosed bracket in one sentence must not swallow the clauses of the next
      stack.length = 0;
      continue;
    }
    if (c === PAREN_OPEN || c === TORTOISE_OPEN || c === LENTICULAR_OPEN) {
      stack.push({ c, i });
      if (stack.length > 16) stack.shift(); // pathological input: keep the scan linear
      continue;
    }
    const opener = c === PAREN_CLOSE ? PAREN_OPEN : c === TORTOISE_CLOSE ? TORTOISE_OPEN : c === LENTICULAR_CLOSE ? LENTICULAR_OPEN : -1;
    if (opener < 0) continue;
    for (let k = stack.length - 1; k >= 0; k--) {
      if (stack[k].c !== opener) continue;
      const open = stack[k];
      stack.length = k;
      if (k === 0) {
        const m = parseClauseBody(text.slice(open.i + 1, i), base + open.i + 1, false);
        if (m) out.push({ ...m, start: base + open.i, end: base + i + 1 });
      }
      break;
    }
  }
  if (out.length === 0) {
    // `责任单位:A、B` written on its own, without brackets
    const lead = /^[\s\u3000]*/.exec(text)![0].length;
    if (LABEL.test(text.slice(lead))) {
      let end = text.length;
      while (end > lead && /[。.;;\s\u3000]/.test(text[end - 1])) end--;
      const m = parseClauseBody(text.slice(lead, end), base + lead, false);
      if (m) out.push({ ...m, start: base + lead, end: base + end });
    }
  }
  return out;
}

interface Piece {
  text: string;
  start: number;
}

/** Split at top-level separators (ignoring those inside nested brackets or `@{…}`). */
function splitTop(text: string, start: number, seps: string): Piece[] {
  const pieces: Piece[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(' || c === '(' || c === '〔' || c === '{' || c === '【') depth++;
    else if ((c === ')' || c === ')' || c === '〕' || c === '}' || c === '】') && depth > 0) depth--;
    else if (depth === 0 && seps.includes(c)) {
      pieces.push({ text: text.slice(from, i), start: start + from });
      from = i + 1;
    }
  }
  pieces.push({ text: text.slice(from), start: start + from });
  return pieces;
}

function trimPiece(p: Piece): Piece {
  let s = 0;
  let e = p.text.length;
  while (s < e && /[\s\u3000]/.test(p.text[s])) s++;
  while (e > s && /[\s\u3000。.]/.test(p.text[e - 1])) e--;
  return { text: p.text.slice(s, e), start: p.start + s };
}

/**
 * Parse the inside of a bracket (or a table cell when `cell`), returning null when it is not a
 * responsibility clause (`(2022年-2023年底)`, `(沿海地区)`, `(市供销社)` …).
 */
export function parseClauseBody(body: string, start: number, cell: boolean): Omit<ClauseMatch, 'start' | 'end'> | null {
  if (body.length === 0 || body.length > 400) return null;
  const segments = splitTop(body, start, ',,;;').map(trimPiece).filter((s) => s.text.length > 0);
  if (segments.length === 0) return null;

  let labelled = false;
  let anyLeadMark = false;
  let anyDutyMark = false;
  type Seg = { pieces: Piece[]; role: 'lead' | 'support' | 'list' };
  const segs: Seg[] = [];
  for (const seg of segments) {
    let text = seg.text;
    let s = seg.start;
    let role: Seg['role'] = 'list';
    const label = LABEL.exec(text);
    if (label) {
      labelled = true;
      if (label[1].startsWith('牵头')) role = 'lead';
      else if (/^(配合|协办|参与)/.test(label[1])) role = 'support';
      text = text.slice(label[0].length);
      s += label[0].length;
    }
    const lead = LEAD_MARK.exec(text);
    if (lead) {
      anyLeadMark = true;
      role = 'lead';
      text = text.slice(0, lead.index);
    } else {
      const duty = DUTY_MARK.exec(text);
      if (duty) {
        anyDutyMark = true;
        if (role === 'list' && /^(配合|协助|参与)/.test(duty[1])) role = 'support';
        text = text.slice(0, duty.index);
      }
    }
    const pieces = splitTop(text, s, '、').map(trimPiece).filter((p) => p.text.length > 0).flatMap(splitAndEvery);
    segs.push({ pieces, role });
  }
  if (!labelled && !cell && !anyLeadMark && !anyDutyMark) return null;

  const units: UnitSpan[] = [];
  const vague: VagueSpan[] = [];
  let shapeless = 0;
  let lastWasVague = false;
  for (const seg of segs) {
    for (const raw of seg.pieces) {
      for (const piece of splitEtc(raw)) {
        let tagged = piece.text.startsWith('@') || piece.text.startsWith('\uFF20');
        let name = piece.text;
        let nameStart = piece.start;
        let explicitLead = false;
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
        const leadSuffix = /[((]牵头[))]$/.exec(name);
        if (leadSuffix) {
          explicitLead = true;
          anyLeadMark = true;
          name = name.slice(0, leadSuffix.index);
        }
        if (name.length === 0) continue;
        // a drafter's aside inside a clause (`以下均需各县市区政府落实,不再列出`) names nobody
        if (!tagged && ASIDE.test(name) && (labelled || !looksLikeUnit(name))) continue;
        if (!tagged && (isVaguePhrase(name) || (BARE_GENERIC.test(name) && lastWasVague))) {
          // `各县市区党委、政府` is one phrase (= 各县市区党委 and 各县市区政府): 政府 borrows the 各县市区 before it
          const prev = vague[vague.length - 1];
          if (lastWasVague && prev && BARE_GENERIC.test(name) && nameStart - prev.end <= 1) {
            prev.end = nameStart + name.length;
            prev.text = body.slice(prev.start - start, prev.end - start);
            continue;
          }
          lastWasVague = true;
          vague.push({ text: name, start: nameStart, end: nameStart + name.length });
          continue;
        }
        lastWasVague = false;
        if (!tagged && !looksLikeUnit(name)) {
          if (labelled && name.length > 15) continue;
          shapeless++;
        }
        units.push({
          name,
          role: explicitLead || seg.role === 'lead' ? 'lead' : seg.role === 'support' ? 'support' : ('list' as UnitRole),
          tagged,
          start: nameStart,
          end: nameStart + name.length,
        });
      }
    }
  }
  // Unlabelled brackets must read as a list of organisations, or `(由企业自行负责)` would count.
  if (!labelled && shapeless > 0) return null;
  if (units.length === 0 && vague.length === 0) return null;
  if (cell && !labelled && shapeless > 0) return null;

  // Roles: explicit 牵头 wins; otherwise the first-listed unit leads (the official convention).
  if (anyLeadMark || units.some((u) => u.role === 'lead')) {
    for (const u of units) if (u.role !== 'lead') u.role = 'support';
  } else {
    units.forEach((u, i) => (u.role = i === 0 ? 'lead' : 'support'));
  }

  const form: ClauseForm = cell ? 'table-cell' : labelled ? 'labelled' : anyLeadMark ? 'lead-support' : /按.{0,4}分工/.test(body) ? 'by-duty' : 'responsible';
  return { form, units, vague };
}

// `各县市区党委、政府`: the bare 政府 continues the distributive 各县市区 before it
const BARE_GENERIC = /^(人民)?(政府|党委|管委会)$/;
const ASIDE = /以下|均需|均由|不再|列出|落实|负责|做好|完成|其中/;

/** `政府及各有关部门` → 政府 and 各有关部门: 及/和 before a non-specific phrase separates two parties. */
function splitAndEvery(p: Piece): Piece[] {
  // `各镇(街道、园区)按慈政办发〔2020〕96号文件要求`: what follows 按 is how, not who
  const how = p.text.indexOf('按');
  if (how > 1) p = { text: p.text.slice(0, how), start: p.start };
  const m = /(及|和|以及)(各|相关|有关|其他)/.exec(p.text);
  if (!m || m.index === 0) return [p];
  const cut = m.index + m[1].length;
  return [{ text: p.text.slice(0, m.index), start: p.start }, { text: p.text.slice(cut), start: p.start + cut }];
}

/** `A等市级相关部门` → unit A and vague 市级相关部门; `C等` → C. */
function splitEtc(p: Piece): Piece[] {
  const i = p.text.lastIndexOf('等');
  if (i <= 0) return [p];
  const before = { text: p.text.slice(0, i), start: p.start };
  const after = { text: p.text.slice(i + 1), start: p.start + i + 1 };
  // only split when what precedes 等 is a name of its own (`市教育局等`), not `平等` inside a name
  if (!looksLikeUnit(before.text) && !before.text.startsWith('@')) return [p];
  return after.text.length > 0 ? [before, after] : [before];
}

/** Names are sliced from the original text, so they keep the user's own bracket widths. */
export function clauseToModel(m: ClauseMatch, text: string, index: LineIndex) {
  const units: ResponsibleUnit[] = m.units.map((u) => ({ name: text.slice(u.start, u.end), role: u.role, tagged: u.tagged, range: index.range(u.start, u.end) }));
  const vague: VaguePhrase[] = m.vague.map((v) => ({ text: text.slice(v.start, v.end), range: index.range(v.start, v.end) }));
  return { form: m.form, text: text.slice(m.start, m.end), range: index.range(m.start, m.end), units, vague };
}
