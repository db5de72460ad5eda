/**
 * Luhn (mod 10) checksum, as used by INSEE for the SIREN and SIRET keys.
 *
 * Starting from the rightmost digit (the check digit), every second digit is
 * doubled; doubled values above 9 have 9 subtracted (same as summing their
 * digits). The number is valid when the total is a multiple of 10.
 *
 * Returns false for an empty string or any non-digit character, so callers
 * never have to pre-validate the alphabet.
 */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    // Walk from the right: the check digit has index 0 and is never doubled.
    let n = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      n *= 2;
      if (n > 9) n -= 9;
    }
    sum += n;
  }
  return sum % 10 === 0;
}
