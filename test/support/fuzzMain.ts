// `npm run fuzz -- [seed] [steps] [runs]`: the long run of the LSP fuzzer. Prints the seed of every
// failing run; `npm run fuzz -- <that seed> <steps>` replays it.
import { runFuzz } from './lspFuzz';

async function main() {
  const [seedArg, stepsArg, runsArg] = process.argv.slice(2);
  const first = seedArg !== undefined ? Number(seedArg) : Math.floor(Math.random() * 2 ** 31);
  const steps = stepsArg !== undefined ? Number(stepsArg) : 1000;
  const runs = runsArg !== undefined ? Number(runsArg) : 1;
  if (!Number.isInteger(first) || !Number.isInteger(steps) || steps < 1 || !Number.isInteger(runs) || runs < 1) {
    console.error('usage: npm run fuzz -- [seed] [steps] [runs]   (integers; steps and runs ≥ 1)');
    process.exit(2);
  }
  let failed = 0;
  for (let i = 0; i < runs; i++) {
    const r = await runFuzz({ seed: first + i, steps, log: (l) => console.log(l) });
    if (r.failures.length > 0) {
      failed++;
      console.log(`FAILED seed ${r.seed}:\n${r.failures.join('\n')}`);
    }
  }
  console.log(failed === 0 ? `all ${runs} run(s) passed (first seed ${first}, ${steps} steps each)` : `${failed} of ${runs} run(s) failed`);
  process.exit(failed === 0 ? 0 : 1);
}
void main();
