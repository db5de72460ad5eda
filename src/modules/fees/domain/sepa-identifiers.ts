/**
 * ISO 7064 MOD 97-10 of an alphanumeric string (A = 10 … Z = 35), piecewise so it never
 * overflows: the check the IBAN and the SEPA creditor identifier share.
 */
function mod97(s: string): number {
  let rem = 0;
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    rem = c >= 48 && c <= 57 ? (rem * 10 + (c - 48)) % 97 : (rem * 100 + (c - 55)) % 97;
  }
  return rem;
}

/** The creditor identifier without spaces, upper case. */
export const normalizeCreditorId = (s: string) => s.replace(/\s/gu, '').toUpperCase();

/**
 * The check digits of a SEPA creditor identifier (EPC262-08, "Creditor Identifier"): the
 * national identifier (positions 8 on), then the country code and "00", letters as numbers,
 * mod 97, subtracted from 98. The creditor business code (positions 5-7, ZZZ by default) is
 * left out: a creditor may change it without changing its identifier.
 */
export function creditorIdCheckDigits(country: string, nationalId: string): string {
  return String(98 - mod97(`${nationalId}${country}00`)).padStart(2, '0');
}

/**
 * A French creditor identifier (ICS, given by the Banque de France): FR, 2 check digits, a
 * 3-character business code, 6 alphanumeric characters (13 in all), the check digits right.
 */
export function isValidCreditorId(raw: string): boolean {
  const s = normalizeCreditorId(raw);
  const m = /^FR(\d{2})([A-Z0-9]{3})([A-Z0-9]{6})$/.exec(s);
  if (!m) return false;
  return creditorIdCheckDigits('FR', m[3]!) === m[1];
}

/**
 * The SEPA character set (EPC217-08, "SEPA Requirements for an Extended Character Set"): the
 * Latin letters, digits and / - ? : ( ) . , ' + and space, which every bank in the scheme reads.
 */
const SEPA_CHARS = /^[A-Za-z0-9/\-?:().,'+ ]*$/;

/**
 * A mandate reference (RUM): 1 to 35 characters of the SEPA set; identifiers exchanged in the
 * files must not begin or end with "/" nor hold "//" (EPC rulebook, attribute AT-01), and the
 * platform refuses spaces in them as banks do.
 */
export function isValidMandateReference(s: string): boolean {
  return s.length >= 1 && s.length <= 35 && /^[A-Za-z0-9/\-?:().,'+]+$/.test(s) && !s.startsWith('/') && !s.endsWith('/') && !s.includes('//');
}

/** Text the debtor's bank prints: SEPA characters only (accents dropped), cut to `max`. */
export function toSepaText(s: string, max: number): string {
  const plain = s.normalize('NFD').replace(/[\u0300-\u036f]/gu, '').replace(/[^A-Za-z0-9/\-?:().,'+ ]/gu, ' ').replace(/\s+/gu, ' ').trim();
  return plain.slice(0, max).trim();
}

export const isSepaText = (s: string) => SEPA_CHARS.test(s);
