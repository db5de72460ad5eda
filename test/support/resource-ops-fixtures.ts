import type { Db } from '../../src/platform/db/client.js';
import { activities, activityMembers } from '../../src/modules/activities/schema.js';
import { resourceBookings, resources, resourceSites } from '../../src/modules/resources/schema.js';
import { insertMember } from './activity-fixtures.js';

/**
 * Sites, resources and bookings written directly (the booking flow with its rules and
 * payment belongs to the resources core): what the operations side needs to act on.
 */
export async function addSite(db: Db, coopId: string, name = 'La Fabrique', timeZone = 'Europe/Paris') {
  const [site] = await db.insert(resourceSites).values({ coopId, name, timeZone }).returning();
  return site!;
}

export async function addResource(db: Db, coopId: string, siteId: string, kind: (typeof resources.$inferInsert)['kind'], name: string) {
  const [r] = await db.insert(resources).values({ coopId, siteId, kind, name }).returning();
  return r!;
}

/** A member with an account and one activity of their own, as a booking needs. */
export async function addBookingMember(db: Db, coopId: string, userId: string | undefined, firstName: string) {
  const member = await insertMember(db, coopId, { firstName, lastName: 'Test', userId });
  const activity = await db.transaction(async (tx) => {
    const [a] = await tx.insert(activities).values({ coopId, code: `ACT-${firstName.toUpperCase()}-${Math.random().toString(36).slice(2, 6).toUpperCase()}`, name: `Activité de ${firstName}` }).returning();
    await tx.insert(activityMembers).values({ coopId, activityId: a!.id, memberId: member.id, shareBp: 10000 });
    return a!;
  });
  return { memberId: member.id, activityId: activity.id };
}

export async function addBooking(
  db: Db,
  coopId: string,
  b: { resourceId: string; memberId: string; activityId: string; bookedBy: string; startsAt: Date; endsAt: Date; priceCents?: number; status?: 'confirmed' | 'cancelled' | 'no_show' | 'completed'; title?: string },
) {
  const price = b.priceCents ?? 0;
  const cancelled = b.status === 'cancelled';
  const [row] = await db
    .insert(resourceBookings)
    .values({ coopId, resourceId: b.resourceId, memberId: b.memberId, activityId: b.activityId, bookedBy: b.bookedBy, startsAt: b.startsAt, endsAt: b.endsAt, priceCents: price, billableCents: price, status: b.status ?? 'confirmed', cancelledAt: cancelled ? new Date() : null, title: b.title ?? null })
    .returning();
  return row!;
}
