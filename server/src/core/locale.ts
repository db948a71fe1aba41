import type { LocalizedText } from './model/types';

export type Locale = 'zh' | 'en';

export function localize(text: LocalizedText, locale: Locale): string {
  return locale === 'en' ? text.en : text.zh;
}
