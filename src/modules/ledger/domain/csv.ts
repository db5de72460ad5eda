/**
 * CSV for French spreadsheets: `;` between fields (the comma is the decimal separator),
 * CRLF line ends, and a UTF-8 byte order mark so Excel reads the accents right.
 */
export const CSV_BOM = '\uFEFF';

/** Cents as a French decimal number without grouping: 123456 → "1234,56", -5 → "-0,05". */
export function centsToFrenchDecimal(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
}

/** What a spreadsheet takes for the start of a formula (or, tab and CR, for a cell it then shifts). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain signed decimal, as `centsToFrenchDecimal` writes amounts: "-12,50" is a number, never a formula. */
const PLAIN_NUMBER = /^[+-]?\d+(?:[.,]\d+)?$/;

/**
 * A text cell a spreadsheet would run as a formula (a client named `=HYPERLINK(…)`) gets a
 * leading `'`, as OWASP advises against CSV injection. Only text is neutralised: a number, and
 * a string that is nothing but a signed decimal (the amounts, "-12,50"), cannot hold a formula
 * and stays a number the spreadsheet can add up.
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

/** One field, neutralised when it would start a formula, quoted when it holds a separator, a quote or a line break. */
export function csvField(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? '' : typeof value === 'number' ? String(value) : neutraliseFormula(value);
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The whole file: header, rows, BOM first. */
export function renderCsv(header: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(csvField).join(';'));
  return CSV_BOM + lines.join('\r\n') + '\r\n';
}

/** A 'YYYY-MM-DD' date as French spreadsheets read it: 'DD/MM/YYYY'. */
export function frenchDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-');
  return `${d}/${m}/${y}`;
}
