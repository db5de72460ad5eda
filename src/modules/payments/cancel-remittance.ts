import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db, Executor } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import { paymentErrors } from './errors.js';
import { paymentRemittances, payments, type RemittanceRow } from './schema.js';

/** The slip, locked for the rest of the transaction. */
export async function lockedRemittance(tx: Executor, coopId: string, id: string): Promise<RemittanceRow> {
  const [row] = await tx
    .select()
    .from(paymentRemittances)
    .where(and(eq(paymentRemittances.coopId, coopId), eq(paymentRemittances.id, id)))
    .for('update');
  if (!row) throw paymentErrors.REMITTANCE_NOT_FOUND();
  return row;
}

/**
 * A slip made by mistake (a cheque forgotten, one added by error) is cancelled, not deleted:
 * it keeps its number, so the series shows no gap, and its cheques wait for another slip.
 * Only while no bank line credited it: after that the bank holds the money.
 */
export async function cancelRemittance(db: Db, actor: Actor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const slip = await lockedRemittance(tx, actor.coopId, id);
    if (slip.cancelledAt) throw paymentErrors.REMITTANCE_CANCELLED();
    if (slip.bankLineId) throw paymentErrors.REMITTANCE_CREDITED();
    const freed = await tx
      .update(payments)
      .set({ remittanceId: null })
      .where(and(eq(payments.coopId, actor.coopId), eq(payments.remittanceId, slip.id)))
      .returning({ id: payments.id });
    await tx.update(paymentRemittances).set({ cancelledAt: new Date(), cancelledBy: actor.userId }).where(and(eq(paymentRemittances.coopId, actor.coopId), eq(paymentRemittances.id, slip.id)));
    await recordAudit(tx, actor, {
      action: 'remittance.cancelled',
      entityType: 'payment_remittance',
      entityId: slip.id,
      before: { number: slip.number, paymentIds: freed.map((p) => p.id) },
      after: { cancelled: true },
    });
  });
}
