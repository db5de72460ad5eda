import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDocument, coopSeller, euBuyer, individualBuyer, serviceLine } from '../../../../test/support/invoicing-fixtures.js';
import { escapeXml, toCrossIndustryInvoice, xmlAmount } from './factur-x-xml.js';
import type { InvoiceDocument } from './document-model.js';
import { documentMentions, FRANCHISE_TEXT, RECOVERY_INDEMNITY_CONSUMER_TEXT, vatExemptionFor } from './mentions.js';

/**
 * Each case is written to .tmp/einvoices/<case>.xml, where scripts/validate-einvoices.sh checks
 * it against the official CII D16B XSD and the EN 16931 Schematron.
 */
const OUT = path.resolve('.tmp/einvoices');
// Emptied first so a renamed or removed case leaves no stale file for the validator; the
// db-*.xml files belong to invoice-files.int.test.ts, which may be running at the same time.
fs.mkdirSync(OUT, { recursive: true });
for (const file of fs.readdirSync(OUT)) if (!file.startsWith('db-') && !file.startsWith('.db-')) fs.rmSync(path.join(OUT, file), { recursive: true, force: true });

function emit(name: string, doc: InvoiceDocument): string {
  const xml = toCrossIndustryInvoice(doc);
  fs.writeFileSync(path.join(OUT, `${name}.xml`), xml);
  return xml;
}

/** The text of every element with that name, in document order. */
const texts = (xml: string, name: string) => [...xml.matchAll(new RegExp(`<${name}(?: [^>]*)?>([^<]*)</${name}>`, 'g'))].map((m) => m[1]);
/** The element (with its children) the first time it appears. */
const block = (xml: string, name: string) => new RegExp(`<${name}>.*?</${name}>`).exec(xml)?.[0] ?? '';

const base = { number: 'F2026-00042', issueDate: '2026-11-23', deliveryDate: '2026-11-20', dueDate: '2026-12-23', paymentTermsText: '30 jours net' };
const franchise = vatExemptionFor('E', { franchise: true })!;
const reverseCharge = vatExemptionFor('AE')!;
const intraEu = vatExemptionFor('K')!;

