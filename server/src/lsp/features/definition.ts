import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Connection, Location } from 'vscode-languageserver/node';
import { departmentAt } from '../../core/query';
import type { PlanWorkspace } from '../planWorkspace';

/** A department's definition is its entry in the jurisdiction's directory file (built-in entries have none). */
export function registerDefinition(connection: Connection, ws: PlanWorkspace) {
  connection.onDefinition(({ textDocument, position }): Location | null => {
    const a = ws.analysisOf(textDocument.uri);
    if (!a) return null;
    const dep = departmentAt(a.model, position);
    if (!dep) return null;
    const d = a.directory.resolve(dep.name);
    if (!d || d.source === 'builtin') return null;
    let text: string;
    try {
      text = readFileSync(d.source, 'utf8');
    } catch {
      return null;
    }
    const lines = text.split(/\r?\n/);
    const line = lines.findIndex((l) => l.includes(d.name));
    if (line < 0) return null;
    const character = lines[line].indexOf(d.name);
    return { uri: pathToFileURL(d.source).toString(), range: { start: { line, character }, end: { line, character: character + d.name.length } } };
  });
}
