import { buyerOf, computeTotals, documentMentions, dueDateOfTerms, renderDocumentPdf, sellerOf, type CoopIdentity, type InvoiceDocument } from '../documents/index.js';
import type { MemberCompanyIdentity } from '../members/index.js';
import type { MemberVatRegime } from './domain/member-invoice-amounts.js';

/** Art. 293 B du CGI: a company under the VAT franchise prints why it charges none. */
const FRANCHISE_TEXT = 'TVA non applicable, art. 293 B du CGI';
/** The member's own terms are not known to the coop: the statutory 30 days (art. L441-10 I C. com.). */
const TERMS = { paymentTermsDays: 30, paymentTermsEndOfMonth: false } as const;

export interface MemberInvoiceInput {
  number: string;
  issueDate: string;
  serviceDate: string;
  description: string;
  netCents: number;
  vatRegime: MemberVatRegime;
  vatRateBp: number;
  vatNumber?: string;
  iban: string;
  jobId?: string | null;
}

/**
 * The invoice of an independent member's company to the coop, as the document kernel prints
 * it: the member's company is the seller (its name, SIRET, address, VAT number or the
 * franchise mention, its IBAN), the coop is the buyer, with every mandatory mention (late
 * penalty at the statutory rate, since the member's own is unknown here, the 40 € indemnity,
 * the category of operation, the service date).
 */
export function memberInvoiceDocument(member: MemberCompanyIdentity & { companyName: string; siret: string; address: NonNullable<MemberCompanyIdentity['address']> }, coop: CoopIdentity, input: MemberInvoiceInput): InvoiceDocument {
  const siren = member.siret.slice(0, 9);
  const seller = sellerOf(
    {
      name: member.companyName,
      legalForm: '',
      siren,
      siret: member.siret,
      vatNumber: input.vatRegime === 'standard' ? (input.vatNumber ?? '') : '',
      addressLine1: member.address.line1,
      addressLine2: member.address.line2,
      postalCode: member.address.postalCode,
      city: member.address.city,
      country: 'FR',
      email: member.email,
      iban: input.iban,
      bic: '',
      latePenaltyRateBp: 0,
      registryKind: null,
      registryCity: null,
      electronicAddress: siren,
    },
    '',
  );
  delete seller.activityName;
  const buyer = buyerOf({
    kind: 'company',
    name: coop.name,
    siren: coop.siren,
    siret: coop.siret,
    vatNumber: coop.vatNumber,
    email: coop.email,
    electronicAddress: coop.electronicAddress,
    address: { line1: coop.addressLine1, line2: coop.addressLine2, postalCode: coop.postalCode, city: coop.city, country: coop.country },
  });
  const line =
    input.vatRegime === 'franchise'
      ? { quantityMilli: 1000, unitPriceCents: input.netCents, vatCategory: 'E' as const, vatRateBp: 0, exemptionReason: FRANCHISE_TEXT }
      : { quantityMilli: 1000, unitPriceCents: input.netCents, vatCategory: 'S' as const, vatRateBp: input.vatRateBp };
  return {
    kind: 'invoice',
    number: input.number,
    issueDate: input.issueDate,
    deliveryDate: input.serviceDate,
    dueDate: dueDateOfTerms(TERMS, input.issueDate),
    paymentTermsText: `${TERMS.paymentTermsDays} jours`,
    seller,
    buyer,
    ...(input.jobId ? { buyerReference: input.jobId } : {}),
    lines: [{ ...line, name: input.description, unitCode: 'C62' }],
    totals: computeTotals({ lines: [line] }),
    mentions: documentMentions(
      // The statutory default rate: the ECB's rate plus 10 points (art. L441-10 II).
      { latePenalty: { kind: 'ecbPlus', pointsBp: 1000 }, vatOnDebits: false },
      { buyerKind: 'company', operationCategory: 'services' },
    ),
  };
}

export const renderMemberInvoicePdf = (doc: InvoiceDocument) => renderDocumentPdf(doc, { facturX: false });
