import { window } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

export type WordExport = { file?: string; keptTags?: number; error?: string; exists?: string } | null;

/**
 * Asks the server for the plan as a .docx beside it; a .docx already there is the user's file, so it is
 * written over only after the user says so in a modal question ('cancelled' when they do not).
 */
export async function exportWordAsking(lc: LanguageClient, uri: string, withTables: boolean, zh: boolean): Promise<WordExport | 'cancelled'> {
  const ask = (overwrite: boolean) => lc.sendRequest('workspace/executeCommand', { command: 'ecoplan.server.exportWord', arguments: [uri, withTables, overwrite] }).catch(() => null) as Promise<WordExport>;
  const first = await ask(false);
  if (!first?.exists) return first;
  const name = first.exists.split(/[\\/]/).pop();
  const replace = zh ? '覆盖' : 'Replace';
  const answer = await window.showWarningMessage(zh ? `${name} 已存在。要覆盖它吗?` : `${name} already exists. Replace it?`, { modal: true }, replace);
  return answer === replace ? ask(true) : 'cancelled';
}
