import { isValidSiren } from './siren.js';

/**
 * Canonical form of a VAT number: uppercase, without the spaces, dots and
 * dashes people use to group digits ("fr 44 732.829.320" -> "FR44732829320").
 * Any Unicode whitespace is removed (French typography uses no-break spaces).
 */
export function normalizeVatNumber(v: string): string {
  return v.replace(/[\s.\-]/gu, '').toUpperCase();
}

/**
 * French VAT key formula (Code général des impôts, art. 286 ter; DGFiP):
 * key = (12 + 3 × (SIREN mod 97)) mod 97, written on two digits.
 * This equals (SIREN × 100 + 12) mod 97 since 100 ≡ 3 (mod 97).
 * A 9-digit SIREN is < 2^53, so plain number arithmetic is exact.
 */
function frenchVatKey(nineDigits: string): string {
  const key = (12 + 3 * (Number(nineDigits) % 97)) % 97;
  return key.toString().padStart(2, '0');
}

/**
 * Builds the intra-community VAT number of a French company from its SIREN:
 * "FR" + 2-digit key + SIREN. Throws a RangeError when the SIREN is invalid,
 * because a key computed from a wrong SIREN would look plausible but belong to
 * nobody.
 */
export function frenchVatNumberFromSiren(siren: string): string {
  const digits = siren.replace(/[\s.\-]/gu, '');
  if (!isValidSiren(digits)) {
    throw new RangeError('frenchVatNumberFromSiren: not a valid SIREN');
  }
  return `FR${frenchVatKey(digits)}${digits}`;
}

/**
 * Checks a French VAT number with a numeric key: "FR" + 2 digits + 9 digits,
 * where the key matches the French VAT key formula and the 9 digits are a
 * Luhn-valid SIREN.
 *
 * Exception: companies established in Monaco receive French VAT numbers whose
 * 9-digit part starts with "000"; those are not SIRENs (no Luhn key), so only
 * the VAT key is checked for them.
 *
 * The alphanumeric key variant (letters instead of digits, allowed by the DGFiP
 * but not issued in practice) is rejected on purpose.
 */
export function isValidFrenchVatNumber(v: string): boolean {
  const n = normalizeVatNumber(v);
  const m = /^FR(\d{2})(\d{9})$/.exec(n);
  if (!m) return false;
  const key = m[1] as string;
  const siren = m[2] as string;
  const isMonaco = siren.startsWith('000');
  if (!isMonaco && !isValidSiren(siren)) return false;
  return frenchVatKey(siren) === key;
}

/**
 * Belgian enterprise number (BE + 10 digits, first digit 0 or 1): the last two
 * digits are 97 - (first 8 digits mod 97), i.e. (first8 + last2) mod 97 = 0.
 */
function isValidBelgianVatBody(body: string): boolean {
  const first8 = Number(body.slice(0, 8));
  const check = Number(body.slice(8));
  return (first8 + check) % 97 === 0;
}

/**
 * German USt-IdNr (DE + 9 digits): the last digit is an ISO 7064 MOD 11,10
 * check digit. Running the hybrid system over all 9 digits must end on 1.
 */
function isValidGermanVatBody(body: string): boolean {
  let product = 10;
  for (let i = 0; i < body.length - 1; i++) {
    let sum = (body.charCodeAt(i) - 48 + product) % 10;
    if (sum === 0) sum = 10;
    product = (sum * 2) % 11;
  }
  const expected = (11 - product) % 10;
  return body.charCodeAt(body.length - 1) - 48 === expected;
}

/**
 * National part formats of EU VAT numbers, as published for VIES (the prefix
 * is the VAT prefix, which is ISO 3166 except EL for Greece; GR is accepted as
 * an alias because users often type it). XI is Northern Ireland, which stays
 * in the EU VAT area for goods under the Windsor Framework.
 * Outside FR, BE and DE only the format is checked: the national checksums
 * are numerous and VIES remains the authority on whether a number exists.
 */
const EU_VAT_BODY_FORMATS: Readonly<Record<string, RegExp>> = {
  AT: /^U\d{8}$/,
  BE: /^[01]\d{9}$/,
  BG: /^\d{9,10}$/,
  CY: /^\d{8}[A-Z]$/,
  CZ: /^\d{8,10}$/,
  DE: /^[1-9]\d{8}$/,
  DK: /^\d{8}$/,
  EE: /^\d{9}$/,
  EL: /^\d{9}$/,
  ES: /^(?:[A-Z]\d{7}[A-Z\d]|\d{8}[A-Z])$/,
  FI: /^\d{8}$/,
  FR: /^\d{2}\d{9}$/,
  HR: /^\d{11}$/,
  HU: /^\d{8}$/,
  IE: /^(?:\d{7}[A-W][A-IW]?|\d[A-Z+*]\d{5}[A-W])$/,
  IT: /^\d{11}$/,
  LT: /^(?:\d{9}|\d{12})$/,
  LU: /^\d{8}$/,
  LV: /^\d{11}$/,
  MT: /^[1-9]\d{7}$/,
  NL: /^\d{9}B\d{2}$/,
  PL: /^\d{10}$/,
  PT: /^\d{9}$/,
  RO: /^[1-9]\d{1,9}$/,
  SE: /^\d{10}01$/,
  SI: /^[1-9]\d{7}$/,
  SK: /^[1-9]\d{9}$/,
  XI: /^(?:\d{9}|\d{12}|GD[0-4]\d{2}|HA[5-9]\d{2})$/,
};

/** VAT prefixes accepted by `isValidEuVatNumber` (GR being an alias of EL). */
export const EU_VAT_PREFIXES: readonly string[] = [...Object.keys(EU_VAT_BODY_FORMATS), 'GR'].sort();

/**
 * Checks an EU VAT number: known member-state prefix and national format.
 * FR gets the full French key check, BE its mod-97 check and DE its
 * ISO 7064 MOD 11,10 check digit.
 */
export function isValidEuVatNumber(v: string): boolean {
  const n = normalizeVatNumber(v);
  const prefix = n.slice(0, 2);
  const body = n.slice(2);
  const country = prefix === 'GR' ? 'EL' : prefix;
  const format = Object.hasOwn(EU_VAT_BODY_FORMATS, country) ? EU_VAT_BODY_FORMATS[country] : undefined;
  if (!format || !format.test(body)) return false;
  switch (country) {
    case 'FR':
      return isValidFrenchVatNumber(n);
    case 'BE':
      return isValidBelgianVatBody(body);
    case 'DE':
      return isValidGermanVatBody(body);
    default:
      return true;
  }
}
