import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Neovim comes from Debian's `neovim` package, which .ci/run installs; without it this is skipped, visibly.
const haveNvim = spawnSync('nvim', ['--version']).status === 0;

describe.skipIf(!haveNvim)('the server in a second real LSP client (headless Neovim)', () => {
  it('receives diagnostics and a completion list for a plan', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ecoplan-nvim-'));
    const plan = join(dir, 'plan.md');
    const lines = ['---', 'ecoplan:', '  level: 市', '---', '# 某市实施方案', '', '## 三、主要任务', '', '1.提升污水处理能力。城镇污水处理率达85%以上。(责任单位:市住建局)', '', '2.加强信息公开。主动公开环境信息。', '', '3.扩大绿色采购。(责任单位:@'];
    writeFileSync(plan, lines.join('\n') + '\n');
    const out = join(dir, 'out.json');
    execFileSync('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${join(process.cwd(), 'test', 'nvim', 'check.lua')}`], {
      env: { ...process.env, ECOPLAN_PLAN: plan, ECOPLAN_SERVER: join(process.cwd(), 'dist', 'server.js'), ECOPLAN_OUT: out, ECOPLAN_LINE: '12', ECOPLAN_COL: String(lines[12].length) },
      timeout: 60000,
      stdio: 'ignore',
    });
    const result = JSON.parse(readFileSync(out, 'utf8'));
    expect(result.error).toBeNull();
    const found = result.diagnostics.map((d: { line: number; code: string }) => `${d.code}@${d.line}`).sort();
    // the unfinished last line (`(责任单位:@`, being typed) is itself an empty tag in a task without a unit yet
    expect(found).toEqual(['malformed-tag@12', 'missing-binding-indicators@4', 'missing-responsible-unit@10', 'missing-responsible-unit@12', 'target-below-threshold@8'].sort());
    const below = result.diagnostics.find((d: { code: string }) => d.code === 'target-below-threshold');
    // Neovim reports byte columns: 2 ASCII bytes + 9 three-byte characters = UTF-16 column 11
    expect(below).toMatchObject({ col: 29, severity: 1, message: '城镇污水处理率 目标 ≥85% 低于 2019 版(市)约束性指标 ≥95%' });
    expect(result.completion).toContain('市生态环境局');
    expect(result.completion).toContain('市财政局');
  });
});
