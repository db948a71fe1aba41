// A zip package (.docx, .xlsx) opened with limits that hold while it is read: the central directory
// is read here, and each part is inflated with fflate's streaming Inflate a few KB of input at a
// time, with a running count of the bytes out; past the cap of a part, or of the whole package,
// reading stops. (fflate's unzipSync trusts the sizes the archive declares and inflates a part
// whole: a few KB of deflated spaces became 400 MB before anything could look at them.)
import { Inflate } from 'fflate';

/** Inflated bytes one part may hold: the document.xml of a 300-page plan is under 20 MB. */
export const MAX_PART_BYTES = 48 * 1024 * 1024;
/** Inflated bytes of all the parts read from one package. */
export const MAX_PACKAGE_BYTES = 96 * 1024 * 1024;
/** Entries in the central directory (a .docx has a few dozen). */
const MAX_ENTRIES = 10000;
/** Compressed bytes pushed at once: deflate expands at most ~1:1032, so one push yields at most ~4 MB. */
const STEP = 4096;

export class ZipLimitError extends Error {
  constructor(readonly zh: string, readonly en: string) {
    super(`${zh} / ${en}`);
  }
}

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  /** Offset of the entry's local header. */
  offset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function damaged(what: string): ZipLimitError {
  return new ZipLimitError(`文件已损坏或不完整(${what})`, `the file is damaged or truncated (${what})`);
}

/** The entries of the archive's central directory. */
export function zipEntries(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 65535); at--) {
    if (view.getUint32(at, true) === EOCD) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) throw damaged('no end of central directory');
  const count = view.getUint16(eocd + 10, true);
  const cdOffset = view.getUint32(eocd + 16, true);
  if (count > MAX_ENTRIES) throw new ZipLimitError(`压缩包条目过多(${count})`, `too many entries in the package (${count})`);
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder();
  let at = cdOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL) throw damaged('central directory');
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    entries.push({
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      offset: view.getUint32(at + 42, true),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * Reads the entries `wanted` picks, each inflated up to `maxPart` bytes and all together up to
 * `maxTotal`: ZipLimitError as soon as a count passes its cap.
 */
export function readZip(bytes: Uint8Array, wanted: (name: string) => boolean, limits: { maxPart?: number; maxTotal?: number } = {}): Map<string, Uint8Array> {
  const maxPart = limits.maxPart ?? MAX_PART_BYTES;
  const maxTotal = limits.maxTotal ?? MAX_PACKAGE_BYTES;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Map<string, Uint8Array>();
  let total = 0;
  const mb = (n: number) => Math.round(n / 1024 / 1024);
  for (const e of zipEntries(bytes)) {
    if (!wanted(e.name) || e.name.endsWith('/')) continue;
    if (e.offset + 30 > bytes.length || view.getUint32(e.offset, true) !== LOCAL) throw damaged(e.name);
    const start = e.offset + 30 + view.getUint16(e.offset + 26, true) + view.getUint16(e.offset + 28, true);
    const end = start + e.compressedSize;
    if (end > bytes.length) throw damaged(e.name);
    const chunks: Uint8Array[] = [];
    let size = 0;
    const take = (chunk: Uint8Array) => {
      size += chunk.length;
      total += chunk.length;
      if (size > maxPart) throw new ZipLimitError(`${e.name} 解压后超过 ${mb(maxPart)} MB,不像方案文件`, `${e.name} inflates to more than ${mb(maxPart)} MB: not a plan`);
      if (total > maxTotal) throw new ZipLimitError(`解压后超过 ${mb(maxTotal)} MB,不像方案文件`, `the package inflates to more than ${mb(maxTotal)} MB: not a plan`);
      if (chunk.length) chunks.push(chunk);
    };
    if (e.method === 0) take(bytes.slice(start, end));
    else if (e.method === 8) {
      const inflate = new Inflate((chunk) => take(chunk));
      try {
        if (start === end) inflate.push(new Uint8Array(0), true);
        for (let at = start; at < end; at += STEP) inflate.push(bytes.subarray(at, Math.min(end, at + STEP)), at + STEP >= end);
      } catch (err) {
        if (err instanceof ZipLimitError) throw err;
        throw damaged(`${e.name}: ${(err as Error).message}`);
      }
    } else throw new ZipLimitError(`${e.name} 使用了不支持的压缩方式(${e.method})`, `${e.name} uses an unsupported compression method (${e.method})`);
    const data = new Uint8Array(size);
    let o = 0;
    for (const c of chunks) (data.set(c, o), (o += c.length));
    out.set(e.name, data);
  }
  return out;
}
