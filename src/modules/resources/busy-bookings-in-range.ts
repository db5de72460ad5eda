import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { resourceBookings } from './schema.js';

/** What the availability grid needs of a live booking: which resource, when, and who. */
export interface BusyBooking {
  id: string;
  resourceId: string;
  memberId: string | null;
  clientId: string | null;
  startsAt: Date;
  endsAt: Date;
}

/**
 * Bookings not cancelled that overlap [from, to), in no order (the grid sorts each resource's
 * slots). Six columns and no join: a week of 500 resources is ~4,000 rows, and reading and
 * mapping the wide rows of `listBookingsInRange` (resource, site, price…) cost several times the
 * gist index scan itself (bench/resource-availability.ts).
 */
export async function busyBookingsInRange(db: Executor, coopId: string, q: { from: Date; to: Date; resourceIds?: string[] }): Promise<BusyBooking[]> {
  if (q.resourceIds && q.resourceIds.length === 0) return [];
  return db
    .select({
      id: resourceBookings.id,
      resourceId: resourceBookings.resourceId,
      memberId: resourceBookings.memberId,
      clientId: resourceBookings.clientId,
      startsAt: resourceBookings.startsAt,
      endsAt: resourceBookings.endsAt,
    })
    .from(resourceBookings)
    .where(
      and(
        eq(resourceBookings.coopId, coopId),
        ne(resourceBookings.status, 'cancelled'),
        sql`${resourceBookings.during} && tstzrange(${q.from.toISOString()}::timestamptz, ${q.to.toISOString()}::timestamptz, '[)')`,
        q.resourceIds ? inArray(resourceBookings.resourceId, q.resourceIds) : undefined,
      ),
    );
}
