// Bundles the extension client, the language server and the CLI into dist/.
// Data files (data/**/*.yaml) are parsed here and inlined as JSON, so nothing reads them at run time.
import * as esbuild from 'esbuild';
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const yamlPlugin = {
  name: 'yaml',
  setup(build) {
    build.onLoad({ filter: /\.ya?ml$/ }, async (args) => ({
      contents: JSON.stringify(parse(await readFile(args.path, 'utf8'))),
      loader: 'json',
    }));
  },
};

// Packages a plan check does not need (xlsx, pinyin for completion, schema validation of a user
// catalogue, GB18030 decoding, `ecoplan.include` globs, YAML for front matter and config files) are
// bundled on their own into dist/vendor/<name>.js and loaded on first use: the bundles import a
// stand-in whose functions and default export load the real module when first called or touched.
// Start-up then reads and compiles only what checking a plan needs.
const require = createRequire(import.meta.url);
const LAZY = ['exceljs', 'ajv/dist/2020', 'iconv-lite', 'pinyin-pro', 'picomatch', 'yaml'];
const vendorFile = (pkg) => `vendor/${pkg.replace(/[^\w.-]+/g, '_')}.js`;
const lazyPlugin = {
  name: 'lazy-vendor',
  setup(build) {
    build.onResolve({ filter: new RegExp(`^(${LAZY.map((p) => p.replace(/[/.]/g, '\\$&')).join('|')})$`) }, (args) => ({ path: args.path, namespace: 'lazy' }));
    build.onResolve({ filter: /^\.\/vendor\// }, (args) => ({ path: args.path, external: true }));
    build.onLoad({ filter: /.*/, namespace: 'lazy' }, (args) => {
      const real = require(args.path);
      const named = Object.keys(real).filter((k) => /^[A-Za-z_$][\w$]*$/.test(k) && k !== 'default' && typeof real[k] === 'function');
      return {
        loader: 'js',
        contents: [
          `let mod;`,
          `const load = () => (mod ??= require(${JSON.stringify('./' + vendorFile(args.path))}));`,
          `const main = () => (load().__esModule ? load().default : load());`,
          // named exports: functions called (or classes constructed) through
          ...named.map((k) => `export function ${k}(...args) { const f = load()[${JSON.stringify(k)}]; return new.target ? Reflect.construct(f, args) : f.apply(this, args); }`),
          `export default new Proxy(function () {}, {`,
          `  get: (_, k) => main()[k],`,
          `  has: (_, k) => k in main(),`,
          `  apply: (_, self, args) => Reflect.apply(main(), self, args),`,
          `  construct: (_, args) => Reflect.construct(main(), args),`,
          `});`,
        ].join('\n'),
      };
    });
  },
};

// The server's `import('../cli/word.js')` (lsp/wordFiles.ts) loads dist/word.js, the bundle beside it.
const wordBundlePlugin = {
  name: 'word-bundle',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/cli\/word\.js$/ }, () => ({ path: './word.js', external: true }));
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
  plugins: [yamlPlugin, lazyPlugin],
  // `import('./word.js')` becomes a require in a promise: the compile cache (node/compileCache.ts)
  // compiles the bundles with vm.Script, which has no loader for import() on Node 20
  supported: { 'dynamic-import': false },
};

const entries = [
  // the Word code (import/export, .docx in check) is its own bundle, loaded by cli.js only when needed
  { entryPoints: ['server/src/cli/bin.ts'], outfile: 'dist/cli.js', external: ['./word.js'] },
  { entryPoints: ['server/src/cli/word.ts'], outfile: 'dist/word.js' },
  // the server loads the same Word bundle only when a workspace folder holds a .docx
  { entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server-main.js', plugins: [yamlPlugin, lazyPlugin, wordBundlePlugin] },
  // the V8 code cache for the bundles (server/src/node/compileCache.ts): bin/ecoplan.js installs it
  // before dist/cli.js; dist/server.js (the server's entry) installs it, then loads dist/server-main.js
  { entryPoints: ['server/src/node/compileCache.ts'], outfile: 'dist/compileCache.js' },
  { entryPoints: ['server/src/lsp/start.ts'], outfile: 'dist/server.js', external: ['./server-main.js'] },
  // a plan on disk past the size threshold, analysed within the file budget in a worker (lsp/budgetedRead.ts)
  { entryPoints: ['server/src/lsp/textWorker.ts'], outfile: 'dist/text-worker.js' },
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  { entryPoints: ['test/bench/bench.ts'], outfile: 'dist/bench.js', dev: true },
  { entryPoints: ['test/support/fuzzMain.ts'], outfile: 'dist/fuzz.js', dev: true },
];
const vendors = LAZY.map((pkg) => ({
  stdin: { contents: `module.exports = require(${JSON.stringify(pkg)});`, resolveDir: fileURLToPath(new URL('.', import.meta.url)), loader: 'js' },
  outfile: `dist/${vendorFile(pkg)}`,
  // third-party code, loaded as is: always minified, no source map
  sourcemap: false,
  minify: true,
  plugins: [yamlPlugin],
}));
await Promise.all([
  ...entries.filter((e) => !(production && e.dev)).map(({ dev, ...e }) => esbuild.build({ ...common, ...e })),
  ...vendors.map((v) => esbuild.build({ ...common, ...v })),
]);
