import type { DepartmentDirectory } from '../departments/directory';
import type { Rule } from './rule';
import { closestNames } from '../text/similarity';

/**
 * A unit named in a clause or tag that the department directory does not know. With a
 * jurisdiction's own directory configured this is a warning; with only the built-in list (which
 * cannot know every local office) it is a hint.
 */
// Suggestions depend only on the directory and the name: remember them across analyses (every
// keystroke re-analyses the plan, and the same unknown names come back each time).
const suggestionCache = new WeakMap<DepartmentDirectory, Map<string, string[]>>();

function suggest(dir: DepartmentDirectory, name: string): string[] {
  let cache = suggestionCache.get(dir);
  if (!cache) suggestionCache.set(dir, (cache = new Map()));
  let s = cache.get(name);
  if (!s) {
    // suggest names of the same level (市… for 市…), not the 县/区 copies of the same department
    const level = /^[市县区]/.test(name) ? name[0] : null;
    const names = dir.allNames();
    const close = closestNames(name, level ? names.filter((n) => n[0] === level) : names, 6);
    // one suggestion per department: an alias leads to its department's full name
    s = [...new Set(close.map((n) => dir.resolve(n)?.name ?? n))].slice(0, 3);
    if (cache.size > 5000) cache.clear();
    cache.set(name, s);
  }
  return s;
}

export const unknownDepartment: Rule = {
  code: 'unknown-department',
  defaultSeverity: 'warning',
  description: { zh: '部门不在部门名录中', en: 'Department not in the directory' },
  check(ctx, report) {
    const dir = ctx.directory;
    for (const clause of ctx.model.clauses) {
      for (const u of clause.units) {
        if (dir.resolve(u.name)) continue;
        const suggestions = suggest(dir, u.name);
        const hintZh = suggestions.length > 0 ? `;是否是:${suggestions.join('、')}?` : '';
        const hintEn = suggestions.length > 0 ? `; did you mean: ${suggestions.join(', ')}?` : '';
        report({
          range: u.range,
          severity: dir.configured ? undefined : 'hint',
          message: {
            zh: `「${u.name}」不在${dir.configured ? '本地部门名录' : '内置部门名录'}中${hintZh}`,
            en: `"${u.name}" is not in the ${dir.configured ? 'configured' : 'built-in'} department directory${hintEn}`,
          },
          data: { name: u.name, suggestions },
        });
      }
    }
  },
};
