import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../server/src/cli/main';
import { runTable } from '../../server/src/cli/table';
import { analysePlan } from '../../server/src/core/analyse';
import { deriveTables } from '../../server/src/core/tables/deriveTables';
import { planFileKind, planFilesUnder } from '../../server/src/node/planFiles';
import { TABLE_KINDS } from '../../server/src/report/columns';
import { renderExport } from '../../server/src/report/export';
import { toCsv } from '../../server/src/report/render';
import { fileReport, type JsonFileReport } from '../../server/src/cli/jsonReport';
import { PlanWorkspace } from '../../server/src/lsp/planWorkspace';
import type { DocumentStore } from '../../server/src/lsp/planSource';

/**
 * The CLI and the server assemble a plan's settings through one adapter (node/planContext.ts):
 * for the same file and config they give the same analysis. The server side is a PlanWorkspace
 * over documents in memory (no process, no connection).
 */

function memoryDocuments(docs: TextDocument[] = []): DocumentStore {
  const byUri = new Map(docs.map((d) => [d.uri, d]));
  return { get: (uri) => byUri.get(uri), all: () => [...byUri.values()] };
}

/** A jurisdiction: a config with rule overrides, naming a directory file in a folder of its own. */
function jurisdiction(departments = '名录/部门.yaml') {
  const root = mkdtempSync(join(tmpdir(), 'ecoplan-adapter-'));
  mkdirSync(join(root, 'plans'));
  mkdirSync(join(root, '名录'));
  writeFileSync(join(root, '名录', '部门.yaml'), 'departments:\n  - {name: 县住房和城乡建设局, aliases: [县住建局]}\n  - {name: 县水务集团}\n');
  writeFileSync(join(root, 'ecoplan.config.yaml'), `rules:\n  missing-binding-indicators: off\n  vague-responsibility: error\n${departments ? `departments: ${departments}\n` : ''}`);
  return root;
}

const planWith = (setting = 'catalogue: national-2019') =>
  [
    '---',
    'ecoplan:',
    '  level: 县',
    `  ${setting}`,
    '---',
    '# 青石县创建国家生态文明建设示范县实施方案',
    '',
    '## 一、主要目标',
    '',
    '到2025年,城镇污水处理率达到80%以上,森林覆盖率稳中有升。',
    '',
    '## 二、重点任务',
    '',
    '(一)加强水污染防治',
    '',
    '1.推进城镇污水管网建设。(责任单位:县住建局、县水务集团)',
    '',
    '2.开展河湖清四乱行动。(责任单位:县河长办、县水利局)',
    '',
    '3.加强饮用水水源地保护。',
    '',
    '(二)推进绿色发展',
    '',
    '4.推广清洁能源。(责任单位:各有关部门)',
    '',
    '5.推进公共建筑节能改造。(责任单位:县发展改革局)',
    '',
  ].join('\n');

function cliReport(file: string): JsonFileReport {
  const out: string[] = [];
  const err: string[] = [];
  runCheck([file, '--format', 'json'], (s) => out.push(s), (s) => err.push(s));
  expect(err).toEqual([]);
  return JSON.parse(out.join('')).files[0];
}

function serverReport(root: string, file: string, open: boolean, settings: unknown = {}): JsonFileReport {
  const uri = pathToFileURL(file).toString();
  const docs = open ? [TextDocument.create(uri, 'markdown', 1, planText.get(file)!)] : [];
  const ws = new PlanWorkspace(memoryDocuments(docs));
  ws.folders = [root];
  expect(ws.updateSettings(settings)).toEqual([]);
  const a = ws.analysisOf(uri);
  expect(a).not.toBeNull();
  return fileReport(relative(process.cwd(), file), a!);
}

const planText = new Map<string, string>();
function writePlan(file: string, text: string) {
  writeFileSync(file, text);
  planText.set(file, text);
}

