import { pinyin } from 'pinyin-pro';
import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type Connection, type TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { allIndicators } from '../../core/catalogue/load';
import { applicableThreshold, appliesTo, bindingOf, formatThreshold } from '../../core/catalogue/thresholds';
import type { CatalogueIndicator } from '../../core/catalogue/types';
import { departmentOccurrences } from '../../core/query';
import type { PlanAnalysis } from '../../core/analyse';
import type { PlanWorkspace } from '../planWorkspace';

const pinyinCache = new Map<string, string>();

/** `市生态环境局` → `市生态环境局 shishengtaihuanjingju ssthjj`, so typing 拼音 or its initials matches. */
export function pinyinKeys(name: string): string {
  let keys = pinyinCache.get(name);
  if (keys === undefined) {
    const full = pinyin(name, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).join('');
    const initials = pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' }).join('');
    keys = `${name} ${full} ${initials}`;
    pinyinCache.set(name, keys);
  }
  return keys;
}

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

// Use counts of one analysis (one version of one plan): a keystroke in one plan does not recount the others.
const usesByAnalysis = new WeakMap<PlanAnalysis, Map<string, number>>();

function usesIn(pa: PlanAnalysis): Map<string, number> {
  let uses = usesByAnalysis.get(pa);
  if (!uses) {
    uses = new Map();
    for (const o of departmentOccurrences(pa.model)) uses.set(o.name, (uses.get(o.name) ?? 0) + 1);
    usesByAnalysis.set(pa, uses);
  }
  return uses;
}

function departmentItems(ws: PlanWorkspace, uri: string, line: number, from: number, to: number, braced: boolean): CompletionItem[] {
  const a = ws.analysisOf(uri);
  // use counts across the workspace rank the departments people actually assign
  const uses = new Map<string, number>();
  for (const planUri of ws.allPlanUris(200)) {
    const pa = ws.analysisOf(planUri);
    if (!pa) continue;
    for (const [name, n] of usesIn(pa)) uses.set(name, (uses.get(name) ?? 0) + n);
  }
  const dir = a ? a.directory : null;
  const names = new Map<string, { detail: string; doc: string }>();
  for (const d of (dir ?? { departments: [] }).departments) {
    if (!names.has(d.name)) names.set(d.name, { detail: d.aliases.length > 0 ? `简称:${d.aliases.join('、')}` : '', doc: d.source === 'builtin' ? '内置部门名录' : d.source });
    for (const alias of d.aliases) if (!names.has(alias)) names.set(alias, { detail: `= ${d.name}`, doc: d.source === 'builtin' ? '内置部门名录' : d.source });
  }
  for (const n of uses.keys()) if (!names.has(n)) names.set(n, { detail: '本工作区方案中使用', doc: '' });
  // same level first: a 县 plan wants 县…, a 市 plan 市…
  const level = a?.settings.level ?? '市';
  return [...names.entries()].map(([name, info]) => {
    // a department's count is the uses of all its names; an alias only counts its own uses and
    // ranks after the full name on a tie
    const dept = dir?.resolve(name);
    const isAlias = !!dept && dept.name !== name;
    const count = isAlias || !dept ? (uses.get(name) ?? 0) : [dept.name, ...dept.aliases].reduce((n, x) => n + (uses.get(x) ?? 0), 0);
    const sameLevel = name.startsWith(level) ? 0 : 1;
    const needsBraces = !braced && /[\s、,，。;；:：()（）\uFF08\uFF09]/.test(name);
    return {
      label: name,
      kind: CompletionItemKind.Class,
      detail: info.detail || undefined,
      documentation: info.doc ? { kind: MarkupKind.PlainText, value: `${info.doc}${count ? `\n在工作区方案中出现 ${count} 次` : ''}` } : undefined,
      filterText: pinyinKeys(name),
      sortText: `${sameLevel}${String(99999 - Math.min(count, 99999)).padStart(5, '0')}${isAlias ? 1 : 0}${name}`,
      textEdit: { range: { start: { line, character: from }, end: { line, character: to } }, newText: needsBraces ? `{${name}}` : name },
    };
  });
}

