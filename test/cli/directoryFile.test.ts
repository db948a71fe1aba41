import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDirectoryFile } from '../../server/src/node/config';
import { analysePlan, AnalysisCache } from '../../server/src/core/analyse';

// The server reads a plan's directory file on every keystroke: the same file gives the same object
// back (no read, no parse), which also keeps the analysis incremental (it patches only under the
// same directory); a changed file is read again.
describe('a department directory file read once while it is unchanged', () => {
  it('gives the same directory until the file changes, and a keystroke under it is patched', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ecoplan-dirfile-'));
    const file = join(dir, '部门.yaml');
    writeFileSync(file, 'departments:\n  - name: 县城投集团\n');
    const first = loadDirectoryFile(file);
    expect(first.directory?.resolve('县城投集团')?.name).toBe('县城投集团');
    expect(loadDirectoryFile(file)).toBe(first);

    const text = ['# 西山县实施方案', '', '一、重点任务', '', '1.推进管网建设。(责任单位:县城投集团)', ''].join('\n');
    const cache = new AnalysisCache();
    analysePlan(text, { uri: 'p.txt', format: 'text', directory: loadDirectoryFile(file).directory!, cache });
    const edited = analysePlan(text.replace('管网', '官网'), { uri: 'p.txt', format: 'text', directory: loadDirectoryFile(file).directory!, cache });
    expect(cache.lastWasEdit).toBe(true);
    expect(edited.model.tasks[0].title).toBe('推进官网建设');

    writeFileSync(file, 'departments:\n  - name: 县城投集团\n  - name: 县水务集团\n');
    const again = loadDirectoryFile(file);
    expect(again).not.toBe(first);
    expect(again.directory?.resolve('县水务集团')?.name).toBe('县水务集团');
    expect(loadDirectoryFile(join(dir, 'none.yaml')).problems[0].message).toEqual({ zh: '无法读取部门名录(ENOENT)', en: 'cannot read department directory (ENOENT)' });
  });
});
