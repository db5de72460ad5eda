import type { DocumentAllowance, VatBreakdown, VatCategory } from './compute-totals.js';
import { scaledToDecimal } from './french-format.js';
import { DOCUMENT_TYPE_CODES, type Buyer, type ElectronicAddress, type InvoiceDocument, type InvoiceLine, type PostalAddress, type Seller } from './document-model.js';
import { mentionNotes, vatExemptionCodeOf, type DocumentNote } from './mentions.js';
import { deductedDepositText, orderSummaryText } from './order-mentions.js';

/**
 * The UN/CEFACT Cross Industry Invoice (D16B) of a document, for the Factur-X profile
 * EN 16931 (guideline urn:cen.eu:en16931:2017): the XML embedded as factur-x.xml in the PDF/A-3.
 *
 * The XSD is a sequence at every level, so elements are written in the schema's order; the
 * EN 16931 business rules (BR-*) it must also pass are cited where they decide something.
 * Checked against the official XSD and Schematron by scripts/validate-einvoices.sh.
 */

const NS = {
  rsm: 'urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100',
  ram: 'urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100',
  qdt: 'urn:un:unece:uncefact:data:standard:QualifiedDataType:100',
  udt: 'urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100',
};

export const EN16931_GUIDELINE = 'urn:cen.eu:en16931:2017';

/** ISO 6523 ICD: 0002 SIREN, 0009 SIRET. */
const SIREN_SCHEME = '0002';
const SIRET_SCHEME = '0009';
/** UNTDID 4461: 58 SEPA credit transfer. */
const SEPA_CREDIT_TRANSFER = '58';
/** UNTDID 2005: 5 = VAT due on the invoice date, the effect of the option for debits. */
const VAT_DUE_ON_INVOICE_DATE = '5';

// XML 1.0 forbids most control characters even escaped; user text may carry them.
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/gu;

