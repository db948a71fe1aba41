// Bundles the extension client, the language server and the CLI into dist/.
// Data files (data/**/*.yaml) are parsed here and inlined as JSON, so nothing reads them at run time.
import * as esbuild from 'esbuild';
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';

const yamlPlugin = {
  name: 'yaml',
  setup(build) {
    build.onLoad({ filter: /\.ya?ml$/ }, async (args) => ({
      contents: JSON.stringify(parse(await readFile(args.path, 'utf8'))),
      loader: 'json',
    }));
  },
};

const quiet = process.argv.includes('--quiet');
// --production: minified, no source maps, no bench (what `npm run package` puts in the .vsix)
const production = process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: quiet ? 'error' : 'info',
  plugins: [yamlPlugin],
};

const entries = [
  { entryPoints: ['server/src/cli/bin.ts'], outfile: 'dist/cli.js' },
  { entryPoints: ['server/src/lsp/server.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  { entryPoints: ['test/bench/bench.ts'], outfile: 'dist/bench.js', dev: true },
  { entryPoints: ['test/support/fuzzMain.ts'], outfile: 'dist/fuzz.js', dev: true },
];
await Promise.all(entries.filter((e) => !(production && e.dev)).map(({ dev, ...e }) => esbuild.build({ ...common, ...e })));
