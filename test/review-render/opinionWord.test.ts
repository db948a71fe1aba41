// The opinions as a Word document in the GB/T 9704 layout of `ecoplan export`: the Markdown they are
// written as (plan text escaped), the document's paragraphs (主送 flush left, 落款 right), and the
// document converted to PDF by LibreOffice, checked as test/word/libreoffice.test.ts checks the
// export: A4, margins, the named body font, and the text carrying every finding.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { hasCommand } from '../support/commands';
import type { ReviewReport } from '../../server/src/core/review/types';
import { opinionsMarkdown } from '../../server/src/report/review/opinionDoc';
import { exportDocx, FONTS, LAYOUT } from '../../server/src/word/exportDocx';
import { sampleReport } from './sampleReport';

const has = hasCommand;
const available = has('soffice') && has('pdftotext') && has('pdffonts') && has('pdfinfo') && has('pdftoppm');
const report = sampleReport();
const markdown = opinionsMarkdown(report)!;

describe('the opinions as Markdown for the export', () => {
  it('one opinion per read plan, headings from the points, findings escaped as plain text, 落款 right', () => {
    const lines = markdown.split('\n');
    expect(lines.filter((l) => l.startsWith('# '))).toEqual([
      '# 关于《清江市创建国家生态文明建设示范市实施方案\\(2024—2027年\\)》的审核意见',
      '# 关于《东川县创建国家生态文明建设示范县实施方案》的审核意见',
      '# 关于《南塬县创建国家生态文明建设示范县工作方案》的审核意见',
      '# 关于《西岭县国家生态文明建设示范县建设规划\\(2023—2030年\\)》的审核意见',
    ]);
    expect(lines.filter((l) => l === '***').length).toBe(3);
    const dongchuan = lines.slice(lines.indexOf('# 关于《东川县创建国家生态文明建设示范县实施方案》的审核意见'));
    expect(dongchuan.slice(0, 6)).toEqual(['# 关于《东川县创建国家生态文明建设示范县实施方案》的审核意见', '', '<p align="left">东川县人民政府\\:</p>', '', '经审核\\,现对《东川县创建国家生态文明建设示范县实施方案》提出如下意见\\:', '']);
    expect(dongchuan).toContain('3\\.【警告】生态环境状况指数在第31行写作≥60\\,在附表第140行写作≥55。\\(target\\-conflict\\)原文\\:“生态环境状况指数保持在60以上 \\| 附表\\:≥55 \\*\\*重点\\*\\*”\\(plans\\/东川县实施方案\\.md\\:31\\)');
    expect(dongchuan).toContain('<p align="right">审核人\\:            </p>');
  });
});

