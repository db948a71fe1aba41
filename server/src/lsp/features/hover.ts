import { MarkupKind, type Connection, type Hover, type TextDocumentPositionParams } from 'vscode-languageserver/node';
import { applicableThreshold, bindingOf, formatThreshold } from '../../core/catalogue/thresholds';
import { catalogueIndicator, departmentAt, departmentKey, departmentOccurrences, indicatorAt } from '../../core/query';
import { formatTarget } from '../../core/format/target';
import type { PlanAnalysis } from '../../core/analyse';
import type { IndicatorOccurrence } from '../../core/query';
import type { Locale } from '../../core/locale';
import type { PlanSource } from '../planSource';
import { publicIndicatorCard } from '../presentation/indicatorWording';
import { titleHover } from '../presentation/planLevel';
import { cityTargetLines } from '../presentation/cityPlan';
import { contains } from '../../core/query';

/** Indicator → its catalogue card and the plan's targets for it; department → names and the tasks it leads and supports. */
export function provideHover(ws: PlanSource, { textDocument, position }: TextDocumentPositionParams): Hover | null {
  const a = ws.analysisOf(textDocument.uri);
  if (!a) return null;
  const resolve = (name: string) => a.names.resolve(name)?.indicator.id ?? null;
  const ind = indicatorAt(a.model, position, resolve);
  if (ind) {
    // a county plan's hover also gives its city plan's targets for the indicator
    const id = ind.catalogueId ?? ind.target?.catalogueId ?? null;
    const city = id ? cityTargetLines(ws, textDocument.uri, id) : [];
    const value = indicatorHover(a, ind) + (city.length > 0 ? `\n\n${city.map((l) => `- ${l}`).join('\n')}` : '');
    return { range: ind.range, contents: { kind: MarkupKind.Markdown, value } };
  }
  const dep = departmentAt(a.model, position);
  if (dep) {
    const d = a.directory.resolve(dep.name);
    const key = departmentKey(dep.name, a.directory);
    const mine = departmentOccurrences(a.model).filter((o) => departmentKey(o.name, a.directory) === key && o.task);
    const lead = [...new Set(mine.filter((o) => o.role === 'lead').map((o) => `${o.task!.path} ${o.task!.title}`))];
    const support = [...new Set(mine.filter((o) => o.role === 'support').map((o) => `${o.task!.path} ${o.task!.title}`))];
    let elsewhere = 0;
    for (const uri of ws.allPlanUris(200)) {
      if (uri === textDocument.uri) continue;
      const pa = ws.analysisOf(uri);
      if (pa) elsewhere += departmentOccurrences(pa.model).filter((o) => departmentKey(o.name, pa.directory) === key && o.task).length;
    }
    return { range: dep.range, contents: { kind: MarkupKind.Markdown, value: departmentHover(d?.name ?? dep.name, !!d, d?.aliases ?? [], d?.parent ?? null, lead, support, elsewhere, ws.locale) } };
  }
  if (a.model.title !== null && contains(a.model.titleRange, position)) return { range: a.model.titleRange, contents: { kind: MarkupKind.Markdown, value: titleHover(a, ws.locale) } };
  return null;
}

export function registerHover(connection: Connection, ws: PlanSource) {
  connection.onHover((params) => provideHover(ws, params));
}

const MATCH_ZH = { alias: '别名', former: '曾用名', synonym: '同义表述', 'other-edition': '其他版本的名称' } as const;

/**
 * The hover of an indicator name: its catalogue card, how the written name was resolved
 * (`按「城区生活垃圾无害化处理率」识别为「城镇生活垃圾无害化处理率」(同义表述,置信度中)`), and the
 * plan's targets for it; a local target (a metric the catalogue lacks) lists the plan's targets for that name.
 */
