/**
 * Invoice numbers: one continuous series per cooperative, reset each year when the format
 * shows the year (art. 242 nonies A, annexe II CGI allows a yearly series). The format is a
 * setting; this checks it and renders a number.
 *
 * Tokens: {YYYY} the year, {YY} its last two digits, {SEQ:n} the sequence padded to n digits.
 */
const TOKEN = /\{(YYYY|YY|SEQ:(\d))\}/g;
const LITERAL = /^[A-Za-z0-9\-_/.]*$/;

export function isValidNumberingFormat(format: string): boolean {
  const seqs = [...format.matchAll(TOKEN)].filter((m) => m[1]?.startsWith('SEQ'));
  if (seqs.length !== 1) return false;
  const digits = Number(seqs[0]?.[2]);
  if (digits < 1 || digits > 9) return false;
  const literals = format.replace(TOKEN, '');
  return !format.replace(TOKEN, '').includes('{') && LITERAL.test(literals) && format.length <= 40;
}

/** Whether the series restarts at 1 each year (the format shows the year). */
export const isYearlySeries = (format: string) => /\{YYYY\}|\{YY\}/.test(format);

export function renderNumber(format: string, at: { year: number; seq: number }): string {
  return format.replace(TOKEN, (_, token: string, digits?: string) => {
    if (token === 'YYYY') return String(at.year);
    if (token === 'YY') return String(at.year % 100).padStart(2, '0');
    return String(at.seq).padStart(Number(digits), '0');
  });
}
