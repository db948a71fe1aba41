import { pathToFileURL } from 'node:url';
import type { Connection, Location, TextDocumentPositionParams } from 'vscode-languageserver/node';
import { departmentAt } from '../../core/query';
import type { PlanSource } from '../planSource';

/** A department's definition is its entry in the jurisdiction's directory file (built-in entries have none). */
export function provideDefinition(ws: PlanSource, { textDocument, position }: TextDocumentPositionParams): Location | null {
  const a = ws.analysisOf(textDocument.uri);
  if (!a) return null;
  const dep = departmentAt(a.model, position);
  if (!dep) return null;
  const d = a.directory.resolve(dep.name);
  if (!d || d.source === 'builtin') return null;
  const uri = pathToFileURL(d.source).toString();
  const text = ws.textOf(uri)?.text;
  if (text === undefined) return null;
  const lines = text.split(/\r?\n/);
  const line = lines.findIndex((l) => l.includes(d.name));
  if (line < 0) return null;
  const character = lines[line].indexOf(d.name);
  return { uri, range: { start: { line, character }, end: { line, character: character + d.name.length } } };
}

export function registerDefinition(connection: Connection, ws: PlanSource) {
  connection.onDefinition((params) => provideDefinition(ws, params));
}
