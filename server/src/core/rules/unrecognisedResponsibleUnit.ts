import { levelledForms, unrecognisedUnitsOf } from '../departments/unitStanding';
import type { Rule } from './rule';

/**
 * A task whose every named party is not a unit at all (`(责任单位:@jxj)`, `(责任单位:发改局)`): the
 * clause is there but names nobody accountable, so the task is still without a responsible unit. A
 * warning (listed in Problems), not the missing-responsible-unit error: someone did mean a unit.
 */
export const unrecognisedResponsibleUnit: Rule = {
  code: 'unrecognised-responsible-unit',
  defaultSeverity: 'warning',
  description: { zh: '责任单位不是可识别的单位名称', en: 'Responsible party is not a recognisable unit name' },
  check({ model, directory, settings }, report) {
    for (const task of model.tasks) {
      if (task.units.length === 0 || unrecognisedUnitsOf(task, directory).length < task.units.length) continue;
      const names = task.units.map((u) => u.name);
      // `发改局` in a 县 plan: the plan's own level first (县 and 区 are one level)
      const forms = names.flatMap((n) => levelledForms(n, directory));
      const own = settings.level ? forms.filter((f) => (settings.level === '市' ? f[0] === '市' : f[0] === '县' || f[0] === '区')) : forms;
      const suggestions = [...new Set(own.length > 0 ? own : forms)].slice(0, 3);
      report({
        range: task.range,
        message: {
          zh: `任务 ${task.path}「${task.title}」的责任单位「${names.join('、')}」不是可识别的单位名称,仍未明确责任单位${suggestions.length > 0 ? `;请写明层级,如「${suggestions.join('」「')}」` : ';请写出部门名称'}`,
          en: `Task ${task.path} "${task.title}": "${names.join(', ')}" is not a recognisable unit name, so the task still names no responsible unit${suggestions.length > 0 ? `; write the level, e.g. ${suggestions.join(', ')}` : '; write the department\'s name'}`,
        },
        data: { path: task.path, names, suggestions },
      });
    }
  },
};
