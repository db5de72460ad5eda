/** The quotes' own series, 'D{YYYY}-{SEQ:4}', restarting each year: quotes are not invoices and need no unbroken series, but people quote them by number. */
export const quoteSeriesKey = (validatedOn: string) => validatedOn.slice(0, 4);

export function quoteNumber(seriesKey: string, seq: number): string {
  return `D${seriesKey}-${String(seq).padStart(4, '0')}`;
}
