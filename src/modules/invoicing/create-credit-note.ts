import { and, asc, eq, sum } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db, Executor } from '../../platform/db/client.js';
import { invalidField, type FieldError } from '../../platform/errors.js';
import { isStaff, type Actor } from '../../platform/http/context.js';
import { getCoop } from '../coops/index.js';
import { followJobCommission } from '../jobs/index.js';
import type { CreditNoteBody, InvoiceLineInput } from './contract.js';
import { computeTotals, lineInputOf, missingMentions, totalsLineOf, type FrozenParties } from '../documents/index.js';
import { statusAfterPayments } from './domain/invoice-lifecycle.js';
import { checkedTotals, insertLines } from './draft-invoices.js';
import { invoiceErrors } from './errors.js';
import { documentOf, issueDocument } from './issue-document.js';
import { visibleInvoice } from './invoice-access.js';
import { invoiceLines, invoices, type InvoiceLineRow, type InvoiceRow } from './schema.js';
import { enqueueIssuedFilesRender } from './render-issued-files-job.js';
import { settleInvoiceContribution } from './contribution-of-invoice.js';
import { followInvoiceVat } from './vat-of-invoice.js';

/** How much has been credited on an invoice already, in cents incl. VAT. */
export async function creditedCentsOf(tx: Executor, coopId: string, invoiceId: string): Promise<number> {
  const [row] = await tx
    .select({ total: sum(invoices.grossCents).mapWith(Number) })
    .from(invoices)
    .where(and(eq(invoices.coopId, coopId), eq(invoices.creditedInvoiceId, invoiceId)));
  return row?.total ?? 0;
}

/**
 * The credited invoice's stored status once the credit note is issued, on the row locked by
 * the caller: a credit note cancelling what was left to pay settles the invoice ('paid'), so
 * no list, payment or reminder treats it as open. Only status and updated_at move, which the
 * frozen-invoice trigger allows.
 */
async function settleByCreditNote(tx: Executor, actor: Actor, invoice: InvoiceRow, creditedCents: number, creditNoteId: string): Promise<void> {
  const status = statusAfterPayments(invoice.grossCents, invoice.paidCents, creditedCents, invoice.status === 'validated' ? 'validated' : 'sent');
  if (status === invoice.status) return;
  await tx
    .update(invoices)
    .set({ status, updatedAt: new Date() })
    .where(and(eq(invoices.coopId, actor.coopId), eq(invoices.id, invoice.id)));
  await recordAudit(tx, actor, {
    action: 'invoice.settled_by_credit_note',
    entityType: 'invoice',
    entityId: invoice.id,
    before: { status: invoice.status },
    after: { status, creditedCents, creditNoteId },
  });
}

/**
 * Corrects an issued invoice by a credit note (CGI art. 272 and 289 I: an invoice is never
 * changed): issued at once, numbered in the same series, naming the invoice it corrects,
 * posting the sales entry reversed. The invoice is locked so two credit notes on it take
 * turns, and their sum never exceeds the invoice.
 */
