import { fw } from '../support/fullWidth';
import { describe, expect, it } from 'vitest';
import { analyse } from '../support/plan';
import { analysePlan } from '../../server/src/core/analyse';

/** A plan with front matter and the given body lines; returns the diagnostics of `code` as `line:message`. */
function check(code: string, body: string[], settings = 'level: 市') {
  const text = ['---', 'ecoplan:', ...settings.split('\n').map((l) => `  ${l}`), '---', '# 某市实施方案', '## 三、主要任务', ...body].join('\n');
  const first = 4 + settings.split('\n').length + 1; // line of body[0]
  return analyse(text)
    .diagnostics.filter((d) => d.code === code)
    .map((d) => `${d.range.start.line - first}:${d.severity}:${d.message}`);
}

describe('target-below-threshold', () => {
  it('reports a binding target below the 市 threshold, stating both values', () => {
    expect(check('target-below-threshold', ['1.提升污水处理。城镇污水处理率达85%以上。(责任单位:市住建局)'])).toEqual([
      '0:error:城镇污水处理率 目标 ≥85% 低于 2019 版(市)约束性指标 ≥95%',
    ]);
  });

  it('uses the 县 threshold for a 县 plan', () => {
    expect(check('target-below-threshold', ['1.提升污水处理。城镇污水处理率达85%以上。(责任单位:县住建局)'], 'level: 县')).toEqual([]);
    expect(check('target-below-threshold', ['1.提升污水处理。城镇污水处理率达80%以上。(责任单位:县住建局)'], 'level: 县')).toEqual([
      '0:error:城镇污水处理率 目标 ≥80% 低于 2019 版(县)约束性指标 ≥85%',
    ]);
  });

  it('stays silent on the conventional phrasings that meet the bar', () => {
    expect(
      check('target-below-threshold', [
        '1.推进治理。城镇污水处理率达95%以上,生态环境状况指数不低于60,危险废物利用处置率保持100%,政府绿色采购比例稳定在80%以上。(责任单位:市生态环境局)',
        '2.推进采购。[[政府绿色采购比例 ≥85%]],单位国内生产总值建设用地使用面积下降率≥4.5%。(责任单位:市财政局)',
        '3.推进绿化。城镇人均公园绿地面积保持在15—16平方米/人。(责任单位:市住建局)',
        '',
        '| 序号 | 指标名称 | 单位 | 目标值 | 责任单位 |',
        '| --- | --- | --- | --- | --- |',
        '| 1 | 城镇污水处理率 | % | ≥96 | 市住建局 |',
      ]),
    ).toEqual([]);
  });

  it('never makes an error of an unverified threshold, and says it is unverified', () => {
    // 城镇生活垃圾无害化处理率 is binding; its 市 value (≥95) is confirmed, its 县 value (≥80) only recalled
    expect(check('target-below-threshold', ['1.治理。城镇生活垃圾无害化处理率达到90%以上。(责任单位:市城管局)'])).toEqual([
      '0:error:城镇生活垃圾无害化处理率 目标 ≥90% 低于 2019 版(市)约束性指标 ≥95%',
    ]);
    expect(check('target-below-threshold', ['1.治理。城镇生活垃圾无害化处理率达到70%以上。(责任单位:县城管局)'], 'level: 县')).toEqual([
      '0:warning:城镇生活垃圾无害化处理率 目标 ≥70% 低于 2019 版(县)约束性指标 ≥80%(该指标值尚未核实)',
    ]);
  });

  it('is silent where the threshold depends on a terrain the plan does not state', () => {
    expect(check('target-below-threshold', ['1.植树造林。林草覆盖率不低于15%。(责任单位:市林业局)'])).toEqual([]);
    expect(check('target-below-threshold', ['1.植树造林。林草覆盖率不低于15%。(责任单位:市林业局)'], 'level: 市\nterrain: 平原地区')).toEqual([
      expect.stringMatching(/^0:warning:林草覆盖率 目标 ≥15% 低于 2019 版\(平原地区\)参考性指标 ≥18%/),
    ]);
  });
});

