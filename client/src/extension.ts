import * as path from 'node:path';
import { commands, ConfigurationTarget, env, Position, Selection, StatusBarAlignment, Uri, window, workspace, type ExtensionContext, type StatusBarItem, type TextDocument } from 'vscode';
import { TablesView, type TableKind } from './tablesView';
import { ReviewOverview } from './reviewView';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerWordImport } from './wordImport';
import { exportWordAsking } from './wordExport';
import { registerWordView, WORD_SCHEME } from './wordView';
import { registerDraftDiff } from './draftDiff';

let client: LanguageClient | undefined;
let status: StatusBarItem | undefined;

interface Coverage {
  binding: { covered: number; total: number; missing: string[] };
  errors: number;
  warnings: number;
  tasks: number;
  tasksWithoutUnit: number;
  edition: string;
  level: string | null;
  /** What the plan is checked against and why, in the UI language (server: lsp/presentation/planLevel.ts). */
  summary: { level: string; edition: string; from: string; fromDetail: string; editionTitle: string; place?: string; placeDetail?: string };
  editions: { id: string; title: string; document: string | null; levels: string[]; complete: boolean }[];
}

/** Only what the user set counts: an unset `ecoplan.level` leaves the level to the plan itself. */
function settings() {
  const c = workspace.getConfiguration('ecoplan');
  return {
    catalogue: c.get<string>('catalogue') || undefined,
    level: c.get<string>('level') || undefined,
    departments: c.get<string>('departments') || undefined,
    rules: c.get<Record<string, string>>('rules') ?? {},
    include: c.get<string[]>('include') ?? [],
    exclude: c.get<string[]>('exclude') ?? [],
    diagnostics: { scope: c.get<string>('diagnostics.scope') ?? 'openFiles' },
  };
}

async function coverageOf(uri: string): Promise<Coverage | null> {
  if (!client) return null;
  return ((await client.sendRequest('workspace/executeCommand', { command: 'ecoplan.server.coverage', arguments: [uri] }).catch(() => null)) as Coverage | null) ?? null;
}

/** The documents the server is sent (documentSelector): Markdown and plain text; it decides which are plans. */
const PLAN_LANGUAGES = new Set(['markdown', 'plaintext']);
const isCandidate = (doc: TextDocument) => PLAN_LANGUAGES.has(doc.languageId) && ['file', 'untitled', 'ecoplan-word'].includes(doc.uri.scheme);

type PlanStatus = 'declared' | 'included' | 'content' | 'excluded' | 'not-a-plan' | 'unreadable';

/**
 * A command that needs a plan was run on a file that is not one: say why, and offer to check it
 * as a plan (its path is added to `ecoplan.include` of the workspace) or to open the setting that
 * excludes it.
 */
async function explainNotAPlan(uri: Uri): Promise<void> {
  const zh = !env.language.startsWith('en');
  const r = (client ? await client.sendRequest('workspace/executeCommand', { command: 'ecoplan.server.planStatus', arguments: [uri.toString()] }).catch(() => null) : null) as { status: PlanStatus } | null;
  const name = uri.path.split('/').pop() ?? '';
  if (r?.status === 'excluded') {
    const open = zh ? '打开设置' : 'Open settings';
    const pick = await window.showInformationMessage(zh ? `EcoPlan:${name} 被设置 ecoplan.exclude 排除,不作为方案检查` : `EcoPlan: ${name} is excluded by the ecoplan.exclude setting and is not checked as a plan`, open);
    if (pick === open) await commands.executeCommand('workbench.action.openSettings', 'ecoplan.exclude');
    return;
  }
  const checkIt = zh ? '按方案检查此文件' : 'Check this file as a plan';
  const message = zh
    ? `EcoPlan:${name} 未被识别为方案(没有 ecoplan: front matter,不在 ecoplan.include 中,内容也不像方案)`
    : `EcoPlan: ${name} is not recognised as a plan (no ecoplan: front matter, not in ecoplan.include, and its content does not read as a plan)`;
  if ((await window.showInformationMessage(message, checkIt)) !== checkIt) return;
  const config = workspace.getConfiguration('ecoplan', uri);
  const pattern = workspace.getWorkspaceFolder(uri) ? workspace.asRelativePath(uri, false) : name;
  const include = config.get<string[]>('include') ?? [];
  if (!include.includes(pattern)) await config.update('include', [...include, pattern], workspace.workspaceFolders ? ConfigurationTarget.Workspace : ConfigurationTarget.Global);
  scheduleRefresh(1000);
}

