import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Executor } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import { takeNextNumber } from '../../platform/numbering/take-next-number.js';
import { isYearlySeries, renderNumber, type CoopSettings } from '../coops/index.js';
import { dueDateOfTerms, printedLineOf, type DocumentKind, type DocumentTotals, type FrozenParties, type InvoiceDocument } from '../documents/index.js';
import { recordJobDocument, splitJobDocument, type JobDocumentSplit } from '../jobs/index.js';
import { checkEntry, creditNoteEntry, depositCreditNoteEntry, depositInvoiceEntry, postCheckedEntry, salesEntry, type Posting, type Sale } from '../ledger/index.js';
import { amountsAfterDeposits, deductedForLedger, splitStillHolds } from './domain/deducted-deposits.js';
import { invoices, type InvoiceLineRow, type InvoiceRow, type StoredDeductedDeposit } from './schema.js';
import { vatOnReceiptOf } from './vat-of-invoice.js';

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
    ...(row.orderReference ? { order: row.orderReference } : {}),
    ...(issuedDeposits(row).length ? { deposits: issuedDeposits(row).map(({ number, issueDate, netCents, vatCents, grossCents }) => ({ number, issueDate, netCents, vatCents, grossCents })) } : {}),
    ...(row.kind === 'deposit' && row.vatSplit && splitStillHolds(row.vatSplit, totals.vatBreakdown) ? { vatSplit: row.vatSplit } : {}),
    lines: lines.map(printedLineOf),
    totals,
    mentions: parties.mentions,
  };
}

type IssuedDeposit = Required<StoredDeductedDeposit>;

/** The deposits a final invoice deducts, once their numbers and amounts are known (frozen at validation). */
export const issuedDeposits = (row: Pick<InvoiceRow, 'deductedDeposits'>): IssuedDeposit[] =>
  (row.deductedDeposits ?? []).filter((d): d is IssuedDeposit => d.number !== undefined && d.issueDate !== undefined && d.grossCents !== undefined);

/** What the deposits a final invoice deducts were paid in advance, incl. VAT (BT-113). */
export const prepaidCentsOf = (row: Pick<InvoiceRow, 'deductedDeposits'>) => issuedDeposits(row).reduce((sum, d) => sum + d.grossCents, 0);

/** The due date an invoice issued on `issueDate` gets from its terms (art. L441-9); none on a credit note. */
export function dueDateOf(row: InvoiceRow, issueDate: string): string | null {
  return row.kind === 'credit_note' ? null : dueDateOfTerms(row, issueDate);
}

/** What an issued document carries to the ledger (its sales or credit note entry); a job's document, its revenue split. */
const saleOf = (row: InvoiceRow, clientName: string, totals: DocumentTotals, job: JobDocumentSplit | null, vatOnReceipt: Sale['vatOnReceipt']): Sale => ({
  activityId: row.activityId,
  ...(vatOnReceipt ? { vatOnReceipt } : {}),
  ...(job ? { revenueParts: job.revenueParts } : {}),
  client: { id: row.clientId, name: clientName },
  // A credit note letters with the invoice it corrects.
  letteringKey: row.creditedInvoiceId ?? row.id,
  grossCents: totals.grandTotalCents,
  netCents: totals.taxBasisCents,
  vatByRate: totals.vatBreakdown.map((g) => ({ rateBp: g.vatRateBp, vatCents: g.vatCents })),
});

/** The entry of an issued document: a deposit goes to 4191, a final invoice clears its deposits from it. */
function postingOf(row: InvoiceRow, clientName: string, totals: DocumentTotals, creditedKind: InvoiceRow['kind'] | undefined, job: JobDocumentSplit | null, vatOnReceipt: Sale['vatOnReceipt']): Posting {
  const sale = saleOf(row, clientName, totals, job, vatOnReceipt);
  if (row.kind === 'credit_note') return creditedKind === 'deposit' ? depositCreditNoteEntry(sale) : creditNoteEntry(sale);
  if (row.kind === 'deposit') return depositInvoiceEntry(sale);
  const deposits = issuedDeposits(row);
  return salesEntry(sale, deposits.length ? deductedForLedger(deposits) : undefined);
}

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
  args: {
    row: InvoiceRow;
    coop: CoopSettings;
    issueDate: string;
    dueDate: string | null;
    totals: DocumentTotals;
    parties: FrozenParties;
    clientName: string;
    /** A credit note: the kind of the invoice it corrects (a deposit's is reversed from 4191). */
    creditedKind?: InvoiceRow['kind'];
  },
): Promise<{ number: string }> {
  const { row, coop, issueDate, totals } = args;
  const what = row.kind === 'credit_note' ? 'Avoir' : 'Facture';
  const labelOf = (number: string) => `${what} ${number} – ${args.clientName}`.slice(0, 300);
  // A job's invoice or credit note: its revenue goes to the job's activities and margin. A
  // deposit (or a credit note on one) is not revenue but an advance held in 4191 on the
  // invoice's activity: the final invoice, which recognises the whole service, is the one split.
  const splitsRevenue = row.jobId !== null && row.kind !== 'deposit' && args.creditedKind !== 'deposit';
  const job = splitsRevenue
    ? await splitJobDocument(tx, actor.coopId, { jobId: row.jobId!, kind: row.kind === 'credit_note' ? 'credit_note' : 'invoice', netCents: totals.taxBasisCents, creditedInvoiceId: row.creditedInvoiceId })
    : null;
  // Checked before the counter is taken, so that under its lock the entry is only written.
  const entry = await checkEntry(tx, actor, {
    ...postingOf(row, args.clientName, totals, args.creditedKind, job, await vatOnReceiptOf(tx, actor.coopId, row)),
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
      // A final invoice keeps, as its amounts, what is left to pay once its deposits are deducted.
      ...amountsAfterDeposits(totals, issuedDeposits(row)),
      deductedDeposits: row.deductedDeposits,
      mentions: args.parties as unknown as Record<string, unknown>,
      validatedBy: actor.userId,
      validatedAt: now,
      updatedAt: now,
    })
    .where(and(eq(invoices.coopId, actor.coopId), eq(invoices.id, row.id)))
    .returning();
  await postCheckedEntry(tx, actor, entry, { label: labelOf(number), documentRef: number });
  if (job) {
    await recordJobDocument(tx, actor, { invoiceId: row.id, kind: row.kind === 'credit_note' ? 'credit_note' : 'invoice', creditedInvoiceId: row.creditedInvoiceId, number, issueDate, split: job });
  }
  await recordAudit(tx, actor, {
    action: row.kind === 'credit_note' ? 'credit_note.issued' : 'invoice.validated',
    entityType: 'invoice',
    entityId: row.id,
    before: { status: row.status, number: null },
    after: { status: after!.status, number, seq, seriesKey, issueDate, dueDate: args.dueDate, grossCents: after!.grossCents, creditedInvoiceId: row.creditedInvoiceId },
  });
  return { number };
}
