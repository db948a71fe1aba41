import { describe, expect, it } from 'vitest';
import { indicatorAt } from '../../server/src/core/query';
import { indicatorHover } from '../../server/src/lsp/features/hover';
import { analyse } from '../support/plan';

const PLAN = [
  '---',
  'ecoplan:',
  '  level: 市',
  '---',
  '# 某市实施方案',
  '## 三、主要任务',
  '1.推进垃圾处理。城区生活垃圾无害化处理率达到100%,湿地保护率达到70%以上。(责任单位:市城管局)',
  '2.推进节能。进一步降低单位地区生产总值能耗,湿地保护率逐年提升。(责任单位:市发改委)',
].join('\n');

function hoverAt(line: number, character: number): string | null {
  const a = analyse(PLAN);
  const ind = indicatorAt(a.model, { line, character }, (n) => a.names.resolve(n)?.indicator.id ?? null);
  return ind ? indicatorHover(a, ind) : null;
}

describe('indicator hover', () => {
  it('says how a synonym was resolved, with its confidence', () => {
    const md = hoverAt(6, 10)!;
    expect(md).toContain('**城镇生活垃圾无害化处理率**');
    expect(md).toContain('按「城区生活垃圾无害化处理率」识别为「城镇生活垃圾无害化处理率」(同义表述,置信度中)');
    expect(md).toContain('- 第 7 行:≥100%');
  });

  it('shows a local target as 地方指标 with every target the plan gives it', () => {
    expect(hoverAt(6, 32)).toBe(['**湿地保护率**:地方指标(不在 国家生态文明建设示范市县建设指标中)', '', '本方案的目标(2 处):', '- 第 7 行:≥70%', '- 第 8 行:逐年提升(未量化)'].join('\n'));
  });

  it('marks a trend target as not quantified, and says nothing of resolution for the catalogue name itself', () => {
    const md = hoverAt(7, 14)!;
    expect(md).toContain('- 第 8 行:进一步降低(未量化)');
    expect(md).not.toContain('识别为');
  });
});
