import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db, Executor } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import { reopenAdvanceSettlementsOfPayment } from '../advances/index.js';
import { unapplyPaymentFromInvoice } from '../invoicing/index.js';
import { reverseEntry } from '../ledger/index.js';
import type { CancelPaymentInput } from './contract.js';
import { paymentErrors } from './errors.js';
import { paymentAllocations, payments, type PaymentRow } from './schema.js';

export interface CancelPaymentOptions {
  /** The day of the reversing entry: the day of the correction (contre-passation), in an open fiscal year. */
  today: string;
  /**
   * Set by banking when it unmatches the bank line this payment was created from: the line is
   * being released in the same transaction, so the payment being reconciled is no obstacle.
   */
  releasingBankLineId?: string;
}

/** The payment, locked for the rest of the transaction. */
export async function lockedPayment(tx: Executor, coopId: string, id: string): Promise<PaymentRow> {
  const [row] = await tx
    .select()
    .from(payments)
    .where(and(eq(payments.coopId, coopId), eq(payments.id, id)))
    .for('update');
  if (!row) throw paymentErrors.PAYMENT_NOT_FOUND();
  return row;
}

/**
 * Cancels a payment recorded by mistake, never by deleting it: its entry is reversed (the
 * 411 credits and the 512 / 5112 / 530 debit cancelled, the client's over-payment credit with
 * them), each invoice it settled gets its amount paid and status back, and the payment stays
 * listed as cancelled with who, when and why.
 *
 * A payment the bank statement confirmed cannot be cancelled alone: the bank line would then
 * point at nothing while 512 still held the money. Its line is unmatched first (banking), which
 * cancels a payment created from the line through `releasingBankLineId`. A cheque on a slip
 * waits for the slip to be cancelled. All checked on the locked row, in the caller's transaction.
 */
export async function cancelPaymentIn(tx: Executor, actor: Actor, id: string, input: CancelPaymentInput, opts: CancelPaymentOptions): Promise<void> {
  const row = await lockedPayment(tx, actor.coopId, id);
  if (row.cancelledAt) throw paymentErrors.PAYMENT_ALREADY_CANCELLED();
  if (row.bankLineId && row.bankLineId !== opts.releasingBankLineId) throw paymentErrors.PAYMENT_RECONCILED();
  if (row.remittanceId) throw paymentErrors.PAYMENT_IN_REMITTANCE();
  if (!row.entryId) throw new Error(`payment ${row.id} has no entry to reverse`);
  const reason = input.reason.trim();
  const allocations = await tx
    .select()
    .from(paymentAllocations)
    .where(and(eq(paymentAllocations.coopId, actor.coopId), eq(paymentAllocations.paymentId, row.id)));
  for (const a of allocations) {
    await unapplyPaymentFromInvoice(tx, actor, { invoiceId: a.invoiceId, amountCents: a.amountCents, paymentId: row.id, reason, date: opts.today });
  }
  // What the payment had settled of an advance is outstanding again.
  await reopenAdvanceSettlementsOfPayment(tx, actor, { paymentId: row.id, date: opts.today, reason });
  const reversal = await reverseEntry(tx, actor, row.entryId, opts.today, `Annulation du règlement : ${reason}`.slice(0, 300));
  const cancelledAt = new Date();
  await tx
    .update(payments)
    .set({ cancelledAt, cancelledBy: actor.userId, cancelReason: reason, cancelEntryId: reversal.id })
    .where(and(eq(payments.coopId, actor.coopId), eq(payments.id, row.id)));
  await recordAudit(tx, actor, {
    action: 'payment.cancelled',
    entityType: 'payment',
    entityId: row.id,
    before: { status: 'recorded' },
    after: {
      status: 'cancelled',
      reason,
      reversalEntryId: reversal.id,
      invoicesReopened: allocations.map((a) => ({ invoiceId: a.invoiceId, invoiceNumber: a.invoiceNumber, amountCents: a.amountCents })),
      creditCancelledCents: row.amountCents - allocations.reduce((sum, a) => sum + a.amountCents, 0),
      bankLineId: opts.releasingBankLineId ?? null,
    },
  });
}

/** Cancels a payment in a transaction of its own (see `cancelPaymentIn`). */
export async function cancelPayment(db: Db, actor: Actor, id: string, input: CancelPaymentInput, today: string): Promise<void> {
  await db.transaction((tx) => cancelPaymentIn(tx, actor, id, input, { today }), { isolationLevel: 'read committed' });
}
