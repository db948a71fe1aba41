import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type CompletionList, type Connection, type MarkupContent, type TextDocumentPositionParams } from 'vscode-languageserver/node';
import type { PlanAnalysis } from '../../core/analyse';
import { builtinEditions, defaultEditionId } from '../../core/catalogue/builtin';
import { allIndicators } from '../../core/catalogue/load';
import { applicableThreshold, appliesTo, bindingOf, formatThreshold } from '../../core/catalogue/thresholds';
import type { CatalogueEdition, CatalogueIndicator } from '../../core/catalogue/types';
import { builtinDirectory, type DepartmentDirectory } from '../../core/departments/directory';
import type { PlanLevel } from '../../core/model/types';
import { indicatorAttention } from '../../core/coverage';
import { foldWidth } from '../../core/text/fold';
import { isUnrecognisedUnit } from '../../core/departments/unitStanding';
import { looksLikeJurisdiction, looksLikeUnit } from '../../core/recognise/departmentName';
import type { PlanSource } from '../planSource';
import { noteCompletionAnswered } from '../idle';
import { pinyinKeysIfReady, warmPinyin } from '../presentation/pinyinKeys';
import { publicIndicatorCard } from '../presentation/indicatorWording';
import { matchRank, searchWordsOf } from '../presentation/nameMatch';

export type CompletionContextKind = { kind: 'department'; from: number; braced: boolean } | { kind: 'indicator'; from: number; closing: string } | { kind: 'unit'; from: number; indicator: string } | null;

const CLAUSE_OPEN = /(责任单位|牵头单位|配合单位|责任部门|牵头部门|参与单位)\s*[::\uFF1A][^)\uFF09〕]*$/;

/** What to complete at the cursor, from the text of the line before it. */
export function completionContext(before: string): CompletionContextKind {
  const at = Math.max(before.lastIndexOf('@'), before.lastIndexOf('\uFF20'));
  if (at >= 0) {
    const rest = before.slice(at + 1);
    if (rest.startsWith('{') && !rest.includes('}')) return { kind: 'department', from: at + 2, braced: true };
    if (!/[\s、,,。;;:：()（）\uFF08\uFF09〔〕]/.test(rest)) return { kind: 'department', from: at + 1, braced: false };
  }
  const open = Math.max(before.lastIndexOf('[['), before.lastIndexOf('\u3010\u3010'));
  if (open >= 0) {
    const rest = before.slice(open + 2);
    const closer = before.startsWith('\u3010\u3010', open) ? '\u3011\u3011' : ']]';
    if (!rest.includes(']]') && !rest.includes('\u3011\u3011') && !/\s/.test(rest)) return { kind: 'indicator', from: open + 2, closing: closer };
  }
  // inside a clause: complete the piece after the last separator
  if (CLAUSE_OPEN.test(before) || /〔[^〕]*$/.test(before)) {
    const sep = Math.max(...['、', ',', '\uFF0C', ':', '\uFF1A', '〔', ';', '\uFF1B'].map((s) => before.lastIndexOf(s)));
    return { kind: 'department', from: sep + 1, braced: false };
  }
  return null;
}


/** How many items a completion list carries at most; more matches make it `isIncomplete`. */
export const MAX_ITEMS = 50;

// Use counts of one analysis (one version of one plan), by department (aliases merged): a
// keystroke in one plan does not recount the others. Kept by the analysis's list of clauses: an edit
// that touches no clause or tag keeps that list (core/incremental.ts), and so its counts.
interface Uses {
  tags: unknown;
  directory: DepartmentDirectory;
  uses: Map<string, number>;
  /** Per department: how often each of its names is written (`区生态环境分局` ×25, `区生态环境局` ×1). */
  forms: Map<string, Map<string, number>>;
}
const usesByClauses = new WeakMap<object, Uses>();

/** A name's department key in a directory (`resolve` normalises the name: done once per name, not per use). */
const keysByDirectory = new WeakMap<DepartmentDirectory, Map<string, string>>();

