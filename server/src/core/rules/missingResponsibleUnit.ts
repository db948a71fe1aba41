import type { Rule } from './rule';

/** A task with no responsibility clause at all: nobody is accountable for it. */
export const missingResponsibleUnit: Rule = {
  code: 'missing-responsible-unit',
  defaultSeverity: 'error',
  description: { zh: '任务未明确责任单位', en: 'Task has no responsible unit' },
  check({ model }, report) {
    for (const task of model.tasks) {
      if (!task.noUnit) continue;
      report({
        range: task.range,
        message: {
          zh: `任务 ${task.path}「${task.title}」未明确责任单位`,
          en: `Task ${task.path} "${task.title}" names no responsible unit`,
        },
        data: { path: task.path },
      });
    }
  },
};
