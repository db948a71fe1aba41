import type { ChangeKind, DraftChange, PlanDiff } from '../core/diff/types';
import type { Range } from '../core/model/types';

/**
 * `ecoplan diff` as a reviewer reads it: one line per change in the diff's order (lead units first,
 * then weakened targets, then the rest), each at its place in the new draft (or the old one for what
 * only it has) as `file:line:column`, so that an editor's terminal links it; or a self-contained HTML
 * page of the same. Texts are in the diff's language.
 */

/** How a draft is named in the output, and where each line of it came from (a Word paragraph, for an imported .docx). */
export interface DraftLabel {
  display: string;
  paragraphOf?: (line: number) => number | null;
}

const KIND_ZH: Record<ChangeKind, string> = {
  'lead-removed': '牵头单位删除',
  'lead-changed': '牵头单位变更',
  'lead-added': '牵头单位新增',
  'unit-dropped': '责任单位删除',
  'unit-added': '责任单位新增',
  'target-weakened': '目标降低',
  'target-removed': '目标删除',
  'coverage-lost': '约束性指标覆盖减少',
  'task-removed': '任务删除',
  'task-added': '任务新增',
  'task-retitled': '任务标题改动',
  'task-moved': '任务位置调整',
  'target-strengthened': '目标提高',
  'target-changed': '目标改动',
  'target-added': '目标新增',
  'coverage-gained': '约束性指标覆盖增加',
};
const KIND_EN: Record<ChangeKind, string> = {
  'lead-removed': 'lead removed',
  'lead-changed': 'lead changed',
  'lead-added': 'lead added',
  'unit-dropped': 'unit dropped',
  'unit-added': 'unit added',
  'target-weakened': 'target weakened',
  'target-removed': 'target removed',
  'coverage-lost': 'coverage lost',
  'task-removed': 'task removed',
  'task-added': 'task added',
  'task-retitled': 'task retitled',
  'task-moved': 'task moved',
  'target-strengthened': 'target strengthened',
  'target-changed': 'target changed',
  'target-added': 'target added',
  'coverage-gained': 'coverage gained',
};

export function kindLabel(kind: ChangeKind, lang: 'zh' | 'en'): string {
  return (lang === 'en' ? KIND_EN : KIND_ZH)[kind];
}

/** `file:line:column`, and the Word paragraph of an imported .docx (said after the message, as `ecoplan check` says it). */
function place(label: DraftLabel, range: Range, lang: 'zh' | 'en'): { at: string; note: string } {
  const paragraph = label.paragraphOf?.(range.start.line);
  const note = paragraph ? (lang === 'en' ? ` [Word paragraph ${paragraph}]` : ` [Word 第 ${paragraph} 段]`) : '';
  return { at: `${label.display}:${range.start.line + 1}:${range.start.character + 1}`, note };
}

/** Where a change is: in the new draft, else in the old. */
function changePlace(c: DraftChange, old: DraftLabel, now: DraftLabel, lang: 'zh' | 'en'): { at: string; note: string } {
  if (c.newRange) return place(now, c.newRange, lang);
  if (c.oldRange) return place(old, c.oldRange, lang);
  return { at: now.display, note: '' };
}

function coverageLine(diff: PlanDiff): string {
  const { old, new: now } = diff.coverage;
  return diff.lang === 'en'
    ? `Binding indicators targeted: ${old.covered}/${old.total} → ${now.covered}/${now.total} (trend only: ${old.trendOnly.length} → ${now.trendOnly.length})`
    : `约束性指标设定目标:${old.covered}/${old.total} → ${now.covered}/${now.total}(仅有趋势:${old.trendOnly.length} → ${now.trendOnly.length})`;
}

function totalLine(diff: PlanDiff): string {
  const n = diff.changes.length;
  if (n === 0) return diff.lang === 'en' ? 'No change to tasks, responsible units or targets between the two drafts' : '两稿之间任务、责任单位和指标目标均无改动';
  const parts = Object.entries(diff.summary).map(([k, v]) => `${kindLabel(k as ChangeKind, diff.lang)} ${v}`);
  return diff.lang === 'en' ? `${n} change(s): ${parts.join(', ')}` : `共 ${n} 处改动:${parts.join(',')}`;
}

export function diffToText(diff: PlanDiff, old: DraftLabel, now: DraftLabel): string[] {
  const lang = diff.lang;
  const lines = [
    lang === 'en'
      ? `${old.display} (${diff.old.tasks} tasks) → ${now.display} (${diff.new.tasks} tasks)`
      : `${old.display}(${diff.old.tasks} 项任务)→ ${now.display}(${diff.new.tasks} 项任务)`,
  ];
  for (const c of diff.changes) {
    const { at, note } = changePlace(c, old, now, lang);
    lines.push(`${at} ${c.kind} ${c.message}${note}`);
  }
  lines.push(coverageLine(diff), totalLine(diff));
  return lines;
}

const escapeHtml = (s: string | number) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** What most needs a reviewer's answer is marked: a lost lead or unit, a weaker or dropped target, lost coverage. */
const SERIOUS = new Set<ChangeKind>(['lead-removed', 'lead-changed', 'unit-dropped', 'target-weakened', 'target-removed', 'coverage-lost', 'task-removed']);

/** A page that needs nothing else: no script, no network, its styles inline; every text of the plans escaped. */
export function diffToHtml(diff: PlanDiff, old: DraftLabel, now: DraftLabel): string {
  const lang = diff.lang;
  const t = (zh: string, en: string) => (lang === 'en' ? en : zh);
  const loc = (label: DraftLabel, r: Range | undefined) => {
    if (!r) return '';
    const { at, note } = place(label, r, lang);
    return escapeHtml(at + note);
  };
  const rows = diff.changes
    .map(
      (c) =>
        `<tr class="${SERIOUS.has(c.kind) ? 'serious' : 'plain'}"><td>${escapeHtml(kindLabel(c.kind, lang))}</td><td>${escapeHtml(c.message)}</td><td>${loc(old, c.oldRange)}</td><td>${loc(now, c.newRange)}</td></tr>`,
    )
    .join('\n');
  const title = t('两稿比较', 'Draft comparison');
  return `<!DOCTYPE html>
<html lang="${lang === 'en' ? 'en' : 'zh-CN'}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(title)} · ${escapeHtml(now.display)}</title>
<style>
body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; margin: 2em; color: #222; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #bbb; padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #eee; }
tr.serious td:first-child { color: #a00; font-weight: bold; }
td:nth-child(3), td:nth-child(4) { font-family: monospace; font-size: 90%; white-space: nowrap; }
@media print { body { margin: 0; } tr { break-inside: avoid; } }
</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(t('上一稿', 'Previous draft'))}:${escapeHtml(old.display)}(${escapeHtml(diff.old.title ?? '')},${diff.old.tasks} ${escapeHtml(t('项任务', 'tasks'))})<br>
${escapeHtml(t('本稿', 'This draft'))}:${escapeHtml(now.display)}(${escapeHtml(diff.new.title ?? '')},${diff.new.tasks} ${escapeHtml(t('项任务', 'tasks'))})</p>
<p>${escapeHtml(coverageLine(diff))}<br>${escapeHtml(totalLine(diff))}</p>
<table>
<thead><tr><th>${escapeHtml(t('类别', 'Kind'))}</th><th>${escapeHtml(t('改动', 'Change'))}</th><th>${escapeHtml(t('上一稿位置', 'In the previous draft'))}</th><th>${escapeHtml(t('本稿位置', 'In this draft'))}</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</body>
</html>
`;
}
