import { dueDate, type PaymentTerms } from './due-date.js';
import type { Buyer, DocumentMentions, ElectronicAddress, OperationCategory, Seller } from './document-model.js';
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
  /** The register the coop is entered in (Code de commerce R123-237): 'RCS' or 'RM', null for an association. */
  registryKind: string | null;
  /** The city of the registry (greffe) it is entered at. */
  registryCity: string | null;
  /** BT-34, the coop's address in the e-invoicing directory (its SIREN by default). */
  electronicAddress: string;
}

/** What the buyer block reads of a client. */
export interface ClientIdentity {
  kind: 'company' | 'individual';
  name: string;
  siren: string | null;
  siret: string | null;
  vatNumber: string | null;
  email: string | null;
  /** A French company's address in the e-invoicing directory (its SIREN by default). */
  electronicAddress: string | null;
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

const groupedSiren = (siren: string) => (/^\d{9}$/.test(siren) ? siren.replace(/(\d{3})(\d{3})(\d{3})/, '$1 $2 $3') : siren);

/**
 * The registration a company prints on its invoices, quotes and letters (Code de commerce
 * R123-237: "RCS" and the city of its registry, with its identification number, the SIREN):
 * "RCS Lyon 732 829 320". A craft business registered at the RM prints "RM" the same way.
 * Undefined for a coop in no register (an association).
 */
export function registrationMention(coop: Pick<CoopIdentity, 'registryKind' | 'registryCity' | 'siren'>): string | undefined {
  if (!coop.registryKind || !coop.registryCity?.trim()) return undefined;
  return `${coop.registryKind} ${coop.registryCity.trim()} ${groupedSiren(coop.siren)}`;
}

/** BT-49: a French company's directory address (its SIREN when none was given), else its email. */
export function buyerElectronicAddress(client: Pick<ClientIdentity, 'kind' | 'siren' | 'email' | 'electronicAddress'>): ElectronicAddress | undefined {
  if (client.kind === 'company' && client.siren) {
    const own = client.electronicAddress?.startsWith(client.siren) ? client.electronicAddress : null;
    return { scheme: '0225', value: own ?? client.siren };
  }
  // The directory holds French companies only; EM (email) is what the EAS list has for the others.
  return client.email ? { scheme: 'EM', value: client.email } : undefined;
}

/** The cooperative is the seller in law; the member's activity is the name clients know. */
export function sellerOf(coop: CoopIdentity, activityName: string): Seller {
  const legalInfo = [LEGAL_FORM_TEXT[coop.legalForm], registrationMention(coop)].filter(Boolean).join(', ');
  return {
    name: coop.name,
    siren: coop.siren,
    siret: coop.siret,
    vatNumber: coop.vatNumber,
    ...(legalInfo ? { legalInfo } : {}),
    electronicAddress: { scheme: '0225', value: coop.electronicAddress || coop.siren },
    address: { line1: coop.addressLine1, ...(coop.addressLine2 ? { line2: coop.addressLine2 } : {}), postcode: coop.postalCode, city: coop.city, countryCode: coop.country },
    ...(coop.email ? { email: coop.email } : {}),
    iban: coop.iban,
    bic: coop.bic,
    activityName,
  };
}

export function buyerOf(client: ClientIdentity): Buyer {
  const a = client.address;
  const electronicAddress = buyerElectronicAddress(client);
  return {
    kind: client.kind,
    name: client.name,
    ...(client.siren ? { siren: client.siren } : {}),
    ...(client.siret ? { siret: client.siret } : {}),
    ...(client.vatNumber ? { vatNumber: client.vatNumber } : {}),
    // An empty address makes `missingMentions` report 'buyer.address'.
    address: a ? { line1: a.line1, ...(a.line2 ? { line2: a.line2 } : {}), postcode: a.postalCode, city: a.city, countryCode: a.country } : { line1: '', postcode: '', city: '', countryCode: '' },
    ...(client.email ? { email: client.email } : {}),
    ...(electronicAddress ? { electronicAddress } : {}),
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
