import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../server/src/cli/main';

function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runCheck(args, (s) => out.push(s), (s) => err.push(s));
  return { code, out, err };
}

const plan = ['# 某市方案', '二、主要任务', '1.考核。生态文明建设工作占党政实绩考核的比例达到20%。(责任单位:市委组织部)', '2.治理。城镇污水处理率达85%以上。(责任单位:市住建局、市生态坏境局)'].join('\n');

describe('ecoplan.config.* found up the folder tree', () => {
  it('applies level, rules, a department directory and an added catalogue', () => {
    const root = mkdtempSync(join(tmpdir(), 'ecoplan-cfg-'));
    mkdirSync(join(root, 'plans', '2022'), { recursive: true });
    writeFileSync(join(root, 'plans', '2022', 'plan.txt'), plan);
    writeFileSync(join(root, 'departments.yaml'), 'departments:\n  - {name: 市委组织部}\n  - {name: 市住房和城乡建设局, aliases: [市住建局]}\n  - {name: 市生态环境局}\n');
    writeFileSync(join(root, 'zj.yaml'), 'edition: {id: zhejiang-2020, title: 浙江省指标, levels: [市, 县]}\nextends: national-2019\nindicators:\n  - {number: 3, id: eco-civilization-performance-assessment-share, name: 生态文明建设工作占党政实绩考核的比例, unit: "%", thresholds: [{op: ">=", value: 25}], direction: higher, binding: true, applies: [市, 县], confidence: confirmed}\n');
    writeFileSync(join(root, 'ecoplan.config.yaml'), 'level: 县\ncatalogue: zhejiang-2020\ncatalogues: [zj.yaml]\ndepartments: departments.yaml\nrules:\n  missing-binding-indicators: off\n  target-below-threshold: warning\n');
    const r = run([join(root, 'plans'), '--format', 'json']);
    expect(r.err).toEqual([]);
    const f = JSON.parse(r.out.join('')).files[0];
    expect([f.level, f.catalogue]).toEqual(['县', 'zhejiang-2020']);
    expect(f.diagnostics.map((d: { code: string; severity: string; message: string }) => `${d.severity} ${d.code} ${d.message}`)).toEqual([
      'warning target-below-threshold 生态文明建设工作占党政实绩考核的比例 目标 ≥20% 低于 浙江省指标(县)约束性指标 ≥25%',
      // 城镇污水处理率 ≥85 meets the inherited 县 threshold (≥85): nothing to say
      'warning unknown-department 「市生态坏境局」不在本地部门名录中;是否是:市生态环境局?',
    ]);
  });

  it('reports a broken config with its file and line and checks with defaults', () => {
    const root = mkdtempSync(join(tmpdir(), 'ecoplan-badcfg-'));
    writeFileSync(join(root, 'plan.txt'), plan);
    writeFileSync(join(root, 'ecoplan.config.json'), '{\n  "level": "市",\n  "rules": {"no-such-rule": "off", "vague-responsibility": "loud"},\n  "colour": 1\n}\n');
    const r = run([join(root, 'plan.txt'), '--format', 'json']);
    expect(r.err.map((e) => e.replace(root, 'DIR'))).toEqual([
      'ecoplan: DIR/ecoplan.config.json:3: 未知规则:no-such-rule',
      'ecoplan: DIR/ecoplan.config.json:3: vague-responsibility 的级别应为 error|warning|information|hint|off',
      'ecoplan: DIR/ecoplan.config.json:4: 未知配置项:colour(可用:catalogue、catalogues、level、terrain、citySize、period、departments、rules、parent、review)',
    ]);
    expect(JSON.parse(r.out.join('')).files[0].level).toBe('市');
    writeFileSync(join(root, 'ecoplan.config.json'), '{\n  "level": "市",\n  "rules": {\n}}}\n');
    const broken = run([join(root, 'plan.txt')]);
    expect(broken.err[0].replace(root, 'DIR')).toMatch(/^ecoplan: DIR\/ecoplan\.config\.json:4: 配置文件格式错误,已使用默认设置/);
    expect(broken.code).toBe(1); // the plan itself was still checked (it has an error)
  });
});

describe('ecoplan check --format sarif', () => {
  it('writes SARIF 2.1.0 with rule metadata, help links and 1-based regions', () => {
    const root = mkdtempSync(join(tmpdir(), 'ecoplan-sarif-'));
    writeFileSync(join(root, 'plan.txt'), plan);
    writeFileSync(join(root, 'ecoplan.config.json'), '{"level": "市", "rules": {"missing-binding-indicators": "off", "unknown-department": "off"}}');
    const r = run([join(root, 'plan.txt'), '--format', 'sarif']);
    const sarif = JSON.parse(r.out.join(''));
    expect(sarif.version).toBe('2.1.0');
    const rules = sarif.runs[0].tool.driver.rules;
    expect(rules.find((x: { id: string }) => x.id === 'target-below-threshold')).toEqual({
      id: 'target-below-threshold',
      name: 'target-below-threshold',
      shortDescription: { text: '目标低于国家指标值' },
      helpUri: 'https://github.com/ecoplan/ecoplan/blob/main/docs/rules/target-below-threshold.md',
      defaultConfiguration: { level: 'error' },
    });
    const results = sarif.runs[0].results.map((x: { ruleId: string; level: string; locations: { physicalLocation: { region: { startLine: number; startColumn: number } } }[] }) => `${x.ruleId} ${x.level} ${x.locations[0].physicalLocation.region.startLine}:${x.locations[0].physicalLocation.region.startColumn}`);
    expect(results).toEqual(['target-below-threshold error 4:6']);
  });
});
