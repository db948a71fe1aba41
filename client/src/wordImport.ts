// `EcoPlan: 从 Word 导入方案…`: pick a .docx (or legacy .doc), write the plan as Markdown beside it
// (name.plan.md), open it beside the current editor, and say what was replaced by placeholders.
// The Word reader is loaded on first use, not when the extension starts.
import { commands, env, Uri, ViewColumn, window, workspace, type ExtensionContext } from 'vscode';

export function registerWordImport(context: ExtensionContext): void {
  context.subscriptions.push(commands.registerCommand('ecoplan.importWord', importWord));
}

async function importWord(): Promise<void> {
  const zh = !env.language.startsWith('en');
  const picked = await window.showOpenDialog({ canSelectMany: false, filters: { [zh ? 'Word 文档' : 'Word documents']: ['docx', 'doc'] }, openLabel: zh ? '导入' : 'Import' });
  const source = picked?.[0];
  if (!source) return;
  const name = source.path.split('/').pop() ?? 'plan.docx';
  const target = Uri.joinPath(source, '..', `${name.replace(/\.docx?$/i, '')}.plan.md`);
  const { importWordFile, importErrorText, replacementSummary } = await import('../../server/src/word/importWord');
  let plan;
  try {
    plan = await importWordFile(await workspace.fs.readFile(source), name);
  } catch (e) {
    void window.showErrorMessage(`EcoPlan: ${name}: ${importErrorText(e, zh ? 'zh' : 'en')}`);
    return;
  }
  try {
    await workspace.fs.stat(target);
    const overwrite = zh ? '覆盖' : 'Overwrite';
    const existing = target.path.split('/').pop();
    if ((await window.showWarningMessage(zh ? `${existing} 已存在,是否覆盖?` : `${existing} already exists: overwrite it?`, { modal: true }, overwrite)) !== overwrite) return;
  } catch {
    // no such file yet
  }
  await workspace.fs.writeFile(target, new TextEncoder().encode(plan.text));
  await window.showTextDocument(await workspace.openTextDocument(target), { viewColumn: ViewColumn.Beside });
  void window.showInformationMessage(`EcoPlan: ${name} → ${target.path.split('/').pop()}:${replacementSummary(plan.replaced, zh ? 'zh' : 'en')}`);
}
