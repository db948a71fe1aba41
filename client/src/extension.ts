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
}

function settings() {
  const c = workspace.getConfiguration('ecoplan');
  return { catalogue: c.get<string>('catalogue') || undefined, level: c.get<string>('level') || undefined, departments: c.get<string>('departments') || undefined, rules: c.get<Record<string, string>>('rules') ?? {}, include: c.get<string[]>('include') ?? [] };
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
  const cov = (await client.sendRequest('workspace/executeCommand', { command: 'ecoplan.server.coverage', arguments: [editor.document.uri.toString()] }).catch(() => null)) as Coverage | null;
  if (!cov) {
    status.hide();
    return;
  }
  const zh = !env.language.startsWith('en');
  status.text = `$(checklist) ${cov.binding.covered}/${cov.binding.total} ${zh ? '约束性' : 'binding'} · $(error) ${cov.errors} $(warning) ${cov.warnings}`;
  status.tooltip = zh
    ? `约束性指标覆盖 ${cov.binding.covered}/${cov.binding.total}${cov.binding.missing.length ? `\n未涉及:${cov.binding.missing.join('、')}` : ''}\n任务 ${cov.tasks} 项,无责任单位 ${cov.tasksWithoutUnit} 项`
    : `Binding indicators covered ${cov.binding.covered}/${cov.binding.total}\nTasks ${cov.tasks}, without unit ${cov.tasksWithoutUnit}`;
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
    commands.registerCommand('ecoplan.showCoverage', async () => {
      const editor = window.activeTextEditor;
      if (!editor || !client) return;
      const cov = (await client.sendRequest('workspace/executeCommand', { command: 'ecoplan.server.coverage', arguments: [editor.document.uri.toString()] })) as Coverage | null;
      if (!cov) {
        void window.showInformationMessage('EcoPlan: 当前文件不是方案 / not a plan');
        return;
      }
      const lines = [
        `# EcoPlan 覆盖报告 / coverage`,
        '',
        `- 指标体系 / catalogue: ${cov.edition}(${cov.level ?? '市'})`,
        `- 约束性指标 / binding: ${cov.binding.covered}/${cov.binding.total}`,
        `- 任务 / tasks: ${cov.tasks};无责任单位 / without unit: ${cov.tasksWithoutUnit}`,
        `- 错误 / errors: ${cov.errors};警告 / warnings: ${cov.warnings}`,
        '',
        '## 未涉及的约束性指标 / binding indicators not addressed',
        ...(cov.binding.missing.length > 0 ? cov.binding.missing.map((m) => `- ${m}`) : ['- (无 / none)']),
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
    // used by the server's "add a responsibility clause" fix to put the cursor inside the new clause
    commands.registerCommand('ecoplan.client.placeCursor', (uri: string, pos: { line: number; character: number }) => {
      const editor = window.visibleTextEditors.find((e) => e.document.uri.toString() === Uri.parse(uri).toString());
      if (!editor) return;
      const p = new Position(pos.line, pos.character);
      editor.selection = new Selection(p, p);
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
