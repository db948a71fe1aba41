import { TextDocument } from 'vscode-languageserver-textdocument';
import { createConnection, DidChangeConfigurationNotification, ProposedFeatures, TextDocuments, TextDocumentSyncKind, type InitializeResult } from 'vscode-languageserver/node';
import { registerCodeActions } from './features/codeActions';
import { registerCodeLens } from './features/codeLens';
import { registerCompletion } from './features/completion';
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
import { PlanWorkspace, toPath, type ClientSettings } from './planWorkspace';
import { COMMANDS, registerCommands } from './features/commands';

// The language server: a thin shell over the core. Each editor feature lives in features/<name>.ts.
const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const workspace = new PlanWorkspace(documents);

let pullDiagnostics = false;
let configurationSupport = false;

connection.onInitialize((params): InitializeResult => {
  const locale = params.locale ?? (params.initializationOptions as { locale?: string } | undefined)?.locale;
  workspace.locale = locale && locale.toLowerCase().startsWith('en') ? 'en' : 'zh';
  const init = (params.initializationOptions ?? {}) as { settings?: ClientSettings; trusted?: boolean };
  if (init.settings) workspace.updateSettings(init.settings);
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
  const s = (await connection.workspace.getConfiguration('ecoplan')) as ClientSettings | null;
  if (s) workspace.updateSettings(s);
}

const diagnostics = registerDiagnostics(connection, documents, workspace, { push: () => !pullDiagnostics, delayMs: 200 });

connection.onInitialized(async () => {
  if (configurationSupport) {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: 'ecoplan' });
    await pullSettings();
    diagnostics.refreshAll();
  }
});

connection.onDidChangeConfiguration(async (change) => {
  if (configurationSupport) await pullSettings();
  else if (change.settings?.ecoplan) workspace.updateSettings(change.settings.ecoplan as ClientSettings);
  diagnostics.refreshAll();
  if (pullDiagnostics) void connection.languages.diagnostics.refresh();
});

connection.onDidChangeWatchedFiles(() => {
  workspace.invalidate();
  diagnostics.refreshAll();
  // a directory or config file changed (e.g. by 添加到部门名录): pulled diagnostics are stale too
  if (pullDiagnostics) void connection.languages.diagnostics.refresh();
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
