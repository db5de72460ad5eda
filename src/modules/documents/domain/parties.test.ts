import { describe, expect, it } from 'vitest';
import { buyerElectronicAddress, buyerOf, registrationMention, sellerOf, type ClientIdentity, type CoopIdentity } from './parties.js';

const coop: CoopIdentity = {
  name: 'Coopérer & Entreprendre Lyon',
  legalForm: 'scop_sa',
  siren: '732829320',
  siret: '73282932000017',
  vatNumber: 'FR44732829320',
  addressLine1: '12 rue de la Charité',
  addressLine2: null,
  postalCode: '69002',
  city: 'Lyon',
  country: 'FR',
  email: 'factures@cae-lyon.example',
  iban: 'FR7630006000011234567890189',
  bic: 'AGRIFRPP',
  latePenaltyRateBp: 1215,
  registryKind: 'RCS',
  registryCity: 'Lyon',
  electronicAddress: '732829320',
};

const client: ClientIdentity = {
  kind: 'company',
  name: 'Danone SA',
  siren: '552032534',
  siret: null,
  vatNumber: 'FR27552032534',
  email: 'compta@danone.example',
  electronicAddress: '552032534_FACTURES',
  address: { line1: '17 boulevard Haussmann', line2: null, postalCode: '75009', city: 'Paris', country: 'FR' },
};

describe('the registration mention (Code de commerce R123-237)', () => {
  it('prints the register, the city of its registry and the SIREN', () => {
    expect(registrationMention(coop)).toBe('RCS Lyon 732 829 320');
    expect(registrationMention({ ...coop, registryKind: 'RM', registryCity: 'Villeurbanne' })).toBe('RM Villeurbanne 732 829 320');
  });

  it('is left out for a coop in no register (an association)', () => {
    expect(registrationMention({ ...coop, registryKind: null, registryCity: null })).toBeUndefined();
    expect(sellerOf({ ...coop, legalForm: 'cae_association', registryKind: null, registryCity: null }, 'Atelier').legalInfo).toBe('Association');
  });

  it('follows the legal form in what every document prints of the seller', () => {
    expect(sellerOf(coop, 'Atelier').legalInfo).toBe('SCOP SA à capital variable, RCS Lyon 732 829 320');
  });
});

describe('the electronic addresses (BT-34, BT-49)', () => {
  it("gives the coop its directory address, scheme 0225, its SIREN when none was set", () => {
    expect(sellerOf(coop, 'Atelier').electronicAddress).toEqual({ scheme: '0225', value: '732829320' });
    expect(sellerOf({ ...coop, electronicAddress: '' }, 'Atelier').electronicAddress).toEqual({ scheme: '0225', value: '732829320' });
  });

  it("reaches a French company at its directory address, its SIREN when none was kept", () => {
    expect(buyerOf(client).electronicAddress).toEqual({ scheme: '0225', value: '552032534_FACTURES' });
    expect(buyerElectronicAddress({ ...client, electronicAddress: null })).toEqual({ scheme: '0225', value: '552032534' });
    // An address of another company never goes on the invoice.
    expect(buyerElectronicAddress({ ...client, electronicAddress: '732829320' })).toEqual({ scheme: '0225', value: '552032534' });
  });

  it('reaches a consumer or a company abroad at its email (EM), the directory knowing only French companies', () => {
    expect(buyerElectronicAddress({ kind: 'individual', siren: null, email: 'jeanne@example.org', electronicAddress: null })).toEqual({ scheme: 'EM', value: 'jeanne@example.org' });
    expect(buyerElectronicAddress({ kind: 'company', siren: null, email: 'einkauf@holzwerk.example', electronicAddress: null })).toEqual({ scheme: 'EM', value: 'einkauf@holzwerk.example' });
    expect(buyerElectronicAddress({ kind: 'individual', siren: null, email: null, electronicAddress: null })).toBeUndefined();
  });
});
