import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { PlanWorkspace } from '../../server/src/lsp/planWorkspace';

// Two workspace folders whose names share a prefix (`ws`, `ws-2`): a plan in `ws-2` belongs to
// `ws-2`, for `ecoplan.include` and for the folder `ecoplan.departments` is read against.
describe('which workspace folder holds a plan', () => {
  it('matches folders by whole path segments, the innermost when folders nest', () => {
    const root = mkdtempSync(join(tmpdir(), 'ecoplan-folders-'));
    const ws = join(root, 'ws');
    const ws2 = join(root, 'ws-2');
    for (const d of [ws, ws2, join(ws, 'inner')]) mkdirSync(d, { recursive: true });
    writeFileSync(join(ws, 'dep.yaml'), 'departments:\n  - name: 县水务集团\n');
    writeFileSync(join(ws2, 'dep.yaml'), 'departments:\n  - name: 县城投集团\n');
    const text = '# 西山县实施方案\n\n一、重点任务\n\n1.推进管网建设。(责任单位:县城投集团)\n';
    const uri = pathToFileURL(join(ws2, 'plan.txt')).toString();
    const docs = new Map([[uri, TextDocument.create(uri, 'plaintext', 1, text)]]);
    const workspace = new PlanWorkspace({ get: (u) => docs.get(u), all: () => [...docs.values()] });
    workspace.folders = [ws, ws2];
    workspace.updateSettings({ include: ['*.txt'], departments: 'dep.yaml' });
    // `*.txt` matches `plan.txt` relative to ws-2 (relative to ws it would be `../ws-2/plan.txt`)
    expect(workspace.isPlan(uri, text)).toBe(true);
    const a = workspace.analysisOf(uri)!;
    expect(a.directory.resolve('县城投集团')?.name).toBe('县城投集团');
    expect(a.diagnostics.filter((d) => d.code === 'unknown-department')).toEqual([]);
    // nested folders: the inner one holds its files
    workspace.folders = [ws, join(ws, 'inner')];
    const inner = pathToFileURL(join(ws, 'inner', 'x.txt')).toString();
    expect(workspace.isPlan(inner, text)).toBe(true);
  });
});
