import { alternation, targetVocabulary } from './targetVocabulary';

/**
 * Years stated as deadlines (`到2025年`, `2025年底前`; the words are data/vocab/targets.yaml
 * `yearStatement`), not base years (`较2015年`). A goals section's intro (`到2025年,……具体目标如下:`)
 * sets the year of the targets listed below it (readPlan.ts).
 */
const DEADLINE = new RegExp(
  `(${alternation(targetVocabulary.yearBefore)})\\s*((?:19|20)\\d\\d)\\s*年|(?<!\\d)((?:19|20)\\d\\d)\\s*年(${alternation(targetVocabulary.yearAfter)})`,
  'g',
);

/** The last deadline year a line states, or null. Linear: one pass of a regex of literal words. */
export function lastDeadlineYear(line: string): number | null {
  let year: number | null = null;
  DEADLINE.lastIndex = 0;
  for (let m = DEADLINE.exec(line); m; m = DEADLINE.exec(line)) year = Number(m[2] ?? m[3]);
  return year;
}

const BASE_BEFORE = new RegExp(`(${alternation(targetVocabulary.yearBase)})\\s*$`);

/** Whether the year at `at` in `text` is a base year (`较2015年`): a base word right before it. */
export function isBaseYear(text: string, at: number): boolean {
  return BASE_BEFORE.test(text.slice(Math.max(0, at - 4), at));
}
