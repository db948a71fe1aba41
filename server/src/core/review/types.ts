import type { Comparison, LocalizedText, PlanLevel, PlanPlace, Range, Severity } from '../model/types';

/**
 * The reviewer's desk (issue 20): what `ecoplan review` finds in a set of plans, in one shape for
 * every output (JSON, the HTML page, the workbook, the Word opinions, the editor's 审核总览).
 * Built by core/review/ from analyses (no Node, no LSP); rendered by report/; the CLI and the
 * server only gather the files. Texts are in the report's language (`lang`): a report is made for
 * one reader. The shape is a public interface (`--format json`, version 1): keep it stable.
 */
export interface ReviewReport {
  version: 1;
  lang: 'zh' | 'en';
  /** One per file given, in the order given (folders: in walk order), read or not. */
  plans: PlanReview[];
  /** The matrix's columns: the binding indicators of the plans' editions and levels, catalogue order, once each. */
  indicators: MatrixColumn[];
  /** One per city plan that has county plans of its prefecture in the set (or naming it as `parent:`). */
  cities: CityView[];
  /** The verdict criteria used (the defaults, or `review:` of ecoplan.config.yaml). */
  criteria: VerdictCriteria;
  summary: { plans: number; read: number; ready: number; revise: number; unread: number };
}

/** 可提交 / 需修改. */
export type Verdict = 'ready' | 'revise';

/** When a plan is 需修改: each limit is the most that still lets it be submitted. */
export interface VerdictCriteria {
  maxTasksWithoutUnit: number;
  maxMissingBinding: number;
  maxBelowThreshold: number;
  maxConflicts: number;
  maxMissingParts: number;
  /** Also 需修改 when any finding has severity error. */
  noErrors: boolean;
}

export interface MatrixColumn {
  /** Catalogue id (stable across renderers). */
  id: string;
  name: string;
  unit: string | null;
  /** The editions and levels the indicator is binding in, among the plans' (`national-2024-city`). */
  editions: string[];
}

/** A place in a file a finding or a cell points to. */
export interface FilePlace {
  /** 1-based line in the file as the user has it (for a .docx: of its imported text). */
  line: number;
  /** 1-based column (UTF-16). */
  column: number;
  /** The Word paragraph (1-based) for a .docx. */
  wordParagraph?: number;
}

export interface ReviewFinding extends FilePlace {
  code: string;
  severity: Severity;
  message: string;
  /** The words of the plan the finding is about (its line, trimmed, at most ~80 characters). */
  quote: string;
  range: Range;
}

/** One cell of the matrix: the plan's firm target for one indicator, judged against the threshold. */
export interface MatrixCell extends Partial<FilePlace> {
  /**
   * meets: at or beyond the threshold · below: weaker than a verified threshold · unverified: the threshold is not verified
   * (never counted as below) · trend: only a direction (逐年提升) · mentioned: named without a target · missing: not named
   * · not-binding: the indicator does not bind this plan's level/edition.
   */
  status: 'meets' | 'below' | 'unverified' | 'trend' | 'mentioned' | 'missing' | 'not-binding';
  op?: Comparison;
  value?: number | null;
  unit?: string | null;
  year?: number | null;
  /** As written (`城镇污水处理率达到95%以上`). */
  surface?: string;
  /** The national threshold as the catalogue states it (`≥95%`). */
  threshold?: string;
}

/** The required parts of a plan (the 规划编制指南's chapters as reviewers check them). */
export type RequiredPartKind = 'status' | 'targets' | 'tasks' | 'projects' | 'safeguards' | 'steps';

export interface RequiredPart {
  kind: RequiredPartKind;
  present: boolean;
  /** The heading that holds it, when present. */
  title?: string;
  line?: number;
  /** For `projects`: whether its table (or list) states investment, responsible unit and period. */
  columns?: { investment: boolean; unit: boolean; period: boolean };
}

/** One point of the opinion (审核意见), in the order of the official review points. */
export interface OpinionPoint {
  point: 'parts' | 'domains' | 'period' | 'approval' | 'edition' | 'responsibility' | 'targets' | 'findings';
  /** true: satisfied · false: a problem · null: cannot be judged from the text. */
  ok: boolean | null;
  /** The point's heading in the report's language (`一、规划(方案)结构`). */
  heading: string;
  /** Sentences of the opinion, each complete, in the report's language. */
  text: string[];
  /** The findings that support the point (indexes into PlanReview.findings). */
  findings: number[];
}

export interface PlanReview {
  /** As given on the command line or relative to the workspace, `/`-separated. */
  file: string;
  /** Why the file could not be read (the row then says only this); absent when read. */
  unread?: string;
  title: string | null;
  place: PlanPlace | null;
  level: PlanLevel | null;
  /** The edition checked against, and whether it is the current one for the plan's level. */
  catalogue: string;
  catalogueCurrent: boolean;
  /** Editions the plan cites (core/catalogue/citations.ts). */
  cited: string[];
  period: { from: number; to: number } | null;
  tasks: number;
  tasksWithoutUnit: number;
  /** Tasks whose only parties are vague (相关部门、各有关单位). */
  tasksVagueOnly: number;
  binding: { total: number; covered: number; missing: string[]; trendOnly: string[] };
  belowThreshold: number;
  conflicts: number;
  parts: RequiredPart[];
  missingParts: RequiredPartKind[];
  /** The six domains (生态制度/安全/空间/经济/生活/文化) the tasks cover. */
  domains: { covered: string[]; missing: string[] };
  approval: { stated: boolean; body?: string; line?: number };
  verdict: Verdict;
  /** Why 需修改 (one sentence per criterion exceeded), empty when 可提交. */
  verdictReasons: string[];
  /** Every diagnostic of the plan, in file order. */
  findings: ReviewFinding[];
  opinion: OpinionPoint[];
  /** The matrix row: catalogue id → cell, for every column of ReviewReport.indicators. */
  cells: Record<string, MatrixCell>;
  /** The city plan this (county) plan was compared with, when one is in the set. */
  city?: string;
}

/** A city plan beside its counties: one row per indicator either states. */
export interface CityView {
  city: string;
  place: PlanPlace | null;
  counties: string[];
  rows: {
    id: string;
    name: string;
    city: MatrixCell;
    /** One per county, same order as `counties`; `weaker` when the county's firm target is weaker than the city's for the same year. */
    counties: (MatrixCell & { weaker?: boolean; assignedNoTarget?: boolean })[];
    /** The city plan assigns this indicator to its counties (a clause naming 各县(市、区)). */
    assigned: boolean;
  }[];
}

/**
 * What comparing a county plan with its city plan finds (core/review/cityCompare.ts): information
 * only — no national rule requires a county to match its city.
 */
export interface CityComparison {
  kind: 'weaker-than-city' | 'assigned-without-target';
  catalogueId: string;
  indicator: string;
  /** In the county plan: the weaker target's range, or the title/first line when there is no target. */
  range: Range;
  /** The county's target index (PlanModel.targets), for `weaker-than-city`. */
  countyTarget?: number;
  /** The city plan's statement: its target (or the assigning clause). */
  city: { range: Range; surface: string; op?: Comparison; value?: number | null; unit?: string | null; year?: number | null };
  message: LocalizedText;
}