describe('target-direction', () => {
  it('reports ≤ on a higher-is-better indicator', () => {
    expect(check('target-direction', ['1.推进采购。[[政府绿色采购比例 ≤80%]]。(责任单位:市财政局)'])).toEqual([
      '0:warning:政府绿色采购比例是越高越好的指标,目标却写成「≤/以下」',
    ]);
  });
  it('is silent on 以下 for a lower-is-better indicator', () => {
    expect(check('target-direction', ['1.节水。单位地区生产总值用水量控制在31立方米/万元以下。(责任单位:市水利局)'])).toEqual([]);
  });
});

describe('unit-mismatch', () => {
  it('reports an incompatible unit and does not compare it', () => {
    expect(check('unit-mismatch', ['1.绿化。城镇人均公园绿地面积达到15%。(责任单位:市住建局)'])).toEqual([
      '0:warning:城镇人均公园绿地面积的单位是 平方米/人,目标写的是 %,两者无法换算,无法与指标值比较',
    ]);
    expect(check('target-below-threshold', ['1.绿化。城镇人均公园绿地面积达到15%。(责任单位:市住建局)'])).toEqual([]);
  });
  it('is silent on a bare number and on the catalogue unit', () => {
    expect(check('unit-mismatch', ['1.治理。生态环境状况指数不低于60,城镇污水处理率达95%以上。(责任单位:市生态环境局)'])).toEqual([]);
  });
});

describe('renamed-indicator', () => {
  it('reports a former name, with the new name', () => {
    expect(check('renamed-indicator', ['1.造林。到2023年,森林覆盖率不低于19%。(责任单位:市林业局)'])).toEqual(['0:warning:「森林覆盖率」已更名为「林草覆盖率」']);
  });
  it('is silent on the current name', () => {
    expect(check('renamed-indicator', ['1.造林。林草覆盖率不低于19%。(责任单位:市林业局)'])).toEqual([]);
  });
});

describe('not-applicable', () => {
  it('reports a 县 indicator in a 市 plan as information', () => {
    expect(check('not-applicable', ['1.农业。秸秆综合利用率达到90%以上。(责任单位:市农业农村局)'])).toEqual([
      '0:information:秸秆综合利用率在国家生态文明建设示范市县建设指标中只适用于县,本方案为市级',
    ]);
    expect(check('not-applicable', ['1.农业。秸秆综合利用率达到90%以上。(责任单位:县农业农村局)'], 'level: 县')).toEqual([]);
  });
});

describe('conflicting-targets', () => {
  it('warns on each of two different targets, pointing at the other', () => {
    const a = analyse(['---', 'ecoplan:', '  level: 市', '---', '二、主要任务', '1.治理。城镇生活垃圾无害化处理率达到100%。(责任单位:市城管局)', '2.治理。城镇生活垃圾无害化处理率≥96%。(责任单位:市城管局)'].join('\n'));
    const found = a.diagnostics.filter((d) => d.code === 'conflicting-targets');
    expect(found.map((d) => [d.range.start.line, d.message, d.related?.map((r) => r.range.start.line)])).toEqual([
      [5, '城镇生活垃圾无害化处理率 的目标 ≥100% 与本方案其他处不一致:≥96%(第 7 行)', [6]],
      [6, '城镇生活垃圾无害化处理率 的目标 ≥96% 与本方案其他处不一致:≥100%(第 6 行)', [5]],
    ]);
  });
  it('is silent on the same target stated twice, and on targets for different years', () => {
    expect(check('conflicting-targets', ['1.治理。城镇污水处理率达95%以上。(责任单位:市住建局)', '2.巩固。城镇污水处理率达到95%以上。(责任单位:市住建局)'])).toEqual([]);
    expect(check('conflicting-targets', ['1.治理。到2023年,城镇污水处理率达95%以上。(责任单位:市住建局)', '2.巩固。到2025年,城镇污水处理率达到97%以上。(责任单位:市住建局)'])).toEqual([]);
  });
});

