import { describe, expect, it } from 'vitest';
import { formatIban, ibanLengthOf, isValidBic, isValidIban, normalizeBic, normalizeIban } from './iban.js';

describe('normalizeIban', () => {
  it('uppercases and removes spaces and dashes', () => {
    expect(normalizeIban('fr76 3000 6000 0112 3456 7890 189')).toBe('FR7630006000011234567890189');
    expect(normalizeIban('DE89-3704-0044-0532-0130-00')).toBe('DE89370400440532013000');
  });

  it('removes no-break spaces and surrounding whitespace', () => {
    expect(normalizeIban(' FR76\u00a03000\u202f6000 0112 3456 7890 189\n')).toBe('FR7630006000011234567890189');
  });
});

describe('isValidIban', () => {
  it('accepts IBANs whose country, length and mod-97 check are right', () => {
    expect(isValidIban('FR7630006000011234567890189')).toBe(true);
    expect(isValidIban('DE89370400440532013000')).toBe(true);
    expect(isValidIban('GB82WEST12345698765432')).toBe(true);
  });

  it('accepts the print form with spaces and lowercase letters', () => {
    expect(isValidIban('FR76 3000 6000 0112 3456 7890 189')).toBe(true);
    expect(isValidIban('gb82 west 1234 5698 7654 32')).toBe(true);
  });

  it('rejects an IBAN where a single digit was changed', () => {
    expect(isValidIban('FR7630006000011234567890188')).toBe(false);
    expect(isValidIban('DE89370400440532013001')).toBe(false);
    expect(isValidIban('GB82WEST12345698765433')).toBe(false);
    expect(isValidIban('FR7730006000011234567890189')).toBe(false);
  });

  it('rejects an IBAN where two adjacent characters were swapped', () => {
    expect(isValidIban('DE89370400440532013000'.replace('3704', '7304'))).toBe(false);
  });

  it.each([
    'AD1200012030200359100100',
    'AT611904300234573201',
    'BE68539007547034',
    'BG80BNBG96611020345678',
    'CH9300762011623852957',
    'CY17002001280000001200527600',
    'CZ6508000000192000145399',
    'DK5000400440116243',
    'EE382200221020145685',
    'ES9121000418450200051332',
    'FI2112345600000785',
    'FR1420041010050500013M02606',
    'GB29NWBK60161331926819',
    'GI75NWBK000000007099453',
    'GR1601101250000000012300695',
    'HR1210010051863000160',
    'HU42117730161111101800000000',
    'IE29AIBK93115212345678',
    'IS140159260076545510730339',
    'IT60X0542811101000000123456',
    'LI21088100002324013AA',
    'LT121000011101001000',
    'LU280019400644750000',
    'LV80BANK0000435195001',
    'MC5811222000010123456789030',
    'MT84MALT011000012345MTLCAST001S',
    'NL91ABNA0417164300',
    'NO9386011117947',
    'PL61109010140000071219812874',
    'PT50000201231234567890154',
    'RO49AAAA1B31007593840000',
    'SE4550000000058398257466',
    'SI56263300012039086',
    'SK3112000000198742637541',
    'SM86U0322509800000000270100',
    'VA59001123000012345678',
  ])('accepts the SEPA registry example %s', (iban) => {
    expect(isValidIban(iban)).toBe(true);
  });

  it('rejects an IBAN whose length does not match its country', () => {
    // Valid mod-97 is irrelevant once the length is wrong for FR (27).
    expect(isValidIban('FR763000600001123456789018')).toBe(false);
    expect(isValidIban('DE8937040044053201300000')).toBe(false);
  });

  it('rejects a country code that is not in the IBAN registry', () => {
    expect(isValidIban('US12345678901234567890')).toBe(false);
    expect(isValidIban('ZZ89370400440532013000')).toBe(false);
  });

  it('rejects check digits outside 02..98 even when mod-97 would hold', () => {
    // 01 ≡ 98 and 99 ≡ 02 (mod 97): same remainder as a valid IBAN, but the
    // ISO 7064 algorithm only ever produces check digits 02..98.
    expect(isValidIban('BE98000000000081')).toBe(true);
    expect(isValidIban('BE01000000000081')).toBe(false);
    expect(isValidIban('BE02000000000063')).toBe(true);
    expect(isValidIban('BE99000000000063')).toBe(false);
    expect(isValidIban('BE00539007547034')).toBe(false);
  });

  it('agrees with an exact BigInt mod-97 computation on long IBANs', () => {
    // The piecewise computation must not lose precision on 30+ character IBANs.
    const iban = 'MT84MALT011000012345MTLCAST001S';
    const numeric = (iban.slice(4) + iban.slice(0, 4)).replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
    expect(BigInt(numeric) % 97n).toBe(1n);
    expect(isValidIban(iban)).toBe(true);
  });

  it('rejects malformed input', () => {
    expect(isValidIban('')).toBe(false);
    expect(isValidIban('FR')).toBe(false);
    expect(isValidIban('FR76')).toBe(false);
    expect(isValidIban('7630006000011234567890189FR')).toBe(false);
    expect(isValidIban('FR7A30006000011234567890189')).toBe(false);
    expect(isValidIban('FR76300060000112345678901_9')).toBe(false);
  });
});

