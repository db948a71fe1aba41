// `EcoPlan: 导出为 Word…` (issue 21 item 5): the server writes the open plan as a .docx beside it, with or
// without the 附件 tables, through the Word bundle (dist/word.js); the .docx reads back as the plan.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readForCheck } from '../../server/src/cli/word';
import { LspClient } from '../support/lspClient';

const PLAN = ['石渠口县创建国家生态文明建设示范县实施方案', '一、重点任务', '1.推进农村生活污水治理。城镇污水处理率达到95%以上。(责任单位:县住建局)', ''].join('\n');
const dir = mkdtempSync(join(tmpdir(), 'ecoplan-export-'));
writeFileSync(join(dir, '方案.txt'), PLAN);
writeFileSync(join(dir, 'notes.md'), '# 周会记录\n\n- 下周去现场\n');
const uri = pathToFileURL(join(dir, '方案.txt')).toString();

describe('export to Word from the editor', () => {
  const client = new LspClient();
  beforeAll(() => client.startWith(dir, uri, PLAN));
  afterAll(() => client.stop());
  const exportWord = (u: string, withTables: boolean, overwrite = false) =>
    client.request<{ file?: string; error?: string; keptTags?: number; exists?: string }>('workspace/executeCommand', { command: 'ecoplan.server.exportWord', arguments: [u, withTables, overwrite] });

  it('writes 方案.docx beside the plan, which reads back as the plan; with the tables, their annex too', async () => {
    const r = await exportWord(uri, false);
    expect(r).toEqual({ file: join(dir, '方案.docx'), keptTags: 0 });
    const back = readForCheck(readFileSync(join(dir, '方案.docx')), '方案.docx');
    expect(back.ok && back.text.includes('1.推进农村生活污水治理。城镇污水处理率达到95%以上。(责任单位:县住建局)')).toBe(true);
    expect(back.ok && back.text.includes('任务责任分解表')).toBe(false);
    // the .docx now there is the user's: not written over until the user confirms (the client asks)
    const before = readFileSync(join(dir, '方案.docx'));
    expect(await exportWord(uri, true)).toEqual({ exists: join(dir, '方案.docx') });
    expect(readFileSync(join(dir, '方案.docx')).equals(before)).toBe(true);
    expect(await exportWord(uri, true, true)).toEqual({ file: join(dir, '方案.docx'), keptTags: 0 });
    const withTables = readForCheck(readFileSync(join(dir, '方案.docx')), '方案.docx');
    expect(withTables.ok && withTables.text.includes('任务责任分解表')).toBe(true);
  });

  it('says why not for a file that is not a plan, and writes nothing', async () => {
    expect(await exportWord(pathToFileURL(join(dir, 'notes.md')).toString(), false)).toEqual({ error: '当前文件不是方案' });
    expect(existsSync(join(dir, 'notes.docx'))).toBe(false);
  });
});

describe('a Word export that cannot be written says so in the UI language alone (issue 21 item 6)', () => {
  // a folder where the .docx would go: writing it fails with EISDIR once the user has said to replace it
  const blocked = mkdtempSync(join(tmpdir(), 'ecoplan-export-blocked-'));
  writeFileSync(join(blocked, '方案.txt'), PLAN);
  mkdirSync(join(blocked, '方案.docx'));
  const planUri = pathToFileURL(join(blocked, '方案.txt')).toString();
  const attempt = async (locale: string) => {
    const client = new LspClient();
    try {
      await client.initialize(blocked, {}, undefined, locale);
      client.open(planUri, PLAN);
      return await client.request<{ error?: string }>('workspace/executeCommand', { command: 'ecoplan.server.exportWord', arguments: [planUri, false, true] });
    } finally {
      await client.stop();
    }
  };

  it('Chinese', async () => {
    expect(await attempt('zh-cn')).toEqual({ error: `无法写入 ${join(blocked, '方案.docx')}(EISDIR)` });
  });
  it('English', async () => {
    expect(await attempt('en')).toEqual({ error: `cannot write ${join(blocked, '方案.docx')} (EISDIR)` });
  });
});
