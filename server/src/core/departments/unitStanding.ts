import type { ClauseForm, ResponsibleUnit, Task } from '../model/types';
import { BARE_LEVEL_WORDS } from '../recognise/departmentName';
import type { DepartmentDirectory } from './directory';

/**
 * Whether a party named in a clause or tag counts as a responsible unit. The directory knows it; or
 * it is unknown but written like a real office (`区文旅局`, `人行慈溪支行`: the directory cannot list
 * every local office, so unknown-department only hints at it). It does not count when it has no
 * Chinese character at all (`@jxj`, pinyin typed without choosing a name), or when it is a directory
 * department without its level word (`发改局`: whose office?) named in an explicit clause — a
 * `责任单位:` label or an `@` tag (`explicit`). Prose that names its subject bare (`水务局加强…`, a
 * county's own document speaking of its own bureau) is how real documents write: those count.
 */
export function isUnrecognisedUnit(name: string, directory: DepartmentDirectory, explicit = true): boolean {
  if (directory.resolve(name)) return false;
  if (!/[\u3400-\u9fff]/.test(name)) return true;
  return explicit && levelledForms(name, directory).length > 0;
}

/** The clause forms in which a drafter names a unit formally: there a bare `发改局` is not a unit. */
const EXPLICIT_FORMS: ReadonlySet<ClauseForm> = new Set<ClauseForm>(['labelled', 'tags']);

/** The task's units that do not count as units (see isUnrecognisedUnit), judged by the clauses naming them. */
export function unrecognisedUnitsOf(task: Task, directory: DepartmentDirectory): ResponsibleUnit[] {
  // kept per task: an edit keeps every task but the edited one (core/incremental.ts), and the rule
  // asking this of each of a 1 MB plan's ~8,000 tasks was a tenth of a keystroke's analysis
  const known = unrecognisedByTask.get(task);
  if (known && known.directory === directory) return known.units;
  const units = task.units.filter((u) => {
    const naming = task.clauses.filter((c) => c.units.some((x) => x.name === u.name));
    const explicit = naming.length > 0 && naming.every((c) => EXPLICIT_FORMS.has(c.form));
    return isUnrecognisedUnit(u.name, directory, explicit);
  });
  unrecognisedByTask.set(task, { directory, units });
  return units;
}

const unrecognisedByTask = new WeakMap<Task, { directory: DepartmentDirectory; units: ResponsibleUnit[] }>();

/** The task's units that count as units: what the tables and the outline name as lead and support. */
export function countedUnitsOf(task: Task, directory: DepartmentDirectory): ResponsibleUnit[] {
  const not = unrecognisedUnitsOf(task, directory);
  return not.length === 0 ? task.units : task.units.filter((u) => !not.includes(u));
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
