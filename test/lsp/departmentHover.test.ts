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
].join('\n');

/** The elements of rendered HTML in order, as `tag` or `tag:text` for list items and strong text. */
function structure(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<(p|ul|li|strong)>([^<]*)/g)) out.push(m[1] === 'li' || m[1] === 'strong' ? `${m[1]}:${m[2]}` : m[1]);
  return out;
}

describe('department hover as rendered Markdown', () => {
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
