// Plans on disk that are not open: the server keeps their analyses while a file's mtime and size are
// unchanged (no re-reading on every workspace request), and reads them again when either changes.
import { mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Location } from 'vscode-languageserver-protocol';
import { LspClient } from '../support/lspClient';

const dir = mkdtempSync(join(tmpdir(), 'ecoplan-disk-'));
const file = join(dir, 'west.plan.md');
const plan = (task: string) => ['# 西岭市创建国家生态文明建设示范市实施方案', '', '## 二、主要任务', '', `1.${task}。(责任单位:市水利局)`, ''].join('\n');

describe('workspace requests over plans on disk', () => {
  const client = new LspClient();
  const symbols = async (query: string) => (await client.request<{ name: string; location: Location }[]>('workspace/symbol', { query })).map((s) => `${s.name} @${s.location.range.start.line}`);
  beforeAll(async () => {
    writeFileSync(file, plan('修复河道'));
    await client.initialize(dir);
  });
  afterAll(() => client.stop());

  it('sees a plan rewritten with another size, then with the same size and a new mtime, then no longer a plan', async () => {
    expect(await symbols('河道')).toEqual(['二.1 修复河道 @4']);
    expect(await symbols('湿地')).toEqual([]);
    writeFileSync(file, plan('保护湿地生态'));
    expect(await symbols('河道')).toEqual([]);
    expect(await symbols('湿地')).toEqual(['二.1 保护湿地生态 @4']);
    // same length in bytes: only the mtime says it changed
    writeFileSync(file, plan('治理水土流失'));
    const later = new Date(Date.now() + 5000);
    utimesSync(file, later, later);
    expect(await symbols('湿地')).toEqual([]);
    expect(await symbols('水土')).toEqual(['二.1 治理水土流失 @4']);
    // a Markdown file beside it, neither *.plan.md nor with front matter, is a plan when its content is
    // one (issue 21), and not otherwise
    writeFileSync(join(dir, 'notes.md'), '# 周会记录\n\n- 讨论了整治黑臭水体的进度\n- 下周去现场\n');
    expect(await symbols('黑臭')).toEqual([]);
    writeFileSync(join(dir, 'east.md'), plan('整治黑臭水体'));
    expect(await symbols('黑臭')).toEqual(['二.1 整治黑臭水体 @4']);
  });
});
