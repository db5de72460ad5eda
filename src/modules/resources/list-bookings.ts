import { and, asc, eq, gt, gte, inArray, lt, ne } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import { memberIdOfUser } from '../members/index.js';
import { bookingViews } from './booking-context.js';
import type { Booking } from './contract.js';
import { resourcesErrors } from './errors.js';
import { resourceBookings, resources } from './schema.js';

export async function resourcesOfIds(db: Executor, coopId: string, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: resources.id, name: resources.name }).from(resources).where(and(eq(resources.coopId, coopId), inArray(resources.id, [...new Set(ids)])));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The member's own bookings, upcoming first (or from a date), cancelled ones included for their fee. */
export async function listMyBookings(db: Executor, actor: Actor, q: { from?: Date; now: Date }): Promise<Booking[]> {
  const self = await memberIdOfUser(db, actor.coopId, actor.userId);
  if (!self) throw resourcesErrors.NOT_A_MEMBER();
  const rows = await db
    .select()
    .from(resourceBookings)
    .where(and(eq(resourceBookings.coopId, actor.coopId), eq(resourceBookings.memberId, self), q.from ? gte(resourceBookings.startsAt, q.from) : gt(resourceBookings.endsAt, q.now)))
    .orderBy(asc(resourceBookings.startsAt))
    .limit(200);
  const names = await resourcesOfIds(db, actor.coopId, rows.map((r) => r.resourceId));
  return bookingViews(db, actor, rows.map((r) => ({ ...r, resourceName: names.get(r.resourceId) ?? '' })));
}

/** The team's list of live bookings starting in a period (at most 500). */
export async function listBookings(db: Executor, actor: Actor, q: { from: Date; to: Date; resourceId?: string; memberId?: string }): Promise<Booking[]> {
  const rows = await db
    .select()
    .from(resourceBookings)
    .where(
      and(
        eq(resourceBookings.coopId, actor.coopId),
        ne(resourceBookings.status, 'cancelled'),
        gte(resourceBookings.startsAt, q.from),
        lt(resourceBookings.startsAt, q.to),
        q.resourceId ? eq(resourceBookings.resourceId, q.resourceId) : undefined,
        q.memberId ? eq(resourceBookings.memberId, q.memberId) : undefined,
      ),
    )
    .orderBy(asc(resourceBookings.startsAt))
    .limit(500);
  const names = await resourcesOfIds(db, actor.coopId, rows.map((r) => r.resourceId));
  return bookingViews(db, actor, rows.map((r) => ({ ...r, resourceName: names.get(r.resourceId) ?? '' })));
}
