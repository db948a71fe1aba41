import type { Rule } from './rule';

/** A task whose clauses name only phrases like 市级相关部门: accountability on paper only. */
export const vagueResponsibility: Rule = {
  code: 'vague-responsibility',
  defaultSeverity: 'warning',
  description: { zh: '任务只有笼统的责任表述', en: 'Task names only non-specific responsible parties' },
  check({ model }, report) {
    for (const task of model.tasks) {
      if (task.units.length > 0 || task.vague.length === 0) continue;
      const phrases = [...new Set(task.vague.map((v) => v.text))].join('、');
      const clause = task.clauses.find((c) => c.vague.length > 0);
      report({
        range: clause ? clause.range : task.range,
        message: {
          zh: `任务 ${task.path}「${task.title}」只有笼统的责任表述(${phrases}),未明确牵头单位`,
          en: `Task ${task.path} "${task.title}" names only non-specific parties (${phrases}) and no lead unit`,
        },
        data: { path: task.path },
      });
    }
  },
};
