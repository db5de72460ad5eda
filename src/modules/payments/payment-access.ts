import { and, eq, exists, inArray, type SQL } from 'drizzle-orm';
import { displayNamesOf } from '../../platform/auth/service.js';
import type { Executor } from '../../platform/db/client.js';
import { activityScopeOf, scopeHolds, whereInScope, type ActivityScope, type Viewer } from '../activities/index.js';
import { clientNames } from '../clients/index.js';
import type { Payment } from './contract.js';
import { paymentAllocations, paymentRemittances, payments, type PaymentRow } from './schema.js';

/**
 * The payments a person sees, as a condition on `payments`; null when none. The team sees
 * all; a member sees the payments that settled invoices of the activities they hold (see
 * `activityScopeOf`: a client's payment to another member's activity is not theirs to read).
 */
export async function visiblePayments(db: Executor, viewer: Viewer): Promise<SQL | null> {
  return paymentsInScope(db, viewer.coopId, await activityScopeOf(db, viewer));
}

/** `visiblePayments` for a scope already known. */
export function paymentsInScope(db: Executor, coopId: string, scope: ActivityScope): SQL | null {
  return whereInScope(scope, eq(payments.coopId, coopId), (activityIds) =>
    exists(
      db
        .select({ one: paymentAllocations.paymentId })
        .from(paymentAllocations)
        .where(and(eq(paymentAllocations.coopId, payments.coopId), eq(paymentAllocations.paymentId, payments.id), inArray(paymentAllocations.activityId, activityIds))),
    ),
  );
}

/**
 * Payments with their allocations and client names, as the API shows them to a scope. A client
 * shared by several members may settle their invoices with one transfer: a member is shown only
 * her part of it, the allocations to invoices of her activities, and that part as the amount
 * (nothing left as credit). The whole amount would tell her what the client paid the others,
 * and the credit left is the cooperative's business with the client, not hers.
 */
export async function paymentsOf(db: Executor, coopId: string, rows: PaymentRow[], scope: ActivityScope = 'all'): Promise<Payment[]> {
  if (rows.length === 0) return [];
  const allocations = await db
    .select()
    .from(paymentAllocations)
    .where(and(eq(paymentAllocations.coopId, coopId), inArray(paymentAllocations.paymentId, rows.map((r) => r.id))));
  const names = await clientNames(db, coopId, rows.map((r) => r.clientId));
  const slipIds = [...new Set(rows.flatMap((r) => (r.remittanceId ? [r.remittanceId] : [])))];
  const slips = new Map(
    slipIds.length
      ? (
          await db
            .select({ id: paymentRemittances.id, number: paymentRemittances.number, bankLineId: paymentRemittances.bankLineId })
            .from(paymentRemittances)
            .where(and(eq(paymentRemittances.coopId, coopId), inArray(paymentRemittances.id, slipIds)))
        ).map((s) => [s.id, s])
      : [],
  );
  const cancellers = await displayNamesOf(db, rows.flatMap((r) => (r.cancelledBy ? [r.cancelledBy] : [])));
  return rows.map((r) => {
    // A cancelled payment settles nothing any more: its allocations are kept to show what it had settled.
    const mine = allocations.filter((a) => a.paymentId === r.id && scopeHolds(scope, a.activityId));
    const allocatedCents = mine.reduce((sum, a) => sum + a.amountCents, 0);
    const amountCents = scope === 'all' ? r.amountCents : allocatedCents;
    const slip = r.remittanceId ? slips.get(r.remittanceId) : undefined;
    return {
      id: r.id,
      clientId: r.clientId,
      clientName: names.get(r.clientId) ?? '',
      date: r.date,
      amountCents,
      mode: r.mode,
      reference: r.reference,
      origin: r.origin,
      depositAccount: r.depositAccount,
      reconciled: r.cancelledAt === null && (r.bankLineId !== null || Boolean(slip?.bankLineId)),
      bankLineId: r.bankLineId,
      remittanceId: r.remittanceId,
      remittanceNumber: slip?.number ?? null,
      entryId: r.entryId,
      status: r.cancelledAt ? 'cancelled' : 'recorded',
      cancelledAt: r.cancelledAt,
      cancelledByName: r.cancelledBy ? (cancellers.get(r.cancelledBy) ?? null) : null,
      cancelReason: r.cancelReason,
      allocatedCents,
      creditCents: r.cancelledAt ? 0 : amountCents - allocatedCents,
      allocations: mine.map((a) => ({ invoiceId: a.invoiceId, invoiceNumber: a.invoiceNumber, activityId: a.activityId, amountCents: a.amountCents })),
      createdAt: r.createdAt,
    };
  });
}
