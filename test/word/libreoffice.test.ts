// LibreOffice as the second producer and as the reader a person would use:
// - an HTML plan converted to .docx by LibreOffice (its own numbering.xml and merged cells) is imported;
// - an exported plan converted to PDF is checked as a person would: A4 pages, the title and every
//   task line in the text, the body set in the font the document names (or the machine's substitute),
//   and page 1 kept as a PNG under test/output/.
// LibreOffice and poppler-utils come from Debian (.ci/run installs them); without them these tests skip.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { hasCommand } from '../support/commands';
import { analysePlan } from '../../server/src/core/analyse';
import { readDocx } from '../../server/src/word/docxRead';
import { importWordFile } from '../../server/src/word/importWord';
import { exportDocx, FONTS } from '../../server/src/word/exportDocx';
import { tagsToProse } from '../../server/src/word/tagsToProse';
import { toMarkdown } from '../../server/src/word/toMarkdown';
import { planSummary } from '../support/planSummary';

const has = hasCommand;
const available = has('soffice') && has('pdftotext') && has('pdffonts') && has('pdftoppm') && has('pdfinfo');
const root = join(__dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'ecoplan-lo-'));

function soffice(args: string[]) {
  // a profile of our own: several conversions (and other users of LibreOffice) must not share one
  execFileSync('soffice', [`-env:UserInstallation=file://${join(work, 'profile')}`, '--headless', ...args], { cwd: work, stdio: 'pipe', timeout: 170_000 });
}