/** `EcoPlan: 导出为 Word…`: the active plan as a GB/T 9704 .docx beside it, with or without the 附件 tables. */
async function exportWord() {
  const editor = window.activeTextEditor;
  if (!editor || !client) return;
  const zh = !env.language.startsWith('en');
  if (!(await coverageOf(editor.document.uri.toString()))) return explainNotAPlan(editor.document.uri);
  const choices = [
    { label: zh ? '正文' : 'The plan', withTables: false },
    { label: zh ? '正文和附件表格(指标责任明细表、任务责任分解表)' : 'The plan and the annex tables (indicators, tasks)', withTables: true },
  ];
  const pick = await window.showQuickPick(choices, { title: zh ? '导出为 Word' : 'Export as Word' });
  if (!pick) return;
  if (editor.document.isDirty) await editor.document.save();
  const r = await exportWordAsking(client, editor.document.uri.toString(), pick.withTables, zh);
  if (r === 'cancelled') return;
  if (!r || r.error || !r.file) {
    void window.showErrorMessage(`EcoPlan: ${r?.error ?? (zh ? '导出失败' : 'export failed')}`);
    return;
  }
  const name = r.file.split(/[\\/]/).pop();
  const kept = r.keptTags ? (zh ? `(${r.keptTags} 处标记保留原样)` : ` (${r.keptTags} tag(s) kept as written)`) : '';
  const reveal = zh ? '在文件夹中显示' : 'Reveal in folder';
  if ((await window.showInformationMessage(zh ? `EcoPlan:已导出 ${name}${kept}` : `EcoPlan: exported ${name}${kept}`, reveal)) === reveal) await commands.executeCommand('revealFileInOS', Uri.file(r.file));
}

/** `EcoPlan: 设置方案级别与指标版本…`: two quick picks, then the server writes the front matter. */
async function setPlanSettings(uriArg?: string) {
  const uri = uriArg ?? window.activeTextEditor?.document.uri.toString();
  if (!uri || !client) return;
  const zh = !env.language.startsWith('en');
  const cov = await coverageOf(uri);
  if (!cov) {
    await explainNotAPlan(Uri.parse(uri));
    return;
  }
  const levels = [
    { label: '县', description: zh ? '县级:县、县级市、市辖区' : 'county level: county, county-level city, district' },
    { label: '市', description: zh ? '市级:设区的市、地区、自治州、盟' : 'city level: prefecture-level city, prefecture, league' },
  ];
  const level = await window.showQuickPick(levels, {
    title: zh ? '方案级别' : 'Plan level',
    placeHolder: zh ? `当前:按${cov.summary.level}指标检查(${cov.summary.fromDetail})` : `Now: ${cov.summary.level} (${cov.summary.fromDetail})`,
  });
  if (!level) return;
  const editions = cov.editions
    .filter((e) => e.levels.includes(level.label))
    .map((e) => ({ label: e.id, description: `${e.title}${e.document ? `(${e.document})` : ''}`, detail: e.complete ? undefined : zh ? '数据不完整:部分检查不可用' : 'incomplete data: some checks are silent' }));
  editions.sort((a, b) => (a.label === cov.edition ? -1 : b.label === cov.edition ? 1 : 0));
  const edition = await window.showQuickPick(editions, { title: zh ? '指标体系版本' : 'Catalogue edition', placeHolder: zh ? `当前:${cov.edition}` : `Now: ${cov.edition}` });
  if (!edition) return;
  const r = (await client.sendRequest('workspace/executeCommand', { command: 'ecoplan.server.setPlanSettings', arguments: [uri, { level: level.label, catalogue: edition.label }] })) as { applied: boolean; reason?: string } | null;
  if (r && !r.applied && r.reason) void window.showWarningMessage(`EcoPlan: ${r.reason}`);
  await refreshStatus();
}

