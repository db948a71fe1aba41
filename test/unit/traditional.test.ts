import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import traditionalData from '../../data/vocab/traditional.yaml';
import { analysePlan } from '../../server/src/core/analyse';
import { foldWidth } from '../../server/src/core/text/fold';

// A plan copied from a site that converted its page to traditional characters is read as the simplified
// text it was (data/vocab/traditional.yaml, folded with the full-width forms in core/text/fold.ts).
const pairs = (traditionalData as { pairs: string[] }).pairs.join('');
const toTraditional = new Map<string, string>();
for (let i = 0; i + 1 < pairs.length; i += 2) if (!toTraditional.has(pairs[i + 1])) toTraditional.set(pairs[i + 1], pairs[i]);
const traditional = (text: string) => [...text].map((c) => toTraditional.get(c) ?? c).join('');

describe('traditional characters', () => {
  it('are folded one code unit for one, with the full-width forms', () => {
    expect(foldWidth('(責任單位:縣生態環境局、縣發改委)')).toBe('(责任单位:县生态环境局、县发改委)');
    expect(foldWidth('（責任單位：縣水務局）')).toBe('(责任单位:县水务局)');
    expect(foldWidth('地表水水質優良(達到或優于Ⅲ類)比例達到88.2%')).toBe('地表水水质优良(达到或优于Ⅲ类)比例达到88.2%');
    const s = '一、總體要求 (一)指導思想。';
    expect(foldWidth(s).length).toBe(s.length);
  });

  it('leave simplified text as it is: no character of the data is one simplified text uses (著, 台, 面, 乾县)', () => {
    for (const text of ['著力推进', '台州市', '面积不减少', '乾县创建国家生态文明建设示范县实施方案', '里程', '干部']) expect(foldWidth(text)).toBe(text);
    for (let i = 0; i + 1 < pairs.length; i += 2) expect(pairs[i], `${pairs[i]}→${pairs[i + 1]}`).not.toBe(pairs[i + 1]);
  });

  it('give every sample, written in traditional characters, the tasks, units, targets and diagnostics of its simplified text', () => {
    const dir = join(__dirname, '../../samples');
    const files = readdirSync(dir).filter((f) => /\.(md|txt)$/.test(f));
    expect(files.length).toBeGreaterThanOrEqual(3);
    for (const f of files) {
      const text = readFileSync(join(dir, f), 'utf8');
      const format = f.endsWith('.txt') ? 'text' : 'markdown';
      const view = (t: string) => {
        const a = analysePlan(t, { uri: `file:///${f}`, format });
        return {
          level: a.settings.level,
          tasks: a.model.tasks.map((x) => `${x.path} ${x.range.start.line} ${x.noUnit} ${x.units.map((u) => `${foldWidth(u.name)}/${u.role}`).join('、')}`),
          targets: a.model.targets.map((x) => `${x.range.start.line}:${x.range.start.character} ${x.catalogueId} ${x.op} ${x.value}`),
          codes: a.diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character} ${d.code}`).filter((d) => !d.endsWith('unknown-department')),
        };
      };
      // the body as a converting site leaves it; front matter is the user's own settings, written as EcoPlan reads them
      const head = /^---\r?\n[\s\S]*?\r?\n---\r?\n/.exec(text)?.[0] ?? '';
      const converted = head + traditional(text.slice(head.length));
      expect(converted, f).not.toBe(text);
      expect(view(converted), f).toEqual(view(text));
    }
  });
});