function usesOf(pa: PlanAnalysis): Uses {
  const known = usesByClauses.get(pa.model.clauses);
  if (known && known.tags === pa.model.departmentTags && known.directory === pa.directory) return known;
  const uses = new Map<string, number>();
  const forms = new Map<string, Map<string, number>>();
  // positions as numbers (line × 2^26 + character): a 1 MB plan has ~10,000 uses, recounted after
  // every edit that touches a clause, and building a string per use was most of the ~20 ms it took
  const seen = new Set<number>();
  let keys = keysByDirectory.get(pa.directory);
  if (!keys) keysByDirectory.set(pa.directory, (keys = new Map()));
  const count = (name: string, r: { start: { line: number; character: number } }) => {
    const at = r.start.line * 67108864 + r.start.character;
    if (seen.has(at)) return; // a tag inside a clause is one use
    seen.add(at);
    let key = keys.get(name);
    if (key === undefined) keys.set(name, (key = pa.directory.resolve(name)?.name ?? name));
    uses.set(key, (uses.get(key) ?? 0) + 1);
    let f = forms.get(key);
    if (!f) forms.set(key, (f = new Map<string, number>()));
    f.set(name, (f.get(name) ?? 0) + 1);
  };
  for (const c of pa.model.clauses) for (const u of c.units) count(u.name, u.range);
  for (const t of pa.model.departmentTags) count(t.name, t.nameRange);
  const made = { tags: pa.model.departmentTags, directory: pa.directory, uses, forms };
  usesByClauses.set(pa.model.clauses, made);
  return made;
}

const usesIn = (pa: PlanAnalysis): Map<string, number> => usesOf(pa).uses;

/** The name this plan writes most for a department, when it writes any. */
function planForm(pa: PlanAnalysis | null, key: string): string | null {
  if (!pa) return null;
  const forms = usesOf(pa).forms.get(key);
  if (!forms) return null;
  let best: string | null = null;
  let most = 0;
  for (const [form, n] of forms) if (n > most || (n === most && form === key)) [best, most] = [form, n];
  return best;
}

/** The department (by key) of the unit that starts where the cursor's name starts, if the analysis has one. */
function typedUnit(pa: PlanAnalysis, line: number, from: number): string | null {
  const starts = (r: { start: { line: number; character: number } }) => r.start.line === line && r.start.character === from;
  const tag = pa.model.departmentTags.find((t) => starts(t.nameRange));
  let unit: { name: string } | undefined;
  // (a loop, not flatMap: no list of every unit of a long plan per request)
  for (const c of tag ? [] : pa.model.clauses) {
    if (c.range.start.line > line || c.range.end.line < line) continue;
    unit = c.units.find((u) => starts(u.range));
    if (unit) break;
  }
  const name = tag?.name ?? unit?.name;
  return name === undefined ? null : (pa.directory.resolve(name)?.name ?? name);
}

/** The level prefixes of a plan's own units: a 县 plan (also a 区 or 旗) writes 县…, 区…, 旗…. */
const LEVEL_PREFIXES: Record<PlanLevel, string[]> = { 市: ['市', '州', '盟'], 县: ['县', '区', '旗'] };
/** The level a unit's name shows: its first level character near the start (`市生态环境局`, `共青团区委`), if any. */
const LEVEL_CHAR = /^[^市州盟县区旗]{0,3}([市州盟县区旗])/;

/**
 * Which of its level's words the plan's jurisdiction is (区 for a 区 plan, 旗 for a 旗 plan): the one
 * its own units use most, else the first in its title; null when neither says.
 */
function jurisdictionChar(a: PlanAnalysis | null, here: Map<string, number>, own: string[]): string | null {
  const counts = new Map<string, number>();
  for (const [name, n] of here) {
    const c = LEVEL_CHAR.exec(name)?.[1];
    if (c && own.includes(c)) counts.set(c, (counts.get(c) ?? 0) + n);
  }
  let best: string | null = null;
  for (const [c, n] of counts) if (!best || n > counts.get(best)!) best = c;
  if (best) return best;
  const title = a?.model.title ?? '';
  for (const ch of title) if (own.includes(ch)) return ch;
  return null;
}

