// The bundled CLI (dist/cli.js, built by `npm test`) loads a heavy package only for the command that
// needs it: xlsx (exceljs), GB18030 decoding (iconv-lite), schema validation of a user catalogue (ajv),
// YAML (front matter and config files).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';

const CLI = join(process.cwd(), 'dist', 'cli.js');

/** Runs the bundled CLI; `vendor` lists the dist/vendor/ files it loaded. */
function runBundled(args: string[], cwd: string) {
  const probe = [
    `process.argv = [process.argv[0], ${JSON.stringify(CLI)}, ...${JSON.stringify(args)}];`,
    `process.on('exit', () => require('node:fs').writeSync(3, JSON.stringify(Object.keys(require.cache).filter((f) => f.includes('/dist/vendor/')).map((f) => f.replace(/^.*\\/dist\\//, '')).sort())));`,
    `require(${JSON.stringify(CLI)});`,
  ].join('\n');
  const r = spawnSync(process.execPath, ['-e', probe], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe', 'pipe'] });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, vendor: JSON.parse(String(r.output[3])) as string[] };
}

const dir = mkdtempSync(join(tmpdir(), 'ecoplan-bundle-'));
const plan = ['# 某市方案', '二、主要任务', '1.治理。城镇污水处理率达90%以上。(责任单位:市住建局)'].join('\n');
writeFileSync(join(dir, 'plan.md'), plan);
writeFileSync(join(dir, 'gbk.txt'), iconv.encode(plan, 'gb18030'));
writeFileSync(join(dir, 'county.md'), ['---', 'ecoplan:', '  level: 县', '---', '# 某县方案', '二、主要任务', '1.治理。城镇污水处理率达80%以上。(责任单位:县住建局)'].join('\n'));
writeFileSync(join(dir, 'county-quoted.md'), ['---', 'ecoplan:', '  level: "县" # 县级方案', '---', '# 某县方案', '二、主要任务', '1.治理。城镇污水处理率达80%以上。(责任单位:县住建局)'].join('\n'));

const SUMMARY = '共检查 1 个文件、1 项任务:1 个错误,1 个警告';
const errorsAndSummary = (stdout: string) => stdout.trim().split('\n').filter((l, i, all) => l.includes(' error ') || i === all.length - 1);

describe('the bundles carry what they need', () => {
  it('carry no Markdown serializer: remark-cjk-friendly is imported for parsing only', () => {
    for (const f of ['cli.js', 'server-main.js', 'word.js']) {
      const text = readFileSync(join(process.cwd(), 'dist', f), 'utf8');
      // esbuild names each module's path in a comment (relative, so `../main/node_modules/…` when node_modules is a link)
      expect(text, f).toMatch(/^\/\/ \S*node_modules\/micromark-extension-cjk-friendly\//m);
      expect(text, f).not.toMatch(/^\/\/ \S*node_modules\/mdast-util-to-markdown/m);
    }
  });
});

describe('the bundled CLI loads what a command needs', () => {
  it('checks a UTF-8 plan without loading any of dist/vendor/', () => {
    const r = runBundled(['check', 'plan.md'], dir);
    expect(r.vendor).toEqual([]);
    expect(errorsAndSummary(r.stdout)).toEqual(['plan.md:3:6 error target-below-threshold 城镇污水处理率 目标 ≥90% 低于 2019 版(市)约束性指标 ≥95%', SUMMARY]);
    expect(r.code).toBe(1);
  });

  it('loads iconv-lite for a GB18030 plan only, and reads it the same', () => {
    const r = runBundled(['check', 'gbk.txt'], dir);
    expect(r.vendor).toEqual(['vendor/iconv-lite.js']);
    expect(errorsAndSummary(r.stdout)).toEqual(['gbk.txt:3:6 error target-below-threshold 城镇污水处理率 目标 ≥90% 低于 2019 版(市)约束性指标 ≥95%', SUMMARY]);
  });

  it('loads yaml for a plan with front matter, plain or quoted, and reads its level', () => {
    const r = runBundled(['check', 'county.md'], dir);
    expect(r.vendor).toEqual(['vendor/yaml.js']);
    expect(errorsAndSummary(r.stdout)).toEqual(['county.md:7:6 error target-below-threshold 城镇污水处理率 目标 ≥80% 低于 2019 版(县)约束性指标 ≥85%', '共检查 1 个文件、1 项任务:1 个错误,1 个警告']);
    const quoted = runBundled(['check', 'county-quoted.md'], dir);
    expect(quoted.vendor).toEqual(['vendor/yaml.js']);
    expect(errorsAndSummary(quoted.stdout)).toEqual(['county-quoted.md:7:6 error target-below-threshold 城镇污水处理率 目标 ≥80% 低于 2019 版(县)约束性指标 ≥85%', '共检查 1 个文件、1 项任务:1 个错误,1 个警告']);
  });

  it('loads exceljs for an XLSX table, and ajv (and yaml) for a user catalogue', () => {
    const xlsx = runBundled(['table', 'plan.md', '--format', 'xlsx', '-o', 'out.xlsx'], dir);
    expect(xlsx.stderr).toBe('');
    expect(xlsx.vendor).toEqual(['vendor/exceljs.js']);
    expect(readFileSync(join(dir, 'out.xlsx')).subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04])); // a zip file

    const withCatalogue = mkdtempSync(join(tmpdir(), 'ecoplan-bundle-cat-'));
    writeFileSync(join(withCatalogue, 'plan.md'), plan);
    writeFileSync(join(withCatalogue, 'mine.yaml'), 'edition: {id: mine, title: 我的指标, levels: [市]}\nextends: national-2019\nindicators:\n  - {number: 1, id: x, name: 某指标, unit: "%", thresholds: [{op: sideways, value: 1}], direction: higher, binding: true, applies: [市], confidence: confirmed}\n');
    writeFileSync(join(withCatalogue, 'ecoplan.config.yaml'), 'catalogues: [mine.yaml]\n');
    const checked = runBundled(['check', 'plan.md'], withCatalogue);
    expect(checked.vendor).toEqual(['vendor/ajv_dist_2020.js', 'vendor/yaml.js']);
    expect(checked.stderr.replace(withCatalogue, 'DIR')).toBe(
      'ecoplan: DIR/mine.yaml:4: /indicators/0/thresholds/0/op: must be one of >=, <=, >, <, =(该指标体系未启用,仍使用内置版本)\n',
    );
  });
});
