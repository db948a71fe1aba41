import { DiagnosticSeverity, type Connection, type Diagnostic } from 'vscode-languageserver/node';
import type { PlanAnalysis } from '../../core/analyse';
import { diffPlans } from '../../core/diff/diffPlans';
import type { PlanDiff } from '../../core/diff/types';
import { localize } from '../../core/locale';
import { MAX_TEXT_BYTES } from '../../node/planFiles';
import type { PlanSource } from '../planSource';

/**
 * 与上一稿比较 (issue 20): what changed from an earlier draft to the plan open in the editor. The
 * client names the earlier draft — a file of the workspace (.md, .txt or .docx) or a text it has
 * (the version committed in git) — and gets the diff and one information diagnostic per change on
 * the open plan, which it shows in its own collection (source `EcoPlan 比较`) and its panel.
 */
export const DRAFT_DIFF = 'ecoplan/draftDiff';
export const DIFF_SOURCE = 'EcoPlan 比较';

export interface DraftDiffParams {
  /** The plan open in the editor: the new draft. */
  uri: string;
  /** The earlier draft: a file, or a text (with how to call it, e.g. `HEAD`). */
  previous: { uri: string } | { text: string; label?: string };
}

export type DraftDiffResult = { diff: PlanDiff; diagnostics: Diagnostic[]; previous: string } | { error: string };

export async function provideDraftDiff(ws: PlanSource, params: DraftDiffParams): Promise<DraftDiffResult> {
  const say = (zh: string, en: string) => localize({ zh, en }, ws.locale);
  const after = ws.analysisOf(params.uri);
  if (!after) return { error: say('当前文件不是方案,无法比较', 'this file is not a plan: nothing to compare') };
  let text: string;
  let label: string;
  if ('uri' in params.previous) {
    const uri = params.previous.uri;
    label = decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
    if (uri === params.uri) return { error: say('请选择另一份文件作为上一稿', 'choose another file as the previous draft') };
    if (/\.docx$/i.test(uri)) {
      const read = await ws.wordText(uri);
      if ('error' in read) return { error: `${label}: ${localize(read.error, ws.locale)}` };
      text = read.text;
    } else {
      const read = ws.textOf(uri);
      if (!read) return { error: say(`${label}:无法读取`, `${label}: cannot be read`) };
      text = read.text;
    }
  } else {
    text = params.previous.text;
    label = params.previous.label ?? say('上一稿', 'previous draft');
    // the same bound as a plan file read from disk (node/planFiles.ts)
    if (text.length > MAX_TEXT_BYTES) return { error: say(`${label}:超过 ${MAX_TEXT_BYTES / 1024 / 1024} MB,未比较`, `${label}: over ${MAX_TEXT_BYTES / 1024 / 1024} MB, not compared`) };
  }
  // the earlier draft is read with the open plan's settings: the same plan, another version
  const before = ws.analyseDraft(params.uri, text);
  const diff = diffPlans(before, after, ws.locale);
  return { diff, diagnostics: diffDiagnostics(diff, after), previous: label };
}

/**
 * One information diagnostic per change, on the new draft: at the change, or, for what only the
 * old draft had (a task or target removed), on the plan's title.
 */
export function diffDiagnostics(diff: PlanDiff, after: PlanAnalysis): Diagnostic[] {
  return diff.changes.map((c) => ({
    range: c.newRange ?? after.model.titleRange,
    severity: DiagnosticSeverity.Information,
    source: DIFF_SOURCE,
    code: c.kind,
    message: c.message,
  }));
}

export function registerDraftDiff(connection: Connection, ws: PlanSource) {
  connection.onRequest(DRAFT_DIFF, (params: DraftDiffParams) => provideDraftDiff(ws, params));
}