const HTML = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>西岭县方案</title></head><body>
<p align="center"><b>西岭县创建国家生态文明建设示范县行动方案（2024—2026年）</b></p>
<p>一、主要任务</p>
<p>（一）完善生态制度</p>
<ol>
<li>组织规划实施。到2025年，城镇污水处理率达到95%以上。（责任单位：县生态环境分局、县发改局）</li>
<li><b>强化考核。</b>生态文明建设工作占党政实绩考核的比例不低于20%。（牵头单位：县委组织部）</li>
<li>推进信息公开。（责任单位：县级相关部门）</li>
</ol>
<p>附件1 重点工程</p>
<table border="1">
<tr><th>序号</th><th>工作任务</th><th>责任单位</th></tr>
<tr><td>1</td><td>污水处理厂扩建工程</td><td rowspan="2">县住建局</td></tr>
<tr><td>2</td><td>污水管网改造工程</td></tr>
<tr><td>3</td><td colspan="2">生态修复工程（县林业局）</td></tr>
</table>
</body></html>`;

describe.skipIf(!available)(`LibreOffice${available ? '' : ' (skipped: soffice or poppler-utils not installed)'}`, () => {
  it('imports a .docx that LibreOffice wrote from HTML (its list numbering, bold and merged cells), and the same saved as .doc', async () => {
    writeFileSync(join(work, 'xiling.html'), HTML);
    soffice(['--infilter=HTML (StarWriter)', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', work, join(work, 'xiling.html')]);
    const plan = toMarkdown(readDocx(readFileSync(join(work, 'xiling.docx'))), 'xiling.docx');
    expect(plan.text.split('\n').slice(7)).toEqual([
      '# 西岭县创建国家生态文明建设示范县行动方案（2024—2026年）',
      '',
      '## 一、主要任务',
      '',
      '### （一）完善生态制度',
      '',
      '1.组织规划实施。到2025年，城镇污水处理率达到95%以上。（责任单位：县生态环境分局、县发改局）',
      '',
      '2.**强化考核。**生态文明建设工作占党政实绩考核的比例不低于20%。（牵头单位：县委组织部）',
      '',
      '3.推进信息公开。（责任单位：县级相关部门）',
      '',
      '附件1 重点工程',
      '',
      '<!-- 合并单元格:第 3 列第 2—3 行为同一单元格「县住建局」,已在各行重复 -->',
      '| 序号 | 工作任务 | 责任单位 |',
      '|---|---|---|',
      '| 1 | 污水处理厂扩建工程 | 县住建局 |',
      '| 2 | 污水管网改造工程 | 县住建局 |',
      '| 3 | 生态修复工程（县林业局） | 生态修复工程（县林业局） |',
      '',
    ]);
    const m = planSummary(analysePlan(plan.text, { uri: 'xiling.plan.md', format: 'markdown' }));
    expect(m.level).toBe('县');
    expect(m.tasks.map((t) => [t.path, t.title, t.units.join(','), t.vague.join(',')])).toEqual([
      ['一.(一).1', '组织规划实施', '县生态环境分局:lead,县发改局:support', ''],
      ['一.(一).2', '强化考核', '县委组织部:lead', ''],
      ['一.(一).3', '推进信息公开', '', '县级相关部门'],
      ['附件1.1', '污水处理厂扩建工程', '县住建局:lead', ''],
      ['附件1.2', '污水管网改造工程', '县住建局:lead', ''],
      ['附件1.3', '生态修复工程(县林业局)', '', ''],
    ]);
    expect(m.targets).toEqual(['城镇污水处理率|>=|95||%|2025|||', '生态文明建设工作占党政实绩考核的比例|>=|20||%||||']);

    // the same document saved by LibreOffice as Word 97 (.doc) and read with word-extractor: the text
    // and the typed numbering survive; Word's automatic numbering, bold and merged cells do not
    soffice(['--convert-to', 'doc:MS Word 97', '--outdir', work, join(work, 'xiling.docx')]);
    const legacy = await importWordFile(readFileSync(join(work, 'xiling.doc')), 'xiling.doc');
    expect(legacy.text.split('\n')).toEqual([
      '---', 'ecoplan:', '  level: 县', '  period: 2024-2026', 'source: xiling.doc', '---', '',
      '# 西岭县创建国家生态文明建设示范县行动方案（2024—2026年）', '',
      '## 一、主要任务', '',
      '### （一）完善生态制度', '',
      '组织规划实施。到2025年，城镇污水处理率达到95%以上。（责任单位：县生态环境分局、县发改局）', '',
      '强化考核。生态文明建设工作占党政实绩考核的比例不低于20%。（牵头单位：县委组织部）', '',
      '推进信息公开。（责任单位：县级相关部门）', '',
      '附件1 重点工程', '',
      '| 序号 | 工作任务 | 责任单位 |',
      '|---|---|---|',
      '| 1 | 污水处理厂扩建工程 | 县住建局 |',
      '| 2 | 污水管网改造工程 |   |',
      '| 3 | 生态修复工程（县林业局） |   |',
      '',
    ]);
  }, 300_000);

  it('renders an exported plan as A4 pages with the title, every task line and the named body font', async () => {
    const source = readFileSync(join(root, 'samples', 'qingxi-city-plan.md'), 'utf8');
    const options = { uri: 'qingxi-city-plan.md', format: 'markdown' as const };
    const analysis = analysePlan(source, options);
    const prose = tagsToProse(analysis, options).text;
    const docx = await exportDocx(prose, { format: 'markdown' });
    writeFileSync(join(work, 'qingxi.docx'), docx);
    // the document names the GB/T 9704 fonts (not embedded)
    const files = unzipSync(docx);
    const documentXml = strFromU8(files['word/document.xml']);
    expect(documentXml).toContain(`w:eastAsia="${FONTS.body}"`);
    expect(documentXml).toContain(`w:eastAsia="${FONTS.title}"`);
    expect(documentXml).toContain(`w:eastAsia="${FONTS.heading1}"`);
    expect(documentXml).toContain(`w:eastAsia="${FONTS.heading2}"`);
    expect(strFromU8(files['word/fontTable.xml'])).toContain('<w:altName w:val="仿宋"');
    expect(Object.keys(files).some((f) => f.startsWith('word/fonts/'))).toBe(false);

    soffice(['--convert-to', 'pdf', '--outdir', work, join(work, 'qingxi.docx')]);
    const pdf = join(work, 'qingxi.pdf');
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!;
    // A4 is 595.28 × 841.89 pt
    expect(Math.abs(Number(size[1]) - 595.28)).toBeLessThan(0.5);
    expect(Math.abs(Number(size[2]) - 841.89)).toBeLessThan(0.5);

    // compared without white space and punctuation: LibreOffice hangs 、 and ， past the line end,
    // where pdftotext does not see them
    const squash = (s: string) => s.replace(/\*\*|[\s\p{P}]+/gu, '');
    const pdfText = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
    // the page numbers (— 5 —) on lines of their own, which may fall inside a paragraph's text
    const text = squash(pdfText.split('\n').filter((l) => !/^\s*—\s*\d+\s*—\s*$/.test(l)).join('\n'));
    expect(pdfText.split('\n').filter((l) => /^\s*—\s*\d+\s*—\s*$/.test(l)).length).toBeGreaterThanOrEqual(10);
    const proseLines = prose.split('\n');
    expect(text).toContain(squash(proseLines[analysis.model.titleRange.start.line]).replace(/^#+/, ''));
    // every task's numbered line, as printed (the tags already written out as prose)
    const outlineTasks = analysis.model.tasks.filter((t) => t.source === 'outline');
    expect(outlineTasks.length).toBe(40);
    for (const t of outlineTasks) {
      const line = squash(proseLines[t.range.start.line]).replace(/^#+/, '');
      expect(text, `task ${t.path}`).toContain(line);
    }
    // (the 附件 tables' rows are there too, but a cell's text wraps inside its cell, so pdftotext interleaves the cells of a row)
    // page numbers — 1 — outside the text block
    expect(execFileSync('pdftotext', ['-f', '1', '-l', '1', pdf, '-'], { encoding: 'utf8' })).toMatch(/—\s*1\s*—/);

    // the body font: 仿宋_GB2312 itself where installed, else the font fontconfig substitutes for it
    const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' });
    const substitute = execFileSync('fc-match', ['-f', '%{family[0]}', `${FONTS.body}:lang=zh-cn`], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(fonts.replace(/\s+/g, ''), `pdffonts:\n${fonts}`).toContain(substitute);

    // one page as a person sees it
    const out = join(root, 'test', 'output');
    mkdirSync(out, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '2', '-l', '2', '-singlefile', pdf, join(work, 'page2')]);
    copyFileSync(join(work, 'page2.png'), join(out, 'word-export-page2.png'));
    expect(existsSync(join(out, 'word-export-page2.png'))).toBe(true);
  }, 180_000);
});
