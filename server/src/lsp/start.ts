// dist/server.js: the V8 code cache for the bundles beside it (node/compileCache.ts), then the
// server itself (dist/server-main.js, built from server.ts). Compiling the 1.2 MB server bundle and
// the functions the first analysis runs is a good part of the time to the first diagnostics.
import { installCompileCache } from '../node/compileCache';

const cache = installCompileCache(__dirname);
require('./server-main.js');
// The cache holds what has been compiled when it is written: write it once the first documents
// have been analysed, not only at exit (an editor may end the server with a signal).
if (cache) setTimeout(() => cache.flush(), 10_000).unref();