export function escapeXml(text: string): string {
  return text
    .replace(FORBIDDEN, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** BR-DEC-*: amounts have at most two decimals; always two here ("12.30"). */
export function xmlAmount(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`not a whole number of cents: ${cents}`);
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

const xmlQuantity = (quantityMilli: number) => scaledToDecimal(quantityMilli, 3);
const xmlPercent = (bp: number) => scaledToDecimal(bp, 2);
/** Date format 102 (CCYYMMDD). */
const date102 = (isoDate: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) throw new RangeError(`not an ISO date: ${isoDate}`);
  return isoDate.replaceAll('-', '');
};

type Node = string | false | null | undefined | Node[];

/** One element with escaped text, or nothing when the value is absent. */
function el(name: string, value: string | undefined | null, attrs: Record<string, string> = {}): string {
  if (value === undefined || value === null || value === '') return '';
  const attributes = Object.entries(attrs)
    .map(([k, v]) => ` ${k}="${escapeXml(v)}"`)
    .join('');
  return `<${name}${attributes}>${escapeXml(value)}</${name}>`;
}

/** A parent element around already-built children; dropped when it would be empty unless `keep`. */
function group(name: string, children: Node, keep = false): string {
  const inner = flatten(children);
  return inner || keep ? `<${name}>${inner}</${name}>` : '';
}

const flatten = (node: Node): string => (Array.isArray(node) ? node.map(flatten).join('') : node || '');

const dateTime = (name: string, isoDate: string) => group(name, el('udt:DateTimeString', date102(isoDate), { format: '102' }));

function address(a: PostalAddress): string {
  return group('ram:PostalTradeAddress', [
    el('ram:PostcodeCode', a.postcode),
    el('ram:LineOne', a.line1),
    el('ram:LineTwo', a.line2),
    el('ram:CityName', a.city),
    el('ram:CountryID', a.countryCode),
  ]);
}

/**
 * BT-34 / BT-49, one address per party: the directory address (scheme 0225) where there is one,
 * else the email (EM). The French rules want both on every invoice (BR-FR-12, BR-FR-13).
 */
function electronicAddress(party: { electronicAddress?: ElectronicAddress; email?: string }): Node {
  const address = party.electronicAddress ?? (party.email ? { scheme: 'EM', value: party.email } : undefined);
  return address && group('ram:URIUniversalCommunication', el('ram:URIID', address.value, { schemeID: address.scheme }));
}

function sellerParty(seller: Seller, withVat: boolean): string {
  return group('ram:SellerTradeParty', [
    el('ram:GlobalID', seller.siret, { schemeID: SIRET_SCHEME }),
    el('ram:Name', seller.name),
    // BT-33: the legal form and capital a company must show (Code de commerce R123-237).
    el('ram:Description', seller.legalInfo),
    group('ram:SpecifiedLegalOrganization', [
      el('ram:ID', seller.siren, { schemeID: SIREN_SCHEME }),
      // BT-28: clients know the member's activity, the coop is the seller in law.
      el('ram:TradingBusinessName', seller.activityName),
    ]),
    address(seller.address),
    electronicAddress(seller),
    withVat && group('ram:SpecifiedTaxRegistration', el('ram:ID', seller.vatNumber, { schemeID: 'VA' })),
  ]);
}

function buyerParty(buyer: Buyer, withVat: boolean): string {
  return group('ram:BuyerTradeParty', [
    el('ram:GlobalID', buyer.siret, { schemeID: SIRET_SCHEME }),
    el('ram:Name', buyer.name),
    buyer.siren && group('ram:SpecifiedLegalOrganization', el('ram:ID', buyer.siren, { schemeID: SIREN_SCHEME })),
    address(buyer.address),
    electronicAddress(buyer),
    withVat && group('ram:SpecifiedTaxRegistration', el('ram:ID', buyer.vatNumber, { schemeID: 'VA' })),
  ]);
}

/** BR-O-05/06, BR-48: "not subject to VAT" carries no rate at all; every other category does. */
const rateOf = (category: VatCategory, rateBp: number) => (category === 'O' ? undefined : xmlPercent(rateBp));

function allowance(amountCents: number, reason: string, extra: { percentBp?: number; basisCents?: number } = {}): Node {
  return [
    group('ram:ChargeIndicator', el('udt:Indicator', 'false')),
    extra.percentBp !== undefined && el('ram:CalculationPercent', xmlPercent(extra.percentBp)),
    extra.basisCents !== undefined && el('ram:BasisAmount', xmlAmount(extra.basisCents)),
    el('ram:ActualAmount', xmlAmount(amountCents)),
    // BR-41 / BR-33: an allowance says why.
    el('ram:Reason', reason),
  ];
}

function lineItem(line: InvoiceLine, index: number, doc: InvoiceDocument): string {
  const amounts = doc.totals.lines[index];
  if (!amounts) throw new RangeError(`totals do not match the lines (line ${index + 1})`);
  const hasDiscount = amounts.discountCents !== 0;
  return group('ram:IncludedSupplyChainTradeLineItem', [
    group('ram:AssociatedDocumentLineDocument', el('ram:LineID', String(index + 1))),
    group('ram:SpecifiedTradeProduct', [el('ram:Name', line.name), el('ram:Description', line.description)]),
    group('ram:SpecifiedLineTradeAgreement', group('ram:NetPriceProductTradePrice', el('ram:ChargeAmount', xmlAmount(line.unitPriceCents)))),
    group('ram:SpecifiedLineTradeDelivery', el('ram:BilledQuantity', xmlQuantity(line.quantityMilli), { unitCode: line.unitCode })),
    group('ram:SpecifiedLineTradeSettlement', [
      group('ram:ApplicableTradeTax', [
        el('ram:TypeCode', 'VAT'),
        el('ram:CategoryCode', line.vatCategory),
        el('ram:RateApplicablePercent', rateOf(line.vatCategory, line.vatRateBp)),
      ]),
      hasDiscount &&
        group(
          'ram:SpecifiedTradeAllowanceCharge',
          allowance(amounts.discountCents, 'Remise', line.discountBp !== undefined ? { percentBp: line.discountBp, basisCents: amounts.grossCents } : {}),
        ),
      group('ram:SpecifiedTradeSettlementLineMonetarySummation', el('ram:LineTotalAmount', xmlAmount(amounts.netCents))),
    ]),
  ]);
}

function vatBreakdown(g: VatBreakdown, vatOnDebits: boolean): string {
  const exempt = g.vatCategory !== 'S' && g.vatCategory !== 'Z';
  return group('ram:ApplicableTradeTax', [
    el('ram:CalculatedAmount', xmlAmount(g.vatCents)),
    el('ram:TypeCode', 'VAT'),
    // BR-S-10, BR-Z-10: no exemption reason where VAT is charged or zero rated.
    exempt && el('ram:ExemptionReason', g.exemptionReason),
    el('ram:BasisAmount', xmlAmount(g.basisCents)),
    el('ram:CategoryCode', g.vatCategory),
    exempt && el('ram:ExemptionReasonCode', vatExemptionCodeOf(g.vatCategory, g.exemptionReason)),
    vatOnDebits && el('ram:DueDateTypeCode', VAT_DUE_ON_INVOICE_DATE),
    el('ram:RateApplicablePercent', rateOf(g.vatCategory, g.vatRateBp)),
  ]);
}

function documentAllowance(a: DocumentAllowance): string {
  return group('ram:SpecifiedTradeAllowanceCharge', [
    allowance(a.amountCents, a.reason),
    group('ram:CategoryTradeTax', [el('ram:TypeCode', 'VAT'), el('ram:CategoryCode', a.vatCategory), el('ram:RateApplicablePercent', rateOf(a.vatCategory, a.vatRateBp))]),
  ]);
}

/**
 * BT-23, the "cadre de facturation" of the French e-invoicing reform: B1 goods, S1 services,
 * M1 both; B4/S4/M4 for a final invoice that deducts deposits already invoiced.
 */
export function businessProcessOf(doc: InvoiceDocument): string | undefined {
  const category = doc.mentions.operationCategory;
  if (!category) return undefined;
  const letter = category === 'goods' ? 'B' : category === 'services' ? 'S' : 'M';
  return `${letter}${doc.kind === 'invoice' && doc.totals.prepaidCents > 0 ? 4 : 1}`;
}

/** The order and the deposits deducted, as general notes beside the mentions (BT-14 carries only the number). */
const orderNotes = (doc: InvoiceDocument): DocumentNote[] => [
  ...(doc.order ? [{ subjectCode: 'AAI' as const, text: orderSummaryText(doc.kind === 'depositInvoice' ? doc.order : { number: doc.order.number, issueDate: doc.order.issueDate }) }] : []),
  ...(doc.deposits ?? []).map((d) => ({ subjectCode: 'AAI' as const, text: deductedDepositText(d) })),
];

export function toCrossIndustryInvoice(doc: InvoiceDocument): string {
  if (doc.totals.lines.length !== doc.lines.length) throw new RangeError('totals were computed for other lines');
  const categories = new Set<VatCategory>(doc.totals.vatBreakdown.map((g) => g.vatCategory));
  // BR-O-02: a document wholly outside the scope of VAT names no VAT number.
  const outOfScope = categories.has('O');
  const t = doc.totals;
  const notes = [...mentionNotes(doc), ...orderNotes(doc)];
  const shipTo = categories.has('K') ? doc.buyer.address : undefined;

  const xml = [
    `<rsm:CrossIndustryInvoice xmlns:rsm="${NS.rsm}" xmlns:qdt="${NS.qdt}" xmlns:ram="${NS.ram}" xmlns:udt="${NS.udt}">`,
    group('rsm:ExchangedDocumentContext', [
      group('ram:BusinessProcessSpecifiedDocumentContextParameter', el('ram:ID', businessProcessOf(doc))),
      group('ram:GuidelineSpecifiedDocumentContextParameter', el('ram:ID', EN16931_GUIDELINE)),
    ]),
    group('rsm:ExchangedDocument', [
      el('ram:ID', doc.number),
      el('ram:TypeCode', DOCUMENT_TYPE_CODES[doc.kind]),
      dateTime('ram:IssueDateTime', doc.issueDate),
      notes.map((n) => group('ram:IncludedNote', [el('ram:Content', n.text), el('ram:SubjectCode', n.subjectCode)])),
    ]),
    group('rsm:SupplyChainTradeTransaction', [
      doc.lines.map((line, i) => lineItem(line, i, doc)),
      group('ram:ApplicableHeaderTradeAgreement', [
        el('ram:BuyerReference', doc.buyerReference),
        sellerParty(doc.seller, !outOfScope),
        buyerParty(doc.buyer, !outOfScope),
        // BT-14: the accepted quote is the seller's order the invoice belongs to.
        doc.order && group('ram:SellerOrderReferencedDocument', el('ram:IssuerAssignedID', doc.order.number)),
      ]),
      group(
        'ram:ApplicableHeaderTradeDelivery',
        [
          // BR-IC-12: an intra-EU supply names the country the goods go to.
          shipTo && group('ram:ShipToTradeParty', [el('ram:Name', doc.buyer.name), address(shipTo)]),
          doc.deliveryDate && group('ram:ActualDeliverySupplyChainEvent', dateTime('ram:OccurrenceDateTime', doc.deliveryDate)),
        ],
        true,
      ),
      group('ram:ApplicableHeaderTradeSettlement', [
        // BT-83: the number as the transfer's reference, so the payment can be matched.
        el('ram:PaymentReference', doc.kind === 'creditNote' ? undefined : doc.number),
        el('ram:InvoiceCurrencyCode', 'EUR'),
        doc.seller.iban &&
          group('ram:SpecifiedTradeSettlementPaymentMeans', [
            el('ram:TypeCode', SEPA_CREDIT_TRANSFER),
            // BR-61: a credit transfer names the account to pay into.
            group('ram:PayeePartyCreditorFinancialAccount', el('ram:IBANID', doc.seller.iban.replace(/\s+/g, '').toUpperCase())),
            doc.seller.bic && group('ram:PayeeSpecifiedCreditorFinancialInstitution', el('ram:BICID', doc.seller.bic)),
          ]),
        t.vatBreakdown.map((g) => vatBreakdown(g, doc.mentions.vatOnDebits)),
        doc.servicePeriod &&
          group('ram:BillingSpecifiedPeriod', [dateTime('ram:StartDateTime', doc.servicePeriod.start), dateTime('ram:EndDateTime', doc.servicePeriod.end)]),
        (doc.allowances ?? []).map(documentAllowance),
        (doc.paymentTermsText || doc.dueDate) &&
          group('ram:SpecifiedTradePaymentTerms', [el('ram:Description', doc.paymentTermsText), doc.dueDate && dateTime('ram:DueDateDateTime', doc.dueDate)]),
        group('ram:SpecifiedTradeSettlementHeaderMonetarySummation', [
          el('ram:LineTotalAmount', xmlAmount(t.lineTotalCents)),
          t.allowanceTotalCents !== 0 && el('ram:AllowanceTotalAmount', xmlAmount(t.allowanceTotalCents)),
          el('ram:TaxBasisTotalAmount', xmlAmount(t.taxBasisCents)),
          el('ram:TaxTotalAmount', xmlAmount(t.vatTotalCents), { currencyID: 'EUR' }),
          el('ram:GrandTotalAmount', xmlAmount(t.grandTotalCents)),
          t.prepaidCents !== 0 && el('ram:TotalPrepaidAmount', xmlAmount(t.prepaidCents)),
          el('ram:DuePayableAmount', xmlAmount(t.dueCents)),
        ]),
        // BG-3: a credit note points at the invoice it corrects (CGI art. 242 nonies A I 10°).
        doc.precedingInvoice &&
          group('ram:InvoiceReferencedDocument', [
            el('ram:IssuerAssignedID', doc.precedingInvoice.number),
            group('ram:FormattedIssueDateTime', el('qdt:DateTimeString', date102(doc.precedingInvoice.issueDate), { format: '102' })),
          ]),
      ]),
    ]),
    '</rsm:CrossIndustryInvoice>',
  ];
  return `<?xml version="1.0" encoding="UTF-8"?>\n${flatten(xml)}\n`;
}
