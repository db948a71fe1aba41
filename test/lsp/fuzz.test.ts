import { describe, expect, it } from 'vitest';
import { prng, runFuzz } from '../support/lspFuzz';

// The short run of the LSP fuzzer (the long one: `npm run fuzz -- <seed> <steps>`).
describe('LSP fuzz (short run)', () => {
  it('the PRNG replays a seed exactly', () => {
    const a = prng(20261130);
    const b = prng(20261130);
    const xs = Array.from({ length: 5 }, () => a.int(1000));
    expect(new Set(xs).size).toBeGreaterThan(1);
    expect(xs).toEqual(Array.from({ length: 5 }, () => b.int(1000)));
    expect(prng(1).int(1000)).not.toBe(prng(2).int(1000));
  });

  it.each([20261130, 7])(
    'seed %i: every response in range, the server alive, edited = fresh',
    async (seed) => {
      const r = await runFuzz({ seed, steps: 120, checkEvery: 30, budgetMs: 22000, log: (l) => console.log(l) });
      expect(r.failures).toEqual([]);
      expect(r.checks).toBeGreaterThanOrEqual(1);
      expect(r.requests).toBeGreaterThan(0);
    },
    60000,
  );
});
