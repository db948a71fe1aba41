import { BARE_LEVEL_WORDS } from '../recognise/departmentName';
import type { DepartmentDirectory } from './directory';

/**
 * Whether a party named in a clause or tag counts as a responsible unit. The directory knows it; or
 * it is unknown but written like a real office (`区文旅局`, `人行慈溪支行`: the directory cannot list
 * every local office, so unknown-department only hints at it). It does not count when it has no
 * Chinese character at all (`@jxj`, pinyin typed without choosing a name), or when it is a directory
 * department without its level word (`发改局`: 市发改局 or 县发改局? a plan must say whose office).
 */
export function isUnrecognisedUnit(name: string, directory: DepartmentDirectory): boolean {
  if (directory.resolve(name)) return false;
  if (!/[\u3400-\u9fff]/.test(name)) return true;
  return levelledForms(name, directory).length > 0;
}

/** The directory's departments a bare name becomes with a level word in front (`发改局` → 市发展和改革委员会, …). */
export function levelledForms(name: string, directory: DepartmentDirectory): string[] {
  if (BARE_LEVEL_WORDS.some((w) => name.startsWith(w))) return [];
  const out: string[] = [];
  for (const w of BARE_LEVEL_WORDS) {
    const d = directory.resolve(w + name);
    if (d && !out.includes(d.name)) out.push(d.name);
  }
  return out;
}
