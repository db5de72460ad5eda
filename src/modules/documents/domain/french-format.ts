/**
 * How amounts, dates, quantities and rates read on a French quote or invoice.
 *
 * Amounts are formatted from integer cents without passing through a float: the euros are
 * grouped by Intl (fr-FR: narrow no-break space U+202F between thousands) as a BigInt, and
 * the cents are appended, so the text is exact at any size and matches Intl's own output.
 */
const GROUPED = new Intl.NumberFormat('fr-FR', { useGrouping: true, maximumFractionDigits: 0 });
/** The no-break space fr-FR puts between the amount and the currency sign. */
const BEFORE_SIGN = '\u00a0';

/** "1 234,56 €" from 123456. */
export function formatEuros(cents: number | bigint): string {
  if (typeof cents === 'number' && !Number.isSafeInteger(cents)) throw new RangeError(`cents must be an integer, got ${cents}`);
  const value = BigInt(cents);
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const euros = GROUPED.format(abs / 100n);
  const rest = String(abs % 100n).padStart(2, '0');
  return `${negative ? '-' : ''}${euros},${rest}${BEFORE_SIGN}€`;
}

/** "23/11/2026" from "2026-11-23" (the order French readers expect). */
export function formatFrenchDate(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) throw new RangeError(`not an ISO date: ${isoDate}`);
  return `${m[3]}/${m[2]}/${m[1]}`;
}

/** Decimal text of an integer scaled by 10^decimals, trailing zeros dropped ("1.5" from 1500, 3). */
export function scaledToDecimal(value: number, decimals: number, separator = '.'): string {
  if (!Number.isSafeInteger(value)) throw new RangeError(`not an integer: ${value}`);
  const negative = value < 0;
  const digits = String(Math.abs(value)).padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  const fraction = digits.slice(digits.length - decimals).replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? separator + fraction : ''}`;
}

/** "1,5" from 1500 thousandths. */
export const formatQuantity = (quantityMilli: number) => scaledToDecimal(quantityMilli, 3, ',');

/** "5,5 %" from 550 basis points (French typography: a no-break space before %). */
export const formatVatRate = (rateBp: number) => `${scaledToDecimal(rateBp, 2, ',')}${BEFORE_SIGN}%`;
