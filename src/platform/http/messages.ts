import type { LocalizedText } from '../errors.js';

const MARK = 'i18n:';

/**
 * A validation message in both languages, for `z.string().refine(fn, { message: bilingual(…) })`.
 * Zod carries one string; the error handler unpacks it in the language of the request.
 */
export function bilingual(text: LocalizedText): string {
  return MARK + JSON.stringify(text);
}

export function unpackMessage(message: string, lang: 'fr' | 'en'): string | undefined {
  if (!message.startsWith(MARK)) return undefined;
  try {
    return (JSON.parse(message.slice(MARK.length)) as LocalizedText)[lang];
  } catch {
    return undefined;
  }
}
