import type { CodeLens, Connection } from 'vscode-languageserver/node';
import type { Locale } from '../../core/locale';
import type { OutlineNode, PlanModel } from '../../core/model/types';
import type { PlanSource } from '../planSource';
import { levelLens } from '../presentation/planLevel';

/** On each section that holds tasks: `12 项任务 · 2 项无责任单位` (`12 tasks · 2 without a unit`). */
export function codeLenses(model: PlanModel, locale: Locale = 'zh'): CodeLens[] {
  const en = locale === 'en';
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const out: CodeLens[] = [];
  const visit = (n: OutlineNode) => {
    const inside = model.tasks.filter((t) => t.range.start.line > n.range.start.line && t.range.start.line <= n.lastLine);
    const hasTaskChildren = n.children.some((c) => model.tasks.some((t) => t.range.start.line === c.range.start.line) || c.children.length > 0);
    // numbered sections only: the plan's title would repeat the count of its single task section
    if (n.marker !== '' && inside.length > 0 && hasTaskChildren && !model.tasks.some((t) => t.range.start.line === n.range.start.line)) {
      const noUnit = inside.filter((t) => t.noUnit).length;
      const vague = inside.filter((t) => !t.noUnit && t.units.length === 0).length;
      const parts = [en ? plural(inside.length, 'task', 'tasks') : `${inside.length} 项任务`];
      if (noUnit > 0) parts.push(en ? `${noUnit} without a responsible unit` : `${noUnit} 项无责任单位`);
      if (vague > 0) parts.push(en ? `${vague} with only vague responsibility` : `${vague} 项责任笼统`);
      out.push({ range: n.range, command: { title: parts.join(' · '), command: '' } });
    }
    n.children.forEach(visit);
  };
  model.outline.forEach(visit);
  return out;
}

export function provideCodeLenses(ws: PlanSource, { textDocument }: { textDocument: { uri: string } }): CodeLens[] | null {
  const a = ws.analysisOf(textDocument.uri);
  // the level and edition the plan is checked against, on its title line, then the task counts
  return a ? [levelLens(a, ws.locale), ...codeLenses(a.model, ws.locale)] : null;
}

export function registerCodeLens(connection: Connection, ws: PlanSource) {
  connection.onCodeLens((params) => provideCodeLenses(ws, params));
}
