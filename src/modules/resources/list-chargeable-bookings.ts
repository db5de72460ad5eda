import { and, eq, gte, lt, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { resourceBookings, resources } from './schema.js';

/** A line a month's billing run must bill: a pay-per-use booking, or the fee of a late cancellation. */
export interface ChargeableBooking {
  bookingId: string;
  kind: 'booking' | 'cancellation_fee';
  memberId: string | null;
  activityId: string | null;
  clientId: string | null;
  resourceName: string;
  startsAt: Date;
  endsAt: Date;
  amountCents: number;
  vatRateBp: number;
}

/**
 * What the billing run bills for bookings that start in [from, to): the billable part of every
 * booking not cancelled (a no-show is billed: the slot was held), and the cancellation fee of
 * cancelled ones. Idempotence is the billing run's: it records which (bookingId, kind) it billed.
 */
export async function listChargeableBookings(db: Executor, coopId: string, range: { from: Date; to: Date }): Promise<ChargeableBooking[]> {
  const rows = await db
    .select({
      bookingId: resourceBookings.id,
      status: resourceBookings.status,
      memberId: resourceBookings.memberId,
      activityId: resourceBookings.activityId,
      clientId: resourceBookings.clientId,
      resourceName: resources.name,
      startsAt: resourceBookings.startsAt,
      endsAt: resourceBookings.endsAt,
      billableCents: resourceBookings.billableCents,
      cancellationFeeCents: resourceBookings.cancellationFeeCents,
      vatRateBp: resourceBookings.vatRateBp,
    })
    .from(resourceBookings)
    .innerJoin(resources, and(eq(resources.coopId, resourceBookings.coopId), eq(resources.id, resourceBookings.resourceId)))
    .where(
      and(
        eq(resourceBookings.coopId, coopId),
        gte(resourceBookings.startsAt, range.from),
        lt(resourceBookings.startsAt, range.to),
        sql`((${resourceBookings.status} <> 'cancelled' and ${resourceBookings.billableCents} > 0) or (${resourceBookings.status} = 'cancelled' and ${resourceBookings.cancellationFeeCents} > 0))`,
      ),
    )
    .orderBy(resourceBookings.startsAt, resourceBookings.id);
  return rows.map((r) => ({
    bookingId: r.bookingId,
    kind: r.status === 'cancelled' ? 'cancellation_fee' : 'booking',
    memberId: r.memberId,
    activityId: r.activityId,
    clientId: r.clientId,
    resourceName: r.resourceName,
    startsAt: r.startsAt,
    endsAt: r.endsAt,
    amountCents: r.status === 'cancelled' ? r.cancellationFeeCents : r.billableCents,
    vatRateBp: r.vatRateBp,
  }));
}
