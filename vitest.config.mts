import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [
    {
      // the same YAML-as-JSON-module treatment esbuild.mjs gives the bundles
      name: 'yaml-data',
      transform(_code: string, id: string) {
        if (!/\.ya?ml$/.test(id)) return null;
        return { code: `export default ${JSON.stringify(parse(readFileSync(id, 'utf8')))};`, map: null };
      },
    },
  ],
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30000,
    // a language server spawned in beforeAll can take seconds to start on a loaded 2-core machine
    hookTimeout: 30000,
    reporters: ['default', './test/support/summaryReporter.ts'],
  },
});