const summary = (r: JsonFileReport) => r.diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.severity} ${d.code} ${d.message}`);

const EXPECTED = [
  '9:7-9:21 error target-below-threshold 城镇污水处理率 目标 ≥80% 低于 2019 版(县)约束性指标 ≥85%',
  '9:22-9:27 warning renamed-indicator 「森林覆盖率」已更名为「林草覆盖率」',
  '9:22-9:31 information unquantified-target 林草覆盖率 的目标「稳中有升」未量化;2019 版参考性指标要求 山区 ≥60; 丘陵区 ≥40; 平原地区 ≥18; 干旱半干旱地区 ≥35; 青藏高原地区 ≥70(单位:%)(该指标值尚未核实)',
  '19:0-19:13 error missing-responsible-unit 任务 二.(一).3「加强饮用水水源地保护」未明确责任单位',
  // the config raises vague-responsibility to an error; missing-binding-indicators is off
  '23:9-23:21 error vague-responsibility 任务 二.(二).4「推广清洁能源」只有笼统的责任表述(各有关部门),未明确牵头单位',
  // 县住建局 is in the config's directory (an alias); 县发展改革局 is not
  '25:19-25:25 warning unknown-department 「县发展改革局」不在本地部门名录中;是否是:县发展和改革委员会?',
];

describe('one adapter: the CLI and the server give the same analysis for the same file and config', () => {
  it('a plan in a folder whose config names its directory (relative path) and overrides rules', () => {
    const root = jurisdiction();
    const file = join(root, 'plans', 'qingshi.md');
    writePlan(file, planWith());
    const cli = cliReport(file);
    expect(serverReport(root, file, false)).toEqual(cli);
    expect(serverReport(root, file, true)).toEqual(cli);
    expect(summary(cli)).toEqual(EXPECTED);
    expect(cli.tasks.map((t) => `${t.path} ${t.title} ${t.units.map((u) => `${u.role}:${u.name}`).join(',')}`)).toEqual([
      '二.(一).1 推进城镇污水管网建设 lead:县住建局,support:县水务集团',
      '二.(一).2 开展河湖清四乱行动 lead:县河长办,support:县水利局',
      '二.(一).3 加强饮用水水源地保护 ',
      '二.(二).4 推广清洁能源 ',
      '二.(二).5 推进公共建筑节能改造 lead:县发展改革局',
    ]);
    expect(cli.targets.map((t) => `${t.range.start.line}:${t.range.start.character} ${t.indicator} ${t.op} ${t.value ?? t.text}`)).toEqual(['9:7 城镇污水处理率 >= 80', '9:22 林草覆盖率 trend 稳中有升']);
  });

  it('a directory named in the front matter is refused by both, at its line, and not read (a plan may come from someone else)', () => {
    const root = jurisdiction('');
    const file = join(root, 'plans', 'qingshi.md');
    writePlan(file, planWith(`departments: ${JSON.stringify(join(root, '名录', '部门.yaml'))}`));
    const cli = cliReport(file);
    expect(serverReport(root, file, true)).toEqual(cli);
    expect(serverReport(root, file, false)).toEqual(cli);
    expect(summary(cli).filter((d) => /invalid-settings|县住建局|县水务集团/.test(d))).toEqual([
      `3:15-3:${15 + JSON.stringify(join(root, '名录', '部门.yaml')).length} error invalid-settings departments 不能写在方案的 front matter 中:方案文件可能来自他人,不能由它决定读取哪个本地文件;请写在 ecoplan.config.yaml 中(或编辑器设置 ecoplan.departments)`,
      // the built-in directory: 县住建局 is known there, 县水务集团 is not
      '15:24-15:29 hint unknown-department 「县水务集团」不在内置部门名录中;是否是:县水利局?',
    ]);
  });

  it('a directory the config names outside its folder is refused by both, with the same problem, and not read', () => {
    const root = jurisdiction('../outside.yaml');
    writeFileSync(join(root, '..', 'outside.yaml'), 'departments:\n  - {name: 县发展改革局}\n');
    const file = join(root, 'plans', 'qingshi.md');
    writePlan(file, planWith());
    const err: string[] = [];
    runCheck([file, '--format', 'json'], () => {}, (s) => err.push(s));
    expect(err).toEqual([`ecoplan: ${join(root, 'ecoplan.config.yaml')}:4: ../outside.yaml 不在配置文件所在目录内,未读取`]);
    const uri = pathToFileURL(file).toString();
    const ws = new PlanWorkspace(memoryDocuments([TextDocument.create(uri, 'markdown', 1, planText.get(file)!)]));
    ws.folders = [root];
    const a = ws.analysisOf(uri)!;
    expect(ws.fileProblems.get(join(root, 'ecoplan.config.yaml'))).toEqual([{ file: join(root, 'ecoplan.config.yaml'), line: 4, message: { zh: '../outside.yaml 不在配置文件所在目录或工作区内,未读取', en: "../outside.yaml is outside the config's folder and the workspace, not read" } }]);
    // the built-in directory, not the file outside
    expect(a.diagnostics.filter((d) => d.code === 'unknown-department').map((d) => d.message)).toEqual(['「县水务集团」不在内置部门名录中;是否是:县水利局?', '「县发展改革局」不在内置部门名录中;是否是:县发展和改革委员会?']);
  });

  it("the editor's rules apply under the config's, code by code (the CLI has no such source)", () => {
    const root = jurisdiction();
    const file = join(root, 'plans', 'qingshi.md');
    writePlan(file, planWith());
    const server = serverReport(root, file, true, { rules: { 'vague-responsibility': 'hint', 'unknown-department': 'off', 'missing-binding-indicators': 'warning' } });
    // vague-responsibility stays the config's error; unknown-department is turned off by the editor;
    // missing-binding-indicators stays off (the config's)
    expect(summary(server)).toEqual(EXPECTED.slice(0, 5));
  });
});

describe('one adapter: where settings come from', () => {
  it("the editor's ecoplan.departments is read against the plan's own workspace folder (was the first folder), as the add-to-directory fix writes it", () => {
    const other = mkdtempSync(join(tmpdir(), 'ecoplan-other-'));
    const root = mkdtempSync(join(tmpdir(), 'ecoplan-root-'));
    writeFileSync(join(root, '部门.yaml'), 'departments:\n  - {name: 县发展改革局}\n');
    const file = join(root, 'plan.md');
    const text = planWith();
    writeFileSync(file, text);
    const uri = pathToFileURL(file).toString();
    const ws = new PlanWorkspace(memoryDocuments([TextDocument.create(uri, 'markdown', 1, text)]));
    ws.folders = [other, root];
    ws.updateSettings({ departments: '部门.yaml' });
    const codes = ws.analysisOf(uri)!.diagnostics.filter((d) => d.code === 'unknown-department').map((d) => d.message);
    // 县发展改革局 is in the folder's file (read against the first folder, it was unknown to the built-in list)
    expect(codes).toEqual(['「县水务集团」不在本地部门名录中;是否是:县水利局?']);
    expect(ws.directoryTarget(uri, text)).toEqual({ file: join(root, '部门.yaml'), exists: true, configPath: null, configExists: false });
  });
});

describe('the trust boundary in the editor (issue 22)', () => {
  it('ecoplan.departments outside the workspace is not read, and the add-to-directory fix never writes outside the workspace folders', () => {
    const outer = mkdtempSync(join(tmpdir(), 'ecoplan-outer-'));
    const root = join(outer, 'ws');
    mkdirSync(root);
    writeFileSync(join(outer, '部门.yaml'), 'departments:\n  - {name: 县水务集团}\n');
    const file = join(root, 'plan.md');
    const text = planWith();
    writeFileSync(file, text);
    const uri = pathToFileURL(file).toString();
    const ws = new PlanWorkspace(memoryDocuments([TextDocument.create(uri, 'markdown', 1, text)]));
    ws.folders = [root];
    ws.updateSettings({ departments: '../部门.yaml' });
    const a = ws.analysisOf(uri)!;
    expect(a.diagnostics.filter((d) => d.code === 'unknown-department').map((d) => d.message)).toContain('「县水务集团」不在内置部门名录中;是否是:县水利局?');
    expect(ws.fileProblems.get(join(outer, '部门.yaml'))).toEqual([
      { file: join(outer, '部门.yaml'), line: null, message: { zh: '不在工作区内,未读取(ecoplan.departments 应指向工作区中的文件)', en: 'outside the workspace, not read (ecoplan.departments must name a file in the workspace)' } },
    ]);
    expect(ws.directoryTarget(uri, text)).toBeNull();
    // a config above the workspace folder (found walking up) is not edited either
    ws.updateSettings({});
    writeFileSync(join(outer, 'ecoplan.config.yaml'), 'level: 县\n');
    expect(ws.directoryTarget(uri, text)).toBeNull();
  });
});

describe('one walk: which files under a folder are plans (node/planFiles.ts)', () => {
  it('skips dot-folders, node_modules, Word lock files and folders deeper than 8; the CLI checks every candidate, the server the ones that declare a plan', () => {
    const root = mkdtempSync(join(tmpdir(), 'ecoplan-walk-'));
    const plan = ['---', 'ecoplan:', '  level: 县', '---', '# 青石县创建国家生态文明建设示范县实施方案', '', '## 二、重点任务', '', '1.推广清洁能源。(责任单位:县发展改革局)', ''].join('\n');
    for (const d of ['.git', 'node_modules', 'a/b/c/d/e/f/g/h/i', '草稿']) mkdirSync(join(root, d), { recursive: true });
    writeFileSync(join(root, '.git', 'x.md'), plan);
    writeFileSync(join(root, 'node_modules', 'x.md'), plan);
    writeFileSync(join(root, 'a/b/c/d/e/f/g/h/i', 'deep.md'), plan);
    writeFileSync(join(root, 'a/b/c/d/e/f/g/h', 'eight.md'), plan);
    writeFileSync(join(root, '草稿', 'notes.txt'), '会议记录');
    writeFileSync(join(root, 'README.md'), '# 说明');
    writeFileSync(join(root, 'plan.md'), plan);
    writeFileSync(join(root, '~$plan.docx'), 'lock');
    writeFileSync(join(root, 'plan.docx'), 'not really a docx');
    writeFileSync(join(root, 'old.doc'), 'legacy');
    const problems: string[] = [];
    const listed = planFilesUnder([root], { onProblem: (p) => problems.push(p) }).map((f) => `${f.kind} ${relative(root, f.path)}`);
    expect(listed).toEqual(['text README.md', 'text a/b/c/d/e/f/g/h/eight.md', 'legacy-word old.doc', 'word plan.docx', 'text plan.md', 'text 草稿/notes.txt']);
    expect(problems).toEqual([`${join(root, 'a/b/c/d/e/f/g/h/i')}: 目录层级超过 8 层,未检查 / nested deeper than 8 folders, not checked`]);
    expect(planFileKind('~$方案.docx')).toBeNull();
    expect(planFileKind('方案.DOCX')).toBe('word');

    // the CLI (without the Word bundle loaded) checks the text candidates and says what it left out
    const out: string[] = [];
    const err: string[] = [];
    const code = runCheck([root, '--format', 'json'], (s) => out.push(s), (s) => err.push(s));
    expect(JSON.parse(out.join('')).files.map((f: { path: string }) => relative(root, f.path))).toEqual(['README.md', 'a/b/c/d/e/f/g/h/eight.md', 'plan.md', '草稿/notes.txt']);
    expect(err).toEqual([`ecoplan: ${problems[0]}`]);
    expect(code).toBe(2);

    // the server: the same walk, then only files that declare a plan (or match ecoplan.include)
    const ws = new PlanWorkspace(memoryDocuments());
    ws.folders = [root];
    expect(ws.allPlanUris().map((u) => relative(root, fileURLToPath(u)))).toEqual(['a/b/c/d/e/f/g/h/eight.md', 'plan.md']);
    expect(ws.allWordUris().map((u) => relative(root, fileURLToPath(u)))).toEqual(['plan.docx']);
  });
});

describe('one export: the table files of `ecoplan table` and of the server are named alike (report/export.ts)', () => {
  it('several CSV tables: one file each, named after the table', async () => {
    const root = jurisdiction();
    const file = join(root, 'plans', 'qingshi.md');
    writePlan(file, planWith('../名录/部门.yaml'));
    const files = await renderExport(deriveTables(analysePlan(planText.get(file)!, { uri: 'qingshi.md' })), TABLE_KINDS, 'csv', join(root, 'out.csv'));
    expect(files.map((f) => relative(root, f.file!))).toEqual(['out-指标责任明细表.csv', 'out-任务责任分解表.csv', 'out-部门任务清单.csv', 'out-覆盖报告.csv']);
    const err: string[] = [];
    const code = await runTable([file, '--kind', 'all', '--format', 'csv', '-o', join(root, 'plans', '附表')], () => {}, (s) => err.push(s));
    expect([code, err]).toEqual([0, []]);
    expect(readdirSync(join(root, 'plans')).sort()).toEqual(['qingshi.md', '附表-任务责任分解表.csv', '附表-指标责任明细表.csv', '附表-覆盖报告.csv', '附表-部门任务清单.csv']);
    expect(readFileSync(join(root, 'plans', '附表-任务责任分解表.csv'), 'utf8')).toBe(toCsv(deriveTables(analysePlan(planText.get(file)!, { uri: file })), 'tasks'));
  });
});
