import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import { followVatOnReceipt, isVatOnReceipt, pendingVatOf, vatSettingsOf } from '../vat/index.js';
import { amountLeftCents } from './domain/invoice-lifecycle.js';
import { invoices, type InvoiceRow } from './schema.js';

const creditNoteIdsOf = async (tx: Executor, coopId: string, invoiceId: string) =>
  (
    await tx
      .select({ id: invoices.id })
      .from(invoices)
      .where(and(eq(invoices.coopId, coopId), eq(invoices.creditedInvoiceId, invoiceId)))
      .orderBy(asc(invoices.seq))
  ).map((c) => c.id);

/**
 * Where a document being issued books its VAT (CGI art. 269-2): an invoice or a deposit of
 * services under the coop's VAT on receipts waits on 44574; a credit note follows the invoice it
 * corrects, taking back first what of its VAT still waits there. Undefined: 44571, as on debits.
 */
export async function vatOnReceiptOf(tx: Executor, coopId: string, row: InvoiceRow): Promise<{ pendingByRate?: ReadonlyMap<number, number> } | undefined> {
  if (row.kind === 'credit_note') {
    if (!row.creditedInvoiceId) return undefined;
    const pending = await pendingVatOf(tx, coopId, { invoiceId: row.creditedInvoiceId, creditNoteIds: await creditNoteIdsOf(tx, coopId, row.creditedInvoiceId) });
    return pending ? { pendingByRate: pending } : undefined;
  }
  const { regime } = await vatSettingsOf(tx, coopId);
  return isVatOnReceipt(regime, row.operationCategory) ? {} : undefined;
}

/** After a payment or a credit note changed what is left to pay on an issued invoice (row locked by the caller): its VAT on receipts follows. */
export async function followInvoiceVat(
  tx: Executor,
  actor: Actor,
  row: InvoiceRow,
  money: { paidCents: number; creditedCents: number },
  at: { date: string; cause: 'payment' | 'payment_cancelled' | 'credit_note'; causeId: string },
): Promise<void> {
  if (!row.number || row.kind === 'credit_note') return;
  await followVatOnReceipt(
    tx,
    actor,
    {
      invoiceId: row.id,
      creditNoteIds: await creditNoteIdsOf(tx, actor.coopId, row.id),
      number: row.number,
      activityId: row.activityId,
      grossCents: row.grossCents,
      creditedCents: money.creditedCents,
      leftCents: amountLeftCents({ grossCents: row.grossCents, paidCents: money.paidCents, creditedCents: money.creditedCents }),
    },
    at,
  );
}
