import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Executor } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import { takeNextNumber } from '../../platform/numbering/take-next-number.js';
import type { ClientDocumentIdentity } from '../clients/index.js';
import { isYearlySeries, renderNumber, type CoopSettings } from '../coops/index.js';
import { checkEntry, creditNoteEntry, postCheckedEntry, salesEntry, type Sale } from '../ledger/index.js';
import type { DocumentTotals } from './domain/compute-totals.js';
import { dueDate, type PaymentTerms } from './domain/due-date.js';
import type { Buyer, DocumentKind, InvoiceDocument, InvoiceLine, Seller } from './domain/invoice-document.js';
import { documentMentions } from './domain/mentions.js';
import { invoices, type InvoiceLineRow, type InvoiceRow } from './schema.js';

/** What an issued document prints about its parties, frozen at validation in `invoices.mentions`. */
export interface FrozenParties {
  seller: Seller;
  buyer: Buyer;
  mentions: InvoiceDocument['mentions'];
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
export function sellerOf(coop: CoopSettings, activityName: string): Seller {
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

export function buyerOf(client: ClientDocumentIdentity): Buyer {
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

export function termsOf(row: Pick<InvoiceRow, 'paymentTermsDays' | 'paymentTermsEndOfMonth'>): { terms: PaymentTerms; text: string } {
  if (row.paymentTermsEndOfMonth) return { terms: { kind: 'endOfMonth', days: row.paymentTermsDays }, text: `${row.paymentTermsDays} jours fin de mois` };
  if (row.paymentTermsDays === 0) return { terms: { kind: 'onReceipt' }, text: 'À réception' };
  return { terms: { kind: 'net', days: row.paymentTermsDays }, text: `${row.paymentTermsDays} jours` };
}

export function partiesOf(coop: CoopSettings, activityName: string, client: ClientDocumentIdentity, row: InvoiceRow): FrozenParties {
  return {
    seller: sellerOf(coop, activityName),
    buyer: buyerOf(client),
    mentions: documentMentions({ latePenalty: { kind: 'fixed', rateBp: coop.latePenaltyRateBp }, vatOnDebits: false }, { buyerKind: client.kind, operationCategory: row.operationCategory }),
    paymentTermsText: termsOf(row).text,
  };
}

const DOCUMENT_KIND: Record<InvoiceRow['kind'], DocumentKind> = { invoice: 'invoice', credit_note: 'creditNote', deposit: 'depositInvoice' };

/** The document as the mentions check, the PDF and the Factur-X XML read it. */
export function documentOf(
  row: InvoiceRow,
  lines: readonly InvoiceLineRow[],
  parties: FrozenParties,
  totals: DocumentTotals,
  at: { number: string; issueDate: string; dueDate: string | null },
): InvoiceDocument {
  return {
    kind: DOCUMENT_KIND[row.kind],
    number: at.number,
    issueDate: at.issueDate,
    ...(row.serviceDate ? { deliveryDate: row.serviceDate } : {}),
    ...(row.servicePeriodStart && row.servicePeriodEnd ? { servicePeriod: { start: row.servicePeriodStart, end: row.servicePeriodEnd } } : {}),
    ...(at.dueDate ? { dueDate: at.dueDate } : {}),
    ...(parties.paymentTermsText ? { paymentTermsText: parties.paymentTermsText } : {}),
    seller: parties.seller,
    buyer: parties.buyer,
    ...(parties.precedingInvoice ? { precedingInvoice: parties.precedingInvoice } : {}),
    lines: lines.map(
      (l): InvoiceLine => ({
        name: l.description,
        unitCode: l.unit,
        quantityMilli: l.quantityMilli,
        unitPriceCents: l.unitPriceCents,
        ...(l.discountBp != null ? { discountBp: l.discountBp } : {}),
        ...(l.discountCents != null ? { discountCents: l.discountCents } : {}),
        vatCategory: l.vatCategory,
        vatRateBp: l.vatRateBp,
        ...(l.exemptionReason ? { exemptionReason: l.exemptionReason } : {}),
      }),
    ),
    totals,
    mentions: parties.mentions,
  };
}

/** The due date an invoice issued on `issueDate` gets from its terms (art. L441-9); none on a credit note. */
export function dueDateOf(row: InvoiceRow, issueDate: string): string | null {
  return row.kind === 'credit_note' ? null : dueDate(issueDate, termsOf(row).terms);
}

/** What an issued document carries to the ledger (its sales or credit note entry). */
const saleOf = (activityId: string, totals: DocumentTotals): Sale => ({
  activityId,
  grossCents: totals.grandTotalCents,
  netCents: totals.taxBasisCents,
  vatByRate: totals.vatBreakdown.map((g) => ({ rateBp: g.vatRateBp, vatCents: g.vatCents })),
});

/**
 * Gives a fully checked draft its number and issues it, in the caller's transaction. The
 * number is taken LAST, after every check (the sales entry's too): the counter row of the series serialises every
 * validation of the coop until commit, so its lock must be held as briefly as possible, and
 * an invoice that fails a check never consumes a number (no gap). The upsert is atomic
 * under READ COMMITTED: two validations at once wait on the row and get N and N+1.
 */
export async function issueDocument(
  tx: Executor,
  actor: Actor,
  args: { row: InvoiceRow; coop: CoopSettings; issueDate: string; dueDate: string | null; totals: DocumentTotals; parties: FrozenParties; clientName: string },
): Promise<{ number: string }> {
  const { row, coop, issueDate, totals } = args;
  const what = row.kind === 'credit_note' ? 'Avoir' : 'Facture';
  const labelOf = (number: string) => `${what} ${number} – ${args.clientName}`.slice(0, 300);
  // Checked before the counter is taken, so that under its lock the entry is only written.
  const entry = await checkEntry(tx, actor, {
    ...(row.kind === 'credit_note' ? creditNoteEntry : salesEntry)(saleOf(row.activityId, totals)),
    date: issueDate,
    label: labelOf('…'),
    source: { type: row.kind === 'credit_note' ? 'credit_note' : 'invoice', id: row.id },
  });
  const year = Number(issueDate.slice(0, 4));
  const seriesKey = isYearlySeries(coop.invoiceNumberFormat) ? String(year) : 'all';
  const seq = await takeNextNumber(tx, { coopId: actor.coopId, series: `invoice:${seriesKey}` });
  const number = renderNumber(coop.invoiceNumberFormat, { year, seq });
  const now = new Date();
  const [after] = await tx
    .update(invoices)
    .set({
      status: 'validated',
      number,
      seriesKey,
      seq,
      issueDate,
      dueDate: args.dueDate,
      netCents: totals.taxBasisCents,
      vatCents: totals.vatTotalCents,
      grossCents: totals.grandTotalCents,
      mentions: args.parties as unknown as Record<string, unknown>,
      validatedBy: actor.userId,
      validatedAt: now,
      updatedAt: now,
    })
    .where(and(eq(invoices.coopId, actor.coopId), eq(invoices.id, row.id)))
    .returning();
  await postCheckedEntry(tx, actor, entry, { label: labelOf(number) });
  await recordAudit(tx, actor, {
    action: row.kind === 'credit_note' ? 'credit_note.issued' : 'invoice.validated',
    entityType: 'invoice',
    entityId: row.id,
    before: { status: row.status, number: null },
    after: { status: after!.status, number, seq, seriesKey, issueDate, dueDate: args.dueDate, grossCents: after!.grossCents, creditedInvoiceId: row.creditedInvoiceId },
  });
  return { number };
}