describe('the opinions as a .docx', () => {
  it('in the export’s layout, plan text as text, 落款 right-aligned four characters in', async () => {
    const xml = strFromU8(unzipSync(await exportDocx(markdown, { format: 'markdown', title: '审核意见' }))['word/document.xml']);
    expect(xml).toContain(`<w:pgSz w:w="${LAYOUT.pageWidth}" w:h="${LAYOUT.pageHeight}"`);
    expect(xml).toContain('城镇污水处理率达到90%&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(xml).toContain('附表:≥55 **重点**');
    // 3 lines of 落款 for each of the 4 opinions
    expect((xml.match(/<w:jc w:val="right"\/>/g) ?? []).length).toBe(3 * 4);
    expect(xml).toContain(`<w:ind w:right="${4 * LAYOUT.body * 20}"/>`);
  });
});

describe.skipIf(!available)(`ecoplan review -o 审核意见.docx through LibreOffice${available ? '' : ' (skipped: soffice or poppler-utils not installed)'}`, () => {
  it('A4 with the GB/T 9704 margins and fonts, a page per opinion, every finding of the fixture set in the text', () => {
    const work = mkdtempSync(join(tmpdir(), 'ecoplan-opinion-'));
    const root = process.cwd();
    const cli = (args: string[]) => spawnSync(process.execPath, [join(root, 'bin', 'ecoplan.js'), 'review', 'test/fixtures/review', ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, ECOPLAN_COMPILE_CACHE: '0' } });
    const real = JSON.parse(cli(['--format', 'json']).stdout) as ReviewReport;
    const docxFile = join(work, '审核意见.docx');
    expect(cli(['-o', docxFile]).status).toBe(1);
    const xml = strFromU8(unzipSync(readFileSync(docxFile))['word/document.xml']);
    // the layout is the export's: page, margins, fonts
    expect(xml).toContain(`<w:pgSz w:w="${LAYOUT.pageWidth}" w:h="${LAYOUT.pageHeight}"`);
    expect(xml).toMatch(new RegExp(`<w:pgMar w:top="${LAYOUT.top}" w:right="${LAYOUT.right}" w:bottom="${LAYOUT.bottom}" w:left="${LAYOUT.left}"`));
    for (const f of [FONTS.title, FONTS.body, FONTS.heading1]) expect(xml).toContain(`w:eastAsia="${f}"`);

    execFileSync('soffice', [`-env:UserInstallation=file://${join(work, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', work, docxFile], { cwd: work, stdio: 'pipe', timeout: 170_000 });
    const pdf = join(work, '审核意见.pdf');
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!;
    expect([Math.abs(Number(size[1]) - 595.28) < 0.5, Math.abs(Number(size[2]) - 841.89) < 0.5]).toEqual([true, true]);
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    const firstLines = Array.from({ length: pages }, (_, k) => execFileSync('pdftotext', ['-f', String(k + 1), '-l', String(k + 1), pdf, '-'], { encoding: 'utf8' }).trim().split('\n')[0]);
    // each opinion starts a page (a long title wraps onto a second line)
    expect(firstLines.filter((l) => l.startsWith('关于《')).length).toBe(real.plans.length);

    // compared without white space, punctuation and symbols: LibreOffice hangs 、 and , past the line end
    const squash = (s: string) => s.replace(/[\s\p{P}\p{S}]+/gu, '');
    const text = squash(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).split('\n').filter((l) => !/^\s*—\s*\d+\s*—\s*$/.test(l)).join('\n'));
    let findings = 0;
    for (const p of real.plans) {
      for (const f of p.findings) {
        expect(text, `${p.file} ${f.code}`).toContain(squash(f.message));
        expect(text, `${p.file} ${f.code} quote`).toContain(squash(f.quote));
        expect(text, `${p.file} ${f.code} place`).toContain(squash(`${p.file}:${f.line}`));
        findings++;
      }
      for (const pt of p.opinion) expect(text).toContain(squash(pt.heading));
    }
    expect(findings).toBe(29);
    expect(text).toContain(squash('审核人'));
    expect(text).toContain(squash('年 月 日'));
    // GB/T 9704: the 落款 never stands on a page of its own — each page with a seal line also holds
    // the opinion's conclusion, and the seal, the reviewer and the date stay on one page
    const pageTexts = Array.from({ length: pages }, (_, k) => execFileSync('pdftotext', ['-layout', '-f', String(k + 1), '-l', String(k + 1), pdf, '-'], { encoding: 'utf8' }));
    const signed = pageTexts.filter((t) => t.includes('审核单位盖章'));
    expect(signed.length).toBe(real.plans.length);
    for (const t of signed) expect([t.includes('审核结论'), t.includes('审核人'), /年\s*月\s*日/.test(t)]).toEqual([true, true, true]);

    // the body font: 仿宋_GB2312 itself where installed, else the font fontconfig substitutes for it
    const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' });
    const substitute = execFileSync('fc-match', ['-f', '%{family[0]}', `${FONTS.body}:lang=zh-cn`], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(fonts.replace(/\s+/g, '')).toContain(substitute);

    const out = join(root, 'test', 'output');
    mkdirSync(out, { recursive: true });
    const first = firstLines.findIndex((l) => l.startsWith('关于《祁门县')) + 1;
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', String(first), '-l', String(first), '-singlefile', pdf, join(work, 'opinion')]);
    copyFileSync(join(work, 'opinion.png'), join(out, 'review-opinion-word.png'));
  }, 240_000);
});