describe('missing-binding-indicators and coverage', () => {
  it('names the binding indicators a plan sets no target for, at the title', () => {
    const a = analyse(['---', 'ecoplan:', '  level: 市', '---', '# 某市实施方案', '1.治理。城镇污水处理率达95%以上。(责任单位:市住建局)', '2.提高危险废物利用处置率。(责任单位:市生态环境局)'].join('\n'));
    const d = a.diagnostics.find((x) => x.code === 'missing-binding-indicators')!;
    expect(d.range.start.line).toBe(4);
    expect(a.coverage.covered).toBe(1);
    expect(a.coverage.total).toBe(19);
    expect(a.coverage.missing).not.toContain('城镇污水处理率');
    // named in a title, but no target: still missing, and said so
    expect(a.coverage.missing).toContain('危险废物利用处置率');
    expect(a.coverage.mentionedOnly).toEqual(['危险废物利用处置率']);
    // one line for the Problems panel: the count and the first three; all 18 in the related information
    expect(d.message).toBe('方案未对 18 项约束性指标设定目标(共 19 项适用):生态文明建设规划、党委政府对生态文明建设重大目标任务部署情况、生态文明建设工作占党政实绩考核的比例 等,全部列在相关信息中;其中 1 项只提及未设目标');
    expect(d.related!.map((r) => r.message)).toEqual(a.coverage.missing.map((m) => (m === '危险废物利用处置率' ? `${m}:只提及,未设定目标` : `${m}:未设定目标`)));
    // the named-only one points at where the plan names it
    expect(d.related!.find((r) => r.message.startsWith('危险废物'))!.range).toEqual({ start: { line: 6, character: 4 }, end: { line: 6, character: 13 } });
    expect(d.related!.filter((r) => r.range.start.line === 4).length).toBe(17);
  });
  it('requires a 沿海地区-only indicator only when the plan names it', () => {
    const inland = analyse(['---', 'ecoplan:', '  level: 市', '---', '# 方案', '城镇污水处理率达95%以上。'].join('\n'));
    const coastal = analyse(['---', 'ecoplan:', '  level: 市', '---', '# 方案', '加强岸线保护,自然岸线保有率完成上级管控目标。'].join('\n'));
    expect(inland.coverage.missing).not.toContain('自然岸线保有率');
    expect(coastal.coverage.total).toBe(inland.coverage.total + 1);
    expect(coastal.coverage.missing).not.toContain('自然岸线保有率');
  });
  it('counts 县-only binding indicators for a 县 plan only', () => {
    const text = (level: string) => ['---', 'ecoplan:', `  level: ${level}`, '---', '# 方案', '村镇饮用水卫生合格率达到100%。'].join('\n');
    expect(analyse(text('县')).coverage.missing).not.toContain('村镇饮用水卫生合格率');
    expect(analyse(text('市')).coverage.missing).not.toContain('村镇饮用水卫生合格率');
    expect(analyse(text('县')).coverage.total).toBeGreaterThan(analyse(text('市')).coverage.total - 1);
  });
});

describe('unknown-department', () => {
  it('hints at a unit the built-in directory does not know, with suggestions', () => {
    expect(check('unknown-department', ['1.治理。城镇污水处理率达95%以上。(责任单位:市生态坏境局)'])).toEqual([
      '0:hint:「市生态坏境局」不在内置部门名录中;是否是:市生态环境局?',
    ]);
  });
  it('resolves a name typed with full-width or half-width brackets alike', () => {
    expect(check('unknown-department', [`1.治理。(责任单位:@{${fw('市农合联执委会(市供销社)')}}、市农合联执委会(市供销社))`])).toEqual([]);
  });
  it('knows the usual short forms', () => {
    expect(check('unknown-department', ['1.治理。(责任单位:市发改委、市住建局、市自然资源规划局、市卫健委、团市委)'])).toEqual([]);
  });
});

