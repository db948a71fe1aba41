import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { deriveTables } from '../../server/src/core/tables/deriveTables';
import { cellsOf } from '../../server/src/report/columns';
import { toCsv, toHtml, toMarkdown } from '../../server/src/report/render';
import { toXlsx } from '../../server/src/report/xlsx';
import { analyse } from '../support/plan';

const PLAN = [
  '---',
  'ecoplan:',
  '  level: 市',
  '---',
  '# 青溪市创建国家生态文明建设示范市实施方案',
  '',
  '## 三、主要任务',
  '',
  '### (一)健全制度体系',
  '',
  '1.组织规划实施。2022年底前完成规划修编。(责任单位:市生态环境局、市发改委)',
  '',
  '2.完善考核机制。生态文明建设工作占党政实绩考核的比例达到20%以上。(责任单位:市委组织部、市生态环境局)',
  '',
  '### (二)改善环境质量',
  '',
  '3.提升污水处理能力。到2023年,城镇污水处理率达85%以上。〔市住建局牵头,市水利局、市生态环境局按职责分工负责〕',
  '',
  '4.扩大绿色采购。政府绿色采购比例不低于80%。(各有关部门按职责分工负责)',
  '',
  '5.加强宣传。开展生态文明宣传活动。',
  '',
].join('\n');

const tables = deriveTables(analyse(PLAN));
const row = (name: string) => tables.indicators.find((r) => r.name === name && !r.part)!;

describe('指标责任明细表', () => {
  it('shows the firm target for the plan’s whole area, not an aspiration or a district’s target stated first', () => {
    const plan = ['---', 'ecoplan:', '  level: 市', '---', '# 青溪市实施方案', '## 一、主要目标', '东川区、南塬区城镇污水处理率达到97%;全市城镇污水处理率确保达到95%,力争达到98%。'].join('\n');
    const r = deriveTables(analyse(plan)).indicators.find((x) => x.name === '城镇污水处理率')!;
    expect([r.target, r.status]).toEqual(['≥95%', '达标']);
  });

  it('lists every indicator of the edition and level in catalogue order, with domains', () => {
    // 40 indicators; the 8 with parts give one row per part (7: 2, 8: 3, 12: 3, 13: 2, 17: 2, 25: 3, 34: 2, 35: 3 = 20)
    expect(tables.indicators.length).toBe(52);
    expect(tables.indicators.slice(0, 3).map((r) => [r.domain, r.number, r.name])).toEqual([
      ['生态制度', '1', '生态文明建设规划'],
      ['生态制度', '2', '党委政府对生态文明建设重大目标任务部署情况'],
      ['生态制度', '3', '生态文明建设工作占党政实绩考核的比例'],
    ]);
    expect(tables.indicators[tables.indicators.length - 1]).toMatchObject({ domain: '生态文化', number: '40' });
  });

  it('gives target, threshold, attribute, status and owners from the task that states the target', () => {
    expect(row('城镇污水处理率')).toMatchObject({ unit: '%', target: '≥85%', threshold: '≥95', attribute: '约束性', status: '低于国标', lead: ['市住建局'], support: ['市水利局', '市生态环境局'], lines: [17] });
    expect(row('生态文明建设工作占党政实绩考核的比例')).toMatchObject({ target: '≥20%', threshold: '≥20', status: '达标', lead: ['市委组织部'], support: ['市生态环境局'], lines: [13] });
    expect(row('政府绿色采购比例')).toMatchObject({ target: '≥80%', status: '达标', lead: [], support: [] });
    expect(row('危险废物利用处置率')).toMatchObject({ target: '未设定', status: '未覆盖', lead: [] });
    expect(row('秸秆综合利用率') ?? tables.indicators.find((r) => r.part === '秸秆综合利用率')).toMatchObject({ status: '不适用' });
  });
});

