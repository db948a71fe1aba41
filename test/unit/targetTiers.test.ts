import { describe, expect, it } from 'vitest';
import { fw } from '../support/fullWidth';
import { analyse, read } from '../support/plan';

// Issue 18 item 7: targets stated as aspirations, for named places, with glosses inside names and after
// values, against a base year, and several values for one name.

/** indicator, op, value, unit, year, tier, scope, and the range's start and end character. */
const found = (line: string) =>
  read(line, 'text').targets.map((t) => [t.indicator, t.op, t.value, t.unit, t.year, t.tier ?? 'firm', t.scope ?? null, t.range.start.character, t.range.end.character]);

/** A 市 plan whose goals chapter holds `lines`; the codes of its diagnostics of `code` as `line:character`. */
function diagnostics(code: string, lines: string[]) {
  const text = ['---', 'ecoplan:', '  level: 市', '---', '# 石渠口市实施方案', '一、主要目标', ...lines].join('\n');
  return analyse(text)
    .diagnostics.filter((d) => d.code === code)
    .map((d) => `${d.range.start.line - 6}:${d.range.start.character}`);
}

describe('aspirational targets: 力争, 争取, 努力达到', () => {
  it('reads the firm target and the aspiration after it as two targets of one indicator, the second aspirational', () => {
    expect(found('到2025年,全市空气质量优良天数比率确保达到85%、力争达到88%。')).toEqual([
      ['优良天数比例', '>=', 85, '%', 2025, 'firm', null, 9, 26],
      ['优良天数比例', '>=', 88, '%', 2025, 'aspirational', null, 9, 34],
    ]);
    expect(found('城镇污水处理率确保达到95%,争取达到98%以上。')).toEqual([
      ['城镇污水处理率', '>=', 95, '%', null, 'firm', null, 0, 14],
      ['城镇污水处理率', '>=', 98, '%', null, 'aspirational', null, 0, 24],
    ]);
  });

  it('reads 力争 / 争取 / 努力 before the value or before the name as the aspirational tier', () => {
    expect(found('PM2.5年均浓度力争达到0.033毫克/立方米。')).toEqual([['PM2.5浓度下降幅度', '<=', 0.033, '毫克/立方米', null, 'aspirational', null, 0, 24]]);
    expect(found('森林覆盖率努力达到62%。')).toEqual([['林草覆盖率', '>=', 62, '%', null, 'aspirational', null, 0, 12]]);
    expect(found('争取城镇污水处理率达到98%。')).toEqual([['城镇污水处理率', '>=', 98, '%', null, 'aspirational', null, 2, 14]]);
    expect(found('城镇污水处理率达到95%。')[0][5]).toBe('firm');
    expect(found('到2025年力争全市城镇污水处理率达到98%。')[0][5]).toBe('aspirational');
    // effort spent is no aspiration
    expect(found('经过3年努力全市空气质量优良天数比率达到85%以上。')[0][5]).toBe('firm');
  });

  it('reads them alike in ASCII and full-width punctuation', () => {
    const ascii = '到2025年,全市空气质量优良天数比率确保达到85%、力争达到88%;森林覆盖率努力达到62%。';
    expect(found(ascii.replace(/[,;%]/g, (c) => fw(c)))).toEqual(found(ascii));
    expect(found(ascii)).toHaveLength(3);
  });
});

