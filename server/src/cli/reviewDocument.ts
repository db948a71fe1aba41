import { randomBytes } from 'node:crypto';
import { dirname, relative, resolve } from 'node:path';
import type { ReviewReport } from '../core/review/types';
import { defaultHref, reviewHtml } from '../report/review/html';
import { opinionsMarkdown, opinionsTitle } from '../report/review/opinionDoc';
import { reviewXlsx } from '../report/review/xlsx';
import { wordSupport } from './wordHook';

/**
 * `ecoplan review -o 审核报告.html|.xlsx|.docx`: the report as the reviewer's documents
 * (report/review/): the page and the workbook link each finding to its plan relative to where the
 * output is written; the Word opinions go through the Word bundle's GB/T 9704 export.
 */
export type ReviewDocumentFormat = 'html' | 'xlsx' | 'docx';

/** The link from the output's folder to a plan's line: `../plans/东川县.md#L12`. */
function hrefFrom(output: string): (file: string, line: number) => string {
  const base = dirname(resolve(output));
  return (file, line) => defaultHref(relative(base, resolve(file)).replace(/\\/g, '/'), line);
}

/** The document's bytes, or why it cannot be written (one line, Chinese / English). */
export async function renderReviewDocument(report: ReviewReport, format: ReviewDocumentFormat, output: string): Promise<{ data: string | Uint8Array } | { problem: string }> {
  switch (format) {
    case 'html':
      return { data: reviewHtml(report, { nonce: randomBytes(16).toString('base64'), href: hrefFrom(output) }) };
    case 'xlsx':
      return { data: await reviewXlsx(report, hrefFrom(output)) };
    case 'docx': {
      const markdown = opinionsMarkdown(report);
      if (markdown === null) return { problem: `${output}: 没有读取到任何方案,未写审核意见 / no plan could be read; no opinions written` };
      const word = wordSupport();
      if (!word) return { problem: `${output}: 无法加载 Word 模块 / the Word module could not be loaded` };
      return { data: await word.opinionsDocx(markdown, opinionsTitle(report)) };
    }
  }
}
