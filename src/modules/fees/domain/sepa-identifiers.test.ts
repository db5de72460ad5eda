import { describe, expect, it } from 'vitest';
import { creditorIdCheckDigits, isValidCreditorId, isValidMandateReference, toSepaText } from './sepa-identifiers.js';

describe('SEPA creditor identifier (ICS)', () => {
  it('accepts the identifiers published as examples, with or without spaces', () => {
    // The EPC's example of a French identifier, and the one the demo coop uses.
    expect(isValidCreditorId('FR72ZZZ123456')).toBe(true);
    expect(isValidCreditorId('fr72 zzz 123456')).toBe(true);
  });
  it('computes the key from the national part and the country, not the business code', () => {
    expect(creditorIdCheckDigits('FR', '123456')).toBe('72');
    expect(isValidCreditorId('FR72ABC123456')).toBe(true);
  });
  it('refuses a wrong key, a wrong length or another country', () => {
    expect(isValidCreditorId('FR73ZZZ123456')).toBe(false);
    expect(isValidCreditorId('FR72ZZZ12345')).toBe(false);
    expect(isValidCreditorId('DE98ZZZ09999999999')).toBe(false);
  });
});

describe('mandate reference (RUM)', () => {
  it('takes up to 35 characters of the SEPA set', () => {
    expect(isValidMandateReference('MUT-2026-000001')).toBe(true);
    expect(isValidMandateReference('A'.repeat(35))).toBe(true);
    expect(isValidMandateReference('A'.repeat(36))).toBe(false);
  });
  it('refuses accents, spaces, a leading or trailing slash and a double slash', () => {
    expect(isValidMandateReference('RUM-é')).toBe(false);
    expect(isValidMandateReference('RUM 1')).toBe(false);
    expect(isValidMandateReference('/RUM1')).toBe(false);
    expect(isValidMandateReference('RUM1/')).toBe(false);
    expect(isValidMandateReference('RUM//1')).toBe(false);
    expect(isValidMandateReference('')).toBe(false);
  });
  it('writes names in the SEPA set, accents dropped', () => {
    expect(toSepaText('Élodie Brûlé & Cie', 70)).toBe('Elodie Brule Cie');
  });
});