/**
 * What the client filters the list by. VS Code filters (and re-sorts) the server's answer by the typed
 * text against `filterText`, matching from word starts only: a Chinese name is one word, so `发改`,
 * `环境` or `fg` would find nothing in `市发展和改革委员会 …` and the user saw "No suggestions" or
 * a word from the document. Every item the server chose starts with the typed text, so the client
 * keeps them all, in the server's order (sortText); the names and their pinyin follow for clients
 * that filter further while the next answer comes.
 */
function filterTextFor(query: string, names: string[]): string {
  const keys = names.map((n) => `${n} ${pinyinKeysIfReady(n) ?? ''}`.trim()).join(' ');
  return query ? `${query} ${keys}` : keys;
}

/**
 * Whether a name the plans use is worth offering: a directory name, or an unknown one written like a
 * unit (`人行慈溪支行`); not a half-typed tag (`@生态`), pinyin (`@jxj`) or a department without its
 * level word (`发改局`), which rule unrecognised-responsible-unit reports.
 */
function offered(name: string, dir: DepartmentDirectory): boolean {
  if (dir.resolve(name)) return true;
  return (looksLikeUnit(name) || looksLikeJurisdiction(name)) && !isUnrecognisedUnit(name, dir);
}

interface DepartmentRow {
  name: string;
  aliases: string[];
  source: string;
  here: number;
  elsewhere: number;
}

/**
 * Departments for the text after `@` or inside a clause, from the plan's last completed analysis
 * (its directory, level and the names it uses) and the other plans already analysed: one row per
 * department (its short forms are a detail, and match), ranked by use in this plan, then units of
 * the plan's level used elsewhere in the workspace, then the rest of the plan's level, then other
 * levels; filtered by the typed text and cut to MAX_ITEMS.
 */
