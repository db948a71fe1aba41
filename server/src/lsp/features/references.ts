import type { Connection, Location } from 'vscode-languageserver/node';
import { departmentAt, departmentKey, departmentOccurrences, indicatorAt, indicatorOccurrences } from '../../core/query';
import type { PlanSource } from '../planSource';

/** Every place in the workspace's plans that names the same department (aliases merged) or indicator. */
export function findReferences(ws: PlanSource, uri: string, position: { line: number; character: number }): Location[] | null {
  const a = ws.analysisOf(uri);
  if (!a) return null;
  const dep = departmentAt(a.model, position);
  const plans = ws.allPlanUris();
  if (!plans.includes(uri)) plans.unshift(uri);
  if (dep) {
    const key = departmentKey(dep.name, a.directory);
    const out: Location[] = [];
    for (const p of plans) {
      const pa = ws.analysisOf(p);
      if (!pa) continue;
      for (const o of departmentOccurrences(pa.model)) if (departmentKey(o.name, pa.directory) === key) out.push({ uri: p, range: o.range });
    }
    return out;
  }
  const resolve = (name: string) => a.names.resolve(name)?.indicator.id ?? null;
  const ind = indicatorAt(a.model, position, resolve);
  if (ind && ind.catalogueId) {
    const out: Location[] = [];
    for (const p of plans) {
      const pa = ws.analysisOf(p);
      if (!pa) continue;
      const r = (name: string) => pa.names.resolve(name)?.indicator.id ?? null;
      for (const o of indicatorOccurrences(pa.model, r)) if (o.catalogueId === ind.catalogueId) out.push({ uri: p, range: o.range });
    }
    return out;
  }
  return null;
}

export function registerReferences(connection: Connection, ws: PlanSource) {
  connection.onReferences(({ textDocument, position }) => findReferences(ws, textDocument.uri, position));
}
