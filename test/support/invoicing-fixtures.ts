import { computeTotals } from '../../src/modules/documents/domain/compute-totals.js';
import type { Buyer, InvoiceDocument, InvoiceLine, Seller } from '../../src/modules/documents/domain/document-model.js';
import { documentMentions } from '../../src/modules/documents/domain/mentions.js';

/** A cooperative with valid identifiers (SIREN Luhn key, VAT key, IBAN checksum). */
export const coopSeller: Seller = {
  name: 'Coopérer & Entreprendre Lyon',
  siren: '732829320',
  siret: '73282932000017',
  vatNumber: 'FR44732829320',
  legalInfo: 'SCOP SA à capital variable, RCS Lyon 732 829 320',
  address: { line1: '12 rue de la Charité', postcode: '69002', city: 'Lyon', countryCode: 'FR' },
  email: 'factures@cae-lyon.example',
  electronicAddress: { scheme: '0225', value: '732829320' },
  iban: 'FR76 3000 6000 0112 3456 7890 189',
  bic: 'AGRIFRPP',
  activityName: 'Atelier "Bois & Fil" <Camille>',
};

export const companyBuyer: Buyer = {
  kind: 'company',
  name: 'Danone SA',
  siren: '552032534',
  siret: '55203253400018',
  vatNumber: 'FR27552032534',
  address: { line1: '17 boulevard Haussmann', postcode: '75009', city: 'Paris', countryCode: 'FR' },
  electronicAddress: { scheme: '0225', value: '552032534_FACTURES' },
};

export const individualBuyer: Buyer = {
  kind: 'individual',
  name: 'Jeanne Martin',
  address: { line1: '3 impasse des Lilas', postcode: '38000', city: 'Grenoble', countryCode: 'FR' },
  email: 'jeanne.martin@example.org',
  electronicAddress: { scheme: 'EM', value: 'jeanne.martin@example.org' },
};

export const euBuyer: Buyer = {
  kind: 'company',
  name: 'Holzwerk GmbH',
  vatNumber: 'DE123456789',
  address: { line1: 'Hauptstraße 5', postcode: '10115', city: 'Berlin', countryCode: 'DE' },
  email: 'einkauf@holzwerk.example',
  electronicAddress: { scheme: 'EM', value: 'einkauf@holzwerk.example' },
};

export const serviceLine = (more: Partial<InvoiceLine> = {}): InvoiceLine => ({
  name: 'Conception graphique',
  unitCode: 'HUR',
  quantityMilli: 3000,
  unitPriceCents: 3333,
  vatCategory: 'S',
  vatRateBp: 2000,
  ...more,
});

type DocumentInput = Omit<InvoiceDocument, 'totals' | 'mentions' | 'seller' | 'buyer'> &
  Partial<Pick<InvoiceDocument, 'seller' | 'buyer' | 'mentions'>> & { prepaidCents?: number };

/** A complete invoice of the coop, totals computed, mentions from typical coop settings. */
export function buildDocument(input: DocumentInput): InvoiceDocument {
  const { prepaidCents, ...rest } = input;
  const buyer = input.buyer ?? companyBuyer;
  return {
    ...rest,
    seller: input.seller ?? coopSeller,
    buyer,
    totals: computeTotals({ lines: input.lines, allowances: input.allowances, prepaidCents }),
    mentions:
      input.mentions ??
      documentMentions(
        { latePenalty: { kind: 'fixed', rateBp: 1200 }, vatOnDebits: false },
        { buyerKind: buyer.kind, operationCategory: 'services' },
      ),
  };
}
