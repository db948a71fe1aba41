import { SymbolKind, type Connection, type SymbolInformation } from 'vscode-languageserver/node';
import { departmentKey, departmentOccurrences } from '../../core/query';
import type { PlanSource } from '../planSource';
import { searchKeys } from '../presentation/pinyinKeys';

/** Tasks by title and departments by name (or pinyin) across the workspace's plans. */
export function provideWorkspaceSymbols(ws: PlanSource, { query }: { query: string }): SymbolInformation[] {
  const q = query.trim().toLowerCase();
  const out: SymbolInformation[] = [];
  const seenDept = new Set<string>();
  for (const uri of ws.allPlanUris()) {
    const a = ws.analysisOf(uri);
    if (!a) continue;
    for (const t of a.model.tasks) {
      if (q && !t.title.toLowerCase().includes(q) && !t.path.includes(q)) continue;
      out.push({ name: `${t.path} ${t.title}`, kind: SymbolKind.Event, location: { uri, range: t.range }, containerName: a.model.title ?? undefined });
      if (out.length >= 500) return out;
    }
    for (const o of departmentOccurrences(a.model)) {
      const key = departmentKey(o.name, a.directory);
      if (seenDept.has(key)) continue;
      if (q && !searchKeys(key).toLowerCase().includes(q) && !o.name.includes(q)) continue;
      seenDept.add(key);
      out.push({ name: key, kind: SymbolKind.Class, location: { uri, range: o.range }, containerName: '部门' });
    }
  }
  return out;
}

export function registerWorkspaceSymbols(connection: Connection, ws: PlanSource) {
  connection.onWorkspaceSymbol((params) => provideWorkspaceSymbols(ws, params));
}
