import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  DidChangeConfigurationNotification,
  ErrorCodes,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeResult,
  type Message,
  type MessageStrategy,
} from 'vscode-languageserver/node';
import type { LocalizedText } from '../core/model/types';
import { localize, type Locale } from '../core/locale';
import { noteActivity, noteTrigger, whenIdle } from './idle';
import { paramsProblem } from './validate';
import { registerCodeActions } from './features/codeActions';
import { registerCodeLens } from './features/codeLens';
import { prepareCompletion, registerCompletion, warmCompletion } from './features/completion';
import { registerDefinition } from './features/definition';
import { registerDiagnostics } from './features/diagnostics';
import { registerDocumentSymbols } from './features/documentSymbols';
import { registerDraftDiff } from './features/draftDiff';
import { registerFolding } from './features/folding';
import { registerFileProblems } from './features/fileProblems';
import { registerHover } from './features/hover';
import { registerInlayHints } from './features/inlayHints';
import { registerReferences } from './features/references';
import { registerReviewOverview } from './features/reviewOverview';
import { registerRename } from './features/rename';
import { registerSelectionRanges } from './features/selectionRanges';
import { registerSemanticTokens, semanticTokensLegend } from './features/semanticTokens';
import { registerWorkspaceSymbols } from './features/workspaceSymbols';
import { PlanWorkspace, sanitizeSettings, toPath } from './planWorkspace';
import { COMMANDS, registerCommands } from './features/commands';

// The language server: a thin shell over the core. Each editor feature lives in features/<name>.ts,
// a provider over PlanSource (planSource.ts) bound to the connection by its register… function.
// Nothing happens at import: main.ts creates the connection and calls startServer.

/** A request with malformed params is answered by this method's handler: InvalidParams, saying what is wrong. */
const INVALID_PARAMS = 'ecoplan/$invalidParams';

/** An edit that types one completion trigger character (see completionProvider.triggerCharacters). */
const TRIGGER_TEXT = /^(?:[@\uFF20\[\u3010:\uFF1A、])$/;

/** What the message strategy needs of the running server, filled in by startServer. */
export interface ServerContext {
  locale: () => Locale;
  warn: (text: string) => void;
}

/**
 * Every incoming message is checked against the shape its method requires (validate.ts) before a
 * handler sees it: a malformed notification is logged and dropped (nothing malformed is stored),
 * a malformed request is answered with InvalidParams. Responses to the server's own requests pass.
 * The strategy is given to createConnection (main.ts), before the server exists: `context` is
 * where startServer tells it the locale and the console.
 */
export function validatingStrategy(context: ServerContext): MessageStrategy {
  return {
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
      const text = localize(problem, context.locale());
      if (m.id === undefined) {
        context.warn(localize({ zh: `已忽略无效的 ${m.method} 通知:${text}`, en: `Ignored an invalid ${m.method} notification: ${text}` }, context.locale()));
        return;
      }
      next({ ...message, method: INVALID_PARAMS, params: { method: m.method, problem: text } } as Message);
    },
  };
}

/**
 * Serve EcoPlan on `connection`: its handlers, the documents it syncs, the workspace. `context`
 * (the one given to validatingStrategy, if any) learns the workspace's locale and the console.
 * Returns the workspace (its documents are those the connection syncs).
 */
