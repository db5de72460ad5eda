import { luhnValid } from './luhn.js';

/**
 * SIREN of La Poste. INSEE could not give all La Poste establishments a
 * Luhn-valid NIC, so their SIRETs follow a different key rule (see
 * `isValidSiret`). The SIREN itself is an ordinary Luhn-valid SIREN.
 */
export const LA_POSTE_SIREN = '356000000';

/**
 * SIRET of the La Poste head office. It predates the La Poste exception and
 * carries a regular Luhn key (its digits sum to 26, not a multiple of 5), so
 * it is checked with Luhn like any other SIRET.
 */
export const LA_POSTE_HEAD_OFFICE_SIRET = '35600000000048';

/**
 * Removes the separators people type in SIREN/SIRET numbers ("732 829 320",
 * "732.829.320", "732-829-320"). Any Unicode whitespace is removed, because
 * French typography uses (narrow) no-break spaces as digit group separators.
 * Other characters are kept so that validation still rejects them.
 */
export function normalizeDigits(s: string): string {
  return s.replace(/[\s.\-]/gu, '');
}

/**
 * A SIREN is 9 digits whose last digit is a Luhn key over the 9 digits
 * (INSEE rule).
 */
export function isValidSiren(s: string): boolean {
  const digits = normalizeDigits(s);
  return /^\d{9}$/.test(digits) && luhnValid(digits);
}

/**
 * A SIRET is the SIREN (9 digits) followed by the NIC (5 digits). INSEE rule:
 * the 14 digits carry a Luhn key, and the SIREN part must itself be valid.
 *
 * La Poste exception: establishments of La Poste (SIREN 356000000) do not use
 * Luhn; their SIRET is valid when the sum of its 14 digits is a multiple of 5.
 * Only the head office (35600000000048) keeps a regular Luhn key.
 */
export function isValidSiret(s: string): boolean {
  const digits = normalizeDigits(s);
  if (!/^\d{14}$/.test(digits)) return false;
  if (!isValidSiren(digits.slice(0, 9))) return false;
  if (digits.startsWith(LA_POSTE_SIREN) && digits !== LA_POSTE_HEAD_OFFICE_SIRET) {
    return digitSum(digits) % 5 === 0;
  }
  return luhnValid(digits);
}

/**
 * Returns the SIREN (first 9 digits) of a valid SIRET, normalized.
 * Throws a RangeError when the input is not a valid SIRET, because deriving a
 * company identifier from a malformed establishment identifier would silently
 * attach data to the wrong (or a non-existent) company.
 */
export function sirenOfSiret(s: string): string {
  if (!isValidSiret(s)) {
    throw new RangeError('sirenOfSiret: not a valid SIRET');
  }
  return normalizeDigits(s).slice(0, 9);
}

function digitSum(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) sum += digits.charCodeAt(i) - 48;
  return sum;
}
