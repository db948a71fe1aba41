import { describe, expect, it } from 'vitest';
import { decodePlan } from '../../server/src/node/decode';

const MANY = { ok: false, reason: { zh: '不是文本文件(含有大量控制字符)', en: 'not a text file (many control characters)' } };
const NUL = { ok: false, reason: { zh: '不是文本文件(含有 NUL 字节)', en: 'not a text file (contains NUL bytes)' } };

/** 1000 bytes of a plan line in UTF-8 with `controls` inserted at the start. */
function withControls(controls: number[]): Uint8Array {
  const line = Buffer.from('1.推进治理。城镇污水处理率达95%以上。(责任单位:市住建局)\n');
  const body = Buffer.alloc(1000 - controls.length, 0x20);
  for (let i = 0; i + line.length <= body.length; i += line.length) line.copy(body, i);
  return Buffer.concat([Buffer.from(controls), body]);
}

describe('decodePlan refuses binary files', () => {
  it('allows up to 1 % + 2 control characters in the first 64 KB; tab, line feed, form feed and CR do not count', () => {
    // 1000 bytes: 12 control characters are allowed, 13 are not
    const twelve = decodePlan(withControls([1, 2, 3, 4, 5, 6, 7, 8, 0x0b, 0x0e, 0x1b, 0x1f]));
    expect(twelve).toMatchObject({ ok: true, encoding: 'utf-8' });
    expect(decodePlan(withControls([1, 2, 3, 4, 5, 6, 7, 8, 0x0b, 0x0e, 0x1b, 0x1f, 0x10]))).toEqual(MANY);
    expect(decodePlan(withControls(Array(150).fill([9, 10, 12, 13, 0x7f]).flat()))).toMatchObject({ ok: true, encoding: 'utf-8' });
    // past the first 64 KB nothing is counted
    const late = Buffer.concat([Buffer.from('二、主要任务\n'.repeat(6000)), Buffer.alloc(5000, 1)]);
    expect(late.indexOf(1)).toBeGreaterThan(65536);
    expect(decodePlan(late)).toMatchObject({ ok: true, encoding: 'utf-8' });
  });

  it('refuses a NUL byte in the first 64 KB, in a plan that is otherwise text', () => {
    expect(decodePlan(Buffer.concat([Buffer.from('二、主要任务\n'), Buffer.from([0]), Buffer.from('1.任务。\n')]))).toEqual(NUL);
    expect(decodePlan(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]))).toEqual(NUL);
  });
});
