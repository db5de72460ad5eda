import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { allowanceGrants, allowanceUses } from './schema.js';

/**
 * Gives back what a booking took from the allowance (cancelled in time, or charged again), in the
 * caller's transaction. The uses stay, marked released: a member's history shows the pass came
 * back. Grants are locked in id order, the same order as `chargeBooking`, so they never deadlock.
 */
export async function releaseBooking(tx: Executor, booking: { coopId: string; bookingId: string }): Promise<void> {
  const live = and(eq(allowanceUses.coopId, booking.coopId), eq(allowanceUses.bookingId, booking.bookingId), isNull(allowanceUses.releasedAt));
  const uses = await tx.select({ grantId: allowanceUses.grantId }).from(allowanceUses).where(live);
  if (uses.length === 0) return;
  const grantIds = [...new Set(uses.map((u) => u.grantId))];
  await tx
    .select({ id: allowanceGrants.id })
    .from(allowanceGrants)
    .where(and(eq(allowanceGrants.coopId, booking.coopId), inArray(allowanceGrants.id, grantIds)))
    .orderBy(asc(allowanceGrants.id))
    .for('update');
  const released = await tx.update(allowanceUses).set({ releasedAt: sql`now()` }).where(live).returning({ grantId: allowanceUses.grantId, quantity: allowanceUses.quantity });
  for (const r of released) {
    await tx
      .update(allowanceGrants)
      .set({ used: sql`${allowanceGrants.used} - ${r.quantity}` })
      .where(and(eq(allowanceGrants.coopId, booking.coopId), eq(allowanceGrants.id, r.grantId)));
  }
}
