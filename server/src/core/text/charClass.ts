/**
 * A one-character regex class as a test on a UTF-16 code unit, remembered per code unit: scans that
 * test every character of a line (`/[,,。]/.test(line[i])`) then make no one-character string and run
 * no regex per character. `re` must test one character and hold no state (no `g`/`y` flag).
 */
export function charClass(re: RegExp): (code: number) => boolean {
  // 0: not yet tested, 1: in the class, 2: not
  const known = new Uint8Array(65536);
  return (code: number): boolean => {
    let k = known[code];
    if (k === 0) known[code] = k = re.test(String.fromCharCode(code)) ? 1 : 2;
    return k === 1;
  };
}
