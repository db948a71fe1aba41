import {
  DiagnosticSeverity,
  DocumentDiagnosticReportKind,
  type Connection,
  type Diagnostic as LspDiagnostic,
  type TextDocuments,
  type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../../core/model/types';
import type { PlanAnalysis } from '../../core/analyse';
import { ruleDocUrl } from '../../core/rules/rule';
import { afterCompletion, afterPendingMessages, noteActivity } from '../idle';
import type { DiagnosticsSource } from '../planSource';
import { loadWordReader, readWordInBudget } from '../wordFiles';
import { analyseTextInBudget, type TextJob } from '../budgetedRead';
import type { WordRead } from '../../node/wordRead';
import { follower } from '../publishWriter';
import { paragraphAt, paragraphNote } from '../../node/wordRead';
import { localize } from '../../core/locale';
import { cityPlanDiagnostics } from '../presentation/cityPlan';
import type { LocalizedText } from '../../core/model/types';

const SEVERITY: Record<Diagnostic['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

// Codes whose related information only repeats what the message says (each other statement and its
// line): on a long plan they were most of the bytes of a publish, so they go without it.
const MESSAGE_HOLDS_RELATED = new Set(['conflicting-targets']);

// One LSP diagnostic per analysis diagnostic, made once: an edit keeps every diagnostic it does not
// touch (core/incremental.ts), so a publish converts only the new ones.
const converted = new WeakMap<Diagnostic, { uri: string; lsp: LspDiagnostic }>();
const hrefs = new Map<string, { href: string }>();

/**
 * The diagnostics as the protocol carries them: range, severity, code with its rule page, source and
 * message, and related places where they add to the message. No `data`: what a code action needs is
 * looked up in the analysis by code and range (diagnosticData.ts), so a publish does not carry it.
 */
export function toLspDiagnostics(uri: string, a: Pick<PlanAnalysis, 'diagnostics'>, remember = true): LspDiagnostic[] {
  // most diagnostics are where they were in the last conversion for this document: found by position first
  const last = lastConverted.get(uri);
  const match = last ? follower(last.core) : null;
  const out = a.diagnostics.map((d) => {
    const at = match ? match.find(d) : -1;
    if (at >= 0) return last!.lsp[at];
    const known = converted.get(d);
    if (known && known.uri === uri) return known.lsp;
    const lsp = toLspDiagnostic(uri, d);
    converted.set(d, { uri, lsp });
    return lsp;
  });
  if (remember) lastConverted.set(uri, { core: a.diagnostics, lsp: out });
  return out;
}

function toLspDiagnostic(uri: string, d: Diagnostic): LspDiagnostic {
  let codeDescription = hrefs.get(d.code);
  if (!codeDescription) hrefs.set(d.code, (codeDescription = { href: ruleDocUrl(d.code) }));
  const lsp: LspDiagnostic = { range: d.range, severity: SEVERITY[d.severity], code: d.code, codeDescription, source: 'ecoplan', message: d.message };
  if (d.related && !MESSAGE_HOLDS_RELATED.has(d.code)) lsp.relatedInformation = d.related.map((r) => ({ location: { uri: r.uri ?? uri, range: r.range }, message: r.message }));
  return lsp;
}

/** A plan's diagnostics and, for a county plan, those against its city plan in the workspace (information only). */
function planDiagnostics(uri: string, a: PlanAnalysis, workspace: DiagnosticsSource, remember = true): LspDiagnostic[] {
  const own = toLspDiagnostics(uri, a, remember);
  const city = cityPlanDiagnostics(workspace, uri);
  return city.length === 0 ? own : [...own, ...city.map((d) => toLspDiagnostic(uri, d))];
}

// The last conversion of each open document (remember: false for plans that are not open and Word
// files, reported once per workspace pull: keeping theirs would only hold memory).
const lastConverted = new Map<string, { core: Diagnostic[]; lsp: LspDiagnostic[] }>();

const AT_START = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** A file that cannot be checked: one error at its start, naming it and saying why. */
function unreadableFile(uri: string, code: string, reason: LocalizedText, locale: DiagnosticsSource['locale']): LspDiagnostic[] {
  const name = decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
  const message = localize({ zh: `${name}:无法检查:${reason.zh}`, en: `${name}: cannot be checked: ${reason.en}` }, locale);
  return [{ range: AT_START, severity: DiagnosticSeverity.Error, code, source: 'ecoplan', message }];
}

/**
 * A .docx's problems for a client with no view of its imported text (wordViewDiagnostics is for one
 * that has it): the Word file cannot be opened as text, so each sits at its start and its message
 * names the Word paragraph; `data.line` is the line of the imported text, `data.paragraph`
 * the paragraph. A file that cannot be read gets one `word-unreadable` error saying why.
 */
function wordDiagnostics(uri: string, workspace: DiagnosticsSource, reader: ((bytes: Uint8Array, fileName: string) => WordRead) | null): LspDiagnostic[] {
  const unreadable = (reason: LocalizedText) => unreadableFile(uri, 'word-unreadable', reason, workspace.locale);
  if (!reader) return unreadable({ zh: '未能加载 Word 读取模块', en: 'the Word reader could not be loaded' });
  let result;
  try {
    result = workspace.analyseWord(uri, reader);
  } catch (e) {
    return unreadable({ zh: `内部错误(${(e as Error).message})`, en: `internal error (${(e as Error).message})` });
  }
  if ('error' in result) return unreadable(result.error);
  const { analysis, lineParagraphs } = result;
  const paragraph = (line: number) => paragraphAt(lineParagraphs, line);
  const note = (line: number) => {
    const n = paragraph(line);
    return n ? paragraphNote(n, workspace.locale) : '';
  };
  return toLspDiagnostics(uri, analysis, false).map((d, i) => {
    const line = analysis.diagnostics[i].range.start.line;
    return {
      ...d,
      range: AT_START,
      message: d.message + note(line),
      relatedInformation: d.relatedInformation?.map((r) => (r.location.uri === uri ? { location: { uri, range: AT_START }, message: r.message + note(r.location.range.start.line) } : r)),
      data: { ...(analysis.diagnostics[i].data ?? {}), paragraph: paragraph(line), line },
    };
  });
}

/** The read-only view of a .docx as the VS Code client names it (client/src/wordView.ts): `<scheme>:<path>.plan.md`. */
export function wordViewUri(docxUri: string, scheme: string): string {
  return `${scheme}:${new URL(docxUri).pathname}.plan.md`;
}

/**
 * A .docx's problems in its read-only view, at their real places (the view shows the imported text
 * they were found in); null when the file cannot be read, whose one error stays on the .docx itself.
 */
function wordViewDiagnostics(uri: string, view: string, workspace: DiagnosticsSource, reader: ((bytes: Uint8Array, fileName: string) => WordRead) | null): LspDiagnostic[] | null {
  if (!reader) return null;
  let result;
  try {
    result = workspace.analyseWord(uri, reader);
  } catch {
    return null;
  }
  return 'error' in result ? null : toLspDiagnostics(view, result.analysis, false);
}

/**
 * Push diagnostics for open plans, debounced per document; a newer edit makes the pending
 * analysis of the older version stale, and it is dropped rather than published. Clients that
 * pull (`textDocument/diagnostic`, `workspace/diagnostic`) get the same results on request, and
 * with `ecoplan.diagnostics.scope: workspace` also for plans in the workspace that are not open.
 */
export function registerDiagnostics(
  connection: Connection,
  documents: TextDocuments<TextDocument>,
  workspace: DiagnosticsSource,
  opts: { push: () => boolean; delayMs: number; afterPublish?: (uri: string) => void; wordViewScheme?: () => string | null },
) {
  const timers = new Map<string, NodeJS.Timeout>();
  const lastChange = new Map<string, number>();

  const publish = (doc: TextDocument, cascade = true) => {
    const current = documents.get(doc.uri);
    if (!current || current.version !== doc.version) return; // stale: a newer edit is pending
    try {
      const a = workspace.analysisOf(doc.uri);
      void connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics: a ? planDiagnostics(doc.uri, a, workspace) : [] });
      // an edit to a city plan changes what its open county plans are compared with (not again from theirs: no loops)
      if (a && cascade) for (const other of openCountiesOf(doc.uri, a)) publish(other, false);
      noteActivity(); // the client will act on them: background work waits
      // what a completion asks of the new analysis, worked out before the client can ask (a few ms on 1 MB)
      if (a && opts.afterPublish) afterPendingMessages(() => opts.afterPublish!(doc.uri));
    } catch (e) {
      // runs from a timer: an error here must not end the server
      connection.console.error(`EcoPlan: ${doc.uri}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    }
  };

  // the open plans whose city plan is `uri` (only plans that could have one are asked: see PlanWorkspace.cityPlanOf)
  const openCountiesOf = (uri: string, city: PlanAnalysis): TextDocument[] => {
    const place = city.settings.place;
    return documents.all().filter((d) => {
      if (d.uri === uri) return false;
      const county = workspace.lastAnalysis(d.uri);
      if (!county) return false;
      // a county of another prefecture is skipped unasked, unless a `parent:` may pair it with this plan
      const prefecture = county.settings.place?.prefecture;
      if (prefecture && prefecture !== place?.name && county.model.frontMatter === null && county.settings.place?.name !== prefecture) return false;
      const found = workspace.cityPlanOf(d.uri);
      return !!found && !('problem' in found) && found.uri === uri;
    });
  };

  const schedule = (doc: TextDocument, delay: number) => {
    if (!opts.push()) return;
    clearTimeout(timers.get(doc.uri));
    if (delay < 0) {
      // The debounce follows the document's own analysis time. After a pause in typing (longer than
      // one analysis) the keystroke is analysed at once; while edits come faster than the plan can
      // be analysed, they are coalesced, so stale analyses do not queue up behind each other.
      const last = workspace.lastAnalysisMs.get(doc.uri) ?? 0;
      const now = performance.now();
      const quiet = now - (lastChange.get(doc.uri) ?? -Infinity) > Math.max(last, 25);
      lastChange.set(doc.uri, now);
      delay = quiet || last < 10 ? 0 : Math.min(opts.delayMs, Math.round(last));
    }
    timers.set(
      doc.uri,
      setTimeout(() => {
        timers.delete(doc.uri);
        // a request already received, or about to be (the completion a client sends with the
        // keystroke that typed `@`), is answered before this analysis blocks the thread
        afterCompletion(() => publish(doc));
      }, delay),
    );
  };

  documents.onDidOpen((e) => schedule(e.document, 0));
  documents.onDidChangeContent((e) => schedule(e.document, -1));
  documents.onDidClose((e) => {
    clearTimeout(timers.get(e.document.uri));
    timers.delete(e.document.uri);
    workspace.forget(e.document.uri);
    lastConverted.delete(e.document.uri);
    lastChange.delete(e.document.uri);
    if (opts.push()) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.languages.diagnostics.on((params) => {
    const a = workspace.analysisOf(params.textDocument.uri);
    return { kind: DocumentDiagnosticReportKind.Full, items: a ? planDiagnostics(params.textDocument.uri, a, workspace) : [] };
  });

  // Plans that are not open, reported through workspace pull: only with `ecoplan.diagnostics.scope:
  // workspace` (a drafter's Problems panel shows the files they opened, as with other linters).
  // After switching back to `openFiles`, each plan reported before gets one empty report, which
  // clears its problems from the panel.
  const reportedClosed = new Set<string>();
  // plans on disk past the size threshold, analysed in a worker within the file budget: per file version
  const largePlans = new Map<string, { version: string; items: LspDiagnostic[] }>();
  const largePlanDiagnostics = async (uri: string, job: TextJob): Promise<LspDiagnostic[]> => {
    const known = largePlans.get(uri);
    if (known && known.version === job.version) return known.items;
    const r = await analyseTextInBudget(job);
    const items = r.ok ? toLspDiagnostics(uri, r, false) : unreadableFile(uri, 'plan-unreadable', r.reason, workspace.locale);
    largePlans.set(uri, { version: job.version, items });
    return items;
  };
  connection.languages.diagnostics.onWorkspace(async (_params, token) => {
    const items: WorkspaceDocumentDiagnosticReport[] = [];
    if (workspace.settings.diagnostics?.scope !== 'workspace') {
      for (const uri of reportedClosed) if (!documents.get(uri)) items.push({ kind: DocumentDiagnosticReportKind.Full, uri, version: null, items: [] });
      reportedClosed.clear();
      return { items };
    }
    for (const uri of workspace.allPlanUris()) {
      if (token.isCancellationRequested) break;
      if (documents.get(uri)) continue; // open documents are reported per document
      const large = workspace.largePlanJob(uri);
      if (large) {
        items.push({ kind: DocumentDiagnosticReportKind.Full, uri, version: null, items: await largePlanDiagnostics(uri, large) });
        reportedClosed.add(uri);
        continue;
      }
      const a = workspace.analysisOf(uri);
      if (a) {
        items.push({ kind: DocumentDiagnosticReportKind.Full, uri, version: null, items: planDiagnostics(uri, a, workspace, false) });
        reportedClosed.add(uri);
      }
    }
    // Word files: the Word code is loaded only when a folder holds one
    const words = workspace.allWordUris();
    const reader = words.length > 0 ? await loadWordReader() : null;
    for (const uri of words) {
      if (token.isCancellationRequested) break;
      // a file not read yet (or changed) is read within its budget, in a worker: past it, it is reported
      let read: ((bytes: Uint8Array, fileName: string) => WordRead) | null = reader ? reader.readForCheck : null;
      const path = uri.startsWith('file:') ? fileURLToPath(uri) : null;
      if (reader && path && !workspace.wordUpToDate(uri)) {
        const budgeted = await readWordInBudget(path, reader);
        read = () => budgeted;
      }
      // a client with the read-only view of a .docx (VS Code's ecoplan-word: documents) gets the
      // problems there, at their real lines; an open view is reported per document
      const view = opts.wordViewScheme?.() ? wordViewUri(uri, opts.wordViewScheme()!) : null;
      if (view && documents.get(view)) continue;
      const report = view ? wordViewDiagnostics(uri, view, workspace, read) : null;
      items.push({ kind: DocumentDiagnosticReportKind.Full, uri: report ? view! : uri, version: null, items: report ?? wordDiagnostics(uri, workspace, read) });
      reportedClosed.add(report ? view! : uri);
    }
    return { items };
  });

  return {
    refreshAll() {
      workspace.invalidate();
      for (const doc of documents.all()) schedule(doc, 0);
    },
  };
}
