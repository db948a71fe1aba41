import type { Comparison, PlanLevel, Range } from '../model/types';

/**
 * What changed between two drafts of one plan (issue 20, `ecoplan diff`, the editor's 与上一稿比较).
 * Built by core/diff/diffPlans.ts from two analyses (no Node, no LSP); the CLI and the server
 * only read the drafts. Messages are in the diff's language (`lang`). The shape is a public
 * interface (`--format json`, version 1): keep it stable.
 */
export interface PlanDiff {
  version: 1;
  lang: 'zh' | 'en';
  old: DraftSummary;
  new: DraftSummary;
  /** Every change, in the order a reviewer reads them (see CHANGE_ORDER): unit changes first, then weakened targets, then the rest. */
  changes: DraftChange[];
  /** Binding (约束性) indicators before and after: what each draft covers, by its own edition and level. */
  coverage: { old: CoverageSide; new: CoverageSide };
  /** Changes per kind (kinds with none are left out). */
  summary: Partial<Record<ChangeKind, number>>;
}

export interface DraftSummary {
  /** The file as the command line named it (`ecoplan diff --format json`); absent in the editor. */
  file?: string;
  title: string | null;
  level: PlanLevel | null;
  catalogue: string;
  tasks: number;
  targets: number;
}

export type ChangeKind =
  | 'lead-removed'
  | 'lead-changed'
  | 'lead-added'
  | 'unit-dropped'
  | 'unit-added'
  | 'target-weakened'
  | 'target-removed'
  | 'coverage-lost'
  | 'task-removed'
  | 'task-added'
  | 'task-retitled'
  | 'task-moved'
  | 'target-strengthened'
  | 'target-changed'
  | 'target-added'
  | 'coverage-gained';

/**
 * A reviewer's order: losing a task's lead is what most needs an answer, then units, then
 * targets made weaker or dropped, then the shape of the task list, then what only improved.
 */
export const CHANGE_ORDER: readonly ChangeKind[] = [
  'lead-removed',
  'lead-changed',
  'unit-dropped',
  'lead-added',
  'unit-added',
  'target-weakened',
  'target-removed',
  'coverage-lost',
  'task-removed',
  'task-added',
  'task-retitled',
  'task-moved',
  'target-changed',
  'target-strengthened',
  'target-added',
  'coverage-gained',
];

/** A task as one draft has it. */
export interface TaskRef {
  /** Outline path in that draft (`三.(二).4`). */
  path: string;
  title: string;
  /** The task's numbered line. */
  range: Range;
}

/** A target as one draft states it. */
export interface TargetRef {
  op: Comparison;
  value: number | null;
  upper?: number | null;
  unit: string | null;
  year: number | null;
  /** As written (`城镇污水处理率达到95%以上`). */
  surface: string;
  /** As reviewers write it (`≥95%`, or the words of a trend). */
  text: string;
  range: Range;
  /** The task that states it, by its path in that draft (absent: stated outside any task, e.g. the target chapter). */
  task?: string;
}

interface ChangeBase {
  kind: ChangeKind;
  /** One line in the diff's language (`三.(二).4 牵头单位:县水利局 → 删除`). */
  message: string;
  /** Where the change is in the old draft (absent for what is only in the new one). */
  oldRange?: Range;
  /** Where it is in the new draft (absent for what is only in the old one). */
  newRange?: Range;
}

export interface TaskChange extends ChangeBase {
  kind: 'task-added' | 'task-removed' | 'task-retitled' | 'task-moved';
  old?: TaskRef;
  new?: TaskRef;
  /** For task-moved: the chapter (parent) path and title in each draft. */
  parents?: { old: string; new: string };
}

export interface UnitChange extends ChangeBase {
  kind: 'lead-removed' | 'lead-changed' | 'lead-added' | 'unit-dropped' | 'unit-added';
  /** The task, as each draft has it. */
  old: TaskRef;
  new: TaskRef;
  /** The units before and after the change: lead units for lead-*, the one unit for unit-*. */
  before: string[];
  after: string[];
}

export interface TargetChange extends ChangeBase {
  kind: 'target-added' | 'target-removed' | 'target-weakened' | 'target-strengthened' | 'target-changed';
  catalogueId: string;
  indicator: string;
  old?: TargetRef;
  new?: TargetRef;
  /** What differs between the two (weakened, strengthened, changed). */
  aspects?: ('value' | 'operator' | 'year' | 'unit' | 'form')[];
}

export interface CoverageChange extends ChangeBase {
  kind: 'coverage-lost' | 'coverage-gained';
  catalogueId: string;
  indicator: string;
  before: CoverageStatus;
  after: CoverageStatus;
}

export type DraftChange = TaskChange | UnitChange | TargetChange | CoverageChange;

/** How a draft addresses a binding indicator: a target, only a trend (逐年提升), nothing, or the indicator does not bind it. */
export type CoverageStatus = 'covered' | 'trend-only' | 'missing' | 'not-binding';

export interface CoverageSide {
  covered: number;
  total: number;
  trendOnly: string[];
  missing: string[];
}