export function startServer(connection: Connection, context?: ServerContext): PlanWorkspace {
  const documents = new TextDocuments(TextDocument);
  const workspace = new PlanWorkspace(documents);
  if (context) {
    context.locale = () => workspace.locale;
    context.warn = (text) => connection.console.warn(text);
  }

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
  /** The client asks again for code lenses / inlay hints when told (LSP 3.16/3.17 refresh requests). */
  let lensRefresh = false;
  /** The URI scheme of the client's read-only view of a .docx, if it has one: its problems are reported there. */
  let wordViewScheme: string | null = null;
  let hintRefresh = false;
  /**
   * A settings or file change can make a file a plan or not (ecoplan.include, exclude, level): the
   * title lens and hints of open editors are asked again, not left as they were until the next keystroke.
   */
  const refreshEditorViews = () => {
    if (lensRefresh) void connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
    if (hintRefresh) void connection.sendRequest('workspace/inlayHint/refresh').catch(() => undefined);
  };

  connection.onInitialize((params): InitializeResult => {
    const locale = params.locale ?? (params.initializationOptions as { locale?: unknown } | undefined)?.locale;
    workspace.locale = typeof locale === 'string' && locale.toLowerCase().startsWith('en') ? 'en' : 'zh';
    const init = (params.initializationOptions ?? {}) as { settings?: unknown; trusted?: unknown; wordView?: unknown };
    if (init.settings !== undefined) applySettings(init.settings);
    if (init.trusted === false) workspace.trusted = false;
    // the client shows a .docx's imported plan as `<scheme>:<path>.plan.md` (VS Code: client/src/wordView.ts)
    if (typeof init.wordView === 'string' && /^[a-z][a-z0-9+.-]*$/.test(init.wordView)) wordViewScheme = init.wordView;
    workspace.folders = (params.workspaceFolders ?? []).map((f) => toPath(f.uri)).filter((p): p is string => !!p);
    if (workspace.folders.length === 0 && params.rootUri) {
      const root = toPath(params.rootUri);
      if (root) workspace.folders = [root];
    }
    pullDiagnostics = !!params.capabilities.textDocument?.diagnostic;
    workspace.canCreateFiles = !!params.capabilities.workspace?.workspaceEdit?.resourceOperations?.includes('create');
    configurationSupport = !!params.capabilities.workspace?.configuration;
    lensRefresh = !!params.capabilities.workspace?.codeLens?.refreshSupport;
    hintRefresh = !!params.capabilities.workspace?.inlayHint?.refreshSupport;
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

  /**
   * The settings in use, as sanitised with their problems. At start-up the client pulls the same
   * settings it gave in initialize: applying them again would throw away the analyses of the plans
   * opened meanwhile and analyse them all a second time.
   */
  let appliedSettings: string | undefined;
  function applySettings(raw: unknown): boolean {
    // an empty string is an unset setting: VS Code pulls `departments: ""` where initialize had none
    const key = JSON.stringify(sanitizeSettings(raw), (_, v: unknown) => (v === '' ? undefined : v));
    if (key === appliedSettings) return false;
    appliedSettings = key;
    logSettingsProblems(workspace.updateSettings(raw));
    return true;
  }

  /** Pulls the settings from the client; true when they changed. */
  async function pullSettings(): Promise<boolean> {
    if (!configurationSupport) return false;
    const s: unknown = await connection.workspace.getConfiguration('ecoplan');
    return s !== null && s !== undefined && applySettings(s);
  }

  const diagnostics = registerDiagnostics(connection, documents, workspace, {
    push: () => !pullDiagnostics,
    delayMs: 200,
    // what a completion asks of the new analysis, worked out before the client can ask (a few ms on 1 MB)
    afterPublish: (uri) => warmCompletion(workspace, uri),
    wordViewScheme: () => wordViewScheme,
  });

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
      if (await pullSettings()) diagnostics.refreshAll();
    }
    indexWorkspace(500);
  });

  connection.onDidChangeConfiguration(async (change) => {
    if (configurationSupport) await pullSettings();
    else if (change.settings && typeof change.settings === 'object' && 'ecoplan' in change.settings) applySettings((change.settings as { ecoplan: unknown }).ecoplan);
    diagnostics.refreshAll();
    if (pullDiagnostics) void connection.languages.diagnostics.refresh();
    refreshEditorViews();
    indexWorkspace(100);
  });

  connection.onDidChangeWatchedFiles(() => {
    workspace.invalidate();
    diagnostics.refreshAll();
    // a directory or config file changed (e.g. by 添加到部门名录): pulled diagnostics are stale too
    if (pullDiagnostics) void connection.languages.diagnostics.refresh();
    refreshEditorViews();
    indexWorkspace(100);
  });

  registerFileProblems(connection, workspace);
  registerCompletion(connection, workspace);
  registerHover(connection, workspace);
  registerDefinition(connection, workspace);
  registerReferences(connection, workspace);
  registerRename(connection, workspace);
  registerDocumentSymbols(connection, workspace);
  registerWorkspaceSymbols(connection, workspace);
  registerReviewOverview(connection, workspace);
  registerFolding(connection, workspace);
  registerSelectionRanges(connection, workspace);
  registerCodeActions(connection, workspace);
  registerInlayHints(connection, workspace);
  registerCodeLens(connection, workspace);
  registerSemanticTokens(connection, workspace);
  registerCommands(connection, workspace);
  registerDraftDiff(connection, workspace);

  documents.listen(connection);
  connection.listen();
  return workspace;
}
