import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { resourceBookings, resources, resourceSites, type BookingStatus, type ResourceKind } from './schema.js';

/** A live booking (not cancelled) overlapping a period, with what feeds and occupancy need. */
export interface BookingInRange {
  id: string;
  resourceId: string;
  resourceName: string;
  resourceKind: ResourceKind;
  siteId: string;
  siteName: string;
  timeZone: string;
  startsAt: Date;
  endsAt: Date;
  status: BookingStatus;
  memberId: string | null;
  activityId: string | null;
  clientId: string | null;
  title: string | null;
  priceCents: number;
  billableCents: number;
  paidBy: 'allowance' | 'pay_per_use' | 'free';
  recurrenceId: string | null;
  createdAt: Date;
}

/**
 * Bookings not cancelled that overlap [from, to), oldest first. The overlap test is on the
 * `during` range so the gist index of the no-overlap constraint serves it.
 */
export async function listBookingsInRange(
  db: Executor,
  coopId: string,
  q: { from: Date; to: Date; resourceIds?: string[]; memberId?: string; siteId?: string },
): Promise<BookingInRange[]> {
  if (q.resourceIds && q.resourceIds.length === 0) return [];
  return db
    .select({
      id: resourceBookings.id,
      resourceId: resourceBookings.resourceId,
      resourceName: resources.name,
      resourceKind: resources.kind,
      siteId: resources.siteId,
      siteName: resourceSites.name,
      timeZone: resourceSites.timeZone,
      startsAt: resourceBookings.startsAt,
      endsAt: resourceBookings.endsAt,
      status: resourceBookings.status,
      memberId: resourceBookings.memberId,
      activityId: resourceBookings.activityId,
      clientId: resourceBookings.clientId,
      title: resourceBookings.title,
      priceCents: resourceBookings.priceCents,
      billableCents: resourceBookings.billableCents,
      paidBy: resourceBookings.paidBy,
      recurrenceId: resourceBookings.recurrenceId,
      createdAt: resourceBookings.createdAt,
    })
    .from(resourceBookings)
    .innerJoin(resources, and(eq(resources.coopId, resourceBookings.coopId), eq(resources.id, resourceBookings.resourceId)))
    .innerJoin(resourceSites, and(eq(resourceSites.coopId, resources.coopId), eq(resourceSites.id, resources.siteId)))
    .where(
      and(
        eq(resourceBookings.coopId, coopId),
        ne(resourceBookings.status, 'cancelled'),
        sql`${resourceBookings.during} && tstzrange(${q.from.toISOString()}::timestamptz, ${q.to.toISOString()}::timestamptz, '[)')`,
        q.resourceIds ? inArray(resourceBookings.resourceId, q.resourceIds) : undefined,
        q.memberId ? eq(resourceBookings.memberId, q.memberId) : undefined,
        q.siteId ? eq(resources.siteId, q.siteId) : undefined,
      ),
    )
    .orderBy(resourceBookings.startsAt, resourceBookings.id);
}