export function departmentCompletion(ws: PlanSource, uri: string, line: number, from: number, to: number, query: string, braced: boolean): CompletionList {
  const a = ws.lastOrFirstAnalysis(uri);
  const dir: DepartmentDirectory = a?.directory ?? builtinDirectory;
  const level: PlanLevel = a?.settings.level ?? ws.settings.level ?? '市';
  const here = new Map(a ? usesIn(a) : []);
  const elsewhere = new Map<string, number>();
  for (const [u, pa] of ws.lastAnalyses()) {
    if (u === uri) continue;
    for (const [name, n] of usesIn(pa)) {
      const key = dir.resolve(name)?.name ?? name;
      elsewhere.set(key, (elsewhere.get(key) ?? 0) + n);
    }
  }
  // the name being typed is in the last analysis as a unit of its own (`@sth`): not a use
  const typing = a ? typedUnit(a, line, from) : null;
  if (typing) {
    here.set(typing, (here.get(typing) ?? 1) - 1);
    if (here.get(typing)! <= 0) here.delete(typing);
  }
  const rows = new Map<string, DepartmentRow>();
  for (const entry of dir.departments) {
    const d = dir.resolve(entry.name) ?? entry; // a jurisdiction's entry wins over the built-in one
    if (!rows.has(d.name)) rows.set(d.name, { name: d.name, aliases: d.aliases, source: d.source, here: 0, elsewhere: 0 });
  }
  for (const [name, n] of here) {
    if (!offered(name, dir)) continue;
    const row = rows.get(name) ?? { name, aliases: [], source: '', here: 0, elsewhere: 0 };
    row.here = n;
    rows.set(name, row);
  }
  for (const [name, n] of elsewhere) {
    if (!offered(name, dir)) continue;
    const row = rows.get(name) ?? { name, aliases: [], source: '', here: 0, elsewhere: 0 };
    row.elsewhere = n;
    rows.set(name, row);
  }
  const own = LEVEL_PREFIXES[level];
  const mine = jurisdictionChar(a, here, own);
  const tier = (r: DepartmentRow) => {
    const shown = LEVEL_CHAR.exec(r.name)?.[1];
    const otherLevel = shown !== undefined && !own.includes(shown);
    if (r.here > 0) return 0;
    if (otherLevel) return 4;
    if (r.elsewhere > 0) return 1;
    // a 区 plan's list offers 区住建局 before 县住建局 (the directory holds both forms of a county department)
    return mine && shown !== undefined && shown !== mine ? 3 : 2;
  };
  // the plan's own units and level first; within them, the best match of what is typed (`发改` is
  // 发改委's start, `环境` only inside 生态环境局); ties keep the directory's order (党委 and 政府
  // departments as the directory lists them)
  const keyed: { r: DepartmentRow; t: number; m: number; order: number }[] = [];
  let order = 0;
  for (const r of rows.values()) {
    const m = matchRank(query, [r.name, ...r.aliases], searchWordsOf(r.name));
    if (m >= 0) keyed.push({ r, t: tier(r), m, order });
    order++;
  }
  keyed.sort((x, y) => x.t - y.t || x.m - y.m || y.r.here - x.r.here || y.r.elsewhere - x.r.elsewhere || x.order - y.order);
  const shown = keyed.slice(0, MAX_ITEMS);
  const en = ws.locale === 'en';
  warmPinyin(rows.keys());
  const items = shown.map(({ r, t }, i): CompletionItem => {
    const uses = (en ? [r.here > 0 ? `used ${r.here} times in this plan` : '', r.elsewhere > 0 ? `used ${r.elsewhere} times in other plans of the workspace` : ''] : [r.here > 0 ? `本方案中出现 ${r.here} 次` : '', r.elsewhere > 0 ? `工作区其他方案中出现 ${r.elsewhere} 次` : ''])
      .filter(Boolean)
      .join(en ? '; ' : ';');
    const origin = r.source === 'builtin' ? (en ? 'built-in department directory' : '内置部门名录') : r.source ? r.source : en ? 'used in the plans of this workspace' : '本工作区方案中使用';
    // the row shows (and inserts) the name this plan writes, when it writes a short form; the
    // department's other names are its detail
    const form = planForm(a, r.name) ?? r.name;
    const otherNames = [r.name, ...r.aliases].filter((n) => n !== form);
    const newText = !braced && /[\s、,，。;；:：()（）\uFF08\uFF09]/.test(form) ? `{${form}}` : form;
    return {
      label: form,
      labelDetails: otherNames.length > 0 ? { description: otherNames.slice(0, 2).join('、') + (otherNames.length > 2 ? '…' : '') } : undefined,
      kind: CompletionItemKind.Class,
      detail: form !== r.name ? `= ${r.name}` : r.aliases.length > 0 ? (en ? `short forms: ${r.aliases.join(', ')}` : `简称:${r.aliases.join('、')}`) : undefined,
      documentation: { kind: MarkupKind.PlainText, value: uses ? `${origin}\n${uses}` : origin },
      filterText: filterTextFor(query, [r.name, ...r.aliases]),
      sortText: `${t}${String(i).padStart(3, '0')}`,
      textEdit: { range: { start: { line, character: from }, end: { line, character: to } }, newText },
    };
  });
  // always incomplete: the client asks again on every character, so the list (and its selection)
  // is the answer for what is typed now, never a filtered copy of an older one
  return { isIncomplete: true, items };
}

function editionFor(ws: PlanSource, a: PlanAnalysis | null): CatalogueEdition {
  return a?.edition ?? builtinEditions.find((e) => e.id === ws.settings.catalogue) ?? builtinEditions.find((e) => e.id === defaultEditionId)!;
}

/**
 * Indicators after `[[`: the measurable ones of the plan's edition, binding first. Those that do
 * not apply to the plan's level, and those that apply only where something exists (沿海地区 …)
 * that the plan never names, are left out unless the typed text finds them by name. Any part of a
 * name finds it (`[[污水处理` → 城镇污水处理率), names that start with it first.
 */