function indicatorItems(ws: PlanWorkspace, uri: string, line: number, from: number, to: number, closing: string, hasCloser: boolean): CompletionItem[] {
  const a = ws.analysisOf(uri);
  if (!a) return [];
  const level = a.settings.level ?? '市';
  const items: CompletionItem[] = [];
  for (const ind of allIndicators(a.edition)) {
    if (ind.parts.length > 0) continue; // offer the measurable parts, not their group
    const applies = appliesTo(ind);
    if (applies.length > 0 && !applies.includes(level)) continue;
    const th = applicableThreshold(ind, a.settings);
    const binding = bindingOf(ind);
    const attr = binding === true ? '约束性' : binding === false ? '参考性' : '';
    const thText = th ? formatThreshold(th.threshold, ind.unit) : (ind.value ?? '');
    const op = th?.threshold.op === '<=' ? '≤' : '≥';
    const snippet = th && th.threshold.value !== undefined ? `${ind.name} ${op}\${1:${th.threshold.value}}${ind.unit ?? ''}` : `${ind.name}`;
    items.push({
      label: ind.name,
      kind: CompletionItemKind.Value,
      detail: [ind.unit, thText && `国标${thText}`, attr].filter(Boolean).join(' · '),
      documentation: { kind: MarkupKind.Markdown, value: indicatorCard(ind, a.edition.title, thText, attr) },
      filterText: `${pinyinKeys(ind.name)} ${ind.aliases.join(' ')} ${ind.former.join(' ')}`,
      sortText: `${binding === true ? 0 : 1}${ind.number.padStart(6, '0')}`,
      insertTextFormat: InsertTextFormat.Snippet,
      textEdit: { range: { start: { line, character: from }, end: { line, character: to } }, newText: snippet + (hasCloser ? '' : closing) },
    });
  }
  return items;
}

export function indicatorCard(ind: CatalogueIndicator, edition: string, thText: string, attr: string): string {
  const lines = [`**${ind.name}**(${edition} 第 ${ind.number} 项)`, ''];
  if (ind.unit) lines.push(`- 单位:${ind.unit}`);
  if (thText) lines.push(`- 指标值:${thText}`);
  if (ind.value && ind.value !== thText) lines.push(`- 原文:${ind.value}`);
  if (attr) lines.push(`- 属性:${attr}`);
  const applies = appliesTo(ind);
  if (applies.length > 0) lines.push(`- 适用:${applies.join('、')}${ind.only ? `(仅${ind.only})` : ''}`);
  if (ind.confidence !== 'confirmed') lines.push(`- ⚠ 该指标值尚未核实(${ind.confidence})`);
  if (ind.source ?? ind.evidence) lines.push(`- 来源:${ind.source ?? ind.evidence}`);
  return lines.join('\n');
}

const UNIT_AFTER_NUMBER = /(\d+(?:\.\d+)?)$/;

export function registerCompletion(connection: Connection, documents: TextDocuments<TextDocument>, ws: PlanWorkspace) {
  connection.onCompletion((params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    const { line, character } = params.position;
    const lineText = doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$/, '');
    const before = lineText.slice(0, character);
    const ctx = completionContext(before);
    if (ctx?.kind === 'department') return { isIncomplete: false, items: departmentItems(ws, doc.uri, line, ctx.from, character, ctx.braced) };
    if (ctx?.kind === 'indicator') {
      const after = lineText.slice(character);
      return { isIncomplete: false, items: indicatorItems(ws, doc.uri, line, ctx.from, character, ctx.closing, after.startsWith(']]') || after.startsWith('\u3011\u3011')) };
    }
    // a unit after a number that follows an indicator name: `城镇人均公园绿地面积达15|`
    const num = UNIT_AFTER_NUMBER.exec(before);
    const a = num ? ws.analysisOf(doc.uri) : null;
    if (num && a) {
      const window = before.slice(Math.max(0, before.length - 40));
      const ind = allIndicators(a.edition)
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
  });
}
