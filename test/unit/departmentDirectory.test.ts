import { describe, expect, it } from 'vitest';
import { analysePlan } from '../../server/src/core/analyse';
import { builtinDirectory } from '../../server/src/core/departments/directory';

describe('departments written with their place name', () => {
  it('resolves <place><level word><department> to the level department, at the first split whose rest is known', () => {
    const name = (n: string) => builtinDirectory.resolve(n)?.name ?? null;
    expect(name('青川县住建局')).toBe('县住房和城乡建设局');
    expect(name('广元市发改委')).toBe('市发展和改革委员会');
    expect(name('西安市长安区住建局')).toBe('区住房和城乡建设局');
    expect(name('阿鲁科尔沁旗生态环境局')).toBe('县生态环境局');
    expect(name('旗林草局')).toBe('县林业局');
    expect(name('旗农牧局')).toBe('县农业农村局');
    expect(name('阿鲁科尔沁旗发改委')).toBe('县发展和改革委员会');
    expect(name('青川县人民政府')).toBe('县人民政府');
    expect(name('县政府')).toBe('县人民政府');
    // a branch of the city's bureau, a town's government, a company: not departments of the directory
    expect(name('广元市生态环境局青川分局')).toBeNull();
    expect(name('竹园镇人民政府')).toBeNull();
    expect(name('城市管理局')).toBeNull();
    expect(name('慈溪建设集团')).toBeNull();
  });

  it('gives no unknown-department hint for them in a plan, and one for what is really unknown', () => {
    const text = ['# 青川县创建国家生态文明建设示范县实施方案', '', '二、重点任务', '', '1.推进污水治理。(责任单位:青川县住建局、广元市生态环境局青川分局、青川县人民政府、竹园镇人民政府)', ''].join('\n');
    const hints = analysePlan(text, { uri: 'p.txt', format: 'text' }).diagnostics.filter((d) => d.code === 'unknown-department');
    expect(hints.map((d) => `${d.range.start.line}:${d.range.start.character} ${d.message}`)).toEqual([
      '4:22 「广元市生态环境局青川分局」不在内置部门名录中',
      '4:43 「竹园镇人民政府」不在内置部门名录中',
    ]);
  });

  it('stays linear on a long name that resolves to nothing', () => {
    const long = '青'.repeat(100_000) + '县住建局';
    const t0 = performance.now();
    expect(builtinDirectory.resolve(long)).toBeNull();
    expect(performance.now() - t0).toBeLessThan(500);
  });
});
