import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as word from '../../server/src/cli/word';

/**
 * The .docx of the review fixtures is made by the project's own exporter from its Markdown source:
 *   node bin/ecoplan.js export test/fixtures/review-sources/xiuning-scheme.md -o test/fixtures/review/xiuning-scheme.docx --force
 * This test exports the source again and checks that the committed file reads as the same text.
 */
describe('test/fixtures/review/xiuning-scheme.docx', () => {
  it('is what ecoplan export makes of its source', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ecoplan-review-docx-'));
    const fresh = join(dir, 'xiuning-scheme.docx');
    const err: string[] = [];
    expect(await word.runWordCommand('export', ['test/fixtures/review-sources/xiuning-scheme.md', '-o', fresh], () => {}, (s) => err.push(s))).toBe(0);
    const committed = word.readForCheck(readFileSync('test/fixtures/review/xiuning-scheme.docx'), 'xiuning-scheme.docx');
    const exported = word.readForCheck(readFileSync(fresh), 'xiuning-scheme.docx');
    expect(committed.ok && exported.ok).toBe(true);
    if (!committed.ok || !exported.ok) return;
    expect(committed.text).toBe(exported.text);
    expect(committed.lineParagraphs).toEqual(exported.lineParagraphs);
    expect(committed.text).toContain('7.提升城乡环境设施。城镇生活垃圾无害化处理率达到100%,政府绿色采购比例达到85%以上。');
  });
});
