// `ecoplan/reviewReport` (issue 20, EcoPlan: 审核总览): over stdio, the server builds the review report
// of the workspace's plans — a city plan and one of its counties, a note that is no plan — with the
// city view, and with a nonce the same HTML page for the webview.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReviewReport } from '../../server/src/core/review/types';
import { LspClient } from '../support/lspClient';

// written for this test in the plans' usual forms (丽水市 and its 缙云县)
const CITY = `# 丽水市创建国家生态文明建设示范市实施方案(2024—2026年)

## 一、主要目标

到2025年,城镇污水处理率达到97%以上,生态环境状况指数保持在70以上。

## 二、主要任务

1. 推进污水管网建设,各县(市、区)城镇污水处理率到2025年达到95%以上。责任单位:市住建局、各县(市、区)人民政府

2. 加强生态保护修复。责任单位:市生态环境局
`;

const COUNTY = `# 缙云县创建国家生态文明建设示范县实施方案(2024—2026年)

## 一、主要目标

到2025年,城镇污水处理率达到93%以上。

## 二、主要任务

1. 推进污水管网建设。责任单位:县住建局

2. 开展生态文化宣传。
`;

const dir = mkdtempSync(join(tmpdir(), 'ecoplan-review-'));
writeFileSync(join(dir, 'lishui.md'), CITY);
writeFileSync(join(dir, 'jinyun.md'), COUNTY);
writeFileSync(join(dir, 'notes.md'), '# 周会记录\n\n- 下周去现场\n');
const countyUri = pathToFileURL(join(dir, 'jinyun.md')).toString();

type Result = { report: ReviewReport; root: string | null; html?: string };

describe('ecoplan/reviewReport', () => {
  const client = new LspClient();
  beforeAll(() => client.startWith(dir, countyUri, COUNTY));
  afterAll(() => client.stop());

  it('returns the report of the workspace’s plans, relative to the folder, with the city beside its county', async () => {
    const r = await client.request<Result>('ecoplan/reviewReport', {});
    expect(r.root).toBe(dir);
    expect(r.html).toBeUndefined();
    const { report } = r;
    expect(report.plans.map((p) => [p.file, p.place?.name, p.level, p.period, p.tasks, p.tasksWithoutUnit, p.verdict, p.city ?? null])).toEqual([
      ['jinyun.md', '缙云县', '县', { from: 2024, to: 2026 }, 2, 1, 'revise', 'lishui.md'],
      ['lishui.md', '丽水市', '市', { from: 2024, to: 2026 }, 2, 0, 'revise', null],
    ]);
    expect(report.summary).toEqual({ plans: 2, read: 2, ready: 0, revise: 2, unread: 0 });
    expect(report.cities.map((c) => [c.city, c.counties, c.rows.map((row) => [row.name, row.assigned, row.city.value, row.counties.map((x) => [x.status, x.value ?? null, x.weaker ?? false])])])).toEqual([
      [
        'lishui.md',
        ['jinyun.md'],
        [
          ['生态环境状况指数', false, 70, [['missing', null, false]]],
          // the city assigns it to its counties (各县(市、区)…95%); 缙云's 93% meets the county threshold but is weaker than the city's 97%
          ['城镇污水处理率', true, 97, [['meets', 93, true]]],
        ],
      ],
    ]);
  });

  it('renders the same page for the webview when given a nonce, escaping and linking as the HTML report does', async () => {
    const r = await client.request<Result>('ecoplan/reviewReport', { nonce: 'abcdef0123456789' });
    expect(r.html).toContain(`script-src 'nonce-abcdef0123456789'`);
    expect(r.html).toContain('acquireVsCodeApi()');
    expect(r.html).toContain('data-file="jinyun.md"');
    // a nonce that could break out of the attribute is refused: no page
    expect((await client.request<Result>('ecoplan/reviewReport', { nonce: `x' 'unsafe-inline` })).html).toBeUndefined();
  });
});
