// `npm run bench -- --only diff`: how long diffPlans takes once both drafts are analysed (the analysis
// is in the tables above): the two 安吉县 drafts, a 512 KB plan against itself with one target in four
// changed, and against a plan of half its size (most tasks matched only by similarity: the worst case
// of matching, kept linear by comparing each task with the tasks near its place).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analysePlan } from '../../server/src/core/analyse';
import { diffPlans } from '../../server/src/core/diff/diffPlans';
import { syntheticPlan } from '../support/synthetic';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export async function diffBench(): Promise<void> {
  const drafts = join(process.cwd(), 'test', 'fixtures', 'review-drafts');
  const synthetic = syntheticPlan(512 * 1024);
  const cases: [string, string, string][] = [
    ['安吉县 初稿 → 修改稿 (17 tasks)', readFileSync(join(drafts, '安吉县-初稿.md'), 'utf8'), readFileSync(join(drafts, 'source', '安吉县-修改稿.md'), 'utf8')],
    ['synthetic 512 KB → itself, sewage targets −5', synthetic, synthetic.replace(/城镇污水处理率达(\d+)%/g, (_, v: string) => `城镇污水处理率达${Number(v) - 5}%`)],
    ['synthetic 512 KB → synthetic 256 KB', synthetic, syntheticPlan(256 * 1024)],
  ];
  console.log('\n| drafts | tasks old → new | changes | diffPlans median ms |');
  console.log('|---|---:|---:|---:|');
  for (const [name, a, b] of cases) {
    const before = analysePlan(a, { uri: 'old.md' });
    const after = analysePlan(b, { uri: 'new.md' });
    const runs: number[] = [];
    let changes = 0;
    for (let i = 0; i < 7; i++) {
      const t = performance.now();
      changes = diffPlans(before, after, 'zh').changes.length;
      runs.push(performance.now() - t);
    }
    console.log(`| ${name} | ${before.model.tasks.length} → ${after.model.tasks.length} | ${changes} | ${median(runs).toFixed(1)} |`);
  }
}
