// A .docx in the editor (issue 21 item 5): opened, it shows its imported plan as a read-only Markdown
// document (`ecoplan-word:` URIs, text from the server's Word reader), which the server checks like any
// plan, so its problems sit at their real lines. Opening the .docx itself goes through a custom editor
// that opens that view instead of VS Code's "binary file" page; the Explorer's context menu has it too.
import { commands, env, languages, Uri, ViewColumn, window, workspace, type CancellationToken, type CustomDocument, type ExtensionContext, type WebviewPanel } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

export const WORD_SCHEME = 'ecoplan-word';
/** The view's path is the .docx's with this suffix: the server reads `*.plan.md` as a declared plan. */
const SUFFIX = '.plan.md';

export function wordViewUri(docx: Uri): Uri {
  return Uri.from({ scheme: WORD_SCHEME, path: `${docx.path}${SUFFIX}` });
}

async function openWordView(docx: Uri | undefined, column?: ViewColumn): Promise<void> {
  const zh = !env.language.startsWith('en');
  let target = docx;
  if (!target) {
    const picked = await window.showOpenDialog({ canSelectMany: false, filters: { [zh ? 'Word 文档' : 'Word documents']: ['docx'] }, openLabel: zh ? '查看' : 'View' });
    target = picked?.[0];
  }
  if (!target) return;
  const doc = await workspace.openTextDocument(wordViewUri(target));
  await languages.setTextDocumentLanguage(doc, 'markdown');
  await window.showTextDocument(doc, { viewColumn: column, preview: false });
}

export function registerWordView(context: ExtensionContext, client: () => LanguageClient | undefined): void {
  context.subscriptions.push(
    workspace.registerTextDocumentContentProvider(WORD_SCHEME, {
      async provideTextDocumentContent(uri: Uri): Promise<string> {
        const zh = !env.language.startsWith('en');
        const docx = Uri.file(uri.path.endsWith(SUFFIX) ? uri.path.slice(0, -SUFFIX.length) : uri.path);
        const c = client();
        const r = (c ? await c.sendRequest('workspace/executeCommand', { command: 'ecoplan.server.wordText', arguments: [docx.toString()] }).catch(() => null) : null) as { text?: string; error?: string } | null;
        if (r?.text !== undefined) return r.text;
        return `<!-- ${zh ? '无法读取' : 'cannot read'} ${docx.fsPath}: ${r?.error ?? (zh ? '语言服务器未就绪' : 'the language server is not ready')} -->\n`;
      },
    }),
    commands.registerCommand('ecoplan.openWord', (uri?: Uri) => openWordView(uri)),
    window.registerCustomEditorProvider(
      'ecoplan.wordPlan',
      {
        openCustomDocument: (uri: Uri): CustomDocument => ({ uri, dispose: () => undefined }),
        async resolveCustomEditor(document: CustomDocument, panel: WebviewPanel, _token: CancellationToken): Promise<void> {
          // the .docx itself cannot be shown as text: its plan opens in its place
          const column = panel.viewColumn;
          panel.dispose();
          await openWordView(document.uri, column);
        },
      },
      { supportsMultipleEditorsPerDocument: true },
    ),
  );
}
