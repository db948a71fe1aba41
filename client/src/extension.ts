import * as path from 'node:path';
import { commands, env, Position, Selection, StatusBarAlignment, Uri, window, workspace, type ExtensionContext, type StatusBarItem } from 'vscode';
import { TablesView, type TableKind } from './tablesView';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerWordImport } from './wordImport';

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
    diagnostics: { scope: c.get<string>('diagnostics.scope') ?? 'openFiles' },
  };
}

async function coverageOf(uri: string): Promise<Coverage | null> {
  if (!client) return null;
  return ((await client.sendRequest('workspace/executeCommand', { command: 'ecoplan.server.coverage', arguments: [uri] }).catch(() => null)) as Coverage | null) ?? null;
}

/** `EcoPlan: 设置方案级别与指标版本…`: two quick picks, then the server writes the front matter. */
async function setPlanSettings(uriArg?: string) {
  const uri = uriArg ?? window.activeTextEditor?.document.uri.toString();
  if (!uri || !client) return;
  const zh = !env.language.startsWith('en');
  const cov = await coverageOf(uri);
  if (!cov) {
    void window.showInformationMessage(zh ? 'EcoPlan:当前文件不是方案' : 'EcoPlan: this file is not a plan');
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
      { scheme: 'file', pattern: '**/*.plan.txt' },
    ],
    synchronize: { configurationSection: 'ecoplan', fileEvents: workspace.createFileSystemWatcher('**/{ecoplan.config.*,*.md,*.yaml,*.yml}') },
    // server messages follow the editor's language (zh-CN by default)
    initializationOptions: { settings: settings(), trusted: workspace.isTrusted, locale: env.language },
  };
  return new LanguageClient('ecoplan', 'EcoPlan', serverOptions, clientOptions);
}

async function refreshStatus() {
  if (!client || !status) return;
  const editor = window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'markdown') {
    status.hide();
    return;
  }
  const cov = await coverageOf(editor.document.uri.toString());
  if (!cov) {
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

export async function activate(context: ExtensionContext): Promise<void> {
  client = startClient(context);
  status = window.createStatusBarItem(StatusBarAlignment.Left, 50);
  // the coverage item opens the coverage report (as a live table)
  status.command = 'ecoplan.showTable.coverage';
  context.subscriptions.push(status);
  registerWordImport(context);

  context.subscriptions.push(
    commands.registerCommand('ecoplan.restartServer', async () => {
      await client?.restart();
      await refreshStatus();
    }),
    commands.registerCommand('ecoplan.setPlanSettings', (uri?: string) => setPlanSettings(uri)),
    commands.registerCommand('ecoplan.showCoverage', async () => {
      const editor = window.activeTextEditor;
      if (!editor || !client) return;
      const cov = await coverageOf(editor.document.uri.toString());
      const zh = !env.language.startsWith('en');
      if (!cov) {
        void window.showInformationMessage(zh ? 'EcoPlan:当前文件不是方案' : 'EcoPlan: this file is not a plan');
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
      commands.registerCommand(`ecoplan.showTable.${kind}`, () => {
        const editor = window.activeTextEditor;
        if (editor && client) TablesView.show(client, editor.document.uri, kind);
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
    workspace.onDidSaveTextDocument(() => void refreshStatus()),
    workspace.onDidChangeTextDocument(() => {
      clearTimeout(statusTimer);
      statusTimer = setTimeout(() => void refreshStatus(), 500);
    }),
    workspace.onDidGrantWorkspaceTrust(() => void commands.executeCommand('ecoplan.restartServer')),
  );
  await client.start();
  await refreshStatus();
}

let statusTimer: ReturnType<typeof setTimeout> | undefined;

export async function deactivate(): Promise<void> {
  await client?.stop();
}
