import type { Rule } from './rule';

/** Front matter that cannot be read; the plan is still checked with the default settings. */
export const invalidSettings: Rule = {
  code: 'invalid-settings',
  defaultSeverity: 'error',
  description: { zh: '方案设置(front matter)无效', en: 'Invalid plan settings (front matter)' },
  check({ model, settingsProblems }, report) {
    for (const p of settingsProblems) report({ range: p.range, message: p.message });
    const err = model.frontMatter?.error;
    if (err) {
      report({
        range: err.range,
        message: { zh: `front matter 不是有效的 YAML:${err.message.zh};已按默认设置检查`, en: `Front matter is not valid YAML: ${err.message.en}; checked with default settings` },
      });
    }
  },
};
