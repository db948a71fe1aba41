// The review workbook read back with exceljs: its sheets by name, the overview's cells, the matrix's
// colours by status, the city blocks, the opinion points and the findings with their links.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { reviewXlsx, STATUS_FILLS } from '../../server/src/report/review/xlsx';
import { sampleReport } from './sampleReport';

async function workbook(lang: 'zh' | 'en' = 'zh') {
  const report = { ...sampleReport(), lang };
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await reviewXlsx(report, (f, l) => `../${f}#L${l}`)) as unknown as ArrayBuffer);
  return wb;
}
const values = (ws: ExcelJS.Worksheet, row: number) => (ws.getRow(row).values as unknown[]).slice(1);

describe('review workbook', () => {
  it('has one sheet per view, named in the report’s language', async () => {
    expect((await workbook()).worksheets.map((w) => w.name)).toEqual(['概览', '指标矩阵', '城市与区县', '审核意见', '问题清单']);
    expect((await workbook('en')).worksheets.map((w) => w.name)).toEqual(['Overview', 'Indicator matrix', 'City and counties', 'Opinions', 'Findings']);
  });

  it('概览: the same columns and cells as the page, notes naming what a count counts', async () => {
    const ws = (await workbook()).getWorksheet('概览')!;
    expect(values(ws, 1)).toEqual(['序号', '方案', '地区', '层级', '指标体系', '规划期', '任务', '无责任单位', '仅笼统表述', '约束性指标覆盖', '缺失', '仅趋势', '低于国标', '表述冲突', '缺少部分', '结论']);
    expect(values(ws, 3)).toEqual([2, '东川县创建国家生态文明建设示范县实施方案', '东川县', '县', '环生态〔2019〕76号', '2024—2026', 28, 3, 2, '6/8', 1, 1, 1, 1, '重点工程', '需修改']);
    expect(ws.getCell('K4').note).toBe('生态环境信息公开率、危险废物利用处置率、城镇污水处理率');
    expect(ws.getCell('P3').note).toBe('3项任务未明确责任单位(上限0项);缺失约束性指标1项(上限0项);1项目标低于国家标准(上限0项);缺少重点工程(上限0个)。');
    expect([ws.getCell('B6').value, ws.getCell('P6').value, ws.getCell('P6').note]).toEqual(['plans/北坪区方案(损坏).docx', '无法读取', '不是有效的 Word 文件(zip 目录缺失)']);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1, xSplit: 2 });
  });

  it('指标矩阵: value and year per cell, filled by status, and the legend', async () => {
    const ws = (await workbook()).getWorksheet('指标矩阵')!;
    expect(values(ws, 1)).toEqual(['方案', '生态文明建设规划', '生态文明建设工作占党政实绩考核的比例(%)', '生态环境信息公开率(%)', '优良天数比例(%)', '生态环境状况指数(%)', '危险废物利用处置率(%)', '单位地区生产总值能耗(吨标准煤/万元)', '城镇污水处理率(%)']);
    expect(values(ws, 3)).toEqual(['东川县', '达标', '≥20%(2025年)', '≥100%(2025年)', '仅提及', '≥60%(2026年)', '—', '仅趋势', '≥90%(2025年)']);
    const argb = (ref: string) => (ws.getCell(ref).fill as ExcelJS.FillPattern).fgColor?.argb;
    expect([argb('I3'), argb('E3'), argb('G3'), argb('H3'), argb('E2')]).toEqual([STATUS_FILLS.below, STATUS_FILLS.mentioned, STATUS_FILLS.missing, STATUS_FILLS.trend, STATUS_FILLS.unverified]);
    expect(values(ws, 6)).toEqual(['plans/北坪区方案(损坏).docx', '无法读取:不是有效的 Word 文件(zip 目录缺失)']);
    expect(values(ws, 8)).toEqual(['图例', '达标', '低于国标', '国标待核实', '仅趋势', '仅提及', '未涉及', '不适用']);
  });

  it('城市与区县: the city beside its counties, weaker targets marked', async () => {
    const ws = (await workbook()).getWorksheet('城市与区县')!;
    expect([1, 2, 3, 4].map((r) => values(ws, r))).toEqual([
      ['指标', '市级方案:清江市', '东川县', '南塬县', '西岭县'],
      ['生态环境状况指数', '≥65%(2027年)', '≥60%(2026年)(弱于市级目标)', '≥62%(2025年)', '≥70%(2035年)'],
      ['城镇污水处理率(市级分解到区县)', '≥97%(2026年)', '≥90%(2025年)(弱于市级目标)', '—(未落实)', '≥96%(2026年)'],
      ['优良天数比例', '≥92%(2027年)', '仅提及', '≥88%(2025年)', '≥90%(2030年)'],
    ]);
  });

  it('审核意见 and 问题清单: every point, every finding with its quote and a link to its line', async () => {
    const wb = await workbook();
    const points = wb.getWorksheet('审核意见')!;
    expect(values(points, 1)).toEqual(['方案', '审核要点', '是否满足', '意见', '相关问题']);
    // 4 read plans × (8 points + the verdict) + the unread one
    expect(points.rowCount).toBe(1 + 4 * 9 + 1);
    expect(values(points, 17)).toEqual(['东川县创建国家生态文明建设示范县实施方案', '七、指标目标', '否', '城镇污水处理率目标低于国家标准;危险废物利用处置率未设目标;单位地区生产总值能耗仅有趋势表述。', '2、5']);
    expect(values(points, 14)).toEqual(['东川县创建国家生态文明建设示范县实施方案', '四、审议批准', '无法判断', '文本未写明审议批准机关,无法判断。', '']);
    const findings = wb.getWorksheet('问题清单')!;
    expect(findings.rowCount).toBe(1 + 1 + 5 + 2 + 1);
    expect(values(findings, 3).slice(0, 6)).toEqual(['东川县创建国家生态文明建设示范县实施方案', 1, '错误', 'no-responsible-unit', '任务「推进河湖治理」未明确责任单位。', '5.推进河湖治理。全面落实河长制,开展河湖“清四乱”行动。']);
    expect(findings.getCell('G4').value).toEqual({ text: 'plans/东川县实施方案.md:23', hyperlink: '../plans/东川县实施方案.md#L23' });
    expect(findings.getCell('G10').value).toEqual({ text: 'plans/西岭县方案.docx:66(Word 第 58 段)', hyperlink: '../plans/西岭县方案.docx#L66' });
  });
});
