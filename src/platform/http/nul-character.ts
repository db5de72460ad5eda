import { invalidField } from '../errors.js';

/**
 * The path of the first string holding U+0000 in a parsed request part, or null. PostgreSQL
 * text cannot store that character: left through, it fails the query and answers a 500.
 */
export function nulCharacterPath(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (value === null || typeof value !== 'object') return null;
  for (const [key, item] of Object.entries(value)) {
    const found = nulCharacterPath(item, path ? `${path}.${key}` : key);
    if (found !== null) return found;
  }
  return null;
}

/** Throws the 400 of the API when a request part holds U+0000; `prefix` as in the field paths of schema errors. */
export function assertNoNulCharacter(value: unknown, prefix = ''): void {
  const found = nulCharacterPath(value);
  if (found === null) return;
  throw invalidField(prefix + found, { fr: 'Le caractère nul (U+0000) n’est pas accepté.', en: 'The NUL character (U+0000) is not accepted.' });
}
