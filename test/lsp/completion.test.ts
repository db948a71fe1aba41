// `@` and `[[` completion ranked and filtered for the plan at hand (issue 11 item 2, issue 12).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompletionItem, CompletionList } from 'vscode-languageserver-protocol';
import { LspClient } from '../support/lspClient';

// A 区 plan (level 县) that writes its ecology bureau's short form six times; built here, in a
// form no corpus plan uses (tags mixed with 〔…牵头〕 clauses).
const tasks = ['整治黑臭水体', '推进雨污分流', '加强扬尘管控', '开展土壤详查', '建设生态廊道', '完善监测网络'];
const PLAN = [
  '---',
  'ecoplan:',
  '  level: 县',
  '---',
  '# 东湖区创建国家生态文明建设示范区行动方案',
  '',
  '## 二、重点任务',
  '',
  ...tasks.map((t, i) => (i % 2 === 0 ? `${i + 1}.${t}。〔区生态环境分局牵头〕` : `${i + 1}.${t}。(责任单位:@区生态环境分局、区住房和城乡建设局)`)),
  '7.推进绿色出行。(责任单位:@', // 14
  '8.提升水质。[[', // 15
  '',
].join('\n');
const OTHER = ['---', 'ecoplan:', '  level: 县', '---', '# 附属方案', '', '1.修复河湖。(责任单位:区水利局)', '2.疏浚河道。(责任单位:区水利局)', '3.加固堤防。(责任单位:区水利局)', ''].join('\n');

const dir = mkdtempSync(join(tmpdir(), 'ecoplan-completion-'));
writeFileSync(join(dir, 'other.plan.md'), OTHER);
const uri = pathToFileURL(join(dir, 'donghu.plan.md')).toString();
const at = (line: number, character: number) => ({ textDocument: { uri }, position: { line, character } });
const sorted = (items: CompletionItem[]) => [...items].sort((a, b) => (a.sortText! < b.sortText! ? -1 : a.sortText! > b.sortText! ? 1 : 0));

describe('completion ranked by the plan and its workspace', () => {
  const client = new LspClient();
  let version = 1;
  const type = async (line: number, character: number, text: string) => {
    const published = client.nextDiagnostics(uri);
    client.change(uri, ++version, [{ range: { start: { line, character }, end: { line, character } }, text }]);
    await published;
  };
  beforeAll(() => client.startWith(dir, uri, PLAN));
  afterAll(() => client.stop());

  it('lists the units this plan writes first, in the form it writes them, then the workspace, then the plan level', async () => {
    // the other plan is analysed in idle time: wait until its units count
    let r: CompletionList = { isIncomplete: false, items: [] };
    for (let i = 0; i < 40; i++) {
      r = await client.request<CompletionList>('textDocument/completion', at(14, 16));
      if (sorted(r.items)[2]?.label === '区水利局') break;
      await new Promise((res) => setTimeout(res, 500)); // indexing waits for a quiet client
    }
    const items = sorted(r.items);
    // then the rest of the level, the plan's own jurisdiction word (区) before the other county forms
    expect(items.slice(0, 5).map((i) => i.label)).toEqual(['区生态环境分局', '区住房和城乡建设局', '区水利局', '区委办公室', '区纪委监委']);
    expect(items[0]).toMatchObject({
      detail: '= 区生态环境局',
      labelDetails: { description: '区生态环境局、区环保局' },
      textEdit: { range: { start: { line: 14, character: 16 }, end: { line: 14, character: 16 } }, newText: '区生态环境分局' },
      documentation: { kind: 'plaintext', value: '内置部门名录\n本方案中出现 6 次' },
    });
    expect(items[2].documentation).toEqual({ kind: 'plaintext', value: '内置部门名录\n工作区其他方案中出现 3 次' });
    // one row per department; 50 rows, all of the plan's level (县 and 区), so the list is cut
    expect(items.filter((i) => i.label === '区环保局' || i.label === '区生态环境局').length).toBe(0);
    expect(r.items.length).toBe(50);
    expect(r.isIncomplete).toBe(true);
    expect(items.every((i) => /^(县|区|共青团[县区])/.test(i.label))).toBe(true);
  });

  it('filters on the server by name, pinyin or initials, other levels last', async () => {
    await type(14, 16, 'sthj');
    const r = await client.request<CompletionList>('textDocument/completion', at(14, 20));
    expect(sorted(r.items).map((i) => i.label)).toEqual(['区生态环境分局', '县生态环境局', '市生态环境局']);
    // always incomplete: the next character asks again (issue 21: no stale list)
    expect(r.isIncomplete).toBe(true);
    expect(r.items[0].textEdit).toEqual({ range: { start: { line: 14, character: 16 }, end: { line: 14, character: 20 } }, newText: '区生态环境分局' });
    const han = await client.request<CompletionList>('textDocument/completion', at(14, 18));
    // `st`: initials (县生态… xsthjj, 市体育局 styj); the plan's own unit, then its level (区 forms first: it is a 区 plan), then 市
    expect(sorted(han.items).map((i) => i.label)).toEqual([
      '区生态环境分局',
      '区生态文明建设示范区创建工作领导小组办公室',
      '县生态环境局',
      '县生态文明建设示范区创建工作领导小组办公室',
      '市生态环境局',
      // names whose initials after the level word start with st (生态…) before those matching only with it (市体育局 styj)
      '市生态文明建设示范区创建工作领导小组办公室',
      '市退役军人事务局',
      '市体育局',
      '市统计局',
    ]);
  });

  it('leaves indicators of the other level and of places the plan never names out of [[, unless typed', async () => {
    const r = await client.request<CompletionList>('textDocument/completion', at(15, 9));
    const labels = r.items.map((i) => i.label);
    expect(r.isIncomplete).toBe(true);
    expect(labels).not.toContain('近岸海域水质优良(一、二类)比例'); // 沿海地区 only, an inland plan
    expect(labels).not.toContain('自然岸线保有率');
    expect(labels).not.toContain('碳排放强度'); // 市 only
    expect(labels).toContain('城镇污水处理率');
    await type(15, 9, '近岸');
    const typed = await client.request<CompletionList>('textDocument/completion', at(15, 11));
    expect(typed.items.map((i) => i.label)).toEqual(['近岸海域水质优良(一、二类)比例']);
    expect(typed.items[0].textEdit).toMatchObject({ range: { start: { line: 15, character: 9 }, end: { line: 15, character: 11 } } });
  });
});