describe('ibanLengthOf', () => {
  it('returns the registry length of a country, case-insensitively', () => {
    expect(ibanLengthOf('FR')).toBe(27);
    expect(ibanLengthOf('de')).toBe(22);
    expect(ibanLengthOf('NO')).toBe(15);
  });

  it('returns undefined for unknown countries and object property names', () => {
    expect(ibanLengthOf('US')).toBeUndefined();
    expect(ibanLengthOf('constructor')).toBeUndefined();
  });
});

describe('formatIban', () => {
  it('groups the normalized IBAN by 4 characters', () => {
    expect(formatIban('FR7630006000011234567890189')).toBe('FR76 3000 6000 0112 3456 7890 189');
    expect(formatIban('de89370400440532013000')).toBe('DE89 3704 0044 0532 0130 00');
  });

  it('leaves no trailing space when the length is a multiple of 4', () => {
    expect(formatIban('BE68539007547034')).toBe('BE68 5390 0754 7034');
  });

  it('re-groups an IBAN already written with irregular spaces', () => {
    expect(formatIban('FR76 30006 00001 1234567890 189')).toBe('FR76 3000 6000 0112 3456 7890 189');
  });

  it('returns an empty string for empty input', () => {
    expect(formatIban('')).toBe('');
  });
});

describe('isValidBic', () => {
  it('accepts an 11-character BIC with a branch code', () => {
    expect(isValidBic('BNPAFRPPXXX')).toBe(true);
    expect(isValidBic('DEUTDEFF500')).toBe(true);
  });

  it('accepts an 8-character BIC without a branch code', () => {
    expect(isValidBic('BNPAFRPP')).toBe(true);
    expect(isValidBic('AGRIFRPP')).toBe(true);
  });

  it('accepts digits in the location and branch codes', () => {
    expect(isValidBic('CMCIFR2A')).toBe(true);
    expect(isValidBic('NWBKGB2L')).toBe(true);
    expect(isValidBic('CCBPFRPPN1A')).toBe(true);
  });

  it('accepts lowercase and spaced input by normalizing it', () => {
    expect(isValidBic('bnpa fr pp xxx')).toBe(true);
    expect(normalizeBic(' bnpa fr pp xxx ')).toBe('BNPAFRPPXXX');
  });

  it('rejects lengths other than 8 or 11', () => {
    expect(isValidBic('BNPAFRP')).toBe(false);
    expect(isValidBic('BNPAFRPPX')).toBe(false);
    expect(isValidBic('BNPAFRPPXX')).toBe(false);
    expect(isValidBic('BNPAFRPPXXXX')).toBe(false);
    expect(isValidBic('')).toBe(false);
  });

  it('rejects digits in the bank or country code', () => {
    expect(isValidBic('BNP1FRPP')).toBe(false);
    expect(isValidBic('BNPAF1PP')).toBe(false);
  });

  it('rejects punctuation anywhere', () => {
    expect(isValidBic('BNPA-FRPP')).toBe(false);
    expect(isValidBic('BNPAFRP_')).toBe(false);
  });
});
