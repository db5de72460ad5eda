import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import { bookingInScope } from './booking-in-scope.js';
import { kilometresDriven } from './domain/handover-rules.js';
import { resourceHandoverPhotos, resourceHandovers } from './schema.js';

/** The check-out and check-in of a booking, the kilometres driven and the photos taken. */
export async function getHandover(db: Db, actor: Actor, bookingId: string) {
  const { booking, kind, resourceName } = await bookingInScope(db, actor, bookingId);
  const [h] = await db.select().from(resourceHandovers).where(and(eq(resourceHandovers.coopId, actor.coopId), eq(resourceHandovers.bookingId, bookingId)));
  const photos = h
    ? await db
        .select({ id: resourceHandoverPhotos.id, direction: resourceHandoverPhotos.direction, fileName: resourceHandoverPhotos.fileName })
        .from(resourceHandoverPhotos)
        .where(and(eq(resourceHandoverPhotos.coopId, actor.coopId), eq(resourceHandoverPhotos.bookingId, bookingId)))
        .orderBy(asc(resourceHandoverPhotos.createdAt))
    : [];
  const recorded = h ? [{ direction: 'out' as const, mileageKm: h.outMileageKm }, ...(h.inAt ? [{ direction: 'in' as const, mileageKm: h.inMileageKm }] : [])] : [];
  return {
    bookingId,
    resourceName,
    resourceKind: kind,
    startsAt: booking.startsAt.toISOString(),
    endsAt: booking.endsAt.toISOString(),
    status: booking.status,
    out: h ? { at: h.outAt.toISOString(), mileageKm: h.outMileageKm, fuelPercent: h.outFuelPercent, notes: h.outNotes } : null,
    in: h?.inAt ? { at: h.inAt.toISOString(), mileageKm: h.inMileageKm, fuelPercent: h.inFuelPercent, notes: h.inNotes } : null,
    kilometresDriven: kilometresDriven(recorded),
    photos,
  };
}
