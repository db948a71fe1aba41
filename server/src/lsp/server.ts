import { TextDocument } from 'vscode-languageserver-textdocument';
import { createConnection, DiagnosticSeverity, ProposedFeatures, TextDocuments, TextDocumentSyncKind, type Diagnostic as LspDiagnostic } from 'vscode-languageserver/node';
import { analysePlan } from '../core/analyse';
import type { Diagnostic } from '../core/model/types';

// A thin shell over the core: documents in, the core's diagnostics out. The richer editor
// features (completion, hover, code actions …) are tracked in their own issue.
const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);

const SEVERITY: Record<Diagnostic['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

let locale: 'zh' | 'en' = 'zh';

connection.onInitialize((params) => {
  if (params.locale && params.locale.toLowerCase().startsWith('en')) locale = 'en';
  return { capabilities: { textDocumentSync: TextDocumentSyncKind.Incremental } };
});

function isPlan(doc: TextDocument): boolean {
  return doc.uri.endsWith('.plan.md') || /^---\r?\n[\s\S]*?\becoplan:/.test(doc.getText().slice(0, 4000));
}

function validate(doc: TextDocument) {
  if (!isPlan(doc)) {
    void connection.sendDiagnostics({ uri: doc.uri, diagnostics: [] });
    return;
  }
  const analysis = analysePlan(doc.getText(), { uri: doc.uri, locale });
  const diagnostics: LspDiagnostic[] = analysis.diagnostics.map((d) => ({
    range: d.range,
    severity: SEVERITY[d.severity],
    code: d.code,
    source: 'ecoplan',
    message: d.message,
  }));
  void connection.sendDiagnostics({ uri: doc.uri, diagnostics });
}

const timers = new Map<string, NodeJS.Timeout>();
documents.onDidChangeContent((change) => {
  clearTimeout(timers.get(change.document.uri));
  timers.set(change.document.uri, setTimeout(() => validate(change.document), 150));
});
documents.onDidClose((e) => {
  clearTimeout(timers.get(e.document.uri));
  void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});

documents.listen(connection);
connection.listen();
