import type { PlanReview, ReviewReport } from '../../core/review/types';
import { findingsIntro, placeText, planName, reasonsText, severityLabel, verdictLabel, words } from './labels';

/**
 * The opinions (审核意见) as the Markdown that `ecoplan export` turns into a GB/T 9704 document
 * (word/exportDocx.ts: its layout and fonts, not a second copy of them): one opinion per plan that
 * could be read, each on its own page — title 关于《…》的审核意见, 主送 flush left, the points in
 * the official order with 黑体 headings, every finding with its quote and place, and the 落款 with
 * blanks for the seal, the reviewer's signature and the date, for the reviewer to edit and sign.
 */

/** Plan text is the plan's, not Markdown: every ASCII punctuation mark escaped, lines joined. */
export function mdText(s: string): string {
  return s.replace(/[\r\n]+/g, ' ').replace(/[!-/:-@[-`{-~]/g, (c) => `\\${c}`);
}

function opinion(p: PlanReview, lang: ReviewReport['lang']): string[] {
  const w = words(lang);
  const title = planName(p);
  const zh = lang === 'zh';
  const out = [`# ${mdText(w.opinionTitle(title))}`, '', `<p align="left">${mdText(p.place ? w.to(p.place.name) : w.toUnknown)}</p>`, '', mdText(w.intro(title)), ''];
  for (const pt of p.opinion) {
    out.push(`## ${mdText(pt.heading)}`, '');
    if (pt.point === 'findings') {
      for (const t of findingsIntro(pt)) out.push(mdText(t), '');
      continue;
    }
    for (const t of pt.text) out.push(mdText(t), '');
    if (pt.findings.length) out.push(mdText(`${w.seeBefore}${pt.findings.map((f) => f + 1).join(zh ? '、' : ', ')}${w.seeAfter}`), '');
  }
  if (!p.opinion.some((pt) => pt.point === 'findings')) out.push(`## ${mdText(w.findings)}`, '');
  if (!p.findings.length) out.push(mdText(w.noFindings), '');
  p.findings.forEach((f, k) => {
    const where = placeText(p.file, f.line, f.wordParagraph, lang);
    const line = zh
      ? `${k + 1}.【${severityLabel(f.severity, lang)}】${f.message}(${f.code})${f.quote ? `原文:“${f.quote}”` : ''}(${where})`
      : `${k + 1}. [${severityLabel(f.severity, lang)}] ${f.message} (${f.code})${f.quote ? ` Quote: “${f.quote}”` : ''} (${where})`;
    out.push(mdText(line), '');
  });
  out.push(mdText(w.verdictLine(verdictLabel(p.verdict, lang))) + (p.verdictReasons.length ? mdText((zh ? '。' : '. ') + w.reasons + reasonsText(p.verdictReasons, lang)) : ''), '');
  out.push(`<p align="right">${mdText(w.signature)}</p>`, '', `<p align="right">${mdText(w.signer)}</p>`, '', `<p align="right">${mdText(w.date)}</p>`, '');
  return out;
}

/** Every read plan's opinion, a page break between them; null when no plan could be read. */
export function opinionsMarkdown(report: ReviewReport): string | null {
  const read = report.plans.filter((p) => p.unread === undefined);
  if (!read.length) return null;
  return read.map((p) => opinion(p, report.lang).join('\n')).join('\n***\n\n');
}

/** The document's title (its core property). */
export function opinionsTitle(report: ReviewReport): string {
  return words(report.lang).opinions;
}
