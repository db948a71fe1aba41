import { execFileSync } from 'node:child_process';

/** Whether a program is on the PATH (LibreOffice, poppler-utils): tests that need one skip visibly without it. */
export function hasCommand(cmd: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}
