// Word's numbering formats as the reader sees them, and the Word code's linearity on long input.
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { readDocx } from '../../server/src/word/docxRead';
import { markdownBlocks } from '../../server/src/word/exportDocx';
import { chineseCounting, formatNumber, renderLabel } from '../../server/src/word/numberFormat';
import { inferSettings, toMarkdown } from '../../server/src/word/toMarkdown';

describe('numbering formats', () => {
  it('counts in Chinese as Word shows it', () => {
    expect([1, 9, 10, 11, 19, 20, 21, 99, 100, 101, 110, 1000, 1001].map((n) => chineseCounting(n))).toEqual([
      '一', '九', '十', '十一', '十九', '二十', '二十一', '九十九', '一百', '一百零一', '一百一十', '一千', '一千零一',
    ]);
  });

  it('renders each format the plans use', () => {
    expect(['chineseCounting', 'japaneseCounting', 'chineseCountingThousand', 'ideographDigital', 'decimalEnclosedCircle', 'decimalEnclosedParen', 'decimalFullWidth', 'upperRoman', 'lowerLetter', 'ideographTraditional', 'chineseLegalSimplified', 'none'].map((f) => formatNumber(12, f))).toEqual([
      '十二', '十二', '十二', '一二', '⑫', '⑿', '１２', 'XII', 'l', '乙', '壹拾贰', '',
    ]);
    expect([1, 20, 21, 35, 36, 50, 51].map((n) => formatNumber(n, 'decimalEnclosedCircle'))).toEqual(['①', '⑳', '㉑', '㉟', '㊱', '㊿', '51']);
    expect(formatNumber(10, 'ideographDigital')).toBe('一〇');
  });

  it('fills lvlText with every level\'s counter in its own format', () => {
    const formats = ['chineseCounting', 'chineseCounting', 'decimal', 'decimal'];
    expect(renderLabel('%1、', [3], formats, false)).toBe('三、');
    expect(renderLabel('（%2）', [3, 11], formats, false)).toBe('（十一）');
    expect(renderLabel('%1.%2.%3', [2, 3, 4], formats, false)).toBe('二.三.4');
    expect(renderLabel('%1.%2.%3', [2, 3, 4], formats, true)).toBe('2.3.4');
  });

  it('infers level and period from the title', () => {
    expect(inferSettings('某某区创建国家生态文明建设示范区实施方案（2023—2025年）')).toEqual({ level: '县', period: '2023-2025' });
    expect(inferSettings('某某市创建国家生态文明建设示范市三年行动计划(2021-2023)')).toEqual({ level: '市', period: '2021-2023' });
    expect(inferSettings('关于印发工作方案的通知')).toEqual({});
  });
});

describe('linear on long input', () => {
  it('imports a Word paragraph of 200 000 characters and a 2 000-paragraph document in time proportional to their size', async () => {
    const unit = '推进河湖长制**[^x]<!--|#1. 一、（一）';
    const doc = (paragraphs: number, repeat: number) =>
      Packer.toBuffer(new Document({ sections: [{ children: Array.from({ length: paragraphs }, () => new Paragraph({ children: [new TextRun({ text: unit.repeat(repeat), bold: true }), new TextRun('。')] })) }] }));
    const time = async (bytes: Promise<Buffer>) => {
      const b = await bytes;
      const t = performance.now();
      const plan = toMarkdown(readDocx(b), 'x.docx');
      return { ms: performance.now() - t, length: plan.text.length };
    };
    const long = await time(doc(1, 10000));
    const longer = await time(doc(1, 20000));
    expect(longer.length).toBeGreaterThan(1.9 * long.length);
    expect(longer.ms).toBeLessThan(4 * long.ms + 50);
    const many = await time(doc(1000, 5));
    const more = await time(doc(2000, 5));
    expect(more.ms).toBeLessThan(4 * many.ms + 50);
  });

  it('splits a long Markdown line and table into blocks in linear time', () => {
    const line = '**加强**[^1]\\*监管<br>'.repeat(50000);
    const row = `| ${'甲\\|乙 | '.repeat(20000)}|`;
    const t0 = performance.now();
    const a = markdownBlocks(`${line}\n${row}\n`, 'markdown');
    const t1 = performance.now();
    const b = markdownBlocks(`${line}${line}\n${row}${row}\n`, 'markdown');
    const t2 = performance.now();
    expect(a.blocks.map((x) => x.kind)).toEqual(['p', 'table']);
    expect(a.blocks[1].rows![0].length).toBe(20001);
    expect(b.blocks.length).toBe(2);
    expect(t2 - t1).toBeLessThan(4 * (t1 - t0) + 50);
  });
});