describe('Factur-X EN 16931 XML', () => {
  it('declares the EN 16931 profile, the invoice type, its number and date', () => {
    const xml = emit('multi-rate-invoice', buildDocument({
      kind: 'invoice',
      ...base,
      lines: [
        serviceLine(),
        serviceLine({ name: 'Repas traiteur', unitCode: 'C62', quantityMilli: 2000, unitPriceCents: 1999, vatRateBp: 1000 }),
        serviceLine({ name: 'Livres', unitCode: 'C62', quantityMilli: 1500, unitPriceCents: 333, vatRateBp: 550 }),
        serviceLine({ name: 'Presse', unitCode: 'C62', quantityMilli: 1000, unitPriceCents: 1010, vatRateBp: 210 }),
      ],
    }));
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(block(xml, 'ram:GuidelineSpecifiedDocumentContextParameter')).toContain('<ram:ID>urn:cen.eu:en16931:2017</ram:ID>');
    expect(texts(xml, 'ram:TypeCode')[0]).toBe('380');
    expect(block(xml, 'ram:IssueDateTime')).toBe('<ram:IssueDateTime><udt:DateTimeString format="102">20261123</udt:DateTimeString></ram:IssueDateTime>');
    expect(texts(xml, 'ram:RateApplicablePercent').slice(-4)).toEqual(['20', '10', '5.5', '2.1']);
    expect(texts(xml, 'ram:BilledQuantity')).toEqual(['3', '2', '1.5', '1']);
    expect(texts(xml, 'ram:LineTotalAmount')).toEqual(['99.99', '39.98', '5.00', '10.10', '155.07']);
    expect(texts(xml, 'ram:CalculatedAmount')).toEqual(['20.00', '4.00', '0.28', '0.21']);
    expect(texts(xml, 'ram:GrandTotalAmount')).toEqual(['179.56']);
  });

  it('names the coop by SIREN (0002), SIRET (0009) and VAT number, the activity as trading name', () => {
    const xml = emit('seller-identity', buildDocument({ kind: 'invoice', ...base, lines: [serviceLine()] }));
    const seller = block(xml, 'ram:SellerTradeParty');
    expect(seller).toContain('<ram:GlobalID schemeID="0009">73282932000017</ram:GlobalID>');
    expect(seller).toContain('<ram:ID schemeID="0002">732829320</ram:ID>');
    expect(seller).toContain('<ram:ID schemeID="VA">FR44732829320</ram:ID>');
    expect(seller).toContain('<ram:TradingBusinessName>Atelier &quot;Bois &amp; Fil&quot; &lt;Camille&gt;</ram:TradingBusinessName>');
    expect(seller).toContain('<ram:Name>Coopérer &amp; Entreprendre Lyon</ram:Name>');
    expect(block(xml, 'ram:BuyerTradeParty')).toContain('<ram:ID schemeID="0002">552032534</ram:ID>');
    const means = block(xml, 'ram:SpecifiedTradeSettlementPaymentMeans');
    expect(means).toContain('<ram:TypeCode>58</ram:TypeCode>');
    expect(means).toContain('<ram:IBANID>FR7630006000011234567890189</ram:IBANID>');
    expect(block(xml, 'ram:SpecifiedTradePaymentTerms')).toContain('<udt:DateTimeString format="102">20261223</udt:DateTimeString>');
    const notes = [...xml.matchAll(/<ram:IncludedNote><ram:Content>[^<]*<\/ram:Content><ram:SubjectCode>(\w+)<\/ram:SubjectCode>/g)].map((m) => m[1]);
    expect(notes).toEqual(expect.arrayContaining(['PMD', 'PMT', 'AAB', 'REG']));
    expect(texts(xml, 'ram:ID')).toContain('S1');
  });

  it('states the franchise exemption of art. 293 B du CGI, with no VAT', () => {
    const xml = emit('franchise-invoice', buildDocument({
      kind: 'invoice',
      ...base,
      buyer: individualBuyer,
      lines: [serviceLine({ vatCategory: 'E', vatRateBp: 0, exemptionReason: franchise.text })],
      mentions: documentMentions({ latePenalty: { kind: 'ecbPlus', pointsBp: 1000 }, vatOnDebits: false }, { buyerKind: 'individual', operationCategory: 'services' }),
    }));
    const tax = block(xml, 'ram:ApplicableHeaderTradeSettlement');
    expect(tax).toContain(`<ram:ExemptionReason>${FRANCHISE_TEXT}</ram:ExemptionReason>`);
    expect(tax).toContain('<ram:ExemptionReasonCode>VATEX-FR-FRANCHISE</ram:ExemptionReasonCode>');
    expect(texts(xml, 'ram:TaxTotalAmount')).toEqual(['0.00']);
  });

  it('keeps the PMT note for a consumer, saying the 40 € indemnity does not apply, and reaches her by email', () => {
    const xml = emit('consumer-invoice', buildDocument({ kind: 'invoice', ...base, buyer: individualBuyer, lines: [serviceLine()] }));
    const pmt = [...xml.matchAll(/<ram:IncludedNote><ram:Content>([^<]*)<\/ram:Content><ram:SubjectCode>PMT<\/ram:SubjectCode>/g)].map((m) => m[1]);
    expect(pmt).toEqual([escapeXml(RECOVERY_INDEMNITY_CONSUMER_TEXT)]);
    expect(pmt[0]).toContain('non applicable');
    expect(xml).toContain('<ram:IncludedNote><ram:Content>B2C</ram:Content><ram:SubjectCode>BAR</ram:SubjectCode></ram:IncludedNote>');
    expect(block(xml, 'ram:BuyerTradeParty')).toContain('<ram:URIID schemeID="EM">jeanne.martin@example.org</ram:URIID>');
  });

  it("writes both parties' directory addresses (scheme 0225, SIREN first) for a sale between French companies", () => {
    const xml = emit('directory-addresses', buildDocument({ kind: 'invoice', ...base, lines: [serviceLine()] }));
    expect(block(xml, 'ram:SellerTradeParty')).toContain('<ram:URIUniversalCommunication><ram:URIID schemeID="0225">732829320</ram:URIID></ram:URIUniversalCommunication>');
    expect(block(xml, 'ram:BuyerTradeParty')).toContain('<ram:URIUniversalCommunication><ram:URIID schemeID="0225">552032534_FACTURES</ram:URIID></ram:URIUniversalCommunication>');
    expect(xml).toContain('<ram:IncludedNote><ram:Content>B2B</ram:Content><ram:SubjectCode>BAR</ram:SubjectCode></ram:IncludedNote>');
    // The coop's email stays a contact; one address per party.
    expect(xml.match(/<ram:URIUniversalCommunication>/g)).toHaveLength(2);
  });

  it('marks reverse charge (Autoliquidation) with both VAT numbers', () => {
    const xml = emit('reverse-charge-invoice', buildDocument({
      kind: 'invoice',
      ...base,
      buyer: euBuyer,
      lines: [serviceLine({ quantityMilli: 10000, unitPriceCents: 45000, vatCategory: 'AE', vatRateBp: 0, exemptionReason: reverseCharge.text })],
    }));
    expect(block(xml, 'ram:BuyerTradeParty')).toContain('<ram:ID schemeID="VA">DE123456789</ram:ID>');
    expect(texts(xml, 'ram:CategoryCode')).toEqual(['AE', 'AE']);
    expect(texts(xml, 'ram:ExemptionReason')).toEqual(['Autoliquidation']);
    expect(texts(xml, 'ram:DuePayableAmount')).toEqual(['4500.00']);
  });

  it('ships an intra-EU supply of goods to the buyer country, with its delivery date', () => {
    const xml = emit('intra-eu-goods', buildDocument({
      kind: 'invoice',
      ...base,
      buyer: euBuyer,
      lines: [serviceLine({ name: 'Table en chêne', unitCode: 'C62', quantityMilli: 2000, unitPriceCents: 85000, vatCategory: 'K', vatRateBp: 0, exemptionReason: intraEu.text })],
      mentions: documentMentions({ latePenalty: { kind: 'fixed', rateBp: 1200 }, vatOnDebits: false }, { buyerKind: 'company', operationCategory: 'goods' }),
    }));
    expect(block(xml, 'ram:ShipToTradeParty')).toContain('<ram:CountryID>DE</ram:CountryID>');
    expect(block(xml, 'ram:ActualDeliverySupplyChainEvent')).toContain('20261120');
    expect(texts(xml, 'ram:ExemptionReasonCode')).toEqual(['VATEX-EU-IC']);
    expect(texts(xml, 'ram:ID')).toContain('B1');
  });

  it('issues a deposit invoice with type code 386', () => {
    const xml = emit('deposit-invoice', buildDocument({
      kind: 'depositInvoice',
      ...base,
      number: 'F2026-00043',
      deliveryDate: undefined,
      paymentTermsText: 'À réception',
      dueDate: '2026-11-23',
      lines: [serviceLine({ name: 'Acompte de 30 % sur devis D2026-0012', unitCode: 'C62', quantityMilli: 1000, unitPriceCents: 150000 })],
    }));
    expect(texts(xml, 'ram:TypeCode')[0]).toBe('386');
    expect(texts(xml, 'ram:GrandTotalAmount')).toEqual(['1800.00']);
  });

  it('deducts the deposit already paid from the final invoice', () => {
    const xml = emit('final-invoice-after-deposit', buildDocument({
      kind: 'invoice',
      ...base,
      number: 'F2026-00050',
      lines: [serviceLine({ name: 'Création du site', unitCode: 'C62', quantityMilli: 1000, unitPriceCents: 500000 })],
      prepaidCents: 180000,
    }));
    const sums = block(xml, 'ram:SpecifiedTradeSettlementHeaderMonetarySummation');
    expect(sums).toContain('<ram:GrandTotalAmount>6000.00</ram:GrandTotalAmount><ram:TotalPrepaidAmount>1800.00</ram:TotalPrepaidAmount><ram:DuePayableAmount>4200.00</ram:DuePayableAmount>');
    expect(texts(xml, 'ram:ID')).toContain('S4');
  });

  it('a deposit invoice names the accepted quote as its order (BT-14) and says what is ordered', () => {
    const xml = emit('deposit-invoice-with-order', buildDocument({
      kind: 'depositInvoice',
      ...base,
      number: 'F2026-00044',
      deliveryDate: undefined,
      paymentTermsText: 'À réception',
      dueDate: '2026-11-23',
      order: { number: 'D2026-0012', issueDate: '2026-11-02', summary: ['Conception du site — 3 jours', 'Développement — 10 jours'], netCents: 500_000, grossCents: 600_000 },
      lines: [serviceLine({ name: 'Acompte de 30 % sur devis D2026-0012 du 02/11/2026', unitCode: 'C62', quantityMilli: 1000, unitPriceCents: 150_000 })],
    }));
    expect(block(xml, 'ram:SellerOrderReferencedDocument')).toBe('<ram:SellerOrderReferencedDocument><ram:IssuerAssignedID>D2026-0012</ram:IssuerAssignedID></ram:SellerOrderReferencedDocument>');
    expect(texts(xml, 'ram:Content')).toContain(
      'Commande : devis N° D2026-0012 du 02/11/2026 — objet : Conception du site — 3 jours ; Développement — 10 jours (total de la commande 5\u202f000,00\u00a0€ HT, 6\u202f000,00\u00a0€ TTC).',
    );
  });

  it('the final invoice restates the whole service at two rates and deducts two deposits as the prepaid amount', () => {
    // Quote: 5 000 € at 20 % and 1 000 € at 10 %; deposits of 30 % then 20 %, split as the quote.
    const xml = emit('final-invoice-with-deposits', buildDocument({
      kind: 'invoice',
      ...base,
      number: 'F2026-00060',
      order: { number: 'D2026-0012', issueDate: '2026-11-02' },
      deposits: [
        { number: 'F2026-00044', issueDate: '2026-11-05', netCents: 180_000, vatCents: 33_000, grossCents: 213_000 },
        { number: 'F2026-00051', issueDate: '2026-11-15', netCents: 120_000, vatCents: 22_000, grossCents: 142_000 },
      ],
      lines: [
        serviceLine({ name: 'Conception du site', unitCode: 'DAY', quantityMilli: 10_000, unitPriceCents: 50_000 }),
        serviceLine({ name: 'Formation', unitCode: 'C62', quantityMilli: 1000, unitPriceCents: 100_000, vatRateBp: 1000 }),
      ],
      prepaidCents: 355_000,
    }));
    const sums = block(xml, 'ram:SpecifiedTradeSettlementHeaderMonetarySummation');
    expect(sums).toContain('<ram:TaxBasisTotalAmount>6000.00</ram:TaxBasisTotalAmount><ram:TaxTotalAmount currencyID="EUR">1100.00</ram:TaxTotalAmount><ram:GrandTotalAmount>7100.00</ram:GrandTotalAmount><ram:TotalPrepaidAmount>3550.00</ram:TotalPrepaidAmount><ram:DuePayableAmount>3550.00</ram:DuePayableAmount>');
    // The VAT breakdown is the full service's, not what is left to pay.
    expect(texts(xml, 'ram:CalculatedAmount')).toEqual(['1000.00', '100.00']);
    expect(texts(xml, 'ram:ID')).toContain('S4');
    expect(texts(xml, 'ram:Content')).toEqual(expect.arrayContaining([
      expect.stringContaining('Acompte déduit : facture N° F2026-00044 du 05/11/2026'),
      expect.stringContaining('Acompte déduit : facture N° F2026-00051 du 15/11/2026'),
    ]));
  });

  it('issues a credit note (381) that names the invoice it corrects', () => {
    const xml = emit('credit-note', buildDocument({
      kind: 'creditNote',
      number: 'A2026-00003',
      issueDate: '2026-11-25',
      deliveryDate: '2026-11-20',
      precedingInvoice: { number: 'F2026-00042', issueDate: '2026-11-23' },
      lines: [serviceLine({ name: 'Heure facturée en trop', quantityMilli: 1000 })],
    }));
    expect(texts(xml, 'ram:TypeCode')[0]).toBe('381');
    expect(block(xml, 'ram:InvoiceReferencedDocument')).toBe(
      '<ram:InvoiceReferencedDocument><ram:IssuerAssignedID>F2026-00042</ram:IssuerAssignedID><ram:FormattedIssueDateTime><qdt:DateTimeString format="102">20261123</qdt:DateTimeString></ram:FormattedIssueDateTime></ram:InvoiceReferencedDocument>',
    );
    expect(xml).not.toContain('<ram:PaymentReference>');
  });

  it('shows line discounts and a document allowance, and VAT on debits', () => {
    const xml = emit('discounts-and-allowance', buildDocument({
      kind: 'invoice',
      ...base,
      deliveryDate: undefined,
      servicePeriod: { start: '2026-11-01', end: '2026-11-30' },
      lines: [
        serviceLine({ quantityMilli: 1000, unitPriceCents: 9999, discountBp: 1000 }),
        serviceLine({ name: 'Impression', unitCode: 'C62', quantityMilli: 2000, unitPriceCents: 5000, discountCents: 1250 }),
        serviceLine({ name: 'Traiteur', unitCode: 'C62', quantityMilli: 1000, unitPriceCents: 5000, vatRateBp: 1000 }),
      ],
      allowances: [{ amountCents: 1000, reason: 'Remise fidélité', vatCategory: 'S', vatRateBp: 2000 }],
      mentions: documentMentions({ latePenalty: { kind: 'fixed', rateBp: 1200 }, vatOnDebits: true }, { buyerKind: 'company', operationCategory: 'services' }),
    }));
    expect(texts(xml, 'ram:ActualAmount')).toEqual(['10.00', '12.50', '10.00']);
    expect(texts(xml, 'ram:CalculationPercent')).toEqual(['10']);
    const sums = block(xml, 'ram:SpecifiedTradeSettlementHeaderMonetarySummation');
    expect(sums).toContain('<ram:LineTotalAmount>227.49</ram:LineTotalAmount><ram:AllowanceTotalAmount>10.00</ram:AllowanceTotalAmount><ram:TaxBasisTotalAmount>217.49</ram:TaxBasisTotalAmount>');
    expect(texts(xml, 'ram:DueDateTypeCode')).toEqual(['5', '5']);
    expect(block(xml, 'ram:BillingSpecifiedPeriod')).toContain('20261130');
  });

  it('keeps many half-cent lines and thirds of hours exact to the cent', () => {
    const xml = emit('rounding-many-lines', buildDocument({
      kind: 'invoice',
      ...base,
      lines: [
        ...Array.from({ length: 10 }, (_, i) => serviceLine({ name: `Photocopie ${i + 1}`, unitCode: 'C62', quantityMilli: 1, unitPriceCents: 500 })),
        serviceLine({ name: 'Réunion', quantityMilli: 333, unitPriceCents: 9000 }),
        ...[1, 2, 3].map(() => serviceLine({ name: 'Timbre', unitCode: 'C62', quantityMilli: 1000, unitPriceCents: 10, vatRateBp: 550 })),
      ],
    }));
    expect(texts(xml, 'ram:BilledQuantity').slice(0, 2)).toEqual(['0.001', '0.001']);
    expect(texts(xml, 'ram:LineTotalAmount').at(-1)).toBe('30.37');
    expect(texts(xml, 'ram:CalculatedAmount')).toEqual(['6.01', '0.02']);
  });

  it('names no VAT number on an operation outside the scope of VAT', () => {
    const xml = emit('out-of-scope', buildDocument({
      kind: 'invoice',
      ...base,
      buyer: { ...euBuyer, name: 'Acme Inc.', vatNumber: undefined, address: { line1: '1 Main St', postcode: '10001', city: 'New York', countryCode: 'US' } },
      lines: [serviceLine({ vatCategory: 'O', vatRateBp: 0, exemptionReason: vatExemptionFor('O')!.text })],
    }));
    expect(xml).not.toContain('schemeID="VA"');
    expect(xml).not.toContain('<ram:RateApplicablePercent>');
    expect(block(xml, 'ram:SellerTradeParty')).toContain(coopSeller.siren);
  });
});

describe('XML primitives', () => {
  it('escapes markup and drops characters XML cannot carry', () => {
    expect(escapeXml(`a & b < c > d "e" 'f'\u0001`)).toBe('a &amp; b &lt; c &gt; d &quot;e&quot; &apos;f&apos;');
  });

  it('writes amounts with two decimals, negative ones included', () => {
    expect(xmlAmount(0)).toBe('0.00');
    expect(xmlAmount(5)).toBe('0.05');
    expect(xmlAmount(-50)).toBe('-0.50');
    expect(xmlAmount(123456)).toBe('1234.56');
  });

  it('refuses totals computed for other lines', () => {
    const doc = buildDocument({ kind: 'invoice', ...base, lines: [serviceLine()] });
    expect(() => toCrossIndustryInvoice({ ...doc, lines: [...doc.lines, serviceLine()] })).toThrow();
  });
});