export async function createCreditNote(db: Db, actor: Actor, invoiceId: string, body: CreditNoteBody, today: string): Promise<{ id: string; number: string }> {
  if (!isStaff(actor)) throw invoiceErrors.VALIDATION_RESERVED_TO_STAFF();
  return db.transaction(
    async (tx) => {
      const invoice = await visibleInvoice(tx, actor, invoiceId, { lock: true });
      if (invoice.status === 'draft' || invoice.kind === 'credit_note' || !invoice.number || !invoice.issueDate) throw invoiceErrors.INVOICE_NOT_ISSUED();
      const original = await tx
        .select()
        .from(invoiceLines)
        .where(and(eq(invoiceLines.coopId, actor.coopId), eq(invoiceLines.invoiceId, invoiceId)))
        .orderBy(asc(invoiceLines.position));
      const lines = 'full' in body ? original.map(lineInputOf) : body.lines;
      // A credit note gives back VAT the invoice charged: at a rate it never used, the
      // VAT collected of that rate would go negative (CGI art. 272 ties it to the invoice).
      const charged = new Set(original.map((l) => `${l.vatCategory}/${l.vatRateBp}`));
      const foreign = lines.findIndex((l) => !charged.has(`${l.vatCategory}/${l.vatRateBp}`));
      if (foreign >= 0) {
        throw invalidField(`lines.${foreign}.vatRateBp`, { fr: "Ce taux de TVA n'apparaît pas sur la facture.", en: 'This VAT rate does not appear on the invoice.' });
      }
      const totals = checkedTotals(lines);
      const creditedBefore = await creditedCentsOf(tx, actor.coopId, invoiceId);
      const remaining = invoice.grossCents - creditedBefore;
      if (totals.grandTotalCents <= 0 || totals.grandTotalCents > remaining) {
        throw invoiceErrors.CREDIT_EXCEEDS_INVOICE([{ path: 'lines', message: { fr: `Reste à créditer : ${remaining} centimes.`, en: `Remaining to credit: ${remaining} cents.` } }]);
      }
      const frozen = invoice.mentions as unknown as FrozenParties;
      const parties: FrozenParties = { ...frozen, precedingInvoice: { number: invoice.number, issueDate: invoice.issueDate } };
      const [draft] = await tx
        .insert(invoices)
        .values({
          coopId: actor.coopId,
          kind: 'credit_note',
          activityId: invoice.activityId,
          clientId: invoice.clientId,
          serviceDate: invoice.serviceDate,
          servicePeriodStart: invoice.servicePeriodStart,
          servicePeriodEnd: invoice.servicePeriodEnd,
          paymentTermsDays: invoice.paymentTermsDays,
          paymentTermsEndOfMonth: invoice.paymentTermsEndOfMonth,
          operationCategory: invoice.operationCategory,
          creditedInvoiceId: invoiceId,
          // The credit note belongs to the invoice's job: it gives back each part of the split.
          jobId: invoice.jobId,
          netCents: totals.taxBasisCents,
          vatCents: totals.vatTotalCents,
          grossCents: totals.grandTotalCents,
          createdBy: actor.userId,
        })
        .returning();
      await insertLines(tx, actor.coopId, draft!.id, lines, totals);
      await recordAudit(tx, actor, { action: 'credit_note.created', entityType: 'invoice', entityId: draft!.id, after: { ...draft, lines } });
      const rows = await tx.select().from(invoiceLines).where(and(eq(invoiceLines.coopId, actor.coopId), eq(invoiceLines.invoiceId, draft!.id))).orderBy(asc(invoiceLines.position));
      const missing: FieldError[] = missingMentions(documentOf(draft!, rows, parties, computeTotals({ lines: rows.map(totalsLineOf) }), { number: 'PENDING', issueDate: today, dueDate: null })).map(
        (path) => ({ path, message: { fr: 'Mention obligatoire manquante.', en: 'Mandatory mention missing.' } }),
      );
      if (missing.length) throw invoiceErrors.INVOICE_INCOMPLETE(missing);
      const coop = await getCoop(tx, actor.coopId);
      const { number } = await issueDocument(tx, actor, { row: draft!, coop, issueDate: today, dueDate: null, totals, parties, clientName: frozen.buyer.name, creditedKind: invoice.kind });
      await settleByCreditNote(tx, actor, invoice, creditedBefore + totals.grandTotalCents, draft!.id);
      // The revenue it takes back bears no contribution any more: reversed in proportion.
      await settleInvoiceContribution(tx, actor, invoiceId, { cause: 'credit_note', causeId: draft!.id, date: today });
      // On VAT on receipts, what waits on 44574 is again the VAT of what is left to pay.
      await followInvoiceVat(tx, actor, invoice, { paidCents: invoice.paidCents, creditedCents: creditedBefore + totals.grandTotalCents }, { date: today, cause: 'credit_note', causeId: draft!.id });
      if (invoice.jobId) {
        await followJobCommission(
          tx,
          actor,
          { id: invoice.id, number: invoice.number, jobId: invoice.jobId, grossCents: invoice.grossCents, paidCents: invoice.paidCents, creditedCents: creditedBefore + totals.grandTotalCents },
          { date: today, source: { type: 'credit_note', id: draft!.id } },
        );
      }
      await enqueueIssuedFilesRender(tx, actor, draft!.id);
      return { id: draft!.id, number };
    },
    { isolationLevel: 'read committed' },
  );
}
