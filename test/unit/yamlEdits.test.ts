import { describe, expect, it } from 'vitest';
import { addDepartmentToDirectory, setConfigKey, setPlanSettings } from '../../server/src/lsp/presentation/yamlEdits';

const BODY = ['# 东湖区创建国家生态文明建设示范区实施方案', '', '一、总体要求', ''].join('\n');

describe('setPlanSettings: the ecoplan: front matter written without touching the rest of the plan', () => {
  it('puts a front matter at the top of a plan that has none', () => {
    expect(setPlanSettings(BODY, { level: '县', catalogue: 'national-2019' })).toBe(['---', 'ecoplan:', '  level: 县', '  catalogue: national-2019', '---', ...BODY.split('\n')].join('\n'));
  });

  it('replaces the level and adds the catalogue inside an existing ecoplan: block, other keys and comments kept', () => {
    const plan = ['---', 'title: 东湖区实施方案 # 送审稿', 'ecoplan:', '  level: 市', '  period: 2022-2025', '  departments: ../部门.yaml', 'author: 区生态办', '---', BODY].join('\n');
    expect(setPlanSettings(plan, { level: '县', catalogue: 'national-2024-county' })).toBe(
      ['---', 'title: 东湖区实施方案 # 送审稿', 'ecoplan:', '  level: 县', '  period: 2022-2025', '  departments: ../部门.yaml', '  catalogue: national-2024-county', 'author: 区生态办', '---', BODY].join('\n'),
    );
  });

  it('adds an ecoplan: block to front matter that lacks one; keeps CRLF and a BOM', () => {
    const plan = '\uFEFF' + ['---', 'title: 方案', '---', '正文第一行', ''].join('\r\n');
    expect(setPlanSettings(plan, { level: '市' })).toBe('\uFEFF' + ['---', 'title: 方案', 'ecoplan:', '  level: 市', '---', '正文第一行', ''].join('\r\n'));
  });

  it('refuses front matter that is not valid YAML or never closed', () => {
    expect(setPlanSettings(['---', 'ecoplan: [市', '---', BODY].join('\n'), { level: '县' })).toBeNull();
    expect(setPlanSettings(['---', 'ecoplan:', '  level: 市', BODY].join('\n'), { level: '县' })).toBeNull();
    expect(setPlanSettings(['---', 'ecoplan: 县级', '---', BODY].join('\n'), { level: '县' })).toBeNull();
  });

  it('stays linear on a long front-matter line', () => {
    const long = ['---', `note: ${'长'.repeat(200_000)}`, '---', BODY].join('\n');
    const t0 = performance.now();
    expect(setPlanSettings(long, { level: '县' })!.split('\n').slice(2, 4)).toEqual(['ecoplan:', '  level: 县']);
    expect(performance.now() - t0).toBeLessThan(1000);
  });
});

describe('directory and config edits', () => {
  it('starts a directory file, extends one, and leaves a name already listed alone', () => {
    expect(addDepartmentToDirectory('', '区水务和湖泊局')).toBe('departments:\n  - name: 区水务和湖泊局\n');
    expect(addDepartmentToDirectory('# 名录\n', '区城管局')).toBe('# 名录\ndepartments:\n  - name: 区城管局\n');
    const dir = 'departments:\n  - {name: 区水利局}\n';
    expect(addDepartmentToDirectory(dir, '区水利局')).toBe(dir);
    expect(addDepartmentToDirectory('departments: 区水利局\n', '区城管局')).toBeNull();
    expect(addDepartmentToDirectory('- 区水利局\n', '区城管局')).toBeNull();
    expect(addDepartmentToDirectory('departments:\n  - name: @x\n', '区城管局')).toBeNull();
  });

  it('sets a key in YAML and JSON configs', () => {
    expect(setConfigKey('level: 县\n', 'departments', 'd.yaml', false)).toBe('level: 县\ndepartments: d.yaml\n');
    expect(setConfigKey('{"level": "县"}', 'departments', 'd.yaml', true)).toBe('{\n  "level": "县",\n  "departments": "d.yaml"\n}\n');
    expect(setConfigKey('{"level": ', 'departments', 'd.yaml', true)).toBeNull();
    expect(setConfigKey('[1]', 'departments', 'd.yaml', true)).toBeNull();
  });
});
