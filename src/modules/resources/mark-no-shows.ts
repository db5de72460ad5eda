import { and, eq, gte, inArray, isNull, lte } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import { checkInKinds, isNoShow } from './domain/no-show.js';
import { resourceBookings, resourceCheckIns, resources } from './schema.js';

const DAY = 86_400_000;

/**
 * Staff mark as no-shows the desk bookings of the last week nobody checked in for by the
 * cutoff. What the booking consumed stays consumed (the desk was held); the count shows on
 * the occupancy page. Rows are locked and the rule re-checked inside the transaction, so a
 * member checking in at that moment is not marked.
 */
export async function markNoShows(db: Db, actor: Actor, cutoffMinutes: number, now: Date): Promise<{ marked: number }> {
  return db.transaction(async (tx) => {
    const candidates = await tx
      .select({ id: resourceBookings.id, status: resourceBookings.status, startsAt: resourceBookings.startsAt, checkedInAt: resourceCheckIns.checkedInAt })
      .from(resourceBookings)
      .innerJoin(resources, and(eq(resources.coopId, resourceBookings.coopId), eq(resources.id, resourceBookings.resourceId)))
      .leftJoin(resourceCheckIns, and(eq(resourceCheckIns.coopId, resourceBookings.coopId), eq(resourceCheckIns.bookingId, resourceBookings.id)))
      .where(
        and(
          eq(resourceBookings.coopId, actor.coopId),
          eq(resourceBookings.status, 'confirmed'),
          inArray(resources.kind, [...checkInKinds]),
          gte(resourceBookings.startsAt, new Date(now.getTime() - 7 * DAY)),
          lte(resourceBookings.startsAt, now),
          isNull(resourceCheckIns.bookingId),
        ),
      )
      .for('update', { of: resourceBookings });
    const ids = candidates.filter((b) => isNoShow(b, cutoffMinutes, now)).map((b) => b.id);
    let marked = 0;
    for (const id of ids) {
      const [ci] = await tx.select().from(resourceCheckIns).where(and(eq(resourceCheckIns.coopId, actor.coopId), eq(resourceCheckIns.bookingId, id)));
      if (ci) continue;
      await tx.update(resourceBookings).set({ status: 'no_show' }).where(and(eq(resourceBookings.coopId, actor.coopId), eq(resourceBookings.id, id)));
      await recordAudit(tx, actor, { action: 'resource_booking.no_show', entityType: 'resource_booking', entityId: id, before: { status: 'confirmed' }, after: { status: 'no_show' } });
      marked++;
    }
    return { marked };
  });
}
