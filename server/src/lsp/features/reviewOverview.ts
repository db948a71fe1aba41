import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Connection } from 'vscode-languageserver/node';
import type { PlanAnalysis } from '../../core/analyse';
import { matrixColumnsOf } from '../../core/review/cells';
import { buildCityView, type ViewedPlan } from '../../core/review/cityView';
import { DEFAULT_CRITERIA } from '../../core/review/criteria';
import { buildPlanReview } from '../../core/review/planReview';
import { buildReviewReport } from '../../core/review/reviewReport';
import type { ReviewReport, VerdictCriteria } from '../../core/review/types';
import { reviewHtml } from '../../report/review/html';
import type { PlanSource } from '../planSource';

/**
 * `ecoplan/reviewReport`: the reviewer's report (issue 20) of the workspace's plans, for the
 * editor's 审核总览 — the same ReviewReport as `ecoplan review` builds, from the analyses the
 * server already has (text plans; a .docx once the server has analysed it), and, when asked with a
 * nonce, the same HTML page for a webview, whose links then ask the extension to open the plan.
 */

export const REVIEW_REPORT_REQUEST = 'ecoplan/reviewReport';

export interface ReviewReportParams {
  /** The webview's CSP nonce: when given, the page is rendered too. */
  nonce?: string;
}

export interface ReviewReportResult {
  report: ReviewReport;
  /** The folder the report's file names are relative to (a path), or null with no folder open. */
  root: string | null;
  html?: string;
}

/** What the feature needs besides PlanSource: the workspace folders and the verdict criteria of the workspace's config. */
export interface ReviewSource extends PlanSource {
  readonly folders: string[];
  reviewCriteria?(): VerdictCriteria | undefined;
}

const NONCE = /^[A-Za-z0-9+/=_-]{8,128}$/;

function pathOf(uri: string): string | null {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : null;
  } catch {
    return null;
  }
}

/** The analyses of the workspace's plans, in path order: each plan's current analysis, and each other analysed file (Word). */
function workspacePlans(ws: ReviewSource): { uri: string; path: string; analysis: PlanAnalysis }[] {
  const byPath = new Map<string, { uri: string; analysis: PlanAnalysis }>();
  for (const uri of ws.allPlanUris()) {
    const path = pathOf(uri);
    const analysis = path ? ws.analysisOf(uri) : null;
    if (path && analysis) byPath.set(path, { uri, analysis });
  }
  for (const [uri, analysis] of ws.lastAnalyses()) {
    const path = pathOf(uri);
    if (path && !byPath.has(path)) byPath.set(path, { uri, analysis });
  }
  return [...byPath].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([path, p]) => ({ path, ...p }));
}

export function provideReviewReport(ws: ReviewSource, params: ReviewReportParams | null | undefined): ReviewReportResult {
  const root = ws.folders[0] ?? null;
  const lang = ws.locale;
  const criteria = ws.reviewCriteria?.() ?? DEFAULT_CRITERIA;
  const plans = workspacePlans(ws).map(({ uri, path, analysis }) => {
    const file = (root ? relative(root, path) : path).replace(/\\/g, '/');
    return { uri, file, analysis, review: buildPlanReview(file, analysis, { lang, criteria }) };
  });
  // each county beside its city plan, paired as the editor's diagnostics pair them (PlanSource.cityPlanOf), when the city is in the report
  const index = new Map(plans.map((p, i) => [p.uri, i]));
  const groups = new Map<number, number[]>();
  plans.forEach((p, i) => {
    const found = ws.cityPlanOf(p.uri);
    const city = found && !('problem' in found) ? index.get(found.uri) : undefined;
    if (city === undefined || city === i) return;
    groups.set(city, [...(groups.get(city) ?? []), i]);
    p.review.city = plans[city].file;
  });
  const viewed = (i: number): ViewedPlan => ({ file: plans[i].file, analysis: plans[i].analysis });
  const cities = [...groups].map(([city, counties]) => buildCityView(viewed(city), counties.map(viewed)));
  const report = buildReviewReport(
    plans.map((p) => p.review),
    criteria,
    lang,
    { columns: plans.map((p) => matrixColumnsOf(p.analysis)), cities },
  );
  const nonce = params?.nonce;
  return { report, root, ...(typeof nonce === 'string' && NONCE.test(nonce) ? { html: reviewHtml(report, { nonce, webview: true }) } : {}) };
}

export function registerReviewOverview(connection: Connection, ws: ReviewSource) {
  connection.onRequest(REVIEW_REPORT_REQUEST, (params: ReviewReportParams | null | undefined) => provideReviewReport(ws, params));
}
