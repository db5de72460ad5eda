// The commercial-document kernel: what every document kind (invoice, quote, and the kinds to
// come) shares: its lines and their totals, VAT and mentions, the document model, its CII XML
// and its PDF. It depends on the platform only; business modules are its clients.

export { checkedLineTotals, documentLineRows, lineInputOf, printedLineOf } from './lines.js';
export { computeTotals, vatOf, type DocumentTotals, type TotalsLine, type VatCategory } from './domain/compute-totals.js';
export { totalsLineOf, type TotalsLineSource } from './domain/totals-line.js';
export type { DeductedDeposit, DepositVatSplit, DocumentKind, InvoiceDocument, OrderReference, QuoteDocument } from './domain/document-model.js';
export { movedShares } from './domain/order-mentions.js';
export { documentMentions, missingMentions, RECOVERY_INDEMNITY_CENTS } from './domain/mentions.js';
export { buyerOf, dueDateOfTerms, partiesOf, registrationMention, sellerOf, type ClientIdentity, type CoopIdentity, type FrozenParties } from './domain/parties.js';
export { toCrossIndustryInvoice } from './domain/factur-x-xml.js';
export { formatEuros, formatFrenchDate, formatQuantity } from './domain/french-format.js';
// The PDF kit: the documents' renderer, and the coop's letterhead for other letters (dunning).
export { renderDocumentPdf } from './pdf/render-document-pdf.js';
export { formatIban, PDF_COLORS, PDF_LAYOUT, startCoopPdf, type Sheet as PdfSheet } from './pdf/render-document-pdf.js';
export { setDocumentInfo, setFileIdentifier } from './pdf/factur-x-pdfa.js';
