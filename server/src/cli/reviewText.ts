import type { PlanReview, ReviewReport } from '../core/review/types';

/**
 * `ecoplan review` as text on a terminal: the overview, one row per plan in aligned columns (a
 * Chinese character is two columns wide), then each plan's verdict with its reasons, then the count.
 */

const width = (s: string) => {
  let w = 0;
  for (const ch of s) w += ch.charCodeAt(0) >= 0x2e80 ? 2 : 1;
  return w;
};
const pad = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - width(s)));

function table(rows: string[][]): string[] {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => width(r[c] ?? ''))));
  return rows.map((r) =>
    r
      .map((cell, c) => (c === r.length - 1 ? cell : pad(cell, widths[c])))
      .join('  ')
      .trimEnd(),
  );
}

const LABELS = {
  zh: {
    head: ['文件', '地区', '级别', '版本', '期限', '任务', '无责任单位', '仅笼统', '约束性指标 覆盖/缺/仅趋势', '低于国标', '矛盾', '缺少部分', '结论'],
    ready: '可提交',
    revise: '需修改',
    unread: '无法读取',
    current: '',
    old: '(非现行)',
    summary: (s: ReviewReport['summary']) => `共 ${s.plans} 个方案:可提交 ${s.ready} 个,需修改 ${s.revise} 个${s.unread ? `,无法读取 ${s.unread} 个` : ''}`,
    reasons: '原因:',
  },
  en: {
    head: ['file', 'place', 'level', 'edition', 'period', 'tasks', 'no unit', 'vague only', 'binding covered/missing/trend', 'below', 'conflicts', 'parts missing', 'verdict'],
    ready: 'ready',
    revise: 'revise',
    unread: 'not read',
    current: '',
    old: ' (not current)',
    summary: (s: ReviewReport['summary']) => `${s.plans} plan(s): ${s.ready} ready, ${s.revise} to revise${s.unread ? `, ${s.unread} not read` : ''}`,
    reasons: 'because: ',
  },
};

function overviewRow(p: PlanReview, L: (typeof LABELS)['zh']): string[] {
  if (p.unread) return [p.file, `${L.unread}: ${p.unread}`];
  return [
    p.file,
    p.place?.name ?? '—',
    p.level ?? '—',
    `${p.catalogue}${p.catalogueCurrent ? L.current : L.old}`,
    p.period ? `${p.period.from}-${p.period.to}` : '—',
    String(p.tasks),
    String(p.tasksWithoutUnit),
    String(p.tasksVagueOnly),
    `${p.binding.covered}/${p.binding.missing.length}/${p.binding.trendOnly.length} (${p.binding.total})`,
    String(p.belowThreshold),
    String(p.conflicts),
    String(p.missingParts.length),
    p.verdict === 'ready' ? L.ready : L.revise,
  ];
}

export function renderReviewText(report: ReviewReport): string[] {
  const L = LABELS[report.lang];
  const read = report.plans.filter((p) => !p.unread);
  const lines = table([L.head, ...read.map((p) => overviewRow(p, L))]);
  for (const p of report.plans) if (p.unread) lines.push(overviewRow(p, L).join('  '));
  lines.push('');
  for (const p of read) {
    const verdict = p.verdict === 'ready' ? L.ready : L.revise;
    lines.push(p.verdictReasons.length ? `${verdict} ${p.file} — ${L.reasons}${p.verdictReasons.join(report.lang === 'zh' ? ';' : '; ')}` : `${verdict} ${p.file}`);
  }
  lines.push('', L.summary(report.summary));
  return lines;
}