function startClient(context: ExtensionContext): LanguageClient {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'markdown' },
      // plain text too: a pasted plan in a .txt is checked when its content reads as a plan (the server decides)
      { scheme: 'file', language: 'plaintext' },
      { scheme: 'untitled', language: 'plaintext' },
      // a .docx's plan in the read-only view (wordView.ts): checked as a plan, problems at their lines
      { scheme: WORD_SCHEME, language: 'markdown' },
      { scheme: 'file', pattern: '**/*.plan.txt' },
    ],
    synchronize: { configurationSection: 'ecoplan', fileEvents: workspace.createFileSystemWatcher('**/{ecoplan.config.*,*.md,*.yaml,*.yml}') },
    // server messages follow the editor's language (zh-CN by default)
    initializationOptions: { settings: settings(), trusted: workspace.isTrusted, locale: env.language, wordView: WORD_SCHEME },
  };
  return new LanguageClient('ecoplan', 'EcoPlan', serverOptions, clientOptions);
}

let refreshes = 0;

/**
 * The status item follows the active editor and the settings: shown for a plan, hidden for anything
 * else (no editor, another file, a file that is not a plan). Only the latest refresh applies: an
 * older one that answers late (the server was busy) must not show the previous plan again.
 */
async function refreshStatus() {
  if (!client || !status) return;
  const mine = ++refreshes;
  const editor = window.activeTextEditor;
  if (!editor || !isCandidate(editor.document)) {
    status.hide();
    return;
  }
  const cov = await coverageOf(editor.document.uri.toString());
  if (mine !== refreshes) return;
  if (!cov || window.activeTextEditor?.document !== editor.document) {
    status.hide();
    return;
  }
  const zh = !env.language.startsWith('en');
  const l = cov.summary;
  // 县级 · 2019版 · 2/19 约束性: what the plan is checked against, where the drafter looks
  // 余姚市 · 县级 · 2019版: the place first when it is known
  status.text = `$(checklist) ${l.place ? `${l.place} · ` : ''}${l.level} · ${l.edition} · ${cov.binding.covered}/${cov.binding.total} ${zh ? '约束性' : 'binding'} · $(error) ${cov.errors} $(warning) ${cov.warnings}`;
  status.tooltip = zh
    ? [...(l.placeDetail ? [`行政区划:${l.placeDetail}`] : []), `按${l.level}指标检查(${l.fromDetail})`, `指标体系:${l.editionTitle}`, `约束性指标覆盖 ${cov.binding.covered}/${cov.binding.total}${cov.binding.missing.length ? `,未设定目标:${cov.binding.missing.slice(0, 5).join('、')}${cov.binding.missing.length > 5 ? ` 等 ${cov.binding.missing.length} 项` : ''}` : ''}`, `任务 ${cov.tasks} 项,无责任单位 ${cov.tasksWithoutUnit} 项`, '点击打开覆盖报告;更改级别与版本:命令「EcoPlan: 设置方案级别与指标版本…」'].join('\n')
    : [...(l.placeDetail ? [`Place: ${l.placeDetail}`] : []), `Checked against ${l.level} indicators (${l.fromDetail})`, `Catalogue: ${l.editionTitle}`, `Binding indicators covered ${cov.binding.covered}/${cov.binding.total}`, `Tasks ${cov.tasks}, without unit ${cov.tasksWithoutUnit}`, 'Click for the coverage report; change the level: "EcoPlan: Set the plan level and catalogue edition…"'].join('\n');
  status.show();
}

let statusTimer: ReturnType<typeof setTimeout> | undefined;

/** Refresh the status item once the server has caught up (its lenses it refreshes itself: workspace/codeLens/refresh). */
function scheduleRefresh(ms: number) {
  clearTimeout(statusTimer);
  statusTimer = setTimeout(() => void refreshStatus(), ms);
}

