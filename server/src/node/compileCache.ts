import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { Script } from 'node:vm';

/**
 * A V8 code cache for the bundles (Node 20 has no `module.enableCompileCache`). Compiling
 * dist/cli.js is about a tenth of a one-plan `ecoplan check`, and every function the check calls is
 * compiled again on each run; with the cache V8 deserialises the top level and those functions
 * instead. The cache is written once, when the process ends (so it holds what the run compiled),
 * into a private per-user directory, and is only a shortcut: a missing, stale, corrupt or unreadable
 * cache file, or a directory that cannot be written, gives the same result as no cache at all.
 *
 * A cache file is named by the bundle's path and a key of everything the compiled code depends on
 * (Node, V8 version and architecture, the file's size, mtime, inode and a sample of its text). Only
 * node:crypto is loaded for it, when the cache is used (node:v8 and node:os would add 4 ms to every start). Its header repeats the key and carries a SHA-1 of the V8 data, checked before V8 sees it:
 * V8 itself checks its version, flags and the source length, but not (in release builds) the
 * payload, and corrupt data can crash it.
 */

const MAGIC = 'ecoplan-v8-cache 1';

/** Where the cache lives: `ECOPLAN_COMPILE_CACHE` (a directory, or `0`/`off` for none), else the user's cache directory. */
export function compileCacheDir(env: NodeJS.ProcessEnv = process.env): string | null {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const homedir = () => env.HOME || env.USERPROFILE || (require('node:os') as typeof import('node:os')).homedir();
  const setting = env.ECOPLAN_COMPILE_CACHE;
  if (setting !== undefined && /^(0|off|false|no)$/i.test(setting.trim())) return null;
  if (setting) return resolve(setting);
  try {
    if (process.platform === 'win32') return env.LOCALAPPDATA ? join(env.LOCALAPPDATA, 'ecoplan', 'v8-cache') : null;
    if (process.platform === 'darwin') return join(homedir(), 'Library', 'Caches', 'ecoplan', 'v8-cache');
    return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'ecoplan', 'v8-cache');
  } catch {
    return null; // no home directory
  }
}

/**
 * The directory, created if need be, when only this user can write it (code read from a directory
 * others can write could be theirs); null when it cannot be made or is not private.
 */
function privateDir(dir: string): string | null {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const st = statSync(dir);
    if (!st.isDirectory()) return null;
    if (process.platform !== 'win32' && typeof process.getuid === 'function' && (st.uid !== process.getuid() || (st.mode & 0o022) !== 0)) return null;
    return dir;
  } catch {
    return null;
  }
}

// node:crypto is required on first use: with the cache off (ECOPLAN_COMPILE_CACHE=0) it is not loaded at all
// eslint-disable-next-line @typescript-eslint/no-require-imports
const sha1 = (data: string | Uint8Array) => (require('node:crypto') as typeof import('node:crypto')).createHash('sha1').update(data).digest('hex');

/** 64 slices of the text: with size and mtime, a cheap stand-in for hashing all of it (5 ms for 0.7 MB). */
function textSample(content: string): string {
  const parts: string[] = [];
  const step = Math.max(1, Math.floor(content.length / 64));
  for (let at = 0; at < content.length; at += step) parts.push(content.slice(at, at + 64));
  return parts.join('\u0000');
}

interface Pending {
  script: Script;
  file: string;
  key: string;
  prefix: string;
}

export interface CompileCache {
  /** Where cache files are read and written. */
  readonly dir: string;
  /** Bundles compiled from the cache / compiled afresh (their cache is written by `flush`). */
  readonly stats: { hits: number; misses: number };
  /** Write the caches of the bundles compiled afresh so far (also done when the process exits). */
  flush(): void;
}