export function indicatorCompletion(ws: PlanSource, uri: string, line: number, from: number, to: number, query: string, closing: string, hasCloser: boolean): CompletionList {
  const a = ws.lastOrFirstAnalysis(uri);
  const edition = editionFor(ws, a);
  const settings = a?.settings ?? { level: ws.settings.level ?? '市' };
  const level = settings.level ?? '市';
  const attention = a ? indicatorAttention({ model: a.model, names: a.names }) : null;
  const items: CompletionItem[] = [];
  for (const o of indicatorOffers(edition, settings as PlanAnalysis['settings'], ws.locale)) {
    const { ind, names } = o;
    const rank = matchRank(query, names, [], false);
    if (rank < 0) continue;
    const situational = !!ind.only && !(attention && (attention.isMentioned(ind) || attention.isTargeted(ind)));
    if ((o.applies.length > 0 && !o.applies.includes(level)) || situational) {
      const byName = query.length > 0 && names.some((n) => foldWidth(n).includes(foldWidth(query)));
      if (!byName) continue;
    }
    items.push({
      label: ind.name,
      kind: CompletionItemKind.Value,
      detail: o.detail,
      documentation: o.documentation,
      filterText: filterTextFor(query, names),
      sortText: `${rank}${o.sortTail}`,
      insertTextFormat: InsertTextFormat.Snippet,
      textEdit: { range: { start: { line, character: from }, end: { line, character: to } }, newText: o.snippet + (hasCloser ? '' : closing) },
    });
  }
  items.sort((x, y) => (x.sortText! < y.sortText! ? -1 : x.sortText! > y.sortText! ? 1 : 0));
  const shown = items.slice(0, MAX_ITEMS);
  // always incomplete, as for departments: each character asks again (`[[污水` then `[[污水处理`)
  return { isIncomplete: true, items: shown };
}

/** What an indicator's item shows whatever is typed: worked out once per edition, settings and language. */
interface IndicatorOffer {
  ind: CatalogueIndicator;
  names: string[];
  applies: PlanLevel[];
  detail: string;
  documentation: MarkupContent;
  snippet: string;
  /** binding first, then catalogue order (after the match rank) */
  sortTail: string;
}

const offersByEdition = new WeakMap<CatalogueEdition, Map<string, IndicatorOffer[]>>();

/**
 * The measurable indicators of an edition with their card, threshold and snippet, kept per
 * edition, the settings thresholds depend on and the language: each `[[` used to build the card of
 * every indicator again (5–15 ms, 50+ ms for the first request of a server).
 */
export function indicatorOffers(edition: CatalogueEdition, settings: PlanAnalysis['settings'], locale: string): IndicatorOffer[] {
  let byKey = offersByEdition.get(edition);
  if (!byKey) offersByEdition.set(edition, (byKey = new Map()));
  const key = JSON.stringify([settings.level ?? '市', settings.terrain ?? null, settings.citySize ?? null, locale]);
  const known = byKey.get(key);
  if (known) return known;
  const offers: IndicatorOffer[] = [];
  for (const ind of allIndicators(edition)) {
    if (ind.parts.length > 0) continue; // offer the measurable parts, not their group
    const th = applicableThreshold(ind, settings);
    const binding = bindingOf(ind);
    const attr = binding === true ? '约束性' : binding === false ? '参考性' : '';
    const attrShown = locale === 'en' ? (binding === true ? 'binding' : binding === false ? 'reference' : '') : attr;
    const thText = th ? formatThreshold(th.threshold, ind.unit) : (ind.value ?? '');
    const op = th?.threshold.op === '<=' ? '≤' : '≥';
    offers.push({
      ind,
      names: [ind.name, ...ind.aliases, ...ind.former],
      applies: appliesTo(ind),
      detail: [ind.unit, thText && (locale === 'en' ? `national ${thText}` : `国标${thText}`), attrShown].filter(Boolean).join(' · '),
      documentation: { kind: MarkupKind.Markdown, value: publicIndicatorCard(ind, edition, thText, attr, th?.threshold) },
      snippet: th && th.threshold.value !== undefined ? `${ind.name} ${op}\${1:${th.threshold.value}}${ind.unit ?? ''}` : `${ind.name}`,
      sortTail: `${binding === true ? 0 : 1}${ind.number.padStart(6, '0')}`,
    });
  }
  byKey.set(key, offers);
  return offers;
}

