import { describe, expect, it } from 'vitest';
import { checkClientIdentity, derivedVatNumber, type ClientIdentity } from './client-identity.js';

// SIREN 732 829 320 and its head office; its French VAT number is FR44732829320.
const SIREN = '732829320';
const SIRET = '73282932000074';
const VAT = 'FR44732829320';

const company = (over: Partial<ClientIdentity> = {}): ClientIdentity => ({ kind: 'company', legalForm: 'SAS', siren: null, siret: null, vatNumber: null, electronicAddress: null, ...over });
const individual = (over: Partial<ClientIdentity> = {}): ClientIdentity => ({ kind: 'individual', legalForm: null, siren: null, siret: null, vatNumber: null, electronicAddress: null, ...over });

describe('derivedVatNumber', () => {
  it('derives the French VAT number of a SIREN', () => {
    expect(derivedVatNumber(SIREN)).toBe(VAT);
    expect(derivedVatNumber('732 829 320')).toBe(VAT);
  });

  it('derives nothing while the SIREN is incomplete or wrong', () => {
    expect(derivedVatNumber('73282')).toBeNull();
    expect(derivedVatNumber('732829321')).toBeNull();
    expect(derivedVatNumber(null)).toBeNull();
  });
});

describe('checkClientIdentity', () => {
  it('derives the VAT number of a French company from its SIREN', () => {
    expect(checkClientIdentity(company({ siren: SIREN }))).toEqual({ ok: true, identity: company({ siren: SIREN, vatNumber: VAT, electronicAddress: SIREN }) });
  });

  it('takes the SIREN from the SIRET when only the SIRET was typed', () => {
    const check = checkClientIdentity(company({ siret: SIRET }));
    expect(check).toEqual({ ok: true, identity: company({ siren: SIREN, siret: SIRET, vatNumber: VAT, electronicAddress: SIREN }) });
  });

  it('refuses a SIRET of another company than the SIREN', () => {
    const check = checkClientIdentity(company({ siren: '552081317', siret: SIRET }));
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.fields.map((f) => f.path)).toEqual(['siret']);
  });

  it('refuses a French VAT number that is not the one of the SIREN', () => {
    const check = checkClientIdentity(company({ siren: SIREN, vatNumber: 'FR83552081317' }));
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.fields[0]?.path).toBe('vatNumber');
  });

  it('keeps the typed VAT number of a foreign company without SIREN', () => {
    expect(checkClientIdentity(company({ vatNumber: 'DE136695976' }))).toEqual({ ok: true, identity: company({ vatNumber: 'DE136695976' }) });
  });

  it('accepts an individual without company identifiers', () => {
    expect(checkClientIdentity(individual()).ok).toBe(true);
  });

  it('refuses an individual carrying a SIREN, a SIRET, a VAT number or a legal form', () => {
    const check = checkClientIdentity(individual({ siren: SIREN, siret: SIRET, vatNumber: VAT, legalForm: 'SAS' }));
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.fields.map((f) => f.path).sort()).toEqual(['legalForm', 'siren', 'siret', 'vatNumber']);
  });

  it("gives a French company its SIREN as e-invoicing directory address, or keeps the one typed after its SIREN", () => {
    expect(checkClientIdentity(company({ siren: SIREN }))).toMatchObject({ ok: true, identity: { electronicAddress: SIREN } });
    expect(checkClientIdentity(company({ siren: SIREN, electronicAddress: `${SIREN}_FACTURES` }))).toMatchObject({ ok: true, identity: { electronicAddress: `${SIREN}_FACTURES` } });
  });

  it('refuses a directory address of another SIREN, or one for a company without SIREN or an individual', () => {
    const other = checkClientIdentity(company({ siren: SIREN, electronicAddress: '552081317' }));
    expect(other.ok).toBe(false);
    if (!other.ok) expect(other.fields.map((f) => f.path)).toEqual(['electronicAddress']);
    const abroad = checkClientIdentity(company({ vatNumber: 'DE136695976', electronicAddress: SIREN }));
    expect(abroad.ok).toBe(false);
    const person = checkClientIdentity(individual({ electronicAddress: SIREN }));
    expect(person.ok).toBe(false);
    if (!person.ok) expect(person.fields.map((f) => f.path)).toEqual(['electronicAddress']);
  });
});
