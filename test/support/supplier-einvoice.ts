import { computeTotals, documentMentions, renderDocumentPdf, toCrossIndustryInvoice, type InvoiceDocument } from '../../src/modules/documents/index.js';
import type { Buyer, InvoiceLine, Seller } from '../../src/modules/documents/domain/document-model.js';

/** A French supplier with valid identifiers (SIREN Luhn key, VAT key, IBAN checksum). */
export const supplierSeller: Seller = {
  name: 'Papeterie Dupont SARL',
  siren: '443061841',
  siret: '44306184100047',
  vatNumber: 'FR64443061841',
  legalInfo: 'SARL au capital de 10 000 €, RCS Lyon 443 061 841',
  address: { line1: '4 rue Mercière', postcode: '69002', city: 'Lyon', countryCode: 'FR' },
  email: 'factures@papeterie-dupont.example',
  electronicAddress: { scheme: '0225', value: '443061841' },
  iban: 'FR76 3000 6000 0112 3456 7890 189',
  bic: 'AGRIFRPP',
};

/** The buyer: a coop with the given identity (the test coop's SIREN and VAT number). */
export function coopBuyer(coop: { name: string; siren: string; vatNumber: string }): Buyer {
  return {
    kind: 'company',
    name: coop.name,
    siren: coop.siren,
    vatNumber: coop.vatNumber,
    address: { line1: '1 place de la Coopération', postcode: '69001', city: 'Lyon', countryCode: 'FR' },
    electronicAddress: { scheme: '0225', value: coop.siren },
  };
}

const paperLine = (more: Partial<InvoiceLine> = {}): InvoiceLine => ({ name: 'Ramettes de papier A4', unitCode: 'C62', quantityMilli: 10000, unitPriceCents: 450, vatCategory: 'S', vatRateBp: 2000, ...more });

/** A supplier invoice to the coop (two lines at 20 % and 5.5 %), as the supplier's software would issue it. */
export function supplierInvoiceDocument(buyer: Buyer, more: { number?: string; issueDate?: string; kind?: 'invoice' | 'credit_note' } = {}): InvoiceDocument {
  const lines = [paperLine(), paperLine({ name: 'Livres de comptabilité', quantityMilli: 2000, unitPriceCents: 1990, vatRateBp: 550 })];
  return {
    kind: more.kind ?? 'invoice',
    number: more.number ?? 'FA-2026-0117',
    issueDate: more.issueDate ?? '2026-11-20',
    deliveryDate: more.issueDate ?? '2026-11-20',
    dueDate: '2026-12-20',
    paymentTermsText: '30 jours net',
    seller: supplierSeller,
    buyer,
    lines,
    totals: computeTotals({ lines }),
    mentions: documentMentions({ latePenalty: { kind: 'fixed', rateBp: 1200 }, vatOnDebits: false }, { buyerKind: 'company', operationCategory: 'goods' }),
  } as InvoiceDocument;
}

export const supplierCii = (doc: InvoiceDocument) => toCrossIndustryInvoice(doc);
export const supplierFacturX = async (doc: InvoiceDocument) => Buffer.from(await renderDocumentPdf(doc, { facturX: true }));
