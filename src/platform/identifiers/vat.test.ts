import { describe, expect, it } from 'vitest';
import {
  EU_VAT_PREFIXES,
  frenchVatNumberFromSiren,
  isValidEuVatNumber,
  isValidFrenchVatNumber,
  normalizeVatNumber,
} from './vat.js';

describe('normalizeVatNumber', () => {
  it('uppercases and removes spaces, dots and dashes', () => {
    expect(normalizeVatNumber('fr 44 732.829.320')).toBe('FR44732829320');
    expect(normalizeVatNumber(' nl-004495445-b01 ')).toBe('NL004495445B01');
  });

  it('removes the no-break spaces of French typography', () => {
    expect(normalizeVatNumber('FR\u00a044\u202f732829320')).toBe('FR44732829320');
  });
});

describe('frenchVatNumberFromSiren', () => {
  it('prefixes the SIREN with FR and the key (12 + 3 × (SIREN mod 97)) mod 97', () => {
    // 732829320 mod 97 = 43; (12 + 3 × 43) mod 97 = 141 mod 97 = 44.
    expect(732829320 % 97).toBe(43);
    expect(frenchVatNumberFromSiren('732829320')).toBe('FR44732829320');
    expect(frenchVatNumberFromSiren('552100554')).toBe('FR96552100554');
  });

  it('zero-pads a key below 10 to two digits', () => {
    expect(frenchVatNumberFromSiren('100000207')).toBe('FR03100000207');
    expect(frenchVatNumberFromSiren('100000306')).toBe('FR09100000306');
  });

  it('accepts a SIREN written with separators', () => {
    expect(frenchVatNumberFromSiren('732 829 320')).toBe('FR44732829320');
  });

  it('throws on an invalid SIREN rather than producing a plausible but wrong number', () => {
    expect(() => frenchVatNumberFromSiren('732829321')).toThrow(RangeError);
    expect(() => frenchVatNumberFromSiren('12345')).toThrow(RangeError);
  });
});

describe('isValidFrenchVatNumber', () => {
  it('accepts FR + the key computed from the SIREN + a Luhn-valid SIREN', () => {
    expect(isValidFrenchVatNumber('FR44732829320')).toBe(true);
    expect(isValidFrenchVatNumber('FR23334175221')).toBe(true);
    expect(isValidFrenchVatNumber('fr 44 732 829 320')).toBe(true);
  });

  it('rejects a number whose key does not match the SIREN', () => {
    expect(isValidFrenchVatNumber('FR45732829320')).toBe(false);
    expect(isValidFrenchVatNumber('FR84323140391')).toBe(false);
  });

  it('rejects a number whose SIREN part fails Luhn, even with a matching key', () => {
    // 47 is the correct key for 732829321, but that SIREN has a wrong Luhn key.
    expect(isValidFrenchVatNumber('FR47732829321')).toBe(false);
  });

  it('accepts a Monaco VAT number (SIREN part starting with 000) on its key alone', () => {
    // 000000100 is not a SIREN (Luhn fails) but Monaco numbers have no Luhn key.
    expect(isValidFrenchVatNumber('FR21000000100')).toBe(true);
    expect(isValidFrenchVatNumber('FR22000000100')).toBe(false);
  });

  it('rejects the alphanumeric key variant and malformed numbers', () => {
    expect(isValidFrenchVatNumber('FRK7399859412')).toBe(false);
    expect(isValidFrenchVatNumber('44732829320')).toBe(false);
    expect(isValidFrenchVatNumber('FR4473282932')).toBe(false);
    expect(isValidFrenchVatNumber('FR447328293200')).toBe(false);
    expect(isValidFrenchVatNumber('DE44732829320')).toBe(false);
    expect(isValidFrenchVatNumber('')).toBe(false);
  });
});

