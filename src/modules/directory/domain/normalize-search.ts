/**
 * The form every searchable word of the directory is kept and compared in: lower case, no
 * accents, no punctuation, single spaces. A member typing on a phone writes "developpeuse"
 * or "ebeniste"; the profile says "Développeuse" or "Ébéniste": both sides are folded the
 * same way, here and only here (the database column `search_*` is written from this function,
 * never from SQL's unaccent, so the two can never disagree).
 */
export function normalizeSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    // Letters that NFD does not split into base + mark, as a French reader folds them.
    .replace(/[œŒ]/g, 'oe')
    .replace(/[æÆ]/g, 'ae')
    .replace(/ß/g, 'ss')
    .replace(/[øØ]/g, 'o')
    .replace(/[łŁ]/g, 'l')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}@.+]+/gu, ' ')
    .trim();
}

/** The words of a query, folded; a profile matches when it holds every one of them. */
export function searchWords(query: string): string[] {
  return [...new Set(normalizeSearch(query).split(' ').filter((w) => w.length > 0))].slice(0, 8);
}