describe('指标责任明细表 from a table stated per terrain and city size', () => {
  it('shows every value with its terrain or city size, each from the plan\'s own table', () => {
    const text = ['附件1', '序号', '指标名称', '单位', '指标值', '指标属性', '责任单位', '1', '森林覆盖率', '山区', '%', '≥70', '参考性', '市资源规划局', '丘陵区', '≥40',
      '2', '公共交通出行分担率', '%', '大城市≥60', '中小城市≥50', '参考性', '市交通局'].join('\n');
    const rows = deriveTables(analyse(text, 'text')).indicators;
    expect(rows.filter((r) => r.name === '林草覆盖率' || r.name === '公共交通出行分担率').map((r) => [r.name, r.target, r.lead, r.lines])).toEqual([
      ['林草覆盖率', '山区≥70%;丘陵区≥40%', ['市资源规划局'], [12, 16]],
      ['公共交通出行分担率', '大城市≥60%;中小城市≥50%', ['市交通局'], [20, 21]],
    ]);
  });
});

describe('任务责任分解表 and 部门任务清单', () => {
  it('lists every task with its owners, vague phrases, deadline and indicators', () => {
    expect(tables.tasks.map((t) => [t.path, t.title, t.lead.join('、'), t.support.join('、'), t.vague.join('、'), t.deadline, t.indicators.join('、'), t.line])).toEqual([
      ['三.(一).1', '组织规划实施', '市生态环境局', '市发改委', '', '2022年底前', '', 11],
      ['三.(一).2', '完善考核机制', '市委组织部', '市生态环境局', '', '', '生态文明建设工作占党政实绩考核的比例', 13],
      ['三.(二).3', '提升污水处理能力', '市住建局', '市水利局、市生态环境局', '', '2023年', '城镇污水处理率', 17],
      ['三.(二).4', '扩大绿色采购', '', '', '各有关部门', '', '政府绿色采购比例', 19],
      ['三.(二).5', '加强宣传', '', '', '', '', '', 21],
    ]);
  });

  it('groups tasks by department, aliases merged, leads first', () => {
    expect(tables.departments.map((d) => [d.department, d.led.length, d.supported.length, d.indicators.join('、')])).toEqual([
      ['市生态环境局', 1, 2, ''],
      ['市委组织部', 1, 0, '生态文明建设工作占党政实绩考核的比例'],
      ['市住房和城乡建设局', 1, 0, '城镇污水处理率'],
      ['市发展和改革委员会', 0, 1, ''],
      ['市水利局', 0, 1, ''],
    ]);
  });
});

describe('地方指标 and trend-only indicators', () => {
  const local = deriveTables(
    analyse(
      [
        '---',
        'ecoplan:',
        '  level: 市',
        '---',
        '# 某市实施方案',
        '## 三、主要任务',
        '1.保护湿地。到2025年,全市湿地保护率达到70%以上,新能源公交车比例和绿色出行比例分别达到80%和75%。(责任单位:市林业局、市交通运输局)',
        '2.推进节能。进一步降低单位地区生产总值能耗,湿地保护率逐年提升。(责任单位:市发改委)',
      ].join('\n'),
    ),
  );
  it('lists metrics the catalogue lacks after the catalogue, with every target, owners and lines', () => {
    expect(local.indicators.filter((r) => r.domain === '地方指标').map((r) => [r.number, r.name, r.unit, r.target, r.status, r.lead, r.support, r.lines])).toEqual([
      ['地1', '湿地保护率', '%', '≥70%;逐年提升', '地方指标', ['市林业局'], ['市交通运输局'], [7, 8]],
      ['地2', '新能源公交车比例', '%', '≥80%', '地方指标', ['市林业局'], ['市交通运输局'], [7]],
      ['地3', '绿色出行比例', '%', '≥75%', '地方指标', ['市林业局'], ['市交通运输局'], [7]],
    ]);
    expect(local.indicators.slice(0, -3).every((r) => r.domain !== '地方指标')).toBe(true);
    // the 覆盖报告 counts catalogue domains only
    expect(local.coverage.map((c) => c.domain)).not.toContain('地方指标');
  });
  it('marks an indicator given only a trend 仅趋势 and counts it apart in the 覆盖报告', () => {
    expect(local.indicators.find((r) => r.name === '单位地区生产总值能耗')).toMatchObject({ target: '进一步降低', status: '仅趋势', lead: ['市发改委'], lines: [8] });
    expect(local.coverage.find((c) => c.domain === '生态经济')).toMatchObject({ bindingTrendOnly: 1 });
    expect(local.coverage[local.coverage.length - 1]).toMatchObject({ domain: '合计', bindingTrendOnly: 1 });
  });
});

