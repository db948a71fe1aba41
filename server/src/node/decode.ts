import iconv from 'iconv-lite';

const CONTROL = /[\x01-\x08\x0b\x0e-\x1f]/g;

export type Decoded = { ok: true; text: string; encoding: string } | { ok: false; reason: { zh: string; en: string } };

/**
 * Plans saved by older Windows tools are often GB18030/GBK, and many start with a BOM.
 * Order: BOM → strict UTF-8 → GB18030 (only when the result reads as Chinese text). Binary
 * files (NUL bytes, or control characters everywhere) are refused with a reason.
 */
export function decodePlan(bytes: Uint8Array): Decoded {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { ok: true, text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8 (BOM)' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { ok: true, text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { ok: true, text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  const sample = bytes.subarray(0, 65536);
  if (sample.indexOf(0) >= 0) return { ok: false, reason: { zh: '不是文本文件(含有 NUL 字节)', en: 'not a text file (contains NUL bytes)' } };
  // control characters other than tab, line and form feed, carriage return: counted by a native scan
  // (a loop over the bytes took 3–10 ms of a one-plan check, run once and so never optimised)
  const controls = Buffer.from(sample.buffer, sample.byteOffset, sample.length).toString('latin1').match(CONTROL)?.length ?? 0;
  if (controls > sample.length / 100 + 2) return { ok: false, reason: { zh: '不是文本文件(含有大量控制字符)', en: 'not a text file (many control characters)' } };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // not UTF-8: try GB18030 (a superset of GBK and GB2312)
  }
  const text = iconv.decode(Buffer.from(bytes), 'gb18030');
  const replacement = (text.match(/\uFFFD/g) ?? []).length;
  const cjk = (text.match(/[\u4e00-\u9fff]/g) ?? []).length;
  if (replacement === 0 && cjk > 0) return { ok: true, text, encoding: 'gb18030' };
  return { ok: false, reason: { zh: '无法识别文件编码(既不是 UTF-8 也不是 GB18030/GBK)', en: 'cannot decode the file (neither UTF-8 nor GB18030/GBK)' } };
}
