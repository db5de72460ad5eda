import type { DocumentAllowance, DocumentTotals, TotalsLine, VatCategory } from './compute-totals.js';

/**
 * An issued (or about to be issued) quote, invoice, deposit invoice or credit note, as plain
 * data: what the PDF, the Factur-X XML and the mentions check read. The service layer fills it
 * from the database at validation; nothing here reads a table or the clock.
 */

/** UNTDID 1001: 380 commercial invoice, 381 credit note, 386 prepayment (deposit) invoice. */
export const DOCUMENT_TYPE_CODES = { invoice: '380', creditNote: '381', depositInvoice: '386' } as const;
export type DocumentKind = keyof typeof DOCUMENT_TYPE_CODES;

/**
 * The category of the operation (goods, services or both), a mention required by the
 * e-invoicing reform (CGI annexe II art. 242 nonies A as amended by décret n° 2022-1299).
 */
export type OperationCategory = 'goods' | 'services' | 'both';

export interface PostalAddress {
  line1: string;
  line2?: string;
  postcode: string;
  city: string;
  /** ISO 3166-1 alpha-2. */
  countryCode: string;
}

/**
 * Where the e-invoice is delivered (BT-34 seller, BT-49 buyer), with its scheme from the EAS
 * list: 0225 for a French company's address in the e-invoicing directory (its SIREN first), EM
 * for an email, the only address a private person or a company abroad is known by here.
 */
export interface ElectronicAddress {
  scheme: '0225' | 'EM';
  value: string;
}

/** The cooperative: it is the seller in law; the member's activity is how clients know it. */
export interface Seller {
  name: string;
  siren: string;
  siret: string;
  /** Intra-EU VAT number (BT-31); absent only for operations outside the scope of VAT. */
  vatNumber?: string;
  /** e.g. "SCOP SA à capital variable, RCS Lyon 123 456 789" (Code de commerce R123-237). */
  legalInfo?: string;
  /** BT-34, the coop's directory address. */
  electronicAddress?: ElectronicAddress;
  address: PostalAddress;
  email?: string;
  /** Bank account for the SEPA transfer (payment means 58). */
  iban: string;
  bic?: string;
  /** The member's activity, shown as the seller's trading name (BT-28). */
  activityName?: string;
}

export interface Buyer {
  kind: 'company' | 'individual';
  name: string;
  siren?: string;
  siret?: string;
  vatNumber?: string;
  address: PostalAddress;
  email?: string;
  /** BT-49: a French company's directory address, else the buyer's email. */
  electronicAddress?: ElectronicAddress;
}

export interface InvoiceLine extends TotalsLine {
  /** BT-153, what is sold. */
  name: string;
  description?: string;
  /** UN/ECE Recommendation 20 unit: C62 (unit), HUR (hour), DAY, MON, KGM… */
  unitCode: string;
  /** On a quote: the heading of the section this line opens ("Lot 1 — Conception"). */
  sectionTitle?: string;
}

/** The mentions that are text on the document, built by `mentions.ts`. */
export interface DocumentMentions {
  latePenalty?: string;
  recoveryIndemnity?: string;
  earlyPaymentDiscount?: string;
  /** The seller opted to pay VAT on debits (CGI art. 269-2-c). */
  vatOnDebits: boolean;
  operationCategory?: OperationCategory;
  /** Free notes: the member's activity, the scope of the work… */
  other?: string[];
}

/**
 * The order an invoice belongs to: for the coop's members, the quote the client accepted
 * (BT-14, sales order reference). A deposit invoice must say what it is paid on: the order,
 * its date and what is ordered.
 */
export interface OrderReference {
  number: string;
  issueDate: string;
  /** What is ordered, one entry per item ("Conception du site — 3 jours"), printed on a deposit invoice. */
  summary?: string[];
  /** The order's total excluding VAT and including VAT. */
  netCents?: number;
  grossCents?: number;
}

/** A deposit invoice a final invoice deducts; their totals incl. VAT add up to BT-113. */
export interface DeductedDeposit {
  number: string;
  issueDate: string;
  netCents: number;
  vatCents: number;
  grossCents: number;
}

/**
 * How a deposit's amount was split across the order's VAT rates: each rate's share rounded on
 * its own (`proportionalCents`) and the share it got (`basisCents`). Where they differ, a cent
 * moved from one rate to another; the document says why next to its VAT.
 */
export interface DepositVatSplit {
  /** The deposit asked as a share of the order, in basis points; absent for an amount. */
  percentBp?: number;
  /** The deposit's amount excluding VAT. */
  netCents: number;
  groups: { vatCategory: VatCategory; vatRateBp: number; proportionalCents: number; basisCents: number }[];
}

export interface InvoiceDocument {
  kind: DocumentKind;
  number: string;
  issueDate: string;
  /** Date the goods were delivered or the service completed (BT-72). */
  deliveryDate?: string;
  /** Or the period the service covers (BG-14). */
  servicePeriod?: { start: string; end: string };
  dueDate?: string;
  /** e.g. "30 jours fin de mois" (BT-20). */
  paymentTermsText?: string;
  seller: Seller;
  buyer: Buyer;
  /** The buyer's order or contract reference, when the buyer gave one (BT-10). */
  buyerReference?: string;
  /** Credit note: the invoice it corrects (BG-3), required by CGI art. 242 nonies A I 10°. */
  precedingInvoice?: { number: string; issueDate: string };
  /** The order (accepted quote) a deposit or final invoice belongs to. */
  order?: OrderReference;
  /** Final invoice: the deposit invoices it deducts; `totals.prepaidCents` is their sum incl. VAT. */
  deposits?: DeductedDeposit[];
  /** Deposit invoice: how its amount was split across VAT rates. */
  vatSplit?: DepositVatSplit;
  lines: InvoiceLine[];
  allowances?: DocumentAllowance[];
  /** Result of computeTotals over lines, allowances and deposits already paid. */
  totals: DocumentTotals;
  mentions: DocumentMentions;
}

/**
 * A quote (devis), printed with the invoices' layout: an offer, not an invoice, so it has no
 * due date, no payment block and no e-invoice (no UNTDID 1001 code), but a validity date and
 * room for the client's "bon pour accord". A draft has no number yet.
 */
export interface QuoteDocument extends Omit<InvoiceDocument, 'kind' | 'number' | 'dueDate' | 'paymentTermsText' | 'precedingInvoice' | 'order' | 'deposits' | 'vatSplit'> {
  kind: 'quote';
  number: string | null;
  /** Last day the offer holds (inclusive). */
  validUntil: string;
}

/** What the PDF renderer prints: an invoice, deposit invoice, credit note or quote. */
export type PrintedDocument = InvoiceDocument | QuoteDocument;
