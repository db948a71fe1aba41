import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { micromark } from 'micromark';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hover } from 'vscode-languageserver-protocol';
import { LspClient } from '../support/lspClient';

// 区生态环境分局 leads one task and supports nine: the hover must read as 1 and 9, also once rendered.
const tasks = ['推进*散乱污*企业整治', '开展河湖清四乱', '实施农村环境整治', '加强土壤污染防治', '推进垃圾分类', '开展绿色学校创建', '推进节水型社会建设', '加强自然保护地管理', '开展生物多样性调查'];
const PLAN = [
  '---',
  'ecoplan:',
  '  level: 县',
  '---',
  '# 东湖区创建国家生态文明建设示范区实施方案',
  '',
  '## 三、重点任务',
  '',
  '1.建立生态环境监测网络。(牵头单位:区生态环境分局;配合单位:区财政局)',
  ...tasks.flatMap((t, i) => ['', `${i + 2}.${t}。(责任单位:区农业农村局、区生态环境分局)`]),
  '',
  '11.开展规划环评。[[依法开展规划环境影响评价]],城镇污水处理率达95%以上。(责任单位:区发改局)', // 28
  '',
].join('\n');

/** The elements of rendered HTML in order, as `tag` or `tag:text` for list items and strong text. */
function structure(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<(p|ul|li|strong)>([^<]*)/g)) out.push(m[1] === 'li' || m[1] === 'strong' ? `${m[1]}:${m[2]}` : m[1]);
  return out;
}

describe('hovers over a real server', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ecoplan-hover-'));
  const uri = pathToFileURL(join(dir, 'dh.plan.md')).toString();
  writeFileSync(join(dir, 'dh.plan.md'), PLAN);
  const client = new LspClient();
  beforeAll(async () => {
    await client.initialize(dir);
    const first = client.nextDiagnostics(uri);
    client.open(uri, PLAN);
    await first;
  });
  afterAll(() => client.stop());

  describe('department hover as rendered Markdown', () => {
    it('renders one lead task and nine supporting tasks as two separate lists under their headings', async () => {
      const h = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 8, character: 22 } });
      const html = micromark((h.contents as { value: string }).value);
      expect(structure(html)).toEqual([
        'p',
        'strong:区生态环境局',
        'p',
        'strong:牵头任务(1)',
        'ul',
        'li:三.1 建立生态环境监测网络',
        'p',
        'strong:配合任务(9)',
        'ul',
        ...tasks.map((t, i) => `li:三.${i + 2} ${t}`),
      ]);
      expect((html.match(/<ul>/g) ?? []).length).toBe(2);
      // the asterisks of the first title are text, not emphasis
      expect(html).toContain('<li>三.2 推进*散乱污*企业整治</li>');
    });

    it('a unit that leads nothing: an empty lead heading, and no stray list', async () => {
      const h = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 8, character: 33 } });
      const md = (h.contents as { value: string }).value;
      expect(md).toBe(['**区财政局**', '**牵头任务(0)**', '**配合任务(1)**', '- 三.1 建立生态环境监测网络'].join('\n\n'));
      expect(structure(micromark(md))).toEqual(['p', 'strong:区财政局', 'p', 'strong:牵头任务(0)', 'p', 'strong:配合任务(1)', 'ul', 'li:三.1 建立生态环境监测网络']);
    });
  });

  describe('indicator hover wording', () => {
    const hover = async (character: number) => ((await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 28, character } })).contents as { value: string }).value;

    it('names the edition and its document number and says 已核实 or 待核实, never the internal provenance notes', async () => {
      const confirmed = await hover(30); // 城镇污水处理率
      const recalled = await hover(14); // 依法开展规划环境影响评价: the 县 value no source confirmed
      for (const md of [confirmed, recalled]) {
        expect(md).toContain('- 依据:国家生态文明建设示范市县建设指标(环生态〔2019〕76号)');
        expect(md).not.toMatch(/来源|corpus|\.txt|row \d|task \d|recalled|confirmed/);
      }
      expect(confirmed).toContain('- 核实情况:已核实');
      expect(recalled).toContain('- 核实情况:待核实(该值尚未经公开文件确认,只作提示)');
    });
  });
});
