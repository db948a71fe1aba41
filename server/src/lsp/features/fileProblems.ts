import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Connection, type Diagnostic } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { localize, type Locale } from '../../core/locale';
import type { FileProblem } from '../../node/config';
import { MAX_SETTINGS_BYTES, readRegularFile } from '../../node/safeRead';

/** The code of a problem with a file the user wrote beside the plans (config, department directory, catalogue). */
export const FILE_PROBLEM_CODE = 'invalid-settings-file';

/**
 * What the workspace knows of problems in the config, directory and catalogue files its analyses
 * read (planWorkspace.ts): the CLI prints them; the editor shows them on the file itself, so a
 * broken `ecoplan.config.yaml` is not silently replaced by the defaults.
 */
export interface FileProblemsSource {
  readonly fileProblems: ReadonlyMap<string, FileProblem[]>;
  readonly changedProblemFiles: Set<string>;
  onFileProblems: (() => void) | null;
  document(uri: string): TextDocument | undefined;
  /** The UI's language: each problem is shown in it alone. */
  readonly locale: Locale;
}

/**
 * The diagnostics of one file: each problem on its line (the whole line's text; line 1 when the
 * file as a whole is meant, e.g. it cannot be read). `text` is the file's text, null if unreadable.
 */
export function fileProblemDiagnostics(problems: FileProblem[], text: string | null, locale: Locale): Diagnostic[] {
  const lines = text === null ? [] : text.split(/\r?\n/);
  return problems.map((p) => {
    const line = p.line !== null && p.line >= 1 && p.line <= Math.max(lines.length, 1) ? p.line - 1 : 0;
    const lineText = lines[line] ?? '';
    const start = lineText.length - lineText.trimStart().length;
    return {
      range: { start: { line, character: start }, end: { line, character: lineText.trimEnd().length } },
      severity: DiagnosticSeverity.Warning,
      code: FILE_PROBLEM_CODE,
      source: 'ecoplan',
      message: localize(p.message, locale),
    };
  });
}

export function provideFileProblems(ws: FileProblemsSource, file: string): { uri: string; diagnostics: Diagnostic[] } {
  const uri = pathToFileURL(file).toString();
  let text: string | null = ws.document(uri)?.getText() ?? null;
  if (text === null) {
    // only a regular file is opened: a FIFO where a config is expected would block the server
    const read = readRegularFile(file, MAX_SETTINGS_BYTES);
    text = read.ok ? read.bytes.toString('utf8') : null;
  }
  return { uri, diagnostics: fileProblemDiagnostics(ws.fileProblems.get(file) ?? [], text, ws.locale) };
}

/** Publishes a file's problems when they change (a moment later, once per burst of analyses). */
export function registerFileProblems(connection: Connection, ws: FileProblemsSource) {
  let timer: NodeJS.Timeout | undefined;
  ws.onFileProblems = () => {
    if (timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      const files = [...ws.changedProblemFiles];
      ws.changedProblemFiles.clear();
      for (const file of files) {
        const report = provideFileProblems(ws, file);
        for (const d of report.diagnostics) connection.console.warn(`EcoPlan: ${file}:${d.range.start.line + 1}: ${d.message}`);
        void connection.sendDiagnostics(report);
      }
    }, 50);
  };
}
