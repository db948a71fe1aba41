// `ecoplan review test/fixtures/review -o …` as a reviewer runs it: the HTML page (rendered in
// headless Chromium; screenshots of the overview, the matrix, the city view and one opinion kept in
// test/output/ and shown in the README), the workbook read back and the Word opinions through
// LibreOffice — all from the real report of the fixture set (黄山市 and four of its counties, 休宁 a .docx).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReviewReport } from '../../server/src/core/review/types';

type Row = { cells: ArrayLike<{ textContent: string | null; className: string }> & Iterable<{ textContent: string | null; className: string }> };

const root = process.cwd();
const FOLDER = 'test/fixtures/review';
const work = mkdtempSync(join(tmpdir(), 'ecoplan-review-out-'));
const out = join(root, 'test', 'output');

function ecoplan(args: string[]) {
  return spawnSync(process.execPath, [join(root, 'bin', 'ecoplan.js'), 'review', ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, ECOPLAN_COMPILE_CACHE: '0' } });
}

let report: ReviewReport;
beforeAll(() => {
  report = JSON.parse(ecoplan([FOLDER, '--format', 'json']).stdout) as ReviewReport;
  for (const name of ['审核报告.html', '审核报告.xlsx', '审核意见.docx']) {
    const r = ecoplan([FOLDER, '-o', join(work, name)]);
    if (r.status !== 1 || r.stderr) throw new Error(`${name}: exit ${r.status} ${r.stderr}`);
  }
}, 120_000);

describe('ecoplan review -o', () => {
  it('keeps an existing output unless --force, and never writes over an input', () => {
    const before = readFileSync(join(work, '审核报告.html'));
    const again = ecoplan([FOLDER, '-o', join(work, '审核报告.html')]);
    expect([again.status, again.stderr.trim()]).toEqual([2, `ecoplan: ${join(work, '审核报告.html')}: 已存在,未覆盖(如需覆盖请加 --force)/ exists; not overwritten (add --force to overwrite)`]);
    expect(readFileSync(join(work, '审核报告.html')).equals(before)).toBe(true);
    expect(ecoplan([FOLDER, '-o', join(work, '审核报告.html'), '--force']).status).toBe(1);
    const input = join(work, 'plan.md');
    writeFileSync(input, readFileSync(join(root, FOLDER, 'shexian-scheme.md')));
    const over = ecoplan([input, '-o', input.replace(/\.md$/, '.md'), '--force']);
    expect(over.status).toBe(2);
    expect(readFileSync(input).equals(readFileSync(join(root, FOLDER, 'shexian-scheme.md')))).toBe(true);
  });

  it('refuses an output type it cannot write, saying which it can', () => {
    const r = ecoplan([FOLDER, '-o', join(work, '审核报告.pdf')]);
    expect([r.status, r.stderr.split('\n')[0]]).toEqual([2, `ecoplan: -o 的文件类型不支持 / unsupported output type: ${join(work, '审核报告.pdf')} (.json, .txt, .html, .htm, .xlsx, .docx)`]);
  });
});

describe('the workbook', () => {
  it('has the five views, the overview row of each plan and every finding with its link', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(join(work, '审核报告.xlsx')) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['概览', '指标矩阵', '城市与区县', '审核意见', '问题清单']);
    const overview = wb.getWorksheet('概览')!;
    expect(overview.getColumn(2).values.slice(2)).toEqual(report.plans.map((p) => p.title ?? p.file));
    expect(overview.getColumn(16).values.slice(2)).toEqual(report.plans.map((p) => (p.verdict === 'ready' ? '可提交' : '需修改')));
    const findings = wb.getWorksheet('问题清单')!;
    const all = report.plans.flatMap((p) => p.findings.map((f) => ({ p, f })));
    expect(findings.rowCount).toBe(1 + all.length);
    all.forEach(({ p, f }, k) => {
      const row = findings.getRow(k + 2);
      expect([row.getCell(4).value, row.getCell(5).value, row.getCell(6).value]).toEqual([f.code, f.message, f.quote]);
      // the link goes from the workbook's folder to the plan
      expect((row.getCell(7).value as { hyperlink: string }).hyperlink).toMatch(new RegExp(`${encodeURIComponent(p.file.split('/').pop()!).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}#L${f.line}$`));
    });
  });
});

const chromium = '/usr/bin/chromium';
describe.skipIf(!existsSync(chromium))(`the page in headless Chromium${existsSync(chromium) ? '' : ' (skipped: /usr/bin/chromium not installed)'}`, () => {
  let browser: Browser;
  let tab: Page;
  const errors: string[] = [];
  beforeAll(async () => {
    const { chromium: pw } = await import('playwright-core');
    mkdirSync(out, { recursive: true });
    browser = await pw.launch({ executablePath: chromium, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
    tab = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    tab.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    tab.on('pageerror', (e) => errors.push(String(e)));
    await tab.goto(`file://${join(work, '审核报告.html')}`);
  }, 60_000);
  afterAll(async () => browser?.close());

  const texts = (sel: string) => tab.locator(sel).evaluateAll((rs) => rs.map((r) => [...(r as unknown as Row).cells].map((c) => c.textContent)));

  it('overview', async () => {
    const rows = await texts('table.overview tbody tr');
    console.log(JSON.stringify(rows));
    expect(errors).toEqual([]);
    await tab.locator('#overview').screenshot({ path: join(out, 'review-overview.png') });
  });

  it('matrix', async () => {
    const rows = await tab.locator('table.matrix tbody tr').evaluateAll((rs) => rs.map((r) => [...(r as unknown as Row).cells].map((c) => `${c.textContent}|${c.className}`)));
    console.log(JSON.stringify(rows));
    console.log(JSON.stringify(await tab.locator('table.matrix thead th').allTextContents()));
    await tab.locator('#matrix').screenshot({ path: join(out, 'review-matrix.png') });
  });

  it('city', async () => {
    console.log(JSON.stringify(await tab.locator('table.city thead th').allTextContents()));
    console.log(JSON.stringify(await texts('table.city tbody tr')));
    await tab.locator('#cities').screenshot({ path: join(out, 'review-city.png') });
  });

  it('opinion', async () => {
    const second = tab.locator('#opinion-2');
    console.log(JSON.stringify(await second.locator('h2, h3, p, li').allTextContents()));
    console.log(await second.locator('a.loc').first().getAttribute('href'));
    await second.screenshot({ path: join(out, 'review-opinion.png') });
  });
});
