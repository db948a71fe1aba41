// The review report's HTML page, rendered in headless Chromium: what a reviewer sees (screenshots of
// the overview, the matrix, the city view and one opinion kept in test/output/), and the page's
// controls used as a reviewer uses them — a click on a header sorts, the box and the verdict filter.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { hasChromium, openPage, shot as screenshotOf } from '../support/chromium';
import { reviewHtml } from '../../server/src/report/review/html';
import { sampleReport } from './sampleReport';

/** A table row as the page script sees it (the tests have no DOM types). */
type Row = { cells: ArrayLike<{ textContent: string | null; className: string }> & Iterable<{ textContent: string | null; className: string }> };

const report = sampleReport();
const out = join(process.cwd(), 'test', 'output');
const page = reviewHtml(report, { nonce: 'n0nce' });

describe('the page as text', () => {
  it('escapes plan text everywhere: a quote with markup stays text', () => {
    expect(page).toContain('到2025年,城镇污水处理率达到90%&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).not.toContain('<script>alert');
    // one script, the page's own, allowed by the CSP's nonce; nothing from the network
    expect(page.match(/<script/g)).toEqual(['<script']);
    expect(page).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-n0nce'; script-src 'nonce-n0nce'; img-src data:">`);
    expect(page).not.toMatch(/(?:src|href)="(?:https?:)?\/\//);
  });

  it('links each finding to its file and line, the path percent-encoded', () => {
    expect(page).toContain('<a class="loc" href="plans/%E4%B8%9C%E5%B7%9D%E5%8E%BF%E5%AE%9E%E6%96%BD%E6%96%B9%E6%A1%88.md#L23" data-file="plans/东川县实施方案.md" data-line="23">plans/东川县实施方案.md:23</a>');
    // a .docx finding names its Word paragraph
    expect(page).toContain('>plans/西岭县方案.docx:66(Word 第 58 段)</a>');
  });

  it('prints one opinion a page, without the controls', () => {
    expect(page).toMatch(/@media print \{[\s\S]*\.controls \{ display: none; \}[\s\S]*section\.opinions \{ break-before: page; \}[\s\S]*article\.opinion \+ article\.opinion \{ break-before: page; \}/);
  });
});

describe.skipIf(!hasChromium)(`in headless Chromium${hasChromium ? '' : ' (skipped: /usr/bin/chromium not installed)'}`, () => {
  let browser: Browser;
  let tab: Page;
  let errors: string[] = [];
  beforeAll(async () => {
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'review-sample.html'), page);
    ({ browser, tab, errors } = await openPage());
    await tab.goto(`file://${join(out, 'review-sample.html')}`);
  }, 60_000);
  afterAll(async () => browser?.close());
  const shot = (el: Locator, path: string) => screenshotOf(tab, el, path);


  const column = (table: string, col: number) => tab.locator(`${table} tbody tr:not([hidden])`).evaluateAll((rows, c) => rows.map((r) => (r as unknown as Row).cells[c].textContent), col);

  it('shows the overview, one row per plan, with exact cells; the script ran under the CSP', async () => {
    const rows = await tab.locator('table.overview tbody tr').evaluateAll((rs) => rs.map((r) => [...(r as unknown as Row).cells].map((c) => c.textContent)));
    expect(rows).toEqual([
      ['1', '清江市创建国家生态文明建设示范市实施方案(2024—2027年)plans/清江市创建方案.md', '清江市', '市', '环生态〔2019〕76号', '2024—2027', '36', '0', '1', '8/8', '0', '0', '0', '0', '', '可提交'],
      ['2', '东川县创建国家生态文明建设示范县实施方案plans/东川县实施方案.md', '东川县', '县', '环生态〔2019〕76号', '2024—2026', '28', '3', '2', '6/8', '1', '1', '1', '1', '重点工程', '需修改'],
      ['3', '南塬县创建国家生态文明建设示范县工作方案plans/南塬县实施方案.txt', '南塬县', '县', '环生态〔2019〕76号', '', '19', '0', '5', '5/8', '3', '0', '0', '0', '现状与问题、实施步骤', '需修改'],
      ['4', '西岭县国家生态文明建设示范县建设规划(2023—2030年)plans/西岭县方案.docx', '西岭县', '县', '环生态〔2019〕76号(非现行)', '2023—2030', '41', '0', '0', '8/8', '0', '0', '0', '0', '', '可提交'],
      ['5', 'plans/北坪区方案(损坏).docx', '', '', '', '', '', '', '', '', '', '', '', '', '', '无法读取不是有效的 Word 文件(zip 目录缺失)'],
    ]);
    expect(await tab.locator('#count').textContent()).toBe('5 份');
    expect(errors).toEqual([]);
    await shot(tab.locator('#overview'), join(out, 'review-sample-overview.png'));
  });

  it('sorts by a click on a header (numbers as numbers, again to reverse) and filters by text and verdict', async () => {
    await tab.locator('table.overview th[data-key="tasks"]').click();
    expect(await column('table.overview', 6)).toEqual(['19', '28', '36', '41', '']);
    await tab.locator('table.overview th[data-key="tasks"]').click();
    // blank cells (the unread plan) stay last
    expect(await column('table.overview', 6)).toEqual(['41', '36', '28', '19', '']);
    expect(await tab.locator('table.overview th[data-key="tasks"]').getAttribute('aria-sort')).toBe('descending');
    await tab.locator('table.overview th[data-key="place"]').click();
    expect(await column('table.overview', 2)).toEqual(['东川县', '南塬县', '清江市', '西岭县', '']);

    await tab.locator('#verdict').selectOption('revise');
    expect(await column('table.overview', 2)).toEqual(['东川县', '南塬县']);
    expect(await tab.locator('#count').textContent()).toBe('2/5 份');
    // the matrix and the opinions follow the filter
    expect(await column('table.matrix', 0)).toEqual(['东川县', '南塬县']);
    expect(await tab.locator('article.opinion:not([hidden]) h2').allTextContents()).toEqual(['关于《东川县创建国家生态文明建设示范县实施方案》的审核意见', '关于《南塬县创建国家生态文明建设示范县工作方案》的审核意见']);
    await tab.locator('#q').fill('东川');
    expect(await column('table.overview', 2)).toEqual(['东川县']);
    await tab.locator('#verdict').selectOption('');
    await tab.locator('#q').fill('docx');
    expect(await column('table.overview', 0)).toEqual(['4', '5']);
    await tab.locator('#q').fill('');
    expect(await tab.locator('#count').textContent()).toBe('5 份');
  });

  it('colours each matrix cell by its status, with value and year, and a legend', async () => {
    const cells = await tab.locator('table.matrix tbody tr').evaluateAll((rs) => rs.map((r) => [...(r as unknown as Row).cells].map((c) => `${c.textContent}|${c.className}`)));
    expect(cells[1]).toEqual([
      '东川县|plan', '达标|c st-meets', '≥20%(2025年)|c st-meets', '≥100%(2025年)|c st-meets', '仅提及|c st-mentioned', '≥60%(2026年)|c st-meets', '—|c st-missing', '仅趋势|c st-trend', '≥90%(2025年)|c st-below',
    ]);
    expect(cells[4]).toEqual(['plans/北坪区方案(损坏).docx|plan', '无法读取:不是有效的 Word 文件(zip 目录缺失)|']);
    expect(await tab.locator('table.matrix td.st-below').getAttribute('title')).toBe('低于国标 · 城镇污水处理率达到90% · 国家指标值 ≥95% · plans/东川县实施方案.md:23');
    expect(await tab.locator('ul.legend li').allTextContents()).toEqual(['达标', '低于国标', '国标待核实', '仅趋势', '仅提及', '未涉及', '不适用']);
    const colours = await tab.locator('ul.legend li span').evaluateAll((ss) => ss.map((s) => (globalThis as unknown as { getComputedStyle(e: unknown): { backgroundColor: string } }).getComputedStyle(s).backgroundColor));
    expect(new Set(colours).size).toBe(7);
    await shot(tab.locator('#matrix'), join(out, 'review-sample-matrix.png'));
  });

  it('shows the city beside its counties, weaker targets and unassigned ones marked', async () => {
    const rows = await tab.locator('table.city tbody tr').evaluateAll((rs) => rs.map((r) => [...(r as unknown as Row).cells].map((c) => c.textContent)));
    expect(await tab.locator('table.city thead th').allTextContents()).toEqual(['指标', '市级方案:清江市', '东川县', '南塬县', '西岭县']);
    expect(rows).toEqual([
      ['生态环境状况指数', '≥65%(2027年)', '≥60%(2026年) 弱于市级目标', '≥62%(2025年)', '≥70%(2035年)'],
      ['城镇污水处理率市级分解到区县', '≥97%(2026年)', '≥90%(2025年) 弱于市级目标', '— 未落实', '≥96%(2026年)'],
      ['优良天数比例', '国标待核实', '仅提及', '国标待核实', '国标待核实'].map((t, k) => (k === 1 ? '≥92%(2027年)' : k === 3 ? '≥88%(2025年)' : k === 4 ? '≥90%(2030年)' : t)),
    ]);
    await shot(tab.locator('#cities'), join(out, 'review-sample-city.png'));
  });

  it('writes the opinion of each plan with its points and every finding, each linked to its line', async () => {
    const opinion = tab.locator('#opinion-2');
    expect(await opinion.locator('h3').allTextContents()).toEqual([
      '一、规划(方案)结构', '二、六大领域', '三、规划期限与有效期', '四、审议批准', '五、指标体系版本', '六、责任分解', '七、指标目标', '八、其他问题',
    ]);
    expect(await opinion.locator('ol.findings > li').count()).toBe(5);
    expect(await opinion.locator('ol.findings > li').nth(1).textContent()).toBe('警告below-threshold 城镇污水处理率目标≥90%低于国家指标值≥95%。\n到2025年,城镇污水处理率达到90%<script>alert(1)</script>plans/东川县实施方案.md:23');
    expect(await opinion.locator('p.see').allTextContents()).toEqual(['(见问题 1、4)', '(见问题 2、5)']);
    expect(await opinion.locator('p.to').textContent()).toBe('东川县人民政府:');
    await shot(opinion, join(out, 'review-sample-opinion.png'));
    // the whole page, as a person scrolls it
    await tab.screenshot({ path: join(out, 'review-sample-page.png'), fullPage: true });
  });

  it('prints: A4 landscape PDF with a page per opinion', async () => {
    const pdf = await tab.pdf({ preferCSSPageSize: true, printBackground: true });
    const file = join(out, 'review-sample.pdf');
    writeFileSync(file, pdf);
    if (!existsSync('/usr/bin/pdfinfo')) return;
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    // A4 landscape (842 × 595 pt) from the page's @page rule
    expect(/Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!.slice(1, 3).map((x) => Math.round(Number(x)))).toEqual([842, 595]);
    // the overview, matrix and city view first, then each opinion starts a page: the text of each page
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    const starts = Array.from({ length: pages }, (_, k) => execFileSync('pdftotext', ['-f', String(k + 1), '-l', String(k + 1), file, '-'], { encoding: 'utf8' }).trimStart().split('\n')[0]);
    expect(starts.filter((s) => s.startsWith('关于《'))).toEqual([
      '关于《清江市创建国家生态文明建设示范市实施方案(2024—2027年)》的审核意见',
      '关于《东川县创建国家生态文明建设示范县实施方案》的审核意见',
      '关于《南塬县创建国家生态文明建设示范县工作方案》的审核意见',
      '关于《西岭县国家生态文明建设示范县建设规划(2023—2030年)》的审核意见',
      '关于《plans/北坪区方案(损坏).docx》的审核意见',
    ]);
  });
});

describe('the page in English', () => {
  const en = reviewHtml({ ...sampleReport(), lang: 'en' }, { nonce: 'n0nce' });
  it('labels every view in English, one language for the page', () => {
    expect(en).toContain('<html lang="en">');
    expect(en.match(/<th data-key="[A-Za-z]+">[^<]*<\/th>/g)!.map((h) => h.replace(/<[^>]+>/g, ''))).toEqual([
      'No.', 'Plan', 'Place', 'Level', 'Edition', 'Period', 'Tasks', 'No unit', 'Vague only', 'Binding covered', 'Missing', 'Trend only', 'Below', 'Conflicts', 'Parts missing', 'Verdict',
    ]);
    expect(en).toContain('<li><span class="st-below"></span>below threshold</li>');
    expect(en).toContain('<td class="c st-below" title="below threshold · 城镇污水处理率达到90% · national ≥95% · plans/东川县实施方案.md:23">≥90% (2025)</td>');
    // the labels the page itself writes carry no Chinese (plan text, quoted, does)
    const labels = en.replace(/<(script|style)[\s\S]*?<\/\1>/g, '').replace(/>[^<]*[\u4e00-\u9fff][^<]*</g, '><').replace(/"[^"]*[\u4e00-\u9fff][^"]*"/g, '""');
    expect(labels).not.toMatch(/[\u4e00-\u9fff]/);
  });
});
