/**
 * Search helpers. The database compares `f_unaccent(lower(...))`; these do the same folding in
 * JavaScript so the snippet is cut where the database found the words.
 */

/** Lower case without diacritics, one character for one: the offsets stay those of the original text. */
export function foldChar(c: string): string {
  const folded = c.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  return folded.length === 1 ? folded : c.toLowerCase().slice(0, 1) || c;
}

export const foldText = (text: string) => Array.from(text, foldChar).join('');

/** The words of a query, folded, without duplicates; words shorter than 2 letters are dropped (they match everything). */
export function searchTerms(query: string): string[] {
  const words = foldText(query)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 2);
  return [...new Set(words)].slice(0, 8);
}

/**
 * A short extract of the text around the first word found, with `…` where it was cut, and the
 * ranges of the words inside it so the page can highlight them (no HTML built here).
 */
export function snippetOf(text: string, terms: readonly string[], radius = 80): { text: string; highlights: [number, number][] } {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = Array.from(flat);
  const folded = chars.map(foldChar).join('');
  let first = -1;
  for (const term of terms) {
    const at = folded.indexOf(term);
    if (at >= 0 && (first < 0 || at < first)) first = at;
  }
  const from = first < 0 ? 0 : Math.max(0, first - radius);
  const to = Math.min(chars.length, (first < 0 ? 0 : first) + radius * 2);
  const prefix = from > 0 ? '…' : '';
  const suffix = to < chars.length ? '…' : '';
  const piece = chars.slice(from, to).join('').trimEnd();
  const foldedPiece = folded.slice(from, from + Array.from(piece).length);
  const highlights: [number, number][] = [];
  for (const term of terms) {
    let at = foldedPiece.indexOf(term);
    while (at >= 0) {
      highlights.push([at + prefix.length, at + prefix.length + term.length]);
      at = foldedPiece.indexOf(term, at + term.length);
    }
  }
  highlights.sort((x, y) => x[0] - y[0]);
  const merged: [number, number][] = [];
  for (const h of highlights) {
    const last = merged[merged.length - 1];
    if (last && h[0] <= last[1]) last[1] = Math.max(last[1], h[1]);
    else merged.push([h[0], h[1]]);
  }
  return { text: prefix + piece + suffix, highlights: merged };
}

/** A URL-friendly name: folded, dashes between words, at most 80 characters; never empty. */
export function slugify(name: string): string {
  const slug = foldText(name)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/g, '');
  return slug || 'page';
}
