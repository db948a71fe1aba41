import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LspClient } from '../support/lspClient';

// A broken config or department directory used to be replaced by the defaults in silence in the
// editor (only the CLI printed its problems): the server now shows each problem on its file's line.
const PLAN = ['---', 'ecoplan:', '  level: 县', '---', '# 西山县创建国家生态文明建设示范县实施方案', '', '一、重点任务', '', '1.推进污水治理。(责任单位:县住建局)', ''].join('\n');
const CONFIG = ['# 西山县的设置', 'level: 州', 'rules:', '  unknown-department: loud', '  no-such-rule: error', 'departments: ./部门.yaml', ''].join('\n');
const DIRECTORY = ['departments:', '  - name: 县水务局', '    aliases: [水务局]', '  - aliases: [住建局]', ''].join('\n');

describe('problems in the files beside the plans, shown on those files', () => {
  it('puts each config and directory problem on its line, and clears them when the files are fixed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ecoplan-fileproblems-'));
    writeFileSync(join(dir, 'ecoplan.config.yaml'), CONFIG);
    writeFileSync(join(dir, '部门.yaml'), DIRECTORY);
    const configUri = pathToFileURL(join(dir, 'ecoplan.config.yaml')).toString();
    const directoryUri = pathToFileURL(join(dir, '部门.yaml')).toString();
    const client = new LspClient();
    try {
      await client.initialize(dir);
      const config = client.nextDiagnostics(configUri);
      const directory = client.nextDiagnostics(directoryUri);
      client.open(pathToFileURL(join(dir, 'plan.md')).toString(), PLAN);
      const problem = (line: number, start: number, end: number, message: string) => ({
        range: { start: { line, character: start }, end: { line, character: end } },
        severity: 2,
        code: 'invalid-settings-file',
        source: 'ecoplan',
        message,
      });
      expect((await config).diagnostics).toEqual([
        problem(1, 0, 8, 'level 应为 市 或 县'),
        problem(3, 2, 26, 'unknown-department 的级别应为 error|warning|information|hint|off'),
        problem(4, 2, 21, '未知规则:no-such-rule'),
      ]);
      expect((await directory).diagnostics).toEqual([problem(3, 2, 18, '第 2 项:每个部门都需要 name')]);
      expect(client.stderr).toBe('');

      // fixed on disk; the editor says which files changed
      writeFileSync(join(dir, 'ecoplan.config.yaml'), '# 西山县的设置\nlevel: 县\ndepartments: ./部门.yaml\n');
      writeFileSync(join(dir, '部门.yaml'), 'departments:\n  - name: 县水务局\n');
      const configAgain = client.nextDiagnostics(configUri);
      const directoryAgain = client.nextDiagnostics(directoryUri);
      client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 2 }, { uri: directoryUri, type: 2 }] });
      expect((await configAgain).diagnostics).toEqual([]);
      expect((await directoryAgain).diagnostics).toEqual([]);
    } finally {
      await client.stop();
    }
  });

  it('a config that is not YAML: one problem on the line where reading failed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ecoplan-fileproblems-'));
    writeFileSync(join(dir, 'ecoplan.config.yaml'), 'level: 县\nrules: [unclosed\n');
    const configUri = pathToFileURL(join(dir, 'ecoplan.config.yaml')).toString();
    const client = new LspClient();
    try {
      await client.initialize(dir);
      const config = client.nextDiagnostics(configUri);
      client.open(pathToFileURL(join(dir, 'plan.md')).toString(), PLAN);
      const [d] = (await config).diagnostics;
      expect(d.range).toEqual({ start: { line: 2, character: 0 }, end: { line: 2, character: 0 } });
      expect(d.message).toMatch(/^配置文件格式错误,已使用默认设置:/);
    } finally {
      await client.stop();
    }
  });
});

describe('problems in the files beside the plans, in one language per UI (issue 21 item 6)', () => {
  const messagesIn = async (locale: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'ecoplan-fileproblems-'));
    writeFileSync(join(dir, 'ecoplan.config.yaml'), [...CONFIG.split('\n').slice(0, 5), 'colour: green', 'departments: ./部门.yaml', ''].join('\n'));
    writeFileSync(join(dir, '部门.yaml'), DIRECTORY);
    const client = new LspClient();
    try {
      await client.initialize(dir, {}, undefined, locale);
      const config = client.nextDiagnostics(pathToFileURL(join(dir, 'ecoplan.config.yaml')).toString());
      const directory = client.nextDiagnostics(pathToFileURL(join(dir, '部门.yaml')).toString());
      client.open(pathToFileURL(join(dir, 'plan.md')).toString(), PLAN);
      return [...(await config).diagnostics, ...(await directory).diagnostics].map((d) => `${d.range.start.line + 1} ${d.message}`);
    } finally {
      await client.stop();
    }
  };

  it('the Chinese UI: Chinese only', async () => {
    expect(await messagesIn('zh-cn')).toEqual([
      '2 level 应为 市 或 县',
      '4 unknown-department 的级别应为 error|warning|information|hint|off',
      '5 未知规则:no-such-rule',
      '6 未知配置项:colour(可用:catalogue、catalogues、level、terrain、citySize、period、departments、rules、parent、review)',
      '4 第 2 项:每个部门都需要 name',
    ]);
  });

  it('the English UI: English only', async () => {
    expect(await messagesIn('en')).toEqual([
      '2 level must be 市 or 县',
      '4 the severity of unknown-department must be error|warning|information|hint|off',
      '5 unknown rule: no-such-rule',
      '6 unknown key: colour (known: catalogue, catalogues, level, terrain, citySize, period, departments, rules, parent, review)',
      '4 entry 2: each department needs a `name`',
    ]);
  });
});
