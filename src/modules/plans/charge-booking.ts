import { and, asc, eq, gt, inArray, lte, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import type { BookingCharge, BookingToCharge } from '../resources/index.js';
import { dayInParis } from './coop-time.js';
import { consumeAllowance } from './domain/consume-allowance.js';
import { monthOf, previousMonth } from './domain/subscription-cycle.js';
import { issueGrants, subscriptionOn } from './issue-grants.js';
import { releaseBooking } from './release-booking.js';
import { allowanceGrants, allowanceUses } from './schema.js';

/**
 * Pays a booking (or a check-in) from the member's allowance, in the caller's transaction (the
 * booking's own): the grants that may pay are locked `FOR UPDATE` in id order, so two charges
 * at once queue on them and never deadlock, then `consumeAllowance` decides and each use is
 * written with its grant's `used` raised. The check `used <= quantity` of `allowance_grants`
 * holds it in the database too: 10 charges at once against 3 passes cover exactly 3.
 * Charging a booking again (moved, or checked in) first gives back what it took.
 */
export async function chargeBooking(tx: Executor, booking: BookingToCharge): Promise<BookingCharge> {
  const payPerUse: BookingCharge = { paidBy: booking.priceCents > 0 ? 'pay_per_use' : 'free', billableCents: booking.priceCents };
  await releaseBooking(tx, booking);
  if (!booking.memberId) return payPerUse;
  const day = dayInParis(booking.startsAt);
  const sub = await subscriptionOn(tx, booking.coopId, booking.memberId, day);
  if (!sub) return payPerUse;
  // This month's grants, and last month's (with rollover they may still pay), written on first need.
  const month = monthOf(day);
  await issueGrants(tx, sub, previousMonth(month));
  await issueGrants(tx, sub, month);
  const grants = await tx
    .select()
    .from(allowanceGrants)
    .where(and(eq(allowanceGrants.coopId, booking.coopId), eq(allowanceGrants.subscriptionId, sub.id), lte(allowanceGrants.validFrom, booking.startsAt), gt(allowanceGrants.expiresAt, booking.startsAt)))
    .orderBy(asc(allowanceGrants.id))
    .for('update');
  const paid = consumeAllowance(grants, booking);
  for (const use of paid.uses) {
    await tx.insert(allowanceUses).values({ coopId: booking.coopId, grantId: use.grantId, bookingId: booking.bookingId, source: booking.source, quantity: use.quantity, coveredMinutes: use.coveredMinutes });
    await tx
      .update(allowanceGrants)
      .set({ used: sql`${allowanceGrants.used} + ${use.quantity}` })
      .where(and(eq(allowanceGrants.coopId, booking.coopId), inArray(allowanceGrants.id, [use.grantId])));
  }
  return { paidBy: paid.paidBy, billableCents: paid.billableCents };
}
