// Word files as Word writes a simple plan, for tests: a centred title, then paragraphs with typed numbering.
import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';

export function typedPlanDocx(title: string, paragraphs: string[]): Promise<Buffer> {
  const p = (text: string) => new Paragraph({ children: [new TextRun(text)] });
  return Packer.toBuffer(
    new Document({
      sections: [{ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun(title)] }), ...paragraphs.map(p)] }],
    }),
  );
}
