/**
 * A decimal written with a dot ("1234.5", "0.07", "12.30000") in integer cents, read from
 * its digits and never through a float, so that 0.1 + 0.2 never costs a cent. Null when the
 * text is not such a decimal, or when it has a non-zero digit beyond the cent: a euro
 * amount with a fraction of a cent is a malformed line to show, not one to round silently.
 */
export function decimalToCents(text: string): number | null {
  const m = /^([+-]?)(\d+)(?:\.(\d*))?$/.exec(text);
  if (!m) return null;
  const [, sign, units, fraction = ''] = m;
  if (/[1-9]/.test(fraction.slice(2))) return null;
  const cents = Number(units) * 100 + Number(fraction.slice(0, 2).padEnd(2, '0'));
  if (!Number.isSafeInteger(cents)) return null;
  return sign === '-' && cents !== 0 ? -cents : cents;
}
