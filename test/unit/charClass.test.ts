import { describe, expect, it } from 'vitest';
import { charClass } from '../../server/src/core/text/charClass';

describe('charClass', () => {
  it('answers as its regex does for every UTF-16 code unit, asked twice (the second answer is the remembered one)', () => {
    const re = /[,,。;;::、\s\u3000((“"]/;
    const test = charClass(re);
    const differ: number[] = [];
    for (let pass = 0; pass < 2; pass++) {
      for (let code = 0; code < 65536; code++) if (test(code) !== re.test(String.fromCharCode(code))) differ.push(code);
    }
    expect(differ).toEqual([]);
    expect([test(0x3001), test(0x20), test(0x2028), test(0x4e00), test(0x41)]).toEqual([true, true, true, false, false]);
  });
});