/** Used for the bundles under `root` (the dist/ directory). Returns null when no cache directory can be used. */
export function installCompileCache(root: string, dir: string | null = compileCacheDir()): CompileCache | null {
  // with --enable-source-maps Node maps stack traces of the modules it compiles itself: leave them to it
  if ((process as { sourceMapsEnabled?: boolean }).sourceMapsEnabled) return null;
  const cacheDir = dir === null ? null : privateDir(dir);
  if (!cacheDir) return null;
  const under = resolve(root) + sep;
  const pending: Pending[] = [];
  const stats = { hits: 0, misses: 0 };
  type CompileFn = (this: Module, content: string, filename: string) => unknown;
  const proto = Module.prototype as unknown as { _compile: CompileFn };
  const original = proto._compile;

  proto._compile = function (this: Module, content: string, filename: string) {
    if (!filename.startsWith(under) || !filename.endsWith('.js') || content.startsWith('#!') || content.charCodeAt(0) === 0xfeff) return original.call(this, content, filename);
    let script: Script;
    try {
      const st = statSync(filename);
      const key = sha1([MAGIC, process.version, process.versions.v8, process.arch, filename, st.size, st.mtimeMs, st.ino, content.length, textSample(content)].join('\u0000'));
      const prefix = `${basename(filename, '.js')}-${sha1(filename).slice(0, 8)}-`;
      const file = join(cacheDir, `${prefix}${key.slice(0, 16)}.bin`);
      const cachedData = readCache(file, key);
      script = new Script(Module.wrap(content), { filename, cachedData });
      if (cachedData && !script.cachedDataRejected) stats.hits++;
      else (stats.misses++, pending.push({ script, file, key, prefix }));
    } catch {
      // a file V8 cannot compile: Node's own compile gives the usual error
      return original.call(this, content, filename);
    }
    const fn = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown;
    return Reflect.apply(fn, this.exports, [this.exports, requireFor(this), this, filename, dirname(filename)]);
  };

  const flush = () => {
    for (const p of pending.splice(0)) writeCache(cacheDir, p);
  };
  process.once('exit', flush);
  return { dir: cacheDir, stats, flush };
}

/** The cache data in `file` when its header matches `key` and its checksum the data; otherwise undefined. */
function readCache(file: string, key: string): Buffer | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined;
  }
  const nl = bytes.indexOf(10);
  if (nl < 0 || nl > 200) return undefined;
  const [magic, version, fileKey, sum, length] = bytes.subarray(0, nl).toString('latin1').split(' ');
  if (`${magic} ${version}` !== MAGIC || fileKey !== key) return undefined;
  const data = bytes.subarray(nl + 1);
  if (data.length !== Number(length) || sha1(data) !== sum) return undefined;
  return data;
}

function writeCache(dir: string, p: Pending): void {
  try {
    const data = p.script.createCachedData();
    const tmp = `${p.file}.${process.pid}.tmp`;
    writeFileSync(tmp, Buffer.concat([Buffer.from(`${MAGIC} ${p.key} ${sha1(data)} ${data.length}\n`, 'latin1'), data]), { mode: 0o600 });
    renameSync(tmp, p.file);
    // older caches of the same bundle (earlier builds) are of no more use
    for (const name of readdirSync(dir)) {
      if (name.startsWith(p.prefix) && name.endsWith('.bin') && join(dir, name) !== p.file) unlinkSync(join(dir, name));
    }
  } catch {
    // a read-only or full disk: the next run compiles afresh, as without a cache
  }
}

/** `require` as Node gives it to a module (resolve, cache, main, extensions). */
function requireFor(mod: Module): NodeJS.Require {
  const internal = Module as unknown as {
    _resolveFilename(request: string, parent: Module, isMain: boolean, options?: unknown): string;
    _resolveLookupPaths(request: string, parent: Module): string[] | null;
    _extensions: NodeJS.RequireExtensions;
    _cache: NodeJS.Dict<NodeJS.Module>;
  };
  const req = ((id: string) => mod.require(id)) as NodeJS.Require;
  const resolveFn = ((request: string, options?: unknown) => internal._resolveFilename(request, mod, false, options)) as NodeJS.RequireResolve;
  resolveFn.paths = (request: string) => internal._resolveLookupPaths(request, mod);
  req.resolve = resolveFn;
  req.main = process.mainModule;
  req.extensions = internal._extensions;
  req.cache = internal._cache;
  return req;
}
