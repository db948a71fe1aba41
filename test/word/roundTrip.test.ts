// export then import gives back the same plan: outline paths, tasks, units with their roles, targets.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analysePlan, type AnalyseOptions } from '../../server/src/core/analyse';
import { readDocx } from '../../server/src/word/docxRead';
import { exportDocx } from '../../server/src/word/exportDocx';
import { tagsToProse } from '../../server/src/word/tagsToProse';
import { toMarkdown } from '../../server/src/word/toMarkdown';
import { planSummary } from '../support/planSummary';

const root = join(__dirname, '..', '..');
const corpus = join(root, '..', 'shared', 'corpus');

async function roundTrip(name: string, text: string, format: 'markdown' | 'text') {
  const options: AnalyseOptions = { uri: name, format };
  const before = analysePlan(text, options);
  const prose = tagsToProse(before, options);
  const settings = (before.model.frontMatter?.data?.ecoplan ?? {}) as Record<string, unknown>;
  const docx = await exportDocx(prose.text, { format, settings: Object.fromEntries(Object.entries(settings).map(([k, v]) => [k, String(v)])) });
  const imported = toMarkdown(readDocx(docx), 'plan.docx');
  const after = analysePlan(imported.text, { uri: 'plan.plan.md', format: 'markdown' });
  return { before, after, prose, imported };
}

const samples = readdirSync(join(root, 'samples')).filter((f) => f.endsWith('.md'));

describe('export → import round trip', () => {
  it.each(samples)('samples/%s', async (f) => {
    const { before, after, imported } = await roundTrip(f, readFileSync(join(root, 'samples', f), 'utf8'), 'markdown');
    expect(before.model.tasks.length).toBeGreaterThan(20);
    expect(planSummary(after)).toEqual(planSummary(before));
    expect(imported.replaced).toEqual({});
  });

  const corpusFiles = existsSync(corpus) ? readdirSync(corpus).filter((f) => f.endsWith('.txt')) : [];
  it.skipIf(corpusFiles.length === 0).each(corpusFiles.length ? corpusFiles : ['(../shared/corpus absent)'])('corpus/%s', async (f) => {
    const { before, after } = await roundTrip(f, readFileSync(join(corpus, f), 'utf8'), 'text');
    expect(before.model.tasks.length).toBeGreaterThan(20);
    const b = planSummary(before);
    const a = planSummary(after);
    // a pasted text has no front matter: the import infers level and period from the title
    expect({ ...a, level: b.level }).toEqual(b);
  });
});

describe('Markdown structure through Word', () => {
  it('keeps headings at every depth, bold, footnotes, tables and page breaks, and drops comments', async () => {
    const md = [
      '# 北湖市创建国家生态文明建设示范市实施方案',
      '',
      '## 一、主要任务',
      '',
      '### （一）健全制度',
      '',
      '#### 专栏',
      '',
      '1.**组织规划实施。**制定计划[^a]。（责任单位：市生态环境局）',
      '',
      '[^a]: 每年一次。',
      '',
      '<!-- ecoplan-disable-next-line -->',
      '---',
      '',
      '# 附件',
      '',
      '| 序号 | 工作任务 | 责任单位 |',
      '|---|---|---|',
      '| 1 | 管网\\|泵站工程 | 市住建局 |',
      '',
    ].join('\n');
    const back = toMarkdown(readDocx(await exportDocx(md, { format: 'markdown' })), 'x.docx');
    expect(back.text.split('\n').slice(6)).toEqual([
      '# 北湖市创建国家生态文明建设示范市实施方案',
      '',
      '## 一、主要任务',
      '',
      '### （一）健全制度',
      '',
      '#### 专栏',
      '',
      '1.**组织规划实施。**制定计划[^1]。（责任单位：市生态环境局）',
      '',
      '[^1]: 每年一次。',
      '',
      '# 附件',
      '',
      '| 序号 | 工作任务 | 责任单位 |',
      '|---|---|---|',
      '| 1 | 管网\\|泵站工程 | 市住建局 |',
      '',
    ]);
  });
});
