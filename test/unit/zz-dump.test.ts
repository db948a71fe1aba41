import { it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { analysePlan } from '../../server/src/core/analyse';
it('dump', () => {
  const dir = process.env.D!;
  for (const f of readdirSync(dir).filter((x) => /\.(txt|md)$/.test(x)).sort()) {
    const a = analysePlan(readFileSync(`${dir}/${f}`, 'utf8'), { uri: f, format: f.endsWith('.txt') ? 'text' : 'markdown' });
    const out: any = {
      file: f,
      tasks: a.model.tasks.map((t) => ({ line: t.range.start.line, path: t.path, title: t.title, units: t.units.map((u) => ({ name: u.name, role: u.role })), vague: t.vague.map((v) => v.text), noUnit: t.noUnit })),
      targets: a.model.targets.filter((t) => t.catalogueId).map((t) => ({ line: t.range.start.line, indicator: t.indicator, op: t.op, value: t.value, unit: t.unit, year: t.year, surface: t.surface })),
      localTargets: a.model.targets.filter((t) => !t.catalogueId).map((t) => ({ line: t.range.start.line, indicator: t.indicator, op: t.op, value: t.value, unit: t.unit, year: t.year })),
      level: a.settings.level,
      diagnostics: a.diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.code} ${d.message}`),
    };
    console.log(JSON.stringify(out, null, 1));
  }
});
