import { and, eq, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { openPayables } from './list-payables.js';
import { payoutSettingsOf } from './payout-settings.js';
import type { PayableSources } from './payable-sources.js';
import { payoutBatches } from './schema.js';

/** What the coop owes and no live batch holds yet: the transfers still to prepare (the payables list, counted). */
export async function countPayoutsToMake(db: Executor, coopId: string, sources: PayableSources): Promise<number> {
  return (await openPayables(db, coopId, sources)).length;
}

/**
 * The batches waiting for a second approval that this person may give: built while the coop
 * asked for one, not approved nor cancelled, and built by someone else (the author never
 * approves their own batch, approve-batch refuses it). Null when the coop asks no second
 * approval and none waits from when it did: there is no such queue to show.
 */
export async function countBatchesToApprove(db: Executor, coopId: string, userId: string): Promise<number | null> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(payoutBatches)
    .where(and(eq(payoutBatches.coopId, coopId), eq(payoutBatches.status, 'built'), eq(payoutBatches.needsApproval, true), ne(payoutBatches.createdBy, userId)));
  const n = Number(row?.n ?? 0);
  return n > 0 || (await payoutSettingsOf(db, coopId)).secondApproval ? n : null;
}
