import { buyerOf, computeTotals, documentMentions, dueDateOfTerms, renderDocumentPdf, sellerOf, type CoopIdentity, type InvoiceDocument } from '../documents/index.js';
import type { MemberCompanyIdentity } from '../members/index.js';
import { monthPeriod } from './domain/fee-amounts.js';

export interface FeeInvoiceInput {
  number: string;
  issueDate: string;
  month: string;
  netCents: number;
  vatRateBp: number;
  /** The lines of an invoice of resources (plan fee, bookings); a fee has its one line. */
  lines?: { name: string; netCents: number }[];
}

/**
 * The invoice of a month's fee, as the document kernel prints it: the coop is the seller in
 * its own name (no activity: the fee is revenue of its own funds), the member the buyer (their
 * company when they have one, themself otherwise), the month as the service period, and every
 * mandatory mention (the coop's late-payment rate, the recovery indemnity for a company).
 */
export function feeInvoiceDocument(member: MemberCompanyIdentity, coop: CoopIdentity & { paymentTermsDays: number; paymentTermsEndOfMonth: boolean }, input: FeeInvoiceInput): InvoiceDocument {
  const seller = sellerOf(coop, '');
  delete seller.activityName;
  const company = member.membershipType === 'independent' && member.companyName && member.siret;
  const address = member.address ? { ...member.address, country: 'FR' } : null;
  const buyer = buyerOf(
    company
      ? { kind: 'company', name: member.companyName!, siren: member.siret!.slice(0, 9), siret: member.siret, vatNumber: null, email: member.email, electronicAddress: null, address }
      : { kind: 'individual', name: member.name, siren: null, siret: null, vatNumber: null, email: member.email, electronicAddress: null, address },
  );
  const lineOf = (netCents: number) =>
    input.vatRateBp === 0 ? { quantityMilli: 1000, unitPriceCents: netCents, vatCategory: 'E' as const, vatRateBp: 0, exemptionReason: 'TVA non applicable, art. 293 B du CGI' } : { quantityMilli: 1000, unitPriceCents: netCents, vatCategory: 'S' as const, vatRateBp: input.vatRateBp };
  const named = (input.lines ?? [{ name: `Cotisation mensuelle ${input.month}`, netCents: input.netCents }]).map((l) => ({ ...lineOf(l.netCents), name: l.name, unitCode: 'C62' }));
  return {
    kind: 'invoice',
    number: input.number,
    issueDate: input.issueDate,
    servicePeriod: monthPeriod(input.month),
    dueDate: dueDateOfTerms(coop, input.issueDate),
    paymentTermsText: `${coop.paymentTermsDays} jours${coop.paymentTermsEndOfMonth ? ' fin de mois' : ''}`,
    seller,
    buyer,
    lines: named,
    totals: computeTotals({ lines: named }),
    mentions: documentMentions({ latePenalty: { kind: 'fixed', rateBp: coop.latePenaltyRateBp }, vatOnDebits: false }, { buyerKind: company ? 'company' : 'individual', operationCategory: 'services' }),
  };
}

export const renderFeeInvoicePdf = (doc: InvoiceDocument) => renderDocumentPdf(doc, { facturX: false });
