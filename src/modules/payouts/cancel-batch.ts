import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import { lockedBatch } from './approve-batch.js';
import { payoutErrors } from './errors.js';
import { payoutBatches, payoutItems } from './schema.js';

/**
 * Gives a batch up before the bank executed it (the file was never sent, or the bank refused
 * it): the batch is kept, cancelled, and its documents are owed again, free for another batch.
 * Once the statement shows one of its transfers paid it can no longer be cancelled.
 */
export async function cancelBatch(db: Db, actor: Actor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const batch = await lockedBatch(tx, actor.coopId, id);
    if (batch.status === 'cancelled') throw payoutErrors.PAYOUT_BATCH_CANCELLED();
    const items = await tx.select({ status: payoutItems.status }).from(payoutItems).where(and(eq(payoutItems.coopId, actor.coopId), eq(payoutItems.batchId, id)));
    if (items.some((i) => i.status === 'paid' || i.status === 'returned')) throw payoutErrors.PAYOUT_BATCH_HAS_PAID();
    const cancelledAt = new Date();
    await tx.update(payoutBatches).set({ status: 'cancelled', cancelledBy: actor.userId, cancelledAt }).where(and(eq(payoutBatches.coopId, actor.coopId), eq(payoutBatches.id, id)));
    await tx.update(payoutItems).set({ status: 'cancelled', updatedAt: cancelledAt }).where(and(eq(payoutItems.coopId, actor.coopId), eq(payoutItems.batchId, id), eq(payoutItems.status, 'pending')));
    await recordAudit(tx, actor, { action: 'payout_batch.cancelled', entityType: 'payout_batch', entityId: id, before: { status: batch.status }, after: { status: 'cancelled', freedItems: items.length, totalCents: batch.totalCents } });
  });
}
