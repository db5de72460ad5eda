import { and, eq, inArray, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Executor } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import { resourceWaitlist } from './schema.js';

/**
 * A member just booked, in this transaction, a slot they were waiting for (told it was freed,
 * or finding it free): their waits on that resource which the booking overlaps are done. Left
 * "waiting", a later cancellation would tell them of a slot they hold; left "notified", their
 * list would still urge them to book it. Overlap rather than equality: once they hold part of
 * the slot, they could never book the whole of it as waited for anyway.
 */
export async function closeBookedWaits(tx: Executor, actor: Actor, booking: { id: string; resourceId: string; memberId: string; startsAt: Date; endsAt: Date }): Promise<string[]> {
  const booked = sql`tstzrange(${booking.startsAt.toISOString()}::timestamptz, ${booking.endsAt.toISOString()}::timestamptz, '[)')`;
  const closed = await tx
    .update(resourceWaitlist)
    .set({ status: 'booked' })
    .where(
      and(
        eq(resourceWaitlist.coopId, actor.coopId),
        eq(resourceWaitlist.resourceId, booking.resourceId),
        eq(resourceWaitlist.memberId, booking.memberId),
        inArray(resourceWaitlist.status, ['waiting', 'notified']),
        sql`tstzrange(${resourceWaitlist.startsAt}, ${resourceWaitlist.endsAt}, '[)') && ${booked}`,
      ),
    )
    .returning({ id: resourceWaitlist.id });
  for (const w of closed) await recordAudit(tx, actor, { action: 'resource_waitlist.booked', entityType: 'resource_waitlist', entityId: w.id, after: { status: 'booked', bookingId: booking.id } });
  return closed.map((w) => w.id);
}
