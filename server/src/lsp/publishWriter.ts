import { format } from 'node:util';
import { StreamMessageWriter, type Connection, type Message } from 'vscode-languageserver/node';

/**
 * Writing messages over stdio, with publishDiagnostics serialised from parts kept per diagnostic.
 *
 * A keystroke in a long plan republishes thousands of diagnostics of which it changed a few, and
 * the diagnostics it did not change are the same objects as before (core/incremental.ts,
 * features/diagnostics.ts). JSON.stringify and the UTF-8 encoding of the whole message cost more
 * than the analysis (1.6 MB for 4,167 diagnostics: ~30 ms under load); here each diagnostic is
 * encoded once and a publish joins the bytes. The message is the same JSON, key order aside.
 * Other messages are encoded as vscode-jsonrpc encodes them.
 */

const COMMA = Buffer.from(',');
const TAIL = Buffer.from(']}}');

/** Per document: the diagnostics of its last publish, and where each one's bytes sit in that message. */
interface Published {
  items: object[];
  bytes: Buffer;
  starts: number[];
  ends: number[];
}
const lastPublished = new Map<string, Published>();
/** Every diagnostic object encoded so far: one not among them cannot be in a last publish. */
const everSent = new WeakSet<object>();

function encodeMessage(msg: Message, charset: BufferEncoding): Buffer {
  const m = msg as { method?: string; params?: { uri?: unknown; diagnostics?: unknown } };
  if (m.method !== 'textDocument/publishDiagnostics' || !m.params || typeof m.params.uri !== 'string' || !Array.isArray(m.params.diagnostics) || (charset !== 'utf-8' && charset !== 'utf8')) {
    return Buffer.from(JSON.stringify(msg, undefined, 0), charset);
  }
  const { diagnostics, ...rest } = m.params as { uri: string; diagnostics: object[] } & Record<string, unknown>;
  const fields = Object.entries(rest)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)},`)
    .join('');
  const head = Buffer.from(`{"jsonrpc":${JSON.stringify((msg as { jsonrpc: string }).jsonrpc)},"method":"textDocument/publishDiagnostics","params":{${fields}"diagnostics":[`);
  const before = lastPublished.get(rest.uri);
  // where each diagnostic was in the last publish: by position first, by a map only when that fails
  const near = before ? follower(before.items) : null;
  let byItem: Map<object, number> | null = null;
  const indexBefore = (d: object): number | undefined => {
    if (!before) return undefined;
    const k = near!.find(d);
    if (k >= 0) return k;
    if (!everSent.has(d)) return undefined; // new since the last publish: no need to look further
    if (!byItem) {
      byItem = new Map();
      before.items.forEach((x, i) => byItem!.set(x, i));
    }
    const j = byItem.get(d);
    if (j !== undefined) near!.resume(j);
    return j;
  };
  // runs of diagnostics that followed each other in the last publish are copied as one piece
  const parts: Buffer[] = [head];
  let length = head.length;
  const starts: number[] = [];
  const ends: number[] = [];
  let runFrom = -1;
  let runTo = -1;
  let runStart = 0;
  const flush = () => {
    if (runFrom < 0) return;
    const piece = before!.bytes.subarray(before!.starts[runFrom], before!.ends[runTo]);
    parts.push(piece);
    length += piece.length;
    runFrom = runTo = -1;
  };
  diagnostics.forEach((d, i) => {
    const j = indexBefore(d);
    if (j !== undefined && runFrom >= 0 && j === runTo + 1) {
      // the next one of the run: its bytes (and the comma before them) come with the run
      runTo = j;
      const start = runStart + before!.starts[j] - before!.starts[runFrom];
      starts.push(start);
      ends.push(start + before!.ends[j] - before!.starts[j]);
      return;
    }
    flush();
    if (i > 0) {
      parts.push(COMMA);
      length += 1;
    }
    starts.push(length);
    if (j !== undefined) {
      runFrom = runTo = j;
      runStart = length;
      ends.push(length + before!.ends[j] - before!.starts[j]);
    } else {
      const bytes = Buffer.from(JSON.stringify(d), 'utf8');
      everSent.add(d);
      parts.push(bytes);
      length += bytes.length;
      ends.push(length);
    }
  });
  flush();
  parts.push(TAIL);
  const bytes = Buffer.concat(parts, length + TAIL.length);
  lastPublished.set(rest.uri, { items: diagnostics, bytes, starts, ends });
  if (diagnostics.length === 0) lastPublished.delete(rest.uri);
  return bytes;
}

/** A message writer for stdout that encodes publishDiagnostics as above. */
export function stdioWriter(): StreamMessageWriter {
  return new StreamMessageWriter(process.stdout, {
    charset: 'utf-8',
    contentTypeEncoder: {
      name: 'application/json',
      encode: (msg, options) => {
        try {
          return Promise.resolve(encodeMessage(msg, options.charset as BufferEncoding));
        } catch (e) {
          return Promise.reject(e);
        }
      },
    },
  });
}

/**
 * Over stdio, stdout carries the protocol: what a library prints with `console` goes to the client's
 * log instead (vscode-languageserver does the same when it sets up stdio itself).
 */
export function consoleToClient(connection: Connection): void {
  console.log = (...args: unknown[]) => connection.console.log(format(...args));
  console.info = (...args: unknown[]) => connection.console.info(format(...args));
  console.debug = (...args: unknown[]) => connection.console.log(format(...args));
  console.warn = (...args: unknown[]) => connection.console.warn(format(...args));
  console.error = (...args: unknown[]) => connection.console.error(format(...args));
  console.trace = (...args: unknown[]) => connection.console.log(format(...args));
}

export { encodeMessage as encodePublishMessage };

/**
 * Finds items of a new list in an old one that mostly holds them in the same order (a keystroke adds
 * or drops a few): `find` returns the old index of the item, or -1, looking just ahead of the last
 * match; `resume` moves on after an index found some other way.
 */
export function follower<T>(old: T[]): { find: (item: T) => number; resume: (k: number) => void } {
  let next = 0;
  return {
    find(item) {
      for (let k = next; k < old.length && k <= next + 8; k++) {
        if (old[k] === item) {
          next = k + 1;
          return k;
        }
      }
      return -1;
    },
    resume(k) {
      next = k + 1;
    },
  };
}