const UNIT_AFTER_NUMBER = /(\d+(?:\.\d+)?)$/;

/**
 * Completion answers from the line's text and the plan's last completed analysis: it never waits
 * for the analysis of the keystroke that triggered it (on a 1 MB plan that takes a few hundred ms).
 * A position past the end of its line stands for the line's end, as the protocol says.
 */
export function provideCompletion(ws: PlanSource, params: TextDocumentPositionParams): CompletionList | CompletionItem[] {
  const doc = ws.document(params.textDocument.uri);
  if (!doc) return [];
  const line = Math.min(params.position.line, doc.lineCount - 1);
  const lineText = doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$|\r$/, '');
  const character = params.position.line > line ? lineText.length : Math.min(params.position.character, lineText.length);
  const before = lineText.slice(0, character);
  const ctx = completionContext(before);
  if (ctx?.kind === 'department') return departmentCompletion(ws, doc.uri, line, ctx.from, character, before.slice(ctx.from), ctx.braced);
  if (ctx?.kind === 'indicator') {
    const after = lineText.slice(character);
    return indicatorCompletion(ws, doc.uri, line, ctx.from, character, before.slice(ctx.from), ctx.closing, after.startsWith(']]') || after.startsWith('\u3011\u3011'));
  }
  // a unit after a number that follows an indicator name: `城镇人均公园绿地面积达15|`
  const num = UNIT_AFTER_NUMBER.exec(before);
  if (num) {
    const edition = editionFor(ws, ws.lastOrFirstAnalysis(doc.uri));
    const window = before.slice(Math.max(0, before.length - 40));
    const ind = allIndicators(edition)
      .filter((i) => i.unit && (window.includes(i.name) || i.aliases.some((al) => window.includes(al))))
      .sort((x, y) => window.lastIndexOf(y.name) - window.lastIndexOf(x.name))[0];
    if (ind?.unit) {
      const suffix = ind.direction === 'lower' ? '以下' : '以上';
      return [
        { label: `${ind.unit}${suffix}`, kind: CompletionItemKind.Unit, detail: ind.name, sortText: '0', insertText: `${ind.unit}${suffix}` },
        { label: ind.unit, kind: CompletionItemKind.Unit, detail: ind.name, sortText: '1', insertText: ind.unit },
      ];
    }
  }
  return [];
}

export function registerCompletion(connection: Connection, ws: PlanSource) {
  connection.onCompletion((params): CompletionList | CompletionItem[] => {
    const answer = provideCompletion(ws, params);
    noteCompletionAnswered(); // an analysis held back for this request may run (idle.ts)
    return answer;
  });
}

/**
 * Right after a plan's diagnostics are published (diagnostics.ts), before the client can ask: the
 * plan's use counts for its new analysis (a few ms on 1 MB). A completion typed next then finds
 * them ready instead of working them out first. (The list's code paths are warmed in idle time,
 * prepareCompletion: warming them here, on the first publish, made the first completion wait.)
 */
export function warmCompletion(ws: PlanSource, uri: string): void {
  const a = ws.lastAnalysis(uri);
  if (!a) return;
  usesIn(a);
}

/**
 * Idle-time preparation, so that the first `@` finds everything ready: the use counts of every
 * plan analysed so far and the pinyin keys of names the shipped data does not hold.
 */
export function prepareCompletion(ws: PlanSource, uri?: string): void {
  // the first list for an open plan: computes its use counts and compiles the code paths once
  const a = uri ? ws.lastAnalysis(uri) : null;
  if (uri && a) {
    departmentCompletion(ws, uri, 0, 0, 0, '', false);
    // the items of `[[` for the plan's edition and settings, so that the first `[[` only filters them
    indicatorOffers(editionFor(ws, a), a.settings, ws.locale);
  }
  const names = new Set<string>();
  for (const [, pa] of ws.lastAnalyses()) {
    for (const name of usesIn(pa).keys()) names.add(name);
    if (pa.directory !== builtinDirectory) for (const d of pa.directory.departments) for (const n of [d.name, ...d.aliases]) names.add(n);
  }
  warmPinyin(names);
}
