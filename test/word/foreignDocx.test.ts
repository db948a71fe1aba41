// Word files EcoPlan did not write: one built with the `docx` library using Word's automatic Chinese
// numbering (numbering.xml), merged table cells, footnotes, bold, an image and a text box.
import { AlignmentType, Document, FootnoteReferenceRun, ImageRun, Packer, Paragraph, Table, TableCell, TableRow, TextRun, Textbox, type ILevelsOptions } from 'docx';
import { describe, expect, it } from 'vitest';
import { analysePlan } from '../../server/src/core/analyse';
import { readDocx } from '../../server/src/word/docxRead';
import { toMarkdown } from '../../server/src/word/toMarkdown';
import { planSummary } from '../support/planSummary';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

const level = (l: number, format: string, text: string): ILevelsOptions => ({ level: l, format: format as ILevelsOptions['format'], text, alignment: AlignmentType.LEFT });

async function fixture(formats: { l1: string; l2: string }): Promise<Buffer> {
  const numbered = (l: number, ...children: (TextRun | FootnoteReferenceRun)[]) => new Paragraph({ numbering: { reference: 'plan', level: l }, children });
  const t = (text: string, bold = false) => new TextRun({ text, bold });
  const cell = (text: string, opts: { rowSpan?: number; columnSpan?: number } = {}) => new TableCell({ children: [new Paragraph(text)], ...opts });
  const doc = new Document({
    numbering: {
      config: [
        {
          reference: 'plan',
          levels: [level(0, formats.l1, '%1、'), level(1, formats.l2, '（%2）'), level(2, 'decimal', '%3.'), level(3, 'decimal', '（%4）'), level(4, 'decimalEnclosedCircle', '%5')],
        },
      ],
    },
    footnotes: { 1: { children: [new Paragraph('按《城镇污水处理厂污染物排放标准》核算。')] } },
    sections: [
      {
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, children: [t('东湖区创建国家生态文明建设示范区实施方案（2023—2025年）')] }),
          numbered(0, t('指导思想')),
          new Paragraph('坚持生态优先、绿色发展，全面推进示范区创建。'),
          numbered(0, t('重点任务')),
          numbered(1, t('健全生态制度')),
          numbered(2, t('组织规划实施。'), t('到2024年，城镇污水处理率不低于95%'), new FootnoteReferenceRun(1), t('。（责任单位：区生态环境分局、区发改局）')),
          numbered(2, t('强化考核。', true), t('生态文明建设工作占党政实绩考核的比例不低于20%。（牵头单位：区委组织部）')),
          numbered(1, t('改善环境质量')),
          numbered(2, t('推进河湖长制。全面推行河长制。')),
          numbered(3, t('巡河履职。〔区水利局牵头，区生态环境分局按职责分工负责〕')),
          numbered(3, t('清理河道。（责任单位：区农业农村局）')),
          numbered(4, t('完成清淤。')),
          new Paragraph({ children: [new ImageRun({ type: 'png', data: PNG, transformation: { width: 10, height: 10 } })] }),
          new Textbox({ style: { width: '100pt', height: '40pt' }, children: [new Paragraph('示范区创建进度示意')] }),
          new Paragraph('附件：指标表'),
          new Table({
            rows: [
              new TableRow({ children: [cell('领域'), cell('指标名称'), cell('目标值'), cell('责任单位')] }),
              new TableRow({ children: [cell('生态安全', { rowSpan: 2 }), cell('林草覆盖率'), cell('≥40%'), cell('区林业局')] }),
              new TableRow({ children: [cell('生物多样性保护'), cell('外来物种入侵不明显', { columnSpan: 2 })] }),
            ],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

describe('import of a docx-built plan with automatic numbering, merged cells and footnotes', () => {
  it('renders chineseCounting numbering as 一、 and （一）, and the rest as the reader sees it', async () => {
    const plan = toMarkdown(readDocx(await fixture({ l1: 'chineseCounting', l2: 'chineseCounting' })), '东湖区方案.docx');
    expect(plan.text).toBe(
      [
        '---',
        'ecoplan:',
        '  level: 县',
        '  period: 2023-2025',
        'source: 东湖区方案.docx',
        '---',
        '',
        '# 东湖区创建国家生态文明建设示范区实施方案（2023—2025年）',
        '',
        '## 一、指导思想',
        '',
        '坚持生态优先、绿色发展，全面推进示范区创建。',
        '',
        '## 二、重点任务',
        '',
        '### （一）健全生态制度',
        '',
        '1.组织规划实施。到2024年，城镇污水处理率不低于95%[^1]。（责任单位：区生态环境分局、区发改局）',
        '',
        '[^1]: 按《城镇污水处理厂污染物排放标准》核算。',
        '',
        '2.**强化考核。**生态文明建设工作占党政实绩考核的比例不低于20%。（牵头单位：区委组织部）',
        '',
        '### （二）改善环境质量',
        '',
        '1.推进河湖长制。全面推行河长制。',
        '',
        '（1）巡河履职。〔区水利局牵头，区生态环境分局按职责分工负责〕',
        '',
        '（2）清理河道。（责任单位：区农业农村局）',
        '',
        '①完成清淤。',
        '',
        '<!-- 图片(未导入) -->',
        '',
        '<!-- 文本框(未导入):示范区创建进度示意 -->',
        '',
        '附件：指标表',
        '',
        '<!-- 合并单元格:第 1 列第 2—3 行为同一单元格「生态安全」,已在各行重复 -->',
        '| 领域 | 指标名称 | 目标值 | 责任单位 |',
        '|---|---|---|---|',
        '| 生态安全 | 林草覆盖率 | ≥40% | 区林业局 |',
        '| 生态安全 | 生物多样性保护 | 外来物种入侵不明显 | 外来物种入侵不明显 |',
        '',
      ].join('\n'),
    );
    expect(plan.replaced).toEqual({ image: 1, textbox: 1 });
    // every line that came from the document names its paragraph
    expect(plan.lineParagraphs[7]).toBe(1);
    expect(plan.lineParagraphs[17]).toBe(6);
  });

  it('reads the same model whichever Chinese counting format Word used', async () => {
    const models = [];
    for (const f of ['chineseCounting', 'japaneseCounting', 'ideographDigital', 'chineseCountingThousand']) {
      const plan = toMarkdown(readDocx(await fixture({ l1: f, l2: f })), 'x.docx');
      models.push(planSummary(analysePlan(plan.text, { uri: 'x.plan.md', format: 'markdown' })));
    }
    const m = models[0];
    for (const other of models.slice(1)) expect(other).toEqual(m);
    expect(m.level).toBe('县');
    expect(m.outline).toEqual([
      ' 东湖区创建国家生态文明建设示范区实施方案(2023—2025年)',
      '一 指导思想',
      '二 重点任务',
      '二.(一) 健全生态制度',
      '二.(一).1 组织规划实施',
      '二.(一).2 强化考核',
      '二.(二) 改善环境质量',
      '二.(二).1 推进河湖长制',
      '二.(二).1.(1) 巡河履职',
      '二.(二).1.(2) 清理河道',
      '二.(二).1.(2).① 完成清淤',
      '附件 附件:指标表',
    ]);
    const task = (path: string, title: string, units: string[]) => ({ path, title, units, vague: [], noUnit: units.length === 0 });
    expect(m.tasks).toEqual([
      task('二.(一).1', '组织规划实施', ['区生态环境分局:lead', '区发改局:support']),
      task('二.(一).2', '强化考核', ['区委组织部:lead']),
      task('二.(二).1.(1)', '巡河履职', ['区水利局:lead', '区生态环境分局:support']),
      task('二.(二).1.(2)', '清理河道', ['区农业农村局:lead']),
      // the table's rows under 附件; the second row's 责任单位 slot repeats the cell merged across two columns
      task('附件.1', '林草覆盖率', ['区林业局:lead']),
      task('附件.2', '生物多样性保护', []),
    ]);
    expect(m.targets).toEqual([
      '城镇污水处理率|>=|95||%|2024|||',
      '生态文明建设工作占党政实绩考核的比例|>=|20||%||||',
      '河长制|qualitative|||||全面推行||',
      '林草覆盖率|>=|40||%||||',
      '外来物种入侵|qualitative|||||不明显||',
      '生物多样性保护|qualitative|||||外来物种入侵不明显||',
    ]);
  });
});
