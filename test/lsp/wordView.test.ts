// A .docx in the editor (issue 21 item 5): the server gives its imported plan for the client's read-only
// view (`ecoplan-word:` documents, client/src/wordView.ts), and checks that view as a plan: its problems
// sit at their real lines, not all at line 1 of the .docx.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LspClient } from '../support/lspClient';
import { typedPlanDocx } from '../support/wordFixture';

const dir = mkdtempSync(join(tmpdir(), 'ecoplan-word-view-'));
const docx = join(dir, '方案.docx');

describe('the read-only view of a .docx', () => {
  const client = new LspClient();
  beforeAll(async () => {
    writeFileSync(docx, await typedPlanDocx('南岭县创建国家生态文明建设示范县行动方案', ['一、重点任务', '1.完善河长制。建立巡河台账。（责任单位：县水利局）', '2.改善空气质量。空气质量优良天数比例达70%以上。']));
    writeFileSync(join(dir, 'broken.docx'), 'not a zip');
    await client.initialize(dir);
  });
  afterAll(() => client.stop());

  it('is the imported plan, checked as a plan with its problems at their lines', async () => {
    const r = await client.request<{ text: string }>('workspace/executeCommand', { command: 'ecoplan.server.wordText', arguments: [pathToFileURL(docx).toString()] });
    const lines = r.text.split('\n');
    expect(lines.findIndex((l) => l.startsWith('2.改善空气质量'))).toBeGreaterThan(0);
    // what the client opens: ecoplan-word:<path of the .docx>.plan.md, with that text
    const view = `ecoplan-word:${pathToFileURL(docx).pathname}.plan.md`;
    const published = client.nextDiagnostics(view);
    client.open(view, r.text);
    const problems = (await published).diagnostics.filter((d) => d.code === 'missing-responsible-unit');
    expect(problems.map((d) => d.range.start.line)).toEqual([lines.findIndex((l) => l.startsWith('2.改善空气质量'))]);
  });

  it('says why a file cannot be shown', async () => {
    const r = await client.request<{ error: string }>('workspace/executeCommand', { command: 'ecoplan.server.wordText', arguments: [pathToFileURL(join(dir, 'broken.docx')).toString()] });
    expect(r).toEqual({ error: '不是 Word(.docx)文件' });
  });
});
