#!/usr/bin/env node
// The V8 code cache for the bundles (dist/compileCache.js, from server/src/node/compileCache.ts):
// compiling dist/cli.js is a tenth of a one-plan check. Without it the CLI runs all the same.
const dist = require('node:path').join(__dirname, '..', 'dist');
try {
  require('../dist/compileCache.js').installCompileCache(dist);
} catch {
  // an older build without dist/compileCache.js
}
require('../dist/cli.js');
