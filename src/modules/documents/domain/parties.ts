import { dueDate, type PaymentTerms } from './due-date.js';
import type { Buyer, DocumentMentions, OperationCategory, Seller } from './document-model.js';
import { documentMentions } from './mentions.js';

/**
 * The parties a commercial document prints, from the coop's settings and the client's identity.
 * The shapes below are what this kernel reads of them, so that it depends on no business
 * module: the coops and clients modules' own types fit them as they are.
 */

/** What the seller block and the late-penalty mention read of the coop's settings. */
export interface CoopIdentity {
  name: string;
  legalForm: string;
  siren: string;
  siret: string;
  vatNumber: string;
  addressLine1: string;
  addressLine2: string | null;
  postalCode: string;
  city: string;
  country: string;
  email: string | null;
  iban: string;
  bic: string;
  latePenaltyRateBp: number;
}

/** What the buyer block reads of a client. */
export interface ClientIdentity {
  kind: 'company' | 'individual';
  name: string;
  siren: string | null;
  siret: string | null;
  vatNumber: string | null;
  email: string | null;
  /** The billing address; null when the client has none. */
  address: { line1: string; line2: string | null; postalCode: string; city: string; country: string } | null;
}

/** The payment terms a document carries, as stored on it. */
export interface StoredPaymentTerms {
  paymentTermsDays: number;
  paymentTermsEndOfMonth: boolean;
}

/** What an issued document prints about its parties, frozen at validation in `invoices.mentions`. */
export interface FrozenParties {
  seller: Seller;
  buyer: Buyer;
  mentions: DocumentMentions;
  paymentTermsText?: string;
  precedingInvoice?: { number: string; issueDate: string };
}

export const LEGAL_FORM_TEXT: Record<string, string> = {
  scop_sa: 'SCOP SA à capital variable',
  scop_sarl: 'SCOP SARL à capital variable',
  scop_sas: 'SCOP SAS à capital variable',
  scic_sa: 'SCIC SA à capital variable',
  scic_sarl: 'SCIC SARL à capital variable',
  scic_sas: 'SCIC SAS à capital variable',
  cae_association: 'Association',
  association: 'Association',
  sas: 'SAS',
  sarl: 'SARL',
};

/** The cooperative is the seller in law; the member's activity is the name clients know. */
export function sellerOf(coop: CoopIdentity, activityName: string): Seller {
  return {
    name: coop.name,
    siren: coop.siren,
    siret: coop.siret,
    vatNumber: coop.vatNumber,
    ...(LEGAL_FORM_TEXT[coop.legalForm] ? { legalInfo: LEGAL_FORM_TEXT[coop.legalForm] } : {}),
    address: { line1: coop.addressLine1, ...(coop.addressLine2 ? { line2: coop.addressLine2 } : {}), postcode: coop.postalCode, city: coop.city, countryCode: coop.country },
    ...(coop.email ? { email: coop.email } : {}),
    iban: coop.iban,
    bic: coop.bic,
    activityName,
  };
}

export function buyerOf(client: ClientIdentity): Buyer {
  const a = client.address;
  return {
    kind: client.kind,
    name: client.name,
    ...(client.siren ? { siren: client.siren } : {}),
    ...(client.siret ? { siret: client.siret } : {}),
    ...(client.vatNumber ? { vatNumber: client.vatNumber } : {}),
    // An empty address makes `missingMentions` report 'buyer.address'.
    address: a ? { line1: a.line1, ...(a.line2 ? { line2: a.line2 } : {}), postcode: a.postalCode, city: a.city, countryCode: a.country } : { line1: '', postcode: '', city: '', countryCode: '' },
    ...(client.email ? { email: client.email } : {}),
  };
}

/** The stored terms as the due-date rule reads them, and as the document prints them. */
export function termsOf(row: StoredPaymentTerms): { terms: PaymentTerms; text: string } {
  if (row.paymentTermsEndOfMonth) return { terms: { kind: 'endOfMonth', days: row.paymentTermsDays }, text: `${row.paymentTermsDays} jours fin de mois` };
  if (row.paymentTermsDays === 0) return { terms: { kind: 'onReceipt' }, text: 'À réception' };
  return { terms: { kind: 'net', days: row.paymentTermsDays }, text: `${row.paymentTermsDays} jours` };
}

/** The due date a document issued on `issueDate` gets from its stored terms (art. L441-9). */
export const dueDateOfTerms = (row: StoredPaymentTerms, issueDate: string): string => dueDate(issueDate, termsOf(row).terms);

export function partiesOf(
  coop: CoopIdentity,
  activityName: string,
  client: ClientIdentity,
  row: StoredPaymentTerms & { operationCategory: OperationCategory },
): FrozenParties {
  return {
    seller: sellerOf(coop, activityName),
    buyer: buyerOf(client),
    mentions: documentMentions({ latePenalty: { kind: 'fixed', rateBp: coop.latePenaltyRateBp }, vatOnDebits: false }, { buyerKind: client.kind, operationCategory: row.operationCategory }),
    paymentTermsText: termsOf(row).text,
  };
}
