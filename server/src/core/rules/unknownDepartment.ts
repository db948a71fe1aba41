import type { Rule } from './rule';
import { closestNames } from './unknownIndicator';

/**
 * A unit named in a clause or tag that the department directory does not know. With a
 * jurisdiction's own directory configured this is a warning; with only the built-in list (which
 * cannot know every local office) it is a hint.
 */
export const unknownDepartment: Rule = {
  code: 'unknown-department',
  defaultSeverity: 'warning',
  description: { zh: '部门不在部门名录中', en: 'Department not in the directory' },
  check(ctx, report) {
    const dir = ctx.directory;
    let names: string[] | null = null;
    for (const clause of ctx.model.clauses) {
      for (const u of clause.units) {
        if (dir.resolve(u.name)) continue;
        names ??= dir.allNames();
        // suggest names of the same level (市… for 市…), not the 县/区 copies of the same department
        const level = /^[市县区]/.test(u.name) ? u.name[0] : null;
        const close = closestNames(u.name, level ? names.filter((n) => n[0] === level) : names, 6);
        // one suggestion per department: an alias leads to its department's full name
        const suggestions = [...new Set(close.map((n) => dir.resolve(n)?.name ?? n))].slice(0, 3);
        const hintZh = suggestions.length > 0 ? `;是否是:${suggestions.join('、')}?` : '';
        const hintEn = suggestions.length > 0 ? `; did you mean: ${suggestions.join(', ')}?` : '';
        report({
          range: u.range,
          severity: dir.configured ? undefined : 'hint',
          message: {
            zh: `「${u.name}」不在${dir.configured ? '本地部门名录' : '内置部门名录'}中${hintZh}`,
            en: `"${u.name}" is not in the ${dir.configured ? 'configured' : 'built-in'} department directory${hintEn}`,
          },
          data: { suggestions },
        });
      }
    }
  },
};
