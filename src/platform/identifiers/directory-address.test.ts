import { describe, expect, it } from 'vitest';
import { isDirectoryAddressOf, isValidDirectoryAddress, normalizeDirectoryAddress } from './directory-address.js';
import { directoryAddressSchema } from './zod.js';

describe('the e-invoicing directory address (scheme 0225)', () => {
  it('is the SIREN alone or followed by "_" and a suffix', () => {
    expect(isValidDirectoryAddress('732829320')).toBe(true);
    expect(isValidDirectoryAddress('732829320_73282932000017')).toBe(true);
    expect(isValidDirectoryAddress('732829320_FACTURES-Lyon.2+b')).toBe(true);
  });

  it('refuses what the French rules refuse: other characters, more than 125 characters, no SIREN first', () => {
    expect(isValidDirectoryAddress('732829320_factures@cae.fr')).toBe(false);
    expect(isValidDirectoryAddress('732829320_')).toBe(false);
    expect(isValidDirectoryAddress(`732829320_${'A'.repeat(116)}`)).toBe(false);
    expect(isValidDirectoryAddress(`732829320_${'A'.repeat(115)}`)).toBe(true);
    expect(isValidDirectoryAddress('FACTURES_732829320')).toBe(false);
    expect(isValidDirectoryAddress('7328293201')).toBe(false);
    expect(isValidDirectoryAddress('')).toBe(false);
  });

  it('belongs to the company whose SIREN it starts with', () => {
    expect(isDirectoryAddressOf('732829320_FACTURES', '732829320')).toBe(true);
    expect(isDirectoryAddressOf('552032534', '732829320')).toBe(false);
  });

  it('drops the spaces typed inside the SIREN', () => {
    expect(normalizeDirectoryAddress(' 732 829 320_FACTURES ')).toBe('732829320_FACTURES');
    expect(directoryAddressSchema.parse('732 829 320')).toBe('732829320');
    expect(directoryAddressSchema.safeParse('factures@cae.fr').success).toBe(false);
  });
});
