import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Executor } from '../../platform/db/client.js';
import { defineErrors } from '../../platform/errors.js';
import type { Actor } from '../../platform/http/context.js';
import { followJobCommission } from '../jobs/index.js';
import { creditedCentsOf } from './create-credit-note.js';
import { amountLeftCents, statusAfterPayments } from './domain/invoice-lifecycle.js';
import { invoiceErrors } from './errors.js';
import { invoices } from './schema.js';
import { settleInvoiceContribution } from './contribution-of-invoice.js';
import { followInvoiceVat } from './vat-of-invoice.js';

/** Kept beside the one operation that raises them: invoicing's errors.ts belongs to its routes' owner for now. */
export const paymentOnInvoiceErrors = defineErrors({
  PAYMENT_ON_DRAFT: ['conflict', { fr: "Un paiement ne s'impute que sur une facture émise.", en: 'A payment is only allocated to an issued invoice.' }],
  PAYMENT_NOT_ON_CREDIT_NOTE: ['conflict', { fr: "Un paiement ne s'impute pas sur un avoir.", en: 'A payment is not allocated to a credit note.' }],
  PAYMENT_EXCEEDS_AMOUNT_LEFT: ['conflict', { fr: 'Le montant imputé dépasse le reste dû de la facture.', en: 'The amount allocated exceeds what is left to pay on the invoice.' }],
});

export interface AppliedPayment {
  invoiceId: string;
  number: string;
  clientId: string;
  activityId: string;
  status: 'validated' | 'sent' | 'partially_paid' | 'paid';
  paidCents: number;
  amountLeftCents: number;
}

/**
 * Adds part of a payment to an issued invoice, in the caller's transaction. The invoice row
 * is locked FOR UPDATE and its amount left re-read under the lock, so two payments (or a
 * payment and a credit note) arriving at once can never together exceed what is owed: the
 * excess of a payment belongs on the client's account, not on an invoice.
 */
export async function applyPaymentToInvoice(
  tx: Executor,
  actor: Actor,
  input: { invoiceId: string; amountCents: number; paymentId: string; /** The payment's date: its contribution and a job's commission at payment are posted on it. */ date: string },
): Promise<AppliedPayment> {
  const [row] = await tx
    .select()
    .from(invoices)
    .where(and(eq(invoices.coopId, actor.coopId), eq(invoices.id, input.invoiceId)))
    .for('update');
  if (!row) throw invoiceErrors.INVOICE_NOT_FOUND();
  if (row.status === 'draft' || !row.number) throw paymentOnInvoiceErrors.PAYMENT_ON_DRAFT();
  if (row.kind === 'credit_note') throw paymentOnInvoiceErrors.PAYMENT_NOT_ON_CREDIT_NOTE();
  const creditedCents = await creditedCentsOf(tx, actor.coopId, row.id);
  const left = amountLeftCents({ grossCents: row.grossCents, paidCents: row.paidCents, creditedCents });
  if (!Number.isSafeInteger(input.amountCents) || input.amountCents <= 0 || input.amountCents > left) {
    throw paymentOnInvoiceErrors.PAYMENT_EXCEEDS_AMOUNT_LEFT();
  }
  const paidCents = row.paidCents + input.amountCents;
  const status = statusAfterPayments(row.grossCents, paidCents, creditedCents, row.status === 'validated' ? 'validated' : 'sent');
  await tx
    .update(invoices)
    .set({ paidCents, status, updatedAt: new Date() })
    .where(and(eq(invoices.coopId, actor.coopId), eq(invoices.id, row.id)));
  // On the 'payment' basis, the contribution of what this payment settles.
  await settleInvoiceContribution(tx, actor, row.id, { cause: 'payment', causeId: input.paymentId, date: input.date });
  // On VAT on receipts, the VAT of what this payment settles becomes due.
  await followInvoiceVat(tx, actor, row, { paidCents, creditedCents }, { date: input.date, cause: 'payment', causeId: input.paymentId });
  await recordAudit(tx, actor, {
    action: 'invoice.payment_applied',
    entityType: 'invoice',
    entityId: row.id,
    before: { status: row.status, paidCents: row.paidCents },
    after: { status, paidCents, paymentId: input.paymentId, amountCents: input.amountCents },
  });
  if (row.jobId) {
    await followJobCommission(tx, actor, { id: row.id, number: row.number, jobId: row.jobId, grossCents: row.grossCents, paidCents, creditedCents }, { date: input.date, source: { type: 'payment', id: input.paymentId } });
  }
  return { invoiceId: row.id, number: row.number, clientId: row.clientId, activityId: row.activityId, status, paidCents, amountLeftCents: left - input.amountCents };
}
