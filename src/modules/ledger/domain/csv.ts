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

/** One field, quoted when it holds a separator, a quote or a line break. */
export function csvField(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value);
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
