import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import { memberIdOfUser } from '../members/index.js';
import { kilometresDriven } from './domain/handover-rules.js';
import { checkInKinds, handoverKinds } from './domain/no-show.js';
import { listBookingsInRange } from './list-bookings-in-range.js';
import { resourceCheckIns, resourceHandovers } from './schema.js';

const DAY = 86_400_000;

/**
 * The actor's own desk, van and equipment bookings around today (a week back, a month
 * ahead), each with its check-in or handover: the phone page a member opens on arrival.
 */
export async function listMyOperations(db: Db, actor: Actor, now: Date) {
  const memberId = await memberIdOfUser(db, actor.coopId, actor.userId);
  if (!memberId) return [];
  const kinds: readonly string[] = [...checkInKinds, ...handoverKinds];
  const rows = (await listBookingsInRange(db, actor.coopId, { from: new Date(now.getTime() - 7 * DAY), to: new Date(now.getTime() + 31 * DAY), memberId })).filter((b) => kinds.includes(b.resourceKind));
  const ids = rows.map((r) => r.id);
  const [checkIns, handovers] = ids.length
    ? await Promise.all([
        db.select().from(resourceCheckIns).where(and(eq(resourceCheckIns.coopId, actor.coopId), inArray(resourceCheckIns.bookingId, ids))),
        db.select().from(resourceHandovers).where(and(eq(resourceHandovers.coopId, actor.coopId), inArray(resourceHandovers.bookingId, ids))),
      ])
    : [[], []];
  const checkInOf = new Map(checkIns.map((c) => [c.bookingId, c]));
  const handoverOf = new Map(handovers.map((h) => [h.bookingId, h]));
  return rows.map((b) => {
    const h = handoverOf.get(b.id);
    return {
      bookingId: b.id,
      resourceId: b.resourceId,
      resourceName: b.resourceName,
      resourceKind: b.resourceKind,
      siteName: b.siteName,
      timeZone: b.timeZone,
      startsAt: b.startsAt.toISOString(),
      endsAt: b.endsAt.toISOString(),
      status: b.status,
      checkedInAt: checkInOf.get(b.id)?.checkedInAt.toISOString() ?? null,
      handedOutAt: h?.outAt.toISOString() ?? null,
      returnedAt: h?.inAt?.toISOString() ?? null,
      kilometresDriven: h ? kilometresDriven([{ direction: 'out', mileageKm: h.outMileageKm }, ...(h.inAt ? [{ direction: 'in' as const, mileageKm: h.inMileageKm }] : [])]) : null,
    };
  });
}
