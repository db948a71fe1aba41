// `ecoplan review test/fixtures/review -o …` as a reviewer runs it: the HTML page (rendered in
// headless Chromium; screenshots of the overview, the matrix, the city view and one opinion kept in
// test/output/ and shown in the README), the workbook read back and the Word opinions through
// LibreOffice — all from the real report of the fixture set (黄山市 and four of its counties, 休宁 a .docx).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Locator, Page } from 'playwright-core';
import { hasChromium, openPage, shot as screenshotOf } from '../support/chromium';
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

describe.skipIf(!hasChromium)(`the page in headless Chromium${hasChromium ? '' : ' (skipped: /usr/bin/chromium not installed)'}`, () => {
  let browser: Browser;
  let tab: Page;
  let errors: string[] = [];
  beforeAll(async () => {
    mkdirSync(out, { recursive: true });
    ({ browser, tab, errors } = await openPage());
    await tab.goto(`file://${join(work, '审核报告.html')}`);
  }, 60_000);
  afterAll(async () => browser?.close());
  const shot = (el: Locator, path: string) => screenshotOf(tab, el, path);


  const texts = (sel: string) => tab.locator(sel).evaluateAll((rs) => rs.map((r) => [...(r as unknown as Row).cells].map((c) => c.textContent)));

  it('shows the overview, one row per plan, with exact cells', async () => {
    expect(await texts('table.overview tbody tr')).toEqual([
      ['1', '黄山市生态文明建设示范市规划(2021—2030年)test/fixtures/review/huangshan-city-plan.md', '黄山市', '市', '环生态〔2019〕76号(非现行)', '2021—2030', '12', '0', '0', '16/19', '2', '1', '0', '0', '', '需修改'],
      ['2', '祁门县创建国家生态文明建设示范县三年行动方案test/fixtures/review/qimen-scheme.md', '祁门县', '县', '环生态〔2019〕76号(非现行)', '2022—2024', '8', '2', '2', '9/20', '10', '1', '0', '2', '', '需修改'],
      ['3', '歙县创建国家生态文明建设示范县实施方案(2022—2025年)test/fixtures/review/shexian-scheme.md', '歙县', '县', '环生态〔2019〕76号(非现行)', '2022—2025', '17', '0', '0', '20/20', '0', '0', '0', '0', '', '可提交'],
      ['4', '休宁县创建国家生态文明建设示范县工作方案(2022—2025年)test/fixtures/review/xiuning-scheme.docx', '休宁县', '县', '环生态〔2019〕76号(非现行)', '2022—2025', '8', '1', '0', '13/20', '5', '2', '0', '0', '实施步骤', '需修改'],
      ['5', '黟县国家生态文明建设示范县规划(2021—2030年)test/fixtures/review/yixian-plan.md', '黟县', '县', '环生态〔2019〕76号(非现行)', '2021—2030', '9', '0', '0', '10/20', '10', '0', '1', '0', '保障措施', '需修改'],
    ]);
    expect(await tab.locator('#count').textContent()).toBe('5 份');
    expect(errors).toEqual([]);
    await shot(tab.locator('#overview'), join(out, 'review-overview.png'));
  });

  it('sorts by a click on a header and filters by text and verdict', async () => {
    const col = (c: number) => tab.locator('table.overview tbody tr:not([hidden])').evaluateAll((rs, k) => rs.map((r) => (r as unknown as Row).cells[k].textContent), c);
    await tab.locator('table.overview th[data-key="covered"]').click();
    expect(await col(2)).toEqual(['祁门县', '黟县', '休宁县', '黄山市', '歙县']);
    await tab.locator('table.overview th[data-key="covered"]').click();
    expect(await col(2)).toEqual(['歙县', '黄山市', '休宁县', '黟县', '祁门县']);
    await tab.locator('#verdict').selectOption('ready');
    expect(await col(2)).toEqual(['歙县']);
    expect(await tab.locator('table.matrix tbody tr:not([hidden]) td.plan').allTextContents()).toEqual(['歙县']);
    await tab.locator('#verdict').selectOption('');
    await tab.locator('#q').fill('docx');
    expect(await col(2)).toEqual(['休宁县']);
    expect(await tab.locator('#count').textContent()).toBe('1/5 份');
    await tab.locator('#q').fill('');
    // back in file order for the screenshots
    await tab.locator('table.overview th[data-key="index"]').click();
  });

  it('shows the matrix, plans × binding indicators, each cell coloured by status', async () => {
    const heads = await tab.locator('table.matrix thead th').allTextContents();
    expect(heads.length).toBe(1 + report.indicators.length);
    expect(heads.slice(0, 4)).toEqual(['方案', '生态文明建设规划', '党委政府对生态文明建设重大目标任务部署情况', '生态文明建设工作占党政实绩考核的比例(%)']);
    const rows = await tab.locator('table.matrix tbody tr').evaluateAll((rs) => rs.map((r) => [...(r as unknown as Row).cells].map((c) => `${c.textContent}|${c.className.replace('c st-', '')}`)));
    expect(rows[4]).toEqual([
      '黟县|plan', '—|missing', '—|missing', '≥20%(2025年)|meets', '仅提及|mentioned', '≥100%|meets', '—|missing', '≥95%(2025年)|unverified', '≥100%|unverified', '/|not-binding', '—|missing', '≥100%(2025年)|meets',
      '—|missing', '生态保护红线面积不…|unverified', '/|not-binding', '—|missing', '—|missing', '/|not-binding', '≥100%(2025年)|meets', '≥80%(2025年)|below', '≥95%|unverified', '≥80%|meets', '—|missing', '—|missing',
    ]);
    expect(rows[0].slice(1, 4)).toEqual(['严格落实|unverified', '有效开展|unverified', '≥22%(2025年)|meets']);
    await shot(tab.locator('#matrix'), join(out, 'review-matrix.png'));
  });

  it('shows 黄山市 beside its four counties, the weaker county targets marked', async () => {
    expect(await tab.locator('table.city thead th').allTextContents()).toEqual(['指标', '市级方案:黄山市', '祁门县', '歙县', '休宁县', '黟县']);
    const rows = await texts('table.city tbody tr');
    expect(rows.length).toBe(report.cities[0].rows.length);
    expect(rows.filter((r) => ['城镇污水处理率', '环境空气质量', '生态文明建设工作占党政实绩考核的比例'].includes(r[0]!) || r[0]!.startsWith('农村无害化卫生厕所普及率'))).toEqual([
      ['生态文明建设工作占党政实绩考核的比例', '≥22%(2025年)', '≥20%', '≥22%', '≥20%', '≥20%(2025年) 弱于市级目标'],
      ['环境空气质量', '≥96%(2025年)', '≥95%(2024年)', '≥95%(2025年) 弱于市级目标', '≥96%(2025年)', '≥95%(2025年) 弱于市级目标'],
      ['城镇污水处理率', '≥97%(2025年)', '≥88%(2024年)', '≥90%(2025年) 弱于市级目标', '≥92%(2025年) 弱于市级目标', '≥80%(2025年) 弱于市级目标'],
      ['农村无害化卫生厕所普及率市级分解到区县', '≥95%(2025年)', '— 未落实', '≥96%', '≥90%(2025年) 弱于市级目标', '— 未落实'],
    ]);
    await shot(tab.locator('#cities'), join(out, 'review-city.png'));
  });

  it('writes each plan’s opinion: the points in order, then every finding with its quote and a link to its line', async () => {
    const qimen = tab.locator('#opinion-2');
    expect(await qimen.locator('h3').allTextContents()).toEqual(['一、规划(方案)结构', '二、六大领域', '三、规划期限', '四、审议批准', '五、建设指标版本', '六、责任分解', '七、目标与国家指标值', '八、逐条问题']);
    const plan = report.plans[1];
    const items = qimen.locator('ol.findings > li');
    expect(await items.count()).toBe(plan.findings.length);
    expect(await items.nth(3).textContent()).toBe(`警告conflicting-targets 生态环境状况指数 的目标 ≥65 与本方案其他处不一致:≥62(第 27 行)\n到2024年,生态环境状况指数达到65以上,城镇污水处理率达到88%以上,单位地区生产总值能耗逐年下降;到2026年,政府绿色采购比例达到80%以上。test/fixtures/review/qimen-scheme.md:11`);
    // links go from the page's folder to the plan
    expect(await items.nth(3).locator('a.loc').getAttribute('href')).toBe(`${relative(work, join(root, FOLDER, 'qimen-scheme.md')).split('/').map(encodeURIComponent).join('/')}#L11`);
    expect(await qimen.locator('p.see').allTextContents()).toEqual(['(见问题 6)', '(见问题 1、2)', '(见问题 7、8、10、11)', '(见问题 3、4、5、9)']);
    // the .docx plan's findings name their Word paragraph
    expect(await tab.locator('#opinion-4 a.loc').allTextContents()).toEqual(report.plans[3].findings.map((f) => `test/fixtures/review/xiuning-scheme.docx:${f.line}(Word 第 ${f.wordParagraph} 段)`));
    await shot(qimen, join(out, 'review-opinion.png'));
  });
});
