import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  createConnection,
  DidChangeConfigurationNotification,
  ErrorCodes,
  ProposedFeatures,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type InitializeResult,
  type Message,
  type MessageStrategy,
} from 'vscode-languageserver/node';
import type { LocalizedText } from '../core/model/types';
import { localize } from '../core/locale';
import { noteActivity, noteTrigger, whenIdle } from './idle';
import { paramsProblem } from './validate';
import { registerCodeActions } from './features/codeActions';
import { registerCodeLens } from './features/codeLens';
import { prepareCompletion, registerCompletion } from './features/completion';
import { registerDefinition } from './features/definition';
import { registerDiagnostics } from './features/diagnostics';
import { registerDocumentSymbols } from './features/documentSymbols';
import { registerFolding } from './features/folding';
import { registerHover } from './features/hover';
import { registerInlayHints } from './features/inlayHints';
import { registerReferences } from './features/references';
import { registerRename } from './features/rename';
import { registerSelectionRanges } from './features/selectionRanges';
import { registerSemanticTokens, semanticTokensLegend } from './features/semanticTokens';
import { registerWorkspaceSymbols } from './features/workspaceSymbols';
import { PlanWorkspace, toPath } from './planWorkspace';
import { consoleToClient, stdioWriter } from './publishWriter';
import { COMMANDS, registerCommands } from './features/commands';

// The language server: a thin shell over the core. Each editor feature lives in features/<name>.ts.

/** A request with malformed params is answered by this method's handler: InvalidParams, saying what is wrong. */
const INVALID_PARAMS = 'ecoplan/$invalidParams';

/** An edit that types one completion trigger character (see completionProvider.triggerCharacters). */
const TRIGGER_TEXT = /^(?:[@\uFF20\[\u3010:\uFF1A、])$/;

/**
 * Every incoming message is checked against the shape its method requires (validate.ts) before a
 * handler sees it: a malformed notification is logged and dropped (nothing malformed is stored),
 * a malformed request is answered with InvalidParams. Responses to the server's own requests pass.
 */
const validatingStrategy: MessageStrategy = {
  handleMessage(message: Message, next: (message: Message) => void) {
    noteActivity();
    const m = message as { method?: unknown; params?: unknown; id?: unknown };
    if (typeof m.method !== 'string') return next(message);
    const problem = paramsProblem(m.method, m.params);
    if (!problem) {
      if (m.method === 'textDocument/didChange') {
        const changes = (m.params as { contentChanges: { text: string }[] }).contentChanges;
        if (changes.length === 1 && TRIGGER_TEXT.test(changes[0].text)) noteTrigger();
      }
      return next(message);
    }
    const text = localize(problem, workspace.locale);
    if (m.id === undefined) {
      connection.console.warn(localize({ zh: `已忽略无效的 ${m.method} 通知:${text}`, en: `Ignored an invalid ${m.method} notification: ${text}` }, workspace.locale));
      return;
    }
    next({ ...message, method: INVALID_PARAMS, params: { method: m.method, problem: text } } as Message);
  },
};

// Over stdio the server writes with its own encoder for publishDiagnostics (publishWriter.ts); the
// library reads stdin as it would (and ends the process when stdin closes). IPC and sockets: as set up by the library.
const stdio = process.argv.includes('--stdio');
const connection = stdio
  ? // vscode-jsonrpc takes a MessageWriter where a stream is typed (createMessageConnection wraps only streams)
    createConnection(ProposedFeatures.all, process.stdin, stdioWriter() as unknown as NodeJS.WritableStream, { messageStrategy: validatingStrategy })
  : createConnection(ProposedFeatures.all, { messageStrategy: validatingStrategy });
if (stdio) consoleToClient(connection);
const documents = new TextDocuments(TextDocument);
const workspace = new PlanWorkspace(documents);

connection.onRequest(INVALID_PARAMS, (p: { method: string; problem: string }) => {
  const text = localize({ zh: `无效的 ${p.method} 请求:${p.problem}`, en: `Invalid ${p.method} request: ${p.problem}` }, workspace.locale);
  connection.console.warn(text);
  throw new ResponseError(ErrorCodes.InvalidParams, text);
});

const logSettingsProblems = (problems: LocalizedText[]) => {
  for (const p of problems) connection.console.warn(localize(p, workspace.locale));
};

// Nothing a client sends may end the server: an error that escapes a timer is logged, not fatal.
process.on('uncaughtException', (e) => connection.console.error(`EcoPlan: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`));

let pullDiagnostics = false;
let configurationSupport = false;

connection.onInitialize((params): InitializeResult => {
  const locale = params.locale ?? (params.initializationOptions as { locale?: unknown } | undefined)?.locale;
  workspace.locale = typeof locale === 'string' && locale.toLowerCase().startsWith('en') ? 'en' : 'zh';
  const init = (params.initializationOptions ?? {}) as { settings?: unknown; trusted?: unknown };
  if (init.settings !== undefined) logSettingsProblems(workspace.updateSettings(init.settings));
  if (init.trusted === false) workspace.trusted = false;
  workspace.folders = (params.workspaceFolders ?? []).map((f) => toPath(f.uri)).filter((p): p is string => !!p);
  if (workspace.folders.length === 0 && params.rootUri) {
    const root = toPath(params.rootUri);
    if (root) workspace.folders = [root];
  }
  pullDiagnostics = !!params.capabilities.textDocument?.diagnostic;
  workspace.canCreateFiles = !!params.capabilities.workspace?.workspaceEdit?.resourceOperations?.includes('create');
  configurationSupport = !!params.capabilities.workspace?.configuration;
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      diagnosticProvider: { identifier: 'ecoplan', interFileDependencies: false, workspaceDiagnostics: true },
      completionProvider: { triggerCharacters: ['@', '\uFF20', '[', '\u3010', ':', '\uFF1A', '、', ' '], resolveProvider: false },
      hoverProvider: true,
      definitionProvider: true,
      referencesProvider: true,
      renameProvider: { prepareProvider: true },
      documentSymbolProvider: true,
      workspaceSymbolProvider: true,
      foldingRangeProvider: true,
      selectionRangeProvider: true,
      codeActionProvider: { codeActionKinds: ['quickfix', 'refactor.rewrite'] },
      inlayHintProvider: true,
      codeLensProvider: { resolveProvider: false },
      semanticTokensProvider: { legend: semanticTokensLegend, full: true },
      executeCommandProvider: { commands: Object.values(COMMANDS) },
    },
    serverInfo: { name: 'ecoplan', version: '0.1.0' },
  };
});