describe('覆盖报告', () => {
  it('counts coverage per domain, and the total', () => {
    const total = tables.coverage[tables.coverage.length - 1];
    expect(tables.coverage.map((c) => c.domain)).toEqual(['生态制度', '生态安全', '生态空间', '生态经济', '生态生活', '生态文化', '合计']);
    expect(tables.coverage[0]).toEqual({ domain: '生态制度', bindingCovered: 1, bindingTotal: 6, bindingTrendOnly: 0, referenceCovered: 0, referenceTotal: 0, belowThreshold: 0, tasksWithoutOwner: 0 });
    expect(tables.coverage[4]).toMatchObject({ domain: '生态生活', belowThreshold: 1, tasksWithoutOwner: 1 });
    expect(total).toMatchObject({ belowThreshold: 1, tasksWithoutOwner: 2 });
  });
});

describe('output formats', () => {
  it('writes Markdown tables', () => {
    const md = toMarkdown(tables, ['coverage']);
    expect(md.split('\n').slice(0, 8)).toEqual(['# 青溪市创建国家生态文明建设示范市实施方案', '', '指标体系:国家生态文明建设示范市县建设指标(市)', '', '## 覆盖报告', '', '| 领域 | 约束性指标覆盖 | 约束性仅趋势 | 参考性指标覆盖 | 低于国标 | 无责任单位任务 |', '| --- | --- | --- | --- | --- | --- |']);
  });

  it('writes CSV with a BOM that round-trips through a CSV parser', () => {
    const csv = toCsv(tables, 'tasks');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const parsed = parse(csv, { bom: true }) as string[][];
    const { headers, rows } = cellsOf(tables, 'tasks');
    expect(parsed).toEqual([headers, ...rows.map((r) => r.map(String))]);
  });

  it('writes XLSX that reopens with its sheets, cells, merged domain cells and frozen header', async () => {
    const buf = await toXlsx(tables, ['indicators', 'tasks', 'departments', 'coverage']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['指标责任明细表', '任务责任分解表', '部门任务清单', '覆盖报告']);
    const ws = wb.getWorksheet('指标责任明细表')!;
    expect(ws.getRow(1).values).toEqual([undefined, '领域', '序号', '指标名称', '单位', '方案目标', '国家指标值', '指标属性', '状态', '牵头单位', '配合单位', '方案位置(行)']);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const merges = (ws.model as unknown as { merges: string[] }).merges;
    expect(merges).toContain('A2:A7'); // 生态制度: indicators 1–6
    expect(ws.getCell('C30').value).toBe(tables.indicators[28].part ? `${tables.indicators[28].name}:${tables.indicators[28].part}` : tables.indicators[28].name);
    const pollution = tables.indicators.findIndex((r) => r.name === '城镇污水处理率') + 2;
    expect([ws.getCell(`E${pollution}`).value, ws.getCell(`H${pollution}`).value, ws.getCell(`I${pollution}`).value]).toEqual(['≥85%', '低于国标', '市住建局']);
  });

  it('writes a standalone HTML page', () => {
    const page = toHtml(tables, ['indicators']);
    expect(page).toContain('@page { size: A4 landscape;');
    expect(page).toContain('"FangSong", "仿宋"');
    expect((page.match(/<tr class="status-/g) ?? []).length).toBe(tables.indicators.length);
    expect(page).not.toMatch(/<script|https?:\/\//);
  });
});

const chromium = '/usr/bin/chromium';
describe.skipIf(!existsSync(chromium))('HTML in headless Chromium', () => {
  it('renders every row; screenshot kept in test/output/', async () => {
    const { chromium: pw } = await import('playwright-core');
    mkdirSync('test/output', { recursive: true });
    const file = join(process.cwd(), 'test', 'output', 'indicators.html');
    writeFileSync(file, toHtml(tables, ['indicators', 'coverage']));
    const browser = await pw.launch({ executablePath: chromium, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      await page.goto(`file://${file}`);
      expect(await page.locator('table[data-kind="indicators"] tbody tr').count()).toBe(tables.indicators.length);
      expect(await page.locator('table[data-kind="coverage"] tbody tr').count()).toBe(7);
      expect(await page.locator('tr.status-低于国标').count()).toBe(1);
      await page.screenshot({ path: join(process.cwd(), 'test', 'output', 'indicators.png'), fullPage: true });
    } finally {
      await browser.close();
    }
  }, 60000);
});
