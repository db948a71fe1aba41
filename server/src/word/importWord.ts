// A Word file (.docx, or legacy .doc) as a plan in Markdown, and the one-line account of what was
// replaced: shared by `ecoplan import` and the VS Code command.
import { extname } from 'node:path';
import { readLegacyDoc } from './docRead';
import { readDocx, WordReadError } from './docxRead';
import { toMarkdown, type ImportedPlan } from './toMarkdown';

const PLACEHOLDER_NAMES: Record<string, { zh: string; en: string }> = {
  image: { zh: '图片', en: 'image(s)' },
  textbox: { zh: '文本框', en: 'text box(es)' },
  chart: { zh: '图表', en: 'chart(s)' },
  object: { zh: '嵌入对象', en: 'embedded object(s)' },
  deletion: { zh: '修订删除内容(未导入)', en: 'tracked deletion(s) left out' },
  numberFormat: { zh: '未知编号格式(按阿拉伯数字)', en: 'unknown numbering format(s) shown as decimals' },
};

/** A .docx or legacy .doc file as a plan in Markdown. Throws WordReadError for files that are not Word files. */
export async function importWordFile(bytes: Uint8Array, fileName: string): Promise<ImportedPlan> {
  if (extname(fileName).toLowerCase() === '.doc') return readLegacyDoc(Buffer.from(bytes), fileName);
  return toMarkdown(readDocx(bytes), fileName);
}

/** Why a Word file could not be imported, in the editor's language alone (a WordReadError carries both). */
export function importErrorText(e: unknown, language: 'zh' | 'en'): string {
  return e instanceof WordReadError ? e[language] : e instanceof Error ? e.message : String(e);
}

/**
 * What the import replaced by placeholders: in one language (the editor's), or in both (the CLI's
 * stderr, which has no language setting for it).
 */
export function replacementSummary(replaced: ImportedPlan['replaced'], language?: 'zh' | 'en'): string {
  const parts = Object.entries(replaced).map(([k, n]) => `${PLACEHOLDER_NAMES[k]?.zh ?? k} ${n} 处`);
  const en = Object.entries(replaced).map(([k, n]) => `${n} ${PLACEHOLDER_NAMES[k]?.en ?? k}`);
  const zhText = parts.length ? `替换为占位注释:${parts.join('、')}` : '无替换内容';
  const enText = en.length ? `replaced by placeholder comments: ${en.join(', ')}` : 'nothing replaced';
  return language === 'zh' ? zhText : language === 'en' ? enText : `${zhText} / ${enText}`;
}