async function pullSettings() {
  if (!configurationSupport) return;
  const s: unknown = await connection.workspace.getConfiguration('ecoplan');
  if (s !== null && s !== undefined) logSettingsProblems(workspace.updateSettings(s));
}

const diagnostics = registerDiagnostics(connection, documents, workspace, { push: () => !pullDiagnostics, delayMs: 200 });

/**
 * In idle time, analyse the workspace's plans nothing has asked for yet and prepare completion
 * (use counts, pinyin keys), so completion ranks by the workspace without waiting for any of it.
 * It starts a moment after start-up, so that the plans the editor opens first are analysed first.
 */
let indexTimer: NodeJS.Timeout | undefined;
const indexWorkspace = (delayMs: number) => {
  clearTimeout(indexTimer);
  indexTimer = setTimeout(() => workspace.indexInIdle(() => prepareCompletion(workspace)), delayMs);
};

// a plan just opened: prepare its completion once the client has been quiet for a moment
documents.onDidOpen((e) => whenIdle(() => (prepareCompletion(workspace, e.document.uri), false), 50));

connection.onInitialized(async () => {
  if (configurationSupport) {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: 'ecoplan' });
    await pullSettings();
    diagnostics.refreshAll();
  }
  indexWorkspace(500);
});

connection.onDidChangeConfiguration(async (change) => {
  if (configurationSupport) await pullSettings();
  else if (change.settings && typeof change.settings === 'object' && 'ecoplan' in change.settings) logSettingsProblems(workspace.updateSettings((change.settings as { ecoplan: unknown }).ecoplan));
  diagnostics.refreshAll();
  if (pullDiagnostics) void connection.languages.diagnostics.refresh();
  indexWorkspace(100);
});

connection.onDidChangeWatchedFiles(() => {
  workspace.invalidate();
  diagnostics.refreshAll();
  // a directory or config file changed (e.g. by 添加到部门名录): pulled diagnostics are stale too
  if (pullDiagnostics) void connection.languages.diagnostics.refresh();
  indexWorkspace(100);
});

registerCompletion(connection, documents, workspace);
registerHover(connection, documents, workspace);
registerDefinition(connection, workspace);
registerReferences(connection, workspace);
registerRename(connection, documents, workspace);
registerDocumentSymbols(connection, workspace);
registerWorkspaceSymbols(connection, workspace);
registerFolding(connection, workspace);
registerSelectionRanges(connection, documents, workspace);
registerCodeActions(connection, documents, workspace);
registerInlayHints(connection, workspace);
registerCodeLens(connection, workspace);
registerSemanticTokens(connection, workspace);
registerCommands(connection, workspace);

documents.listen(connection);
connection.listen();
