import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db, Executor } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import { payoutErrors } from './errors.js';
import { payoutBatches, type PayoutBatchRow } from './schema.js';

export async function lockedBatch(tx: Executor, coopId: string, id: string): Promise<PayoutBatchRow> {
  const [row] = await tx.select().from(payoutBatches).where(and(eq(payoutBatches.coopId, coopId), eq(payoutBatches.id, id))).for('update');
  if (!row) throw payoutErrors.PAYOUT_BATCH_NOT_FOUND();
  return row;
}

/**
 * The second person approves a batch the coop asks a second approval for (the four-eyes
 * rule against a transfer to the wrong account): anyone of the team but its author, also
 * enforced by a check on the table. Checked on the locked row: approved once.
 */
export async function approveBatch(db: Db, actor: Actor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const batch = await lockedBatch(tx, actor.coopId, id);
    if (batch.status === 'cancelled') throw payoutErrors.PAYOUT_BATCH_CANCELLED();
    if (!batch.needsApproval || batch.status !== 'built') throw payoutErrors.PAYOUT_APPROVAL_NOT_NEEDED();
    if (batch.createdBy === actor.userId) throw payoutErrors.PAYOUT_SELF_APPROVAL();
    const approvedAt = new Date();
    await tx.update(payoutBatches).set({ status: 'approved', approvedBy: actor.userId, approvedAt }).where(and(eq(payoutBatches.coopId, actor.coopId), eq(payoutBatches.id, id)));
    await recordAudit(tx, actor, { action: 'payout_batch.approved', entityType: 'payout_batch', entityId: id, before: { status: batch.status }, after: { status: 'approved', approvedBy: actor.userId, totalCents: batch.totalCents } });
  });
}
