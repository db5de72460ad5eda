import { and, eq, inArray } from 'drizzle-orm';
import { auditLog } from '../../platform/audit/schema.js';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Executor } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import { followJobCommission } from '../jobs/index.js';
import { creditedCentsOf } from './create-credit-note.js';
import { statusAfterPayments } from './domain/invoice-lifecycle.js';
import { invoiceErrors } from './errors.js';
import { invoices } from './schema.js';
import { reversePaymentContribution } from '../contribution/index.js';
import { followInvoiceVat } from './vat-of-invoice.js';

/**
 * Takes back what a cancelled payment had added to an issued invoice, in the caller's
 * transaction: the paid amount goes down and the status is computed again from the money
 * (paid → partially paid, or back to validated / sent when nothing is paid any more). The
 * invoice itself stays frozen (CGI art. 242 nonies A): only `paid_cents` and `status` move,
 * as the frozen-invoice trigger allows. Row locked FOR UPDATE, as when the payment was applied.
 */
export async function unapplyPaymentFromInvoice(tx: Executor, actor: Actor, input: { invoiceId: string; amountCents: number; paymentId: string; reason: string; /** The day of the correction: what the payment brought of the contribution and of a job's commission is taken back on it. */ date: string }): Promise<void> {
  const [row] = await tx
    .select()
    .from(invoices)
    .where(and(eq(invoices.coopId, actor.coopId), eq(invoices.id, input.invoiceId)))
    .for('update');
  if (!row) throw invoiceErrors.INVOICE_NOT_FOUND();
  if (!Number.isSafeInteger(input.amountCents) || input.amountCents <= 0 || input.amountCents > row.paidCents) {
    throw new RangeError(`cannot take back ${input.amountCents} from invoice ${row.id} paid ${row.paidCents}`);
  }
  const paidCents = row.paidCents - input.amountCents;
  const creditedCents = await creditedCentsOf(tx, actor.coopId, row.id);
  const status = statusAfterPayments(row.grossCents, paidCents, creditedCents, (await wasSent(tx, actor.coopId, row.id)) ? 'sent' : 'validated');
  await tx
    .update(invoices)
    .set({ paidCents, status, updatedAt: new Date() })
    .where(and(eq(invoices.coopId, actor.coopId), eq(invoices.id, row.id)));
  // What the payment brought of the contribution goes back with it.
  await reversePaymentContribution(tx, actor, { invoiceId: row.id, paymentId: input.paymentId, date: input.date, reason: input.reason });
  // On VAT on receipts, the VAT it had made due waits again.
  await followInvoiceVat(tx, actor, row, { paidCents, creditedCents }, { date: input.date, cause: 'payment_cancelled', causeId: input.paymentId });
  await recordAudit(tx, actor, {
    action: 'invoice.payment_unapplied',
    entityType: 'invoice',
    entityId: row.id,
    before: { status: row.status, paidCents: row.paidCents },
    after: { status, paidCents, paymentId: input.paymentId, amountCents: input.amountCents, reason: input.reason },
  });
  if (row.jobId && row.number) {
    await followJobCommission(tx, actor, { id: row.id, number: row.number, jobId: row.jobId, grossCents: row.grossCents, paidCents, creditedCents }, { date: input.date, source: { type: 'payment_cancelled', id: input.paymentId } });
  }
}

/**
 * Whether the invoice was ever sent: its status no longer says so once paid, and the send is
 * recorded only in the audit log (the outbox keeps the mail, not the invoice it carried).
 */
async function wasSent(tx: Executor, coopId: string, invoiceId: string): Promise<boolean> {
  const [sent] = await tx
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(and(eq(auditLog.coopId, coopId), eq(auditLog.entityType, 'invoice'), eq(auditLog.entityId, invoiceId), inArray(auditLog.action, ['invoice.sent'])))
    .limit(1);
  return Boolean(sent);
}