describe('target-year-outside-period', () => {
  it('reports a target year outside the period', () => {
    expect(check('target-year-outside-period', ['1.治理。到2026年,城镇污水处理率达到97%。(责任单位:市住建局)'], 'level: 市\nperiod: 2022-2024')).toEqual([
      '0:information:城镇污水处理率 的目标年份 2026 年不在方案期限 2022—2024 年内',
    ]);
    expect(check('target-year-outside-period', ['1.治理。到2023年,城镇污水处理率达到97%。(责任单位:市住建局)'], 'level: 市\nperiod: 2022-2024')).toEqual([]);
  });
});

describe('invalid-settings and assumed-settings', () => {
  it('reports each invalid setting at its own line', () => {
    const a = analyse(['---', 'ecoplan:', '  level: 省', '  terrain: 高山', '  colour: red', '---', '# 方案'].join('\n'));
    expect(a.diagnostics.filter((d) => d.code === 'invalid-settings').map((d) => [d.range.start.line, d.message])).toEqual([
      [2, 'level 的值「省」无效:应为 市 或 县'],
      [3, 'terrain 的值「高山」无效:应为 山区、丘陵区、平原地区、干旱半干旱地区、青藏高原地区 之一'],
      [4, '未知的设置项「colour」;可用:catalogue、level、place、terrain、citySize、period、rules、parent'],
    ]);
    expect(a.settings.level).toBeNull();
  });
  it('says on the title line, as information, when the level is assumed', () => {
    const a = analyse('# 方案\n1.治理。(责任单位:市住建局)');
    expect(a.diagnostics.filter((d) => d.code === 'assumed-settings').map((d) => [d.range.start.line, d.range.end.character, d.severity])).toEqual([[0, 4, 'information']]);
  });
});

describe('incomplete-catalogue', () => {
  it('says at the catalogue line that an incomplete edition leaves targets and coverage unchecked', () => {
    const text = ['---', 'ecoplan:', '  level: 县', '  catalogue: national-2024-county', '---', '# 某县实施方案', '1.治理。城镇污水处理率达75%以上。(责任单位:县住建局)'].join('\n');
    const a = analyse(text);
    expect(a.diagnostics.map((d) => [d.code, d.severity, d.range.start.line, d.range.start.character, d.message])).toEqual([
      ['incomplete-catalogue', 'information', 3, 13, '生态文明建设示范区(县)建设指标在 EcoPlan 中尚不完整(已收录 0 项指标):未收录指标的目标不与指标值比较,也不检查约束性指标是否都有目标;如有该版本的指标表,可用 ecoplan catalogue import <指标表.docx|.xlsx> -o national-2024-county.yaml --id national-2024-county 导入,再在 ecoplan.config.yaml 的 catalogues: 中列出'],
    ]);
  });
  it('stays silent on a complete edition', () => {
    expect(check('incomplete-catalogue', ['1.治理。城镇污水处理率达95%以上。(责任单位:市住建局)'], 'level: 市\ncatalogue: national-2019')).toEqual([]);
  });
});

describe('an indicator stated in another measure (alsoStatedAs)', () => {
  it('gives no unit-mismatch or target-direction for a PM2.5 concentration, and still checks a decline in %', () => {
    const body = ['1.治理。到2023年,PM2.5平均浓度控制在30微克/立方米以内,PM2.5浓度下降幅度≤5%。(责任单位:市生态环境局)'];
    expect(check('unit-mismatch', body)).toEqual([]);
    expect(check('target-direction', body)).toEqual(['0:warning:PM2.5浓度下降幅度是越高越好的指标,目标却写成「≤/以下」']);
  });
});

