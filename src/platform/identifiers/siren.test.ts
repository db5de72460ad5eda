import { describe, expect, it } from 'vitest';
import { luhnValid } from './luhn.js';
import {
  LA_POSTE_HEAD_OFFICE_SIRET,
  LA_POSTE_SIREN,
  isValidSiren,
  isValidSiret,
  normalizeDigits,
  sirenOfSiret,
} from './siren.js';

describe('luhnValid', () => {
  it('accepts digit strings whose Luhn sum is a multiple of 10', () => {
    expect(luhnValid('732829320')).toBe(true);
    expect(luhnValid('79927398713')).toBe(true); // classic textbook example
    expect(luhnValid('0')).toBe(true);
  });

  it('rejects digit strings whose Luhn sum is not a multiple of 10', () => {
    expect(luhnValid('732829321')).toBe(false);
    expect(luhnValid('79927398710')).toBe(false);
  });

  it('rejects empty strings and non-digit characters', () => {
    expect(luhnValid('')).toBe(false);
    expect(luhnValid('73282932a')).toBe(false);
    expect(luhnValid('732 829 320')).toBe(false);
  });
});

describe('normalizeDigits', () => {
  it('removes spaces, dots and dashes used as digit group separators', () => {
    expect(normalizeDigits('732 829 320')).toBe('732829320');
    expect(normalizeDigits('732.829.320')).toBe('732829320');
    expect(normalizeDigits('732-829-320')).toBe('732829320');
    expect(normalizeDigits(' 732 829 320 00074 ')).toBe('73282932000074');
  });

  it('removes the no-break spaces of French typography', () => {
    expect(normalizeDigits('732\u00a0829\u202f320')).toBe('732829320');
  });

  it('keeps other characters so that validation rejects them', () => {
    expect(normalizeDigits('732/829/320')).toBe('732/829/320');
  });
});

describe('isValidSiren', () => {
  it('accepts 9 digits with a valid Luhn key', () => {
    expect(isValidSiren('732829320')).toBe(true);
    expect(isValidSiren('552100554')).toBe(true);
  });

  it('accepts a valid SIREN written with separators', () => {
    expect(isValidSiren('732 829 320')).toBe(true);
    expect(isValidSiren('732.829.320')).toBe(true);
  });

  it('rejects 9 digits with a wrong Luhn key', () => {
    expect(isValidSiren('732829321')).toBe(false);
    expect(isValidSiren('552100555')).toBe(false);
  });

  it('rejects anything that is not exactly 9 digits', () => {
    expect(isValidSiren('')).toBe(false);
    expect(isValidSiren('73282932')).toBe(false);
    expect(isValidSiren('7328293200')).toBe(false);
    expect(isValidSiren('73282932000074')).toBe(false);
    expect(isValidSiren('7328293A0')).toBe(false);
  });

  it('accepts the SIREN of La Poste, which is an ordinary Luhn-valid SIREN', () => {
    expect(isValidSiren(LA_POSTE_SIREN)).toBe(true);
  });
});

describe('isValidSiret', () => {
  it('accepts 14 digits with a valid Luhn key over all digits', () => {
    expect(isValidSiret('73282932000074')).toBe(true);
    expect(isValidSiret('732 829 320 00074')).toBe(true);
  });

  it('rejects 14 digits with a wrong Luhn key', () => {
    expect(isValidSiret('73282932000079')).toBe(false);
    expect(isValidSiret('73282932000075')).toBe(false);
  });

  it('rejects a Luhn-valid SIRET whose SIREN part is not a valid SIREN', () => {
    // 14-digit Luhn holds, but the SIREN 732829321 fails its own key.
    const siret = '73282932100007';
    expect(luhnValid(siret)).toBe(true);
    expect(isValidSiren(siret.slice(0, 9))).toBe(false);
    expect(isValidSiret(siret)).toBe(false);
  });

  it('rejects anything that is not exactly 14 digits', () => {
    expect(isValidSiret('')).toBe(false);
    expect(isValidSiret('732829320')).toBe(false);
    expect(isValidSiret('7328293200007')).toBe(false);
    expect(isValidSiret('732829320000740')).toBe(false);
    expect(isValidSiret('7328293200007A')).toBe(false);
  });

  it('a SIRET of La Poste is valid when its digits sum to a multiple of 5', () => {
    // 3+5+6+4+9+8+3+7 = 45, and Luhn does not hold.
    expect(luhnValid('35600000049837')).toBe(false);
    expect(isValidSiret('35600000049837')).toBe(true);
    // 3+5+6+9+7+5 = 35.
    expect(luhnValid('35600000009075')).toBe(false);
    expect(isValidSiret('356 000 000 09075')).toBe(true);
  });

  it('a SIRET of La Poste is invalid when its digits do not sum to a multiple of 5', () => {
    // 3+5+6+1+2+3+4+5 = 29.
    expect(isValidSiret('35600000012345')).toBe(false);
  });

  it('a SIRET of La Poste is checked with the digit-sum rule even when it happens to pass Luhn', () => {
    // Luhn holds but the digit sum is 24: not a La Poste NIC.
    expect(luhnValid('35600000000055')).toBe(true);
    expect(isValidSiret('35600000000055')).toBe(false);
  });

  it('the La Poste head office SIRET 35600000000048 is valid through its regular Luhn key', () => {
    // Its digits sum to 26 (not a multiple of 5): it is the one La Poste SIRET
    // that keeps a Luhn key.
    expect(LA_POSTE_HEAD_OFFICE_SIRET).toBe('35600000000048');
    expect(luhnValid('35600000000048')).toBe(true);
    expect(isValidSiret('35600000000048')).toBe(true);
  });

  it('the La Poste digit-sum rule does not apply to other companies', () => {
    // 7+3+2+8+2+9+3+2+0+0+0+0+0+4 = 40, a multiple of 5, but Luhn fails.
    expect(luhnValid('73282932000004')).toBe(false);
    expect(isValidSiret('73282932000004')).toBe(false);
  });
});

describe('sirenOfSiret', () => {
  it('returns the first 9 digits of a valid SIRET', () => {
    expect(sirenOfSiret('73282932000074')).toBe('732829320');
  });

  it('normalizes separators before extracting the SIREN', () => {
    expect(sirenOfSiret('732 829 320 00074')).toBe('732829320');
  });

  it('returns the La Poste SIREN for a La Poste establishment', () => {
    expect(sirenOfSiret('35600000049837')).toBe(LA_POSTE_SIREN);
  });

  it('throws on an invalid SIRET rather than guessing a company', () => {
    expect(() => sirenOfSiret('73282932000079')).toThrow(RangeError);
    expect(() => sirenOfSiret('732829320')).toThrow(RangeError);
  });
});