describe('the places a target is stated for', () => {
  it('takes the list of places before the name as the scope, and keeps it for the rest of the sentence', () => {
    expect(found('长安区、新华区、栾城区PM2.5平均浓度达到58微克/立方米;正定县PM2.5平均浓度达到60微克/立方米。')).toEqual([
      ['PM2.5浓度下降幅度', '<=', 58, '微克/立方米', null, 'firm', '长安区、新华区、栾城区', 11, 30],
      ['PM2.5浓度下降幅度', '<=', 60, '微克/立方米', null, 'firm', '正定县', 34, 53],
    ]);
    expect(found('桂阳市的空气质量优良天数比率不低于93.5%,细颗粒物(PM2.5)平均浓度不高于32微克/立方米。').map((t) => t[6])).toEqual(['桂阳市', '桂阳市']);
    // a stray 、 before the name, and 其中 before a place
    expect(found('平川县、鹿鸣区、PM2.5平均浓度达到57微克/立方米。')[0][6]).toBe('平川县、鹿鸣区');
    expect(found('全市优良天数比率达到80%以上,其中东岭、西岭两区优良天数比率达到80%(剔除沙尘天气)。').map((t) => [t[2], t[6], t[8]])).toEqual([
      [80, null, 15],
      [80, '东岭、西岭两区', 36],
    ]);
  });

  it('takes the words glued before a name as what it counts (国控 and 省控 sections are not comparable)', () => {
    expect(found('到2025年,国控断面水质优良比例(达到或优于Ⅲ类)达98.3%以上,省控断面水质优良比例(达到或优于Ⅲ类)达95%以上。')).toEqual([
      ['水质达到或优于Ⅲ类比例提高幅度', '>=', 98.3, '%', 2025, 'firm', '国控', 9, 34],
      ['水质达到或优于Ⅲ类比例提高幅度', '>=', 95, '%', 2025, 'firm', '省控', 37, 60],
    ]);
    expect(diagnostics('conflicting-targets', ['到2025年,国控断面水质优良比例(达到或优于Ⅲ类)达98.3%以上,省控断面水质优良比例(达到或优于Ⅲ类)达95%以上。'])).toEqual([]);
  });

  it('gives no scope to the plan’s own area, to a task’s verbs or to a name that starts the sentence', () => {
    expect(found('到2025年,全市城镇污水处理率达到95%。')[0][6]).toBeNull();
    expect(found('加快推进城区污水管网建设,城镇污水处理率达到95%。')[0][6]).toBeNull();
    expect(found('城市生活垃圾无害化处理率达到100%。')[0][6]).toBeNull();
    expect(found('推进城镇污水处理率达到95%。')[0][6]).toBeNull();
    expect(found('争取城镇污水处理率达到98%。')[0][6]).toBeNull();
  });

  it('gives each place of the sentence its own value after 分别, also when the places are written right before a local metric', () => {
    expect(found('石岭市、固川市、中宁市年均浓度分别控制在68、87、85微克/立方米以内。')).toEqual([
      ['年均浓度', '<=', 68, '微克/立方米', null, 'firm', '石岭市', 11, 36],
      ['年均浓度', '<=', 87, '微克/立方米', null, 'firm', '固川市', 11, 36],
      ['年均浓度', '<=', 85, '微克/立方米', null, 'firm', '中宁市', 11, 36],
    ]);
    expect(found('石岭市、固川市、中宁市可吸入颗粒物(PM10)年均浓度下降10%,年均浓度分别控制在68、87、85微克/立方米以内。')).toEqual([
      ['年均浓度', '<=', 68, '微克/立方米', null, 'firm', '石岭市', 33, 58],
      ['年均浓度', '<=', 87, '微克/立方米', null, 'firm', '固川市', 33, 58],
      ['年均浓度', '<=', 85, '微克/立方米', null, 'firm', '中宁市', 33, 58],
    ]);
  });
});

describe('names with a gloss inside, values with a gloss after', () => {
  it('reads a catalogue name interrupted by a parenthesis', () => {
    expect(found('到2025年,断面水质优良(达到或优于Ⅲ类)比例不低于80%。')).toEqual([['水质达到或优于Ⅲ类比例提高幅度', '>=', 80, '%', 2025, 'firm', null, 7, 30]]);
    expect(found('地表水水质优良(达到或好于Ⅲ类)比例达到85%以上,')).toEqual([['水质达到或优于Ⅲ类比例提高幅度', '>=', 85, '%', null, 'firm', null, 0, 25]]);
    const t = read('断面水质优良(达到或优于Ⅲ类)比例不低于80%。', 'text').targets[0];
    expect([t.writtenName, t.match]).toEqual(['断面水质优良(达到或优于Ⅲ类)比例', 'alias']);
  });

  it('reads the gloss after a value as part of that target, never as a second target', () => {
    expect(found('城市空气质量优良天数比例不低于92.5%(即全年优良天数不少于337天),城镇污水处理率达到95%。')).toEqual([
      ['优良天数比例', '>=', 92.5, '%', null, 'firm', null, 0, 20],
      ['城镇污水处理率', '>=', 95, '%', null, 'firm', null, 37, 49],
    ]);
    expect(found('优良天数比率达到80%(剔除沙尘天气)。')).toEqual([['优良天数比例', '>=', 80, '%', null, 'firm', null, 0, 11]]);
  });
});