describe('isValidEuVatNumber', () => {
  it('uses the full French check for FR numbers', () => {
    expect(isValidEuVatNumber('FR44732829320')).toBe(true);
    expect(isValidEuVatNumber('FR45732829320')).toBe(false);
  });

  it('accepts a Belgian number whose last two digits are 97 - (first 8 digits mod 97)', () => {
    expect(isValidEuVatNumber('BE0428759497')).toBe(true);
    expect(isValidEuVatNumber('BE0403019261')).toBe(true);
    expect(isValidEuVatNumber('BE 0428.759.497')).toBe(true);
  });

  it('rejects a Belgian number with a wrong mod-97 check', () => {
    expect(isValidEuVatNumber('BE0431150351')).toBe(false);
    expect(isValidEuVatNumber('BE0428759498')).toBe(false);
  });

  it('rejects a Belgian number that is not 10 digits starting with 0 or 1', () => {
    expect(isValidEuVatNumber('BE428759497')).toBe(false);
    expect(isValidEuVatNumber('BE2428759497')).toBe(false);
  });

  it('accepts a German number whose ISO 7064 MOD 11,10 check digit is right', () => {
    expect(isValidEuVatNumber('DE136695976')).toBe(true);
    expect(isValidEuVatNumber('de 136 695 976')).toBe(true);
  });

  it('rejects a German number with a wrong check digit or a leading zero', () => {
    expect(isValidEuVatNumber('DE136695978')).toBe(false);
    expect(isValidEuVatNumber('DE036695976')).toBe(false);
    expect(isValidEuVatNumber('DE13669597')).toBe(false);
  });

  it.each([
    'ATU13585627',
    'BG103873594',
    'BG1038735940',
    'CY10259033P',
    'CZ25123891',
    'CZ7103192745',
    'DK13585628',
    'EE100931558',
    'EL094259216',
    'GR094259216',
    'ESA13585625',
    'ES12345678Z',
    'ESX1234567L',
    'FI20774740',
    'HR33392005961',
    'HU12892312',
    'IE6433435F',
    'IE6433435OA',
    'IE8D79739I',
    'IT00743110157',
    'LT119511515',
    'LT100001919017',
    'LU15027442',
    'LV40003521600',
    'MT11679112',
    'NL004495445B01',
    'PL8567346215',
    'PT501964843',
    'RO18547290',
    'RO99',
    'SE123456789701',
    'SI50223054',
    'SK2022749619',
    'XI980780684',
    'XI123456789012',
    'XIGD001',
    'XIHA500',
  ])('accepts %s, which matches its member state format', (v) => {
    expect(isValidEuVatNumber(v)).toBe(true);
  });

  it.each([
    ['AT13585627', 'Austrian numbers start with U'],
    ['ATU1358562', 'Austrian numbers have 8 digits after U'],
    ['CY102590337', 'Cypriot numbers end with a letter'],
    ['DK1358562', 'Danish numbers have 8 digits'],
    ['EL09425921', 'Greek numbers have 9 digits'],
    ['ES123456789', 'Spanish numbers contain a letter at the start or end'],
    ['IE64334356', 'Irish numbers contain letters'],
    ['IT0074311015', 'Italian numbers have 11 digits'],
    ['LT1195115151', 'Lithuanian numbers have 9 or 12 digits'],
    ['MT01679112', 'Maltese numbers do not start with 0'],
    ['NL004495445A01', 'Dutch numbers have B before the last two digits'],
    ['PL856734621', 'Polish numbers have 10 digits'],
    ['RO0123', 'Romanian numbers do not start with 0'],
    ['SE123456789702', 'Swedish numbers end with 01'],
    ['SK0022749619', 'Slovak numbers do not start with 0'],
    ['XIGD500', 'Northern Ireland government departments are GD000 to GD499'],
    ['XIHA499', 'Northern Ireland health authorities are HA500 to HA999'],
  ])('rejects %s (%s)', (v) => {
    expect(isValidEuVatNumber(v)).toBe(false);
  });

  it('rejects prefixes of countries outside the EU VAT area', () => {
    expect(isValidEuVatNumber('GB980780684')).toBe(false);
    expect(isValidEuVatNumber('CHE123456789')).toBe(false);
    expect(isValidEuVatNumber('US123456789')).toBe(false);
  });

  it('rejects empty or prefix-only input and object property names', () => {
    expect(isValidEuVatNumber('')).toBe(false);
    expect(isValidEuVatNumber('FR')).toBe(false);
    expect(isValidEuVatNumber('__proto__')).toBe(false);
    expect(isValidEuVatNumber('constructor')).toBe(false);
  });

  it('lists the 27 member states, GR as an alias of EL, and XI', () => {
    expect(EU_VAT_PREFIXES).toHaveLength(29);
    expect(EU_VAT_PREFIXES).toContain('EL');
    expect(EU_VAT_PREFIXES).toContain('GR');
    expect(EU_VAT_PREFIXES).toContain('XI');
    expect(EU_VAT_PREFIXES).not.toContain('GB');
  });
});
