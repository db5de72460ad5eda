/**
 * Splits a payment received from a client over that client's open invoices.
 *
 * Either the allocations are given (the remittance names the invoices, or staff choose), or
 * the payment settles the client's invoices oldest due date first, the practice when a client
 * pays "on account" without saying what for (close to the default imputation of Code civil
 * art. 1342-10, which settles debts already due before the others and the oldest first).
 *
 * Every cent ends somewhere: what is not allocated stays on the client's account as a credit
 * (`creditCents`), to be refunded or used on a later invoice, never dropped. An invoice never
 * receives more than its amount left, and never a payment from another client: that would move
 * another client's receivable and another member's treasury.
 *
 * A pure rule on integer cents. The service runs it on invoices read with `FOR UPDATE` in the
 * transaction that books the payment, so two payments cannot both fill the same amount left.
 */

export interface OpenInvoiceToSettle {
  id: string;
  clientId: string;
  /** 'YYYY-MM-DD'. */
  dueDate: string;
  /** Tie-break between invoices due the same day: the older invoice first. */
  issueDate: string;
  amountLeftCents: number;
}

export interface ReceivedPayment {
  clientId: string;
  amountCents: number;
}

export interface RequestedAllocation {
  invoiceId: string;
  amountCents: number;
}

export interface PaymentAllocation {
  invoiceId: string;
  amountCents: number;
  /** Amount still owed on the invoice after this payment. */
  amountLeftAfterCents: number;
}

export type AllocationRefusal =
  | { reason: 'payment_not_positive' }
  | { reason: 'amount_not_positive'; invoiceId: string }
  | { reason: 'unknown_invoice'; invoiceId: string }
  | { reason: 'invoice_of_another_client'; invoiceId: string }
  | { reason: 'invoice_listed_twice'; invoiceId: string }
  | { reason: 'above_amount_left'; invoiceId: string; amountLeftCents: number }
  | { reason: 'allocations_exceed_payment'; excessCents: number };

export type AllocationResult =
  | {
      ok: true;
      allocations: PaymentAllocation[];
      /** Allocated to invoices. */
      allocatedCents: number;
      /** Left on the client's account; allocated + credit = the payment, always. */
      creditCents: number;
    }
  | ({ ok: false } & AllocationRefusal);

function assertCents(value: number, what: string) {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} must be an integer of cents, got ${value}`);
}

export function allocatePayment(
  payment: ReceivedPayment,
  invoices: readonly OpenInvoiceToSettle[],
  requested?: readonly RequestedAllocation[],
): AllocationResult {
  assertCents(payment.amountCents, 'payment amountCents');
  if (payment.amountCents <= 0) return { ok: false, reason: 'payment_not_positive' };
  for (const invoice of invoices) assertCents(invoice.amountLeftCents, `amount left of ${invoice.id}`);

  const allocations: PaymentAllocation[] = [];
  if (requested) {
    const byId = new Map(invoices.map((invoice) => [invoice.id, invoice]));
    const seen = new Set<string>();
    for (const { invoiceId, amountCents } of requested) {
      assertCents(amountCents, `amount allocated to ${invoiceId}`);
      const invoice = byId.get(invoiceId);
      if (!invoice) return { ok: false, reason: 'unknown_invoice', invoiceId };
      if (invoice.clientId !== payment.clientId) return { ok: false, reason: 'invoice_of_another_client', invoiceId };
      if (seen.has(invoiceId)) return { ok: false, reason: 'invoice_listed_twice', invoiceId };
      seen.add(invoiceId);
      if (amountCents <= 0) return { ok: false, reason: 'amount_not_positive', invoiceId };
      if (amountCents > invoice.amountLeftCents) {
        return { ok: false, reason: 'above_amount_left', invoiceId, amountLeftCents: invoice.amountLeftCents };
      }
      allocations.push({ invoiceId, amountCents, amountLeftAfterCents: invoice.amountLeftCents - amountCents });
    }
    const total = allocations.reduce((sum, a) => sum + a.amountCents, 0);
    if (total > payment.amountCents) return { ok: false, reason: 'allocations_exceed_payment', excessCents: total - payment.amountCents };
  } else {
    // Another client's invoice is never a candidate, whatever list the caller passed.
    const candidates = invoices
      .filter((invoice) => invoice.clientId === payment.clientId && invoice.amountLeftCents > 0)
      .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.issueDate.localeCompare(b.issueDate) || a.id.localeCompare(b.id));
    let rest = payment.amountCents;
    for (const invoice of candidates) {
      if (rest === 0) break;
      const amountCents = Math.min(rest, invoice.amountLeftCents);
      allocations.push({ invoiceId: invoice.id, amountCents, amountLeftAfterCents: invoice.amountLeftCents - amountCents });
      rest -= amountCents;
    }
  }

  const allocatedCents = allocations.reduce((sum, a) => sum + a.amountCents, 0);
  return { ok: true, allocations, allocatedCents, creditCents: payment.amountCents - allocatedCents };
}
