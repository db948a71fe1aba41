import { it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { analysePlan as mine } from '../../server/src/core/analyse';
import { analysePlan as base } from '../../../../main/server/src/core/analyse';
import { syntheticPlan } from '../support/synthetic';
it('bench', () => {
  const docs: [string, string, 'markdown' | 'text'][] = [
    ...readdirSync('samples').map((f) => [f, readFileSync(`samples/${f}`, 'utf8'), 'markdown'] as [string, string, 'markdown']),
    ...readdirSync('/work/shared/corpus').filter((f) => f.endsWith('.txt')).map((f) => [f, readFileSync(`/work/shared/corpus/${f}`, 'utf8'), 'text'] as [string, string, 'text']),
    
  ];
  for (const [name, text, format] of docs) {
    const t = { mine: [] as number[], base: [] as number[] };
    const runs = name.startsWith('synthetic') ? 5 : 151;
    for (let i = 0; i < runs; i++) {
      for (const [k, f] of [['base', base], ['mine', mine]] as const) {
        const s = performance.now();
        f(text, { uri: name, format });
        t[k].push(performance.now() - s);
      }
    }
    const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
    console.log(`${name.padEnd(28)} base ${med(t.base).toFixed(2)} ms  mine ${med(t.mine).toFixed(2)} ms  ratio ${(med(t.mine) / med(t.base)).toFixed(3)}`);
  }
}, 600000);
