import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinEditions } from '../../server/src/core/catalogue/builtin';
import { allIndicators } from '../../server/src/core/catalogue/load';
import { builtinDirectory } from '../../server/src/core/departments/directory';
import { computePinyinKeys, pinyinKeys, pinyinKeysIfReady } from '../../server/src/lsp/presentation/pinyinKeys';

const FILE = join(process.cwd(), 'data', 'pinyin', 'keys.json');

/** Every name EcoPlan ships: the built-in directory and all catalogue editions. */
function shippedNames(): string[] {
  const names = new Set<string>();
  for (const d of builtinDirectory.departments) for (const n of [d.name, ...d.aliases]) names.add(n);
  for (const e of builtinEditions) for (const i of allIndicators(e)) for (const n of [i.name, ...i.aliases, ...i.former]) names.add(n);
  return [...names].sort();
}

describe('pinyin keys (data/pinyin/keys.json)', () => {
  it('holds the keys of every shipped name, as pinyin-pro computes them (ECOPLAN_WRITE_PINYIN=1 regenerates)', () => {
    const expected: Record<string, string> = {};
    for (const n of shippedNames()) expected[n] = computePinyinKeys(n);
    if (process.env.ECOPLAN_WRITE_PINYIN === '1') writeFileSync(FILE, `${JSON.stringify(expected, null, 0).replaceAll('","', '",\n"')}\n`);
    expect(JSON.parse(readFileSync(FILE, 'utf8'))).toEqual(expected);
  });

  it('gives full pinyin and initials, for shipped names without computing', () => {
    expect(pinyinKeysIfReady('市生态环境局')).toBe('shishengtaihuanjingju ssthjj');
    expect(pinyinKeysIfReady('县发改委')).toBe('xianfagaiwei xfgw');
    expect(pinyinKeysIfReady('城镇污水处理率')).toBe('chengzhenwushuichulilv czwscll');
    // a name nobody ships: not ready until computed, then kept
    expect(pinyinKeysIfReady('区水务和海洋局')).toBeNull();
    expect(pinyinKeys('区水务和海洋局')).toBe('qushuiwuhehaiyangju qswhhyj');
    expect(pinyinKeysIfReady('区水务和海洋局')).toBe('qushuiwuhehaiyangju qswhhyj');
    expect(pinyinKeys('PM2.5浓度')).toBe('pm2.5nongdu pm2.5nd');
  });
});
