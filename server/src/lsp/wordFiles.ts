// .docx files in the workspace folders, for workspace diagnostics (`ecoplan.diagnostics.scope:
// workspace`): each is imported in memory to plan Markdown (as `ecoplan check` does) and analysed;
// the Word code is loaded on first need, only when a folder holds a .docx: `../cli/word.js` is the
// CLI's Word bundle, which esbuild.mjs leaves out of dist/server.js and loads as dist/word.js.
import type { PlanAnalysis } from '../core/analyse';
import type { WordRead } from '../node/wordRead';

type WordModule = {
  readForCheck(bytes: Uint8Array, fileName: string): WordRead;
  /** The plan as a GB/T 9704 .docx (`EcoPlan: 导出为 Word…`). */
  planToDocx(analysis: PlanAnalysis, uri: string, format: 'markdown' | 'text', withTables: boolean): Promise<{ bytes: Uint8Array; keptTags: number }>;
};

let loading: Promise<WordModule | null> | null = null;

/** The Word reader (dist/word.js in the bundle), or null when it cannot be loaded. */
export function loadWordReader(): Promise<WordModule | null> {
  loading ??= import('../cli/word.js').then(
    // dist/word.js is CommonJS: its exports are named, or under `default` where Node cannot tell
    (m: Partial<WordModule> & { default?: WordModule }) => (m.readForCheck ? (m as WordModule) : (m.default ?? null)),
    () => null,
  );
  return loading;
}