export async function activate(context: ExtensionContext): Promise<void> {
  client = startClient(context);
  status = window.createStatusBarItem(StatusBarAlignment.Left, 50);
  // the coverage item opens the coverage report (as a live table)
  status.command = 'ecoplan.showTable.coverage';
  context.subscriptions.push(status);
  registerWordImport(context);
  registerWordView(context, () => client);
  registerDraftDiff(context, () => client);

  context.subscriptions.push(
    commands.registerCommand('ecoplan.restartServer', async () => {
      await client?.restart();
      await refreshStatus();
    }),
    commands.registerCommand('ecoplan.setPlanSettings', (uri?: string) => setPlanSettings(uri)),
    commands.registerCommand('ecoplan.exportWord', () => exportWord()),
    commands.registerCommand('ecoplan.reviewOverview', () => client && ReviewOverview.show(client)),
    commands.registerCommand('ecoplan.showCoverage', async () => {
      const editor = window.activeTextEditor;
      if (!editor || !client) return;
      const cov = await coverageOf(editor.document.uri.toString());
      const zh = !env.language.startsWith('en');
      if (!cov) {
        await explainNotAPlan(editor.document.uri);
        return;
      }
      const l = cov.summary;
      const lines = zh
        ? [
            '# EcoPlan 覆盖摘要',
            '',
            `- 按${l.level}指标检查(${l.fromDetail})`,
            `- 指标体系:${l.editionTitle}`,
            `- 约束性指标:${cov.binding.covered}/${cov.binding.total}`,
            `- 任务:${cov.tasks} 项;无责任单位:${cov.tasksWithoutUnit} 项`,
            `- 错误:${cov.errors};警告:${cov.warnings}`,
            '',
            '## 未设定目标的约束性指标',
            '',
            ...(cov.binding.missing.length > 0 ? cov.binding.missing.map((m) => `- ${m}`) : ['- (无)']),
          ]
        : [
            '# EcoPlan coverage summary',
            '',
            `- Checked against ${l.level} indicators (${l.fromDetail})`,
            `- Catalogue: ${l.editionTitle}`,
            `- Binding indicators: ${cov.binding.covered}/${cov.binding.total}`,
            `- Tasks: ${cov.tasks}; without unit: ${cov.tasksWithoutUnit}`,
            `- Errors: ${cov.errors}; warnings: ${cov.warnings}`,
            '',
            '## Binding indicators without a target',
            '',
            ...(cov.binding.missing.length > 0 ? cov.binding.missing.map((m) => `- ${m}`) : ['- (none)']),
          ];
      const doc = await workspace.openTextDocument({ language: 'markdown', content: lines.join('\n') });
      await window.showTextDocument(doc, { preview: true, viewColumn: -2 });
    }),
    ...(['indicators', 'tasks', 'departments', 'coverage'] as TableKind[]).map((kind) =>
      commands.registerCommand(`ecoplan.showTable.${kind}`, async () => {
        const editor = window.activeTextEditor;
        if (!editor || !client) return;
        // not an empty table with no word: say that the file is not a plan, and offer to check it as one
        if (!(await coverageOf(editor.document.uri.toString()))) return explainNotAPlan(editor.document.uri);
        TablesView.show(client, editor.document.uri, kind);
      }),
    ),
    // used by the server's "add a responsibility clause" fix: the cursor goes inside the new clause
    // and, when asked, the department list opens there
    commands.registerCommand('ecoplan.client.placeCursor', async (uri: string, pos: { line: number; character: number }, suggest?: boolean) => {
      const editor = window.visibleTextEditors.find((e) => e.document.uri.toString() === Uri.parse(uri).toString());
      if (!editor) return;
      const p = new Position(pos.line, pos.character);
      editor.selection = new Selection(p, p);
      if (suggest) {
        await window.showTextDocument(editor.document, { viewColumn: editor.viewColumn, preserveFocus: false });
        await commands.executeCommand('editor.action.triggerSuggest');
      }
    }),
    window.onDidChangeActiveTextEditor(() => void refreshStatus()),
    // "Close All Editors" leaves no visible editor: hide at once
    window.onDidChangeVisibleTextEditors((editors) => {
      if (editors.length === 0) void refreshStatus();
    }),
    workspace.onDidSaveTextDocument(() => void refreshStatus()),
    workspace.onDidCloseTextDocument(() => void refreshStatus()),
    workspace.onDidChangeTextDocument((e) => {
      if (e.document === window.activeTextEditor?.document) scheduleRefresh(500);
    }),
    // a settings change (ecoplan.include, level, catalogue…) can make the open file a plan or not:
    // refresh once the server has re-analysed (it is told by the client's configuration sync)
    workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('ecoplan')) scheduleRefresh(800);
    }),
    workspace.onDidGrantWorkspaceTrust(() => void commands.executeCommand('ecoplan.restartServer')),
  );
  await client.start();
  await refreshStatus();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
