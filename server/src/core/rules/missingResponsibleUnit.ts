import { CLAUSE_LABELS } from '../recognise/responsibilityClause';
import { LineIndex } from '../text/lineIndex';
import type { Rule } from './rule';

/**
 * A bracketed clause label with nothing after its colon: `(责任单位:)`, `〔牵头单位: 〕`. The drafter
 * began the clause (or a quick fix inserted it) and has not named anyone yet.
 */
const EMPTY_CLAUSE = new RegExp(`[(（〔【\\[]\\s*(${CLAUSE_LABELS.join('|')})\\s*[:：]\\s*[)）〕】\\]]`, 'u');

/** A task with no responsibility clause at all (or only an empty one): nobody is accountable for it. */
export const missingResponsibleUnit: Rule = {
  code: 'missing-responsible-unit',
  defaultSeverity: 'error',
  description: { zh: '任务未明确责任单位', en: 'Task has no responsible unit' },
  check({ model, lineIndex }, report) {
    let index: LineIndex | null = lineIndex ?? null;
    for (const task of model.tasks) {
      if (!task.noUnit) continue;
      index ??= new LineIndex(model.text);
      const from = index.offset(task.fullRange.start);
      const empty = EMPTY_CLAUSE.exec(model.text.slice(from, index.offset(task.fullRange.end)));
      if (empty) {
        report({
          range: task.range,
          message: {
            zh: `任务 ${task.path}「${task.title}」的${empty[1]}为空:请在「${empty[1]}:」后填写牵头和配合部门`,
            en: `Task ${task.path} "${task.title}": the ${empty[1]} clause is empty; name the lead and supporting departments after the colon`,
          },
          // where the units go: before the closing bracket (the editor puts the cursor there)
          data: { path: task.path, emptyClause: index.position(from + empty.index + empty[0].length - 1) },
        });
        continue;
      }
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
