import { statSync } from 'node:fs';
import { planFilesUnder, type PlanFileKind } from '../node/planFiles';
import { BUDGET_FROM_BYTES } from './checkPool';
import { wordSupport } from './wordHook';

// The files a command over many plans reads (`ecoplan check`, `ecoplan review`), and which of them are read within the file budget.

/** The files to check: each file given, and the candidate plans in each folder given (node/planFiles.ts, as the server walks). */
export function collectFiles(paths: string[], problems: string[]): string[] {
  const files: string[] = [];
  const kinds = new Set<PlanFileKind>(wordSupport() ? ['text', 'word'] : ['text']);
  for (const p of paths) {
    let st;
    try {
      st = statSync(p);
    } catch (e) {
      problems.push(`${p}: 无法访问 / cannot access (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
      continue;
    }
    if (st.isDirectory()) files.push(...planFilesUnder([p], { kinds, onProblem: (x) => problems.push(x) }).map((f) => f.path));
    else files.push(p);
  }
  return files;
}

/** A Word file, or a text file of BUDGET_FROM_BYTES or more: checked within the file budget. */
export function needsBudget(file: string): boolean {
  if (/\.docx?$/i.test(file)) return true;
  try {
    const st = statSync(file);
    return st.isFile() && st.size >= BUDGET_FROM_BYTES;
  } catch {
    return false;
  }
}
