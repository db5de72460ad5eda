/**
 * IBAN lengths per country, from the SWIFT IBAN registry (ISO 13616-1).
 * Covers every SEPA country plus the other registered countries. Territories
 * that share their parent's IBAN format (French overseas territories under FR,
 * Åland under FI, Jersey/Guernsey/Isle of Man under GB) issue IBANs with the
 * parent's code, so they need no entry of their own.
 */
const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BI: 27,
  BR: 29, BY: 28, CH: 21, CR: 22, CY: 28, CZ: 24, DE: 22, DJ: 27, DK: 18, DO: 28,
  EE: 20, EG: 29, ES: 24, FI: 18, FK: 18, FO: 18, FR: 27, GB: 22, GE: 22, GI: 23,
  GL: 18, GR: 27, GT: 28, HN: 28, HR: 21, HU: 28, IE: 22, IL: 23, IQ: 23, IS: 26,
  IT: 27, JO: 30, KW: 30, KZ: 20, LB: 28, LC: 32, LI: 21, LT: 20, LU: 20, LV: 21,
  LY: 25, MC: 27, MD: 24, ME: 22, MK: 19, MN: 20, MR: 27, MT: 31, MU: 30, NI: 28,
  NL: 18, NO: 15, OM: 23, PK: 24, PL: 28, PS: 29, PT: 25, QA: 29, RO: 24, RS: 22,
  RU: 33, SA: 24, SC: 31, SD: 18, SE: 24, SI: 19, SK: 24, SM: 27, SO: 23, ST: 25,
  SV: 28, TL: 23, TN: 24, TR: 26, UA: 29, VA: 22, VG: 24, XK: 20, YE: 30,
};

/** Returns the registered IBAN length for a country code, if any. */
export function ibanLengthOf(countryCode: string): number | undefined {
  const cc = countryCode.toUpperCase();
  return Object.hasOwn(IBAN_LENGTHS, cc) ? IBAN_LENGTHS[cc] : undefined;
}

/**
 * Electronic form of an IBAN (ISO 13616): uppercase, no separators. Users
 * paste the print form ("FR76 3000 6000 ...") or add dashes; any Unicode
 * whitespace is removed since bank documents often use no-break spaces.
 */
export function normalizeIban(s: string): string {
  return s.replace(/[\s\-]/gu, '').toUpperCase();
}

/**
 * ISO 7064 MOD 97-10 remainder of an alphanumeric string where letters count
 * as 10 (A) .. 35 (Z). Computed piecewise (one character at a time) so the
 * running value never exceeds 97 × 100 + 99, far below 2^53: no BigInt and no
 * precision loss, whatever the IBAN length.
 */
function mod97(s: string): number {
  let rem = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      rem = (rem * 10 + (c - 48)) % 97;
    } else {
      // A..Z -> 10..35: two decimal digits.
      rem = (rem * 100 + (c - 55)) % 97;
    }
  }
  return rem;
}

/**
 * ISO 13616 validation:
 * - 2-letter country code listed in the IBAN registry,
 * - the registered length for that country,
 * - 2 check digits in 02..98 (the only values the algorithm can produce),
 * - alphanumeric BBAN,
 * - moving the first 4 characters to the end and converting letters to
 *   numbers gives a value whose remainder mod 97 is 1.
 */
export function isValidIban(s: string): boolean {
  const iban = normalizeIban(s);
  const m = /^([A-Z]{2})(\d{2})[A-Z0-9]+$/.exec(iban);
  if (!m) return false;
  const country = m[1] as string;
  const checkDigits = Number(m[2]);
  if (ibanLengthOf(country) !== iban.length) return false;
  if (checkDigits < 2 || checkDigits > 98) return false;
  return mod97(iban.slice(4) + iban.slice(0, 4)) === 1;
}

/**
 * Print form of an IBAN (ISO 13616): groups of 4 characters separated by a
 * single space, the last group possibly shorter. Pure formatting: it does not
 * validate, so it can also display what a user typed.
 */
export function formatIban(s: string): string {
  return normalizeIban(s).replace(/(.{4})(?=.)/g, '$1 ');
}

/** Canonical BIC: uppercase, no whitespace. */
export function normalizeBic(s: string): string {
  return s.replace(/\s/gu, '').toUpperCase();
}

/**
 * ISO 9362 BIC: 4-letter bank (institution) code, 2-letter ISO 3166 country
 * code, 2-character location code, and an optional 3-character branch code
 * (8 or 11 characters in total; "XXX" designates the primary office).
 */
export function isValidBic(s: string): boolean {
  return /^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}(?:[A-Z0-9]{3})?$/.test(normalizeBic(s));
}
