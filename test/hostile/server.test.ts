// The language server in workspace scope over a folder of hostile files (issue 22): each Word file
// past its limits or its budget is one `word-unreadable` error (a text plan past its budget one
// `plan-unreadable` error), a FIFO and a fan of symlinked folders
// do not hang it, the plans beside them are reported, and it still answers afterwards, its peak
// memory under 300 MB. Over the real bundled server (dist/server.js).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic, DocumentSymbol } from 'vscode-languageserver-protocol';
import { LspClient } from '../support/lspClient';
import { syntheticPlan } from '../support/synthetic';
import { docx, p, spacesDocx } from './build';

type Report = { items: { uri: string; items: Diagnostic[] }[] };

const dir = mkdtempSync(join(tmpdir(), 'ecoplan-hostile-server-'));
const at = (name: string) => pathToFileURL(join(dir, name)).toString();
const PLAN = ['---', 'ecoplan:', '  level: 县', '---', '# 石渠口区创建国家生态文明建设示范区实施方案', '', '## 二、主要任务', '', '1.整治黑臭水体。(责任单位:区生态环境分局)', '', '2.推进垃圾分类。', ''].join('\n');
const TITLE = p('石渠口区创建国家生态文明建设示范区实施方案', '<w:jc w:val="center"/>');

/** The server's peak resident memory in MB (Linux /proc), or null elsewhere. */
function peakMb(pid: number | undefined): number | null {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

beforeAll(() => {
  writeFileSync(join(dir, 'ecoplan.config.yaml'), 'rules:\n  missing-binding-indicators: off\n');
  writeFileSync(join(dir, 'good.plan.md'), PLAN);
  writeFileSync(join(dir, 'spaces.docx'), spacesDocx(400));
  writeFileSync(join(dir, 'paragraphs.docx'), docx(TITLE + '<w:p/>'.repeat(200_000)));
  writeFileSync(join(dir, 'gridspan.docx'), docx(TITLE + `<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="100000000"/></w:tcPr>${p('指标')}</w:tc></w:tr></w:tbl>` + p('二、主要任务') + p('1.推进垃圾分类。')));
  writeFileSync(join(dir, 'heavy.docx'), docx(TITLE + p('二、主要任务') + Array.from({ length: 30000 }, (_, i) => p(`${i + 1}.推进城镇污水管网建设,城镇污水处理率达到95%以上。(责任单位:区住建局)`)).join('')));
  execFileSync('mkfifo', [join(dir, 'fifo.plan.md')]);
  for (let i = 0; i < 8; i++) {
    mkdirSync(join(dir, `L${i}`));
    if (i > 0) for (const k of ['a', 'b', 'c', 'd']) symlinkSync(join(dir, `L${i}`), join(dir, `L${i - 1}`, k));
  }
  writeFileSync(join(dir, 'L7', 'deep.plan.md'), PLAN);
  // a text plan past the size threshold (2 MB): analysed in a worker within the file budget, never on the server's thread
  writeFileSync(join(dir, 'huge.plan.md'), syntheticPlan(6 * 1024 * 1024));
});

// a small heap budget, so that the 30,000-paragraph file is past it (set before the server starts)
process.env.ECOPLAN_FILE_BUDGET_MB = '40';

describe('the server in workspace scope among hostile files', () => {
  const client = new LspClient();
  beforeAll(() => client.initialize(dir));
  afterAll(() => client.stop());

  it('reports each file in one diagnostic or its plan findings, and answers afterwards', async () => {
    void client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { ecoplan: { diagnostics: { scope: 'workspace' } } } });
    const r = await client.request<Report>('workspace/diagnostic', { previousResultIds: [] });
    const byUri = new Map(r.items.map((i) => [i.uri, i.items.map((d) => `${d.code} ${d.message}`)]));
    expect([...byUri.keys()].sort()).toEqual([at('L0/a/a/a/a/a/a/a/deep.plan.md'), at('good.plan.md'), at('gridspan.docx'), at('heavy.docx'), at('huge.plan.md'), at('paragraphs.docx'), at('spaces.docx')].sort());
    expect(byUri.get(at('spaces.docx'))).toEqual(['word-unreadable spaces.docx:无法检查:word/document.xml 解压后超过 48 MB,不像方案文件']);
    expect(byUri.get(at('paragraphs.docx'))).toEqual(['word-unreadable paragraphs.docx:无法检查:word/document.xml 含有 200001 个段落,超过上限 50000']);
    expect(byUri.get(at('heavy.docx'))).toEqual(['word-unreadable heavy.docx:无法检查:超出单个文件的内存上限(40 MB)']);
    expect(byUri.get(at('huge.plan.md'))).toEqual(['plan-unreadable huge.plan.md:无法检查:超出单个文件的内存上限(40 MB)']);
    expect(byUri.get(at('gridspan.docx'))).toEqual(['missing-responsible-unit 任务 二.1「推进垃圾分类」未明确责任单位 [Word 第 4 段]']);
    expect(byUri.get(at('good.plan.md'))).toEqual(['missing-responsible-unit 任务 二.2「推进垃圾分类」未明确责任单位']);
    // still serving
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: at('good.plan.md') } });
    expect(symbols.map((s) => s.name)).toEqual(['石渠口区创建国家生态文明建设示范区实施方案']);
    const peak = peakMb(client.pid);
    if (peak !== null) expect(peak).toBeLessThan(300);
    expect(client.stderr).toBe('');
  });
});