describe('changes against a base year', () => {
  it('reads the level a change brings, written after it, as a second target', () => {
    expect(found('石渠市2024年空气质量改善目标为:PM2.5平均浓度较2023年下降8%,达到38微克/立方米;优良天数比率达到72%。')).toEqual([
      ['PM2.5浓度下降幅度', '>=', 8, '%', 2024, 'firm', null, 18, 37],
      ['PM2.5浓度下降幅度', '<=', 38, '微克/立方米', 2024, 'firm', null, 18, 48],
      ['优良天数比例', '>=', 72, '%', 2024, 'firm', null, 49, 60],
    ]);
  });

  it('reads 较/比 2020年下降 N% as a change of at least N%, relative to the base year, which is not the target year', () => {
    const t = read('单位地区生产总值能耗比2020年下降13.5%以上,碳排放强度较2020年下降18%。', 'text').targets;
    expect(t.map((x) => [x.indicator, x.op, x.value, x.unit, x.year, x.relative])).toEqual([
      ['单位地区生产总值能耗', '>=', 13.5, '%', null, '比2020年下降'],
      ['碳排放强度', '>=', 18, '%', null, '较2020年下降'],
    ]);
  });

  it('gives each of several names written without their shared words its own value after 分别', () => {
    expect(found('到2025年,全市二氧化硫、氮氧化物排放总量分别比2020年下降12.3%、10.9%以上。')).toEqual([
      ['二氧化硫排放总量', '>=', 12.3, '%', 2025, 'firm', null, 9, 45],
      ['氮氧化物排放总量', '>=', 10.9, '%', 2025, 'firm', null, 14, 45],
    ]);
    expect(found('可吸入颗粒物(PM10)和细颗粒物(PM2.5)平均浓度分别不高于53和32微克/立方米。')).toEqual([
      ['可吸入颗粒物(PM10)平均浓度', '<=', 53, '微克/立方米', null, 'firm', null, 0, 44],
      ['PM2.5浓度下降幅度', '<=', 32, '微克/立方米', null, 'firm', null, 13, 44],
    ]);
  });
});

describe('conflicting-targets compares firm targets of one place', () => {
  it('is silent on a firm target and its aspiration, and on targets of different places', () => {
    expect(diagnostics('conflicting-targets', ['到2025年,全市空气质量优良天数比率确保达到85%、力争达到88%。'])).toEqual([]);
    expect(diagnostics('conflicting-targets', ['长安区、新华区PM2.5平均浓度达到58微克/立方米;正定县PM2.5平均浓度达到60微克/立方米。'])).toEqual([]);
    expect(diagnostics('conflicting-targets', ['石岭市、固川市、中宁市年均浓度分别控制在68、87、85微克/立方米以内。'])).toEqual([]);
  });

  it('still warns on two firm targets of one place, and on two aspirations never', () => {
    expect(diagnostics('conflicting-targets', ['到2025年,全市空气质量优良天数比率达到85%。', '到2025年,全市空气质量优良天数比率达到88%。'])).toEqual(['0:9', '1:9']);
    expect(diagnostics('conflicting-targets', ['正定县PM2.5平均浓度达到60微克/立方米。', '正定县PM2.5平均浓度达到62微克/立方米。'])).toEqual(['0:3', '1:3']);
    expect(diagnostics('conflicting-targets', ['空气质量优良天数比率力争达到85%。', '空气质量优良天数比率力争达到88%。'])).toEqual([]);
  });

  it('checks the firm target against the threshold, not the aspiration beside it', () => {
    // 城镇污水处理率: ≥95% for a 市. The aspiration meets it, the firm target does not.
    expect(diagnostics('target-below-threshold', ['城镇污水处理率确保达到90%,力争达到96%。'])).toEqual(['0:0']);
    // both below: only the firm one is reported
    expect(diagnostics('target-below-threshold', ['城镇污水处理率确保达到88%,力争达到90%。'])).toEqual(['0:0']);
    // an aspiration alone is what the plan says: it is checked
    expect(diagnostics('target-below-threshold', ['城镇污水处理率力争达到90%。'])).toEqual(['0:0']);
  });
});

describe('linear time on adversarial lines', () => {
  const time = (f: () => unknown) => {
    const t0 = performance.now();
    f();
    return performance.now() - t0;
  };
  it('many places, many glosses, many aspirations, many values after 分别', () => {
    const lines = [
      '甲乙区、'.repeat(20000) + 'PM2.5平均浓度达到58微克/立方米。',
      '断面水质优良('.repeat(20000) + '比例不低于80%',
      '断面水质(达到)'.repeat(20000),
      '城镇污水处理率确保达到95%、力争达到98%;'.repeat(5000),
      '年均浓度分别控制在68' + '、87'.repeat(20000) + '微克/立方米以内。',
      '二氧化硫、'.repeat(20000) + '氮氧化物排放总量分别比2020年下降12.3%、10.9%以上。',
      '优良天数比率达到80%' + '(剔除沙尘天气)'.repeat(20000),
    ];
    for (const line of lines) expect(time(() => read(line, 'text'))).toBeLessThan(3000);
    expect(read('城镇污水处理率确保达到95%、力争达到98%;'.repeat(5000), 'text').targets).toHaveLength(10000);
  });
});