export function indicatorHover(a: PlanAnalysis, ind: IndicatorOccurrence): string {
  const id = ind.catalogueId ?? ind.target?.catalogueId ?? null;
  const entry = catalogueIndicator(a.edition, id);
  if (!entry) {
    const local = ind.target ? a.model.targets.filter((t) => t.catalogueId === null && t.indicator === ind.target!.indicator) : [];
    if (local.length === 0) return `**${ind.name}**:不在 ${a.edition.title}中`;
    return [`**${ind.target!.indicator}**:地方指标(不在 ${a.edition.title}中)`, '', `本方案的目标(${local.length} 处):`, ...local.map(targetLine)].join('\n');
  }
  const th = applicableThreshold(entry, a.settings);
  const binding = bindingOf(entry);
  const thText = th ? `${th.qualifier ? `${th.qualifier} ` : ''}${formatThreshold(th.threshold, entry.unit)}` : (entry.value ?? '');
  const card = publicIndicatorCard(entry, a.edition, thText, binding === true ? '约束性' : binding === false ? '参考性' : '', th?.threshold);
  const resolved = a.names.resolve(ind.name);
  const how = resolved && resolved.kind !== 'name' && ind.name !== entry.name ? resolutionNote(ind.name, entry.name, ind.target?.match ?? resolved.kind, ind.target?.matchConfidence ?? resolved.confidence) : null;
  const targets = a.model.targets.filter((t) => t.catalogueId === entry.id);
  return [card, ...(how ? ['', how] : []), '', targets.length > 0 ? `本方案的目标(${targets.length} 处):` : '本方案未设定目标', ...targets.map(targetLine)].join('\n');
}

function resolutionNote(written: string, name: string, match: string | null, confidence: 'high' | 'medium' | undefined): string {
  const kind = match && match in MATCH_ZH ? MATCH_ZH[match as keyof typeof MATCH_ZH] : null;
  const detail = [kind, confidence ? `置信度${confidence === 'high' ? '高' : '中'}` : null].filter(Boolean).join(',');
  return `按「${written}」识别为「${name}」${detail ? `(${detail})` : ''}`;
}

function targetLine(t: PlanAnalysis['model']['targets'][number]): string {
  // where the target is stated for a place (`桂平市`) or as an aspiration (`力争达到`), the card says so
  return `- 第 ${t.range.start.line + 1} 行:${formatTarget(t)}${t.op === 'trend' ? '(未量化)' : ''}${t.year ? `(${t.year} 年)` : ''}${t.scope ? `(${t.scope})` : ''}${t.tier === 'aspirational' ? '(力争)' : ''}`;
}

/** Markdown's inline punctuation in a task title is text, not formatting. */
function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*_{}[\]<>#|~!]/g, (c) => `\\${c}`);
}

/**
 * The department card: blocks separated by blank lines, so that each heading starts a paragraph
 * and each task list ends before the next heading (a heading glued onto the last bullet would read
 * as part of it).
 */
const DEPARTMENT_WORDS = {
  zh: { unknown: '(不在部门名录中)', aliases: '简称:', sep: '、', parent: '上级:', lead: '牵头任务', support: '配合任务', count: (n: number) => `(${n})`, more: (n: number) => `……另有 ${n} 项`, elsewhere: (n: number) => `工作区其他方案中另有 ${n} 项任务` },
  en: { unknown: ' (not in the department directory)', aliases: 'Short forms: ', sep: ', ', parent: 'Parent: ', lead: 'Leads', support: 'Supports', count: (n: number) => ` (${n})`, more: (n: number) => `… ${n} more`, elsewhere: (n: number) => `${n} more tasks in other plans of the workspace` },
};

export function departmentHover(name: string, known: boolean, aliases: string[], parent: string | null, lead: string[], support: string[], elsewhere: number, locale: Locale = 'zh'): string {
  const w = DEPARTMENT_WORDS[locale === 'en' ? 'en' : 'zh'];
  const blocks: string[] = [];
  const head = [`**${escapeMarkdown(name)}**${known ? '' : w.unknown}`];
  if (aliases.length > 0) head.push(`${w.aliases}${aliases.map(escapeMarkdown).join(w.sep)}`);
  if (parent) head.push(`${w.parent}${escapeMarkdown(parent)}`);
  blocks.push(head.join('  \n'));
  const list = (title: string, tasks: string[]) => {
    blocks.push(`**${title}${w.count(tasks.length)}**`);
    if (tasks.length > 0) blocks.push([...tasks.slice(0, 20).map((t) => `- ${escapeMarkdown(t)}`), ...(tasks.length > 20 ? [`- ${w.more(tasks.length - 20)}`] : [])].join('\n'));
  };
  list(w.lead, lead);
  list(w.support, support);
  if (elsewhere > 0) blocks.push(w.elsewhere(elsewhere));
  return blocks.join('\n\n');
}
