import type { Reporter, TestModule } from 'vitest/node';

/**
 * Adds the plain closing line `N passed, N failed, N skipped` after vitest's own summary, so CI
 * logs read the same whatever runner produced them.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>, errors: ReadonlyArray<unknown>) {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const m of modules) {
      // a file that fails before any test runs (an import or collection error) counts as a failure
      if (!m.ok() && [...m.children.allTests()].every((t) => t.result().state !== 'failed')) failed++;
      for (const t of m.children.allTests()) {
        const state = t.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else skipped++;
      }
    }
    failed += errors.length;
    process.stdout.write(`\n${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}