describe('unquantified-target and trend targets', () => {
  it('says what the catalogue asks of an indicator addressed only by a trend, before or after its name', () => {
    expect(
      check('unquantified-target', [
        '1.推进节能。进一步降低单位地区生产总值能耗。(责任单位:市发改委)',
        '2.推进绿化。林草覆盖率逐年提升。(责任单位:市林业局)',
        '3.推进采购。政府绿色采购比例稳中向好。(责任单位:市财政局)',
      ], 'level: 市\nterrain: 山区'),
    ).toEqual([
      '0:information:单位地区生产总值能耗 的目标「进一步降低」未量化;2019 版约束性指标要求 完成上级规定的目标任务;保持稳定或持续改善(单位:吨标准煤/万元)',
      '1:information:林草覆盖率 的目标「逐年提升」未量化;2019 版参考性指标要求 ≥60%(该指标值尚未核实)',
      '2:information:政府绿色采购比例 的目标「稳中向好」未量化;2019 版约束性指标要求 ≥80%',
    ]);
  });

  it('stays silent when the plan quantifies the indicator elsewhere, or the trend is what the catalogue asks', () => {
    expect(check('unquantified-target', ['1.推进绿化。林草覆盖率逐年提升,到2025年林草覆盖率达到62%。(责任单位:市林业局)'], 'level: 市\nterrain: 山区')).toEqual([]);
    expect(check('unquantified-target', ['1.保护物种。特有性或指示性水生物种保持率不降低。(责任单位:市农业农村局)'])).toEqual([]);
  });

  it('ignores trend targets in threshold, direction, unit and conflict rules', () => {
    const body = ['1.推进治理。城镇污水处理率逐年提升,城镇污水处理率持续提高。(责任单位:市住建局)'];
    for (const code of ['target-below-threshold', 'target-direction', 'unit-mismatch', 'conflicting-targets']) expect(check(code, body)).toEqual([]);
  });

  it('counts an indicator addressed only by a trend apart in the coverage', () => {
    const text = ['---', 'ecoplan:', '  level: 市', '---', '# 某市实施方案', '## 三、主要任务', '1.推进节能。进一步降低单位地区生产总值能耗,城镇污水处理率达95%以上。(责任单位:市发改委)'].join('\n');
    const a = analyse(text);
    expect(a.coverage.trendOnly).toEqual(['单位地区生产总值能耗']);
    expect(a.coverage.missing).not.toContain('单位地区生产总值能耗');
    expect(a.coverage.missing).not.toContain('城镇污水处理率');
    expect(a.coverage.covered + a.coverage.trendOnly.length + a.coverage.missing.length).toBe(a.coverage.total);
    expect(a.coverage.covered).toBe(1);
    const rule = a.diagnostics.find((d) => d.code === 'missing-binding-indicators')!;
    expect(rule.message).toContain(';另有 1 项只有趋势性表述');
    expect(rule.related!.map((r) => r.message)).toContain('单位地区生产总值能耗:只有趋势性表述,未量化');
  });
});

describe('English messages name the level in English only', () => {
  it('says (city), never (市), whether the threshold is per level or not', () => {
    const text = ['---', 'ecoplan:', '  level: 市', '---', '# 某市实施方案', '1.治污。城镇污水处理率达85%以上。(责任单位:市住建局)', '2.采购。政府绿色采购比例达60%。(责任单位:市财政局)'].join('\n');
    const a = analysePlan(text, { uri: 'test.md', format: 'markdown', locale: 'en' });
    expect(a.diagnostics.filter((d) => d.code === 'target-below-threshold').map((d) => d.message)).toEqual([
      '城镇污水处理率: target ≥85% is weaker than the national-2019 (city) binding indicator ≥95%',
      '政府绿色采购比例: target ≥60% is weaker than the national-2019 (city) binding indicator ≥80%',
    ]);
  });
});
