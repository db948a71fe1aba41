/**
 * The budget of one file read (issue 22): Word files, and text files from BUDGET_FROM_BYTES, are read
 * and analysed only in a worker thread whose heap is capped (`mb`) and which is ended after `ms`;
 * past either the file is reported, never the process. The same in the CLI (cli/checkPool.ts) and in
 * the server's workspace scan (lsp/budgetedRead.ts). ECOPLAN_FILE_BUDGET_MB and
 * ECOPLAN_FILE_BUDGET_MS override the limits (the tests use small ones).
 */
export const BUDGET_FROM_BYTES = 2 * 1024 * 1024;

export function fileBudget(): { mb: number; ms: number } {
  const env = (name: string, fallback: number) => {
    const v = Number(process.env[name]);
    return Number.isFinite(v) && v > 0 ? v : fallback;
  };
  return { mb: env('ECOPLAN_FILE_BUDGET_MB', 256), ms: env('ECOPLAN_FILE_BUDGET_MS', 60000) };
}
