// `ecoplan review` on the 1,000-plan workspace beside `ecoplan check` on it (issue 20: at most 1.5×
// the time of the check, under 500 MB): both as whole processes, alternated so that the machine's
// load falls on both alike; the median of the runs.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { corpusPresent, fmt, loadNote, median, runNode, type ProcessRun } from './measure';
import { makeWorkspace } from './workspaceBench';

export async function reviewBench(count = 1000, rounds = 3): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'ecoplan-review-bench-'));
  try {
    makeWorkspace(folder, count);
    console.log(`\n## ecoplan review vs ecoplan check, ${count} plans (${corpusPresent() ? 'samples and corpus plans' : 'samples only: ../shared/corpus not found'}; ${loadNote()})\n`);
    const cli = join(process.cwd(), 'bin', 'ecoplan.js');
    const runs: { check: ProcessRun[]; review: ProcessRun[] } = { check: [], review: [] };
    for (let r = 0; r < rounds; r++) {
      runs.check.push(await runNode([cli, 'check', folder]));
      runs.review.push(await runNode([cli, 'review', folder]));
    }
    const wall = (xs: ProcessRun[]) => median(xs.map((x) => x.wallMs));
    const cpu = (xs: ProcessRun[]) => median(xs.map((x) => x.cpuMs));
    const peak = (xs: ProcessRun[]) => Math.max(...xs.map((x) => x.maxRssKb / 1024));
    const last = (x: ProcessRun) => x.stdout.trim().split('\n').pop() ?? '';
    console.log('| command | wall ms (median) | CPU ms (median) | peak MB | last line |');
    console.log('|---|---:|---:|---:|---|');
    console.log(`| ecoplan check <folder> | ${fmt(wall(runs.check))} | ${fmt(cpu(runs.check))} | ${fmt(peak(runs.check))} | ${last(runs.check[0])} |`);
    console.log(`| ecoplan review <folder> | ${fmt(wall(runs.review))} | ${fmt(cpu(runs.review))} | ${fmt(peak(runs.review))} | ${last(runs.review[0])} |`);
    console.log(`\nreview / check: ${fmt(wall(runs.review) / wall(runs.check), 2)}× wall, ${fmt(cpu(runs.review) / cpu(runs.check), 2)}× CPU (aim ≤ 1.5×); review peak ${fmt(peak(runs.review))} MB (aim < 500 MB)`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
