import { and, eq } from 'drizzle-orm';
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone.js';
import utc from 'dayjs/plugin/utc.js';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db } from '../../platform/db/client.js';
import { isStaff, type Actor } from '../../platform/http/context.js';
import { activityIdsOfMember } from '../activities/index.js';
import { memberIdOfUser, membershipTypeOfUser } from '../members/index.js';
import type { BookingCharges } from './booking-charges.js';
import { bookingInScope } from './booking-in-scope.js';
import { checkInKinds } from './domain/no-show.js';
import { opsErrors } from './ops-errors.js';
import { resourceBookings, resourceCheckIns, resourcePriceRules } from './schema.js';
import { judgeSlot, resourceForBooking, type Booker } from './booking-context.js';
import { verdictError } from './book-resource.js';

dayjs.extend(utc);
dayjs.extend(timezone);

const pgCode = (err: unknown) => (err as { code?: string }).code ?? (err as { cause?: { code?: string } }).cause?.code;
/** A member arriving a little early checks in at the door. */
const EARLY_MINUTES = 30;

/**
 * "Je suis arrivé(e)": records the arrival on a desk booked for now. The booking was paid
 * when it was made (passes consumed through the charges port then), so the check-in charges
 * nothing more. The primary key makes a second check-in a clean conflict.
 */
export async function checkIn(db: Db, actor: Actor, bookingId: string, now: Date) {
  try {
    return await db.transaction(async (tx) => {
      const { booking, kind } = await bookingInScope(tx, actor, bookingId, true);
      if (!(checkInKinds as readonly string[]).includes(kind)) throw opsErrors.NOT_CHECK_IN_KIND();
      if (booking.status !== 'confirmed') throw opsErrors.BOOKING_NOT_LIVE();
      if (now.getTime() < booking.startsAt.getTime() - EARLY_MINUTES * 60_000 || now.getTime() >= booking.endsAt.getTime()) throw opsErrors.CHECK_IN_NOT_TODAY();
      await tx.insert(resourceCheckIns).values({ coopId: actor.coopId, bookingId, checkedInAt: now, checkedInBy: actor.userId });
      await recordAudit(tx, actor, { action: 'resource_booking.check_in', entityType: 'resource_booking', entityId: bookingId, after: { checkedInAt: now.toISOString() } });
      return { bookingId, checkedInAt: now.toISOString(), walkIn: false };
    });
  } catch (err) {
    if (pgCode(err) === '23505') throw opsErrors.ALREADY_CHECKED_IN();
    throw err;
  }
}

/**
 * A walk-in on a free hot desk: the check-in creates the booking, from now to the site's
 * closing time today (midnight when it keeps no hours), and pays it through the charges port
 * with `source: 'check_in'`, so the plan consumes a day pass as for a booking. It is judged
 * by the same rules as a booking (who may book, opening hours, bookings held, unavailability),
 * under the same resource row lock: walking in is no way around the coop's rules. The
 * exclusion constraint decides a race for the same desk: the loser is told to pick another.
 */
export async function walkIn(db: Db, actor: Actor, input: { resourceId: string; activityId?: string }, charges: BookingCharges, now: Date) {
  const memberId = await memberIdOfUser(db, actor.coopId, actor.userId);
  if (!memberId) throw opsErrors.NOT_A_MEMBER();
  const activityIds = await activityIdsOfMember(db, actor.coopId, memberId);
  const activityId = input.activityId ?? activityIds[0];
  if (!activityId || !activityIds.includes(activityId)) throw opsErrors.BOOKING_NOT_FOUND([{ path: 'activityId', message: { fr: "Choisissez l'une de vos activités.", en: 'Pick one of your activities.' } }]);
  const booker: Booker = { memberId, activityId, clientId: null, byStaff: isStaff(actor), membershipType: await membershipTypeOfUser(db, actor.coopId, actor.userId) };
  try {
    return await db.transaction(async (tx) => {
      const r = await resourceForBooking(tx, actor.coopId, input.resourceId, true);
      if (r.kind !== 'hot_desk') throw opsErrors.NOT_CHECK_IN_KIND();
      const local = dayjs(now).tz(r.timeZone);
      const isoWeekday = ((local.day() + 6) % 7) + 1;
      const closes = r.openingHours.filter((s) => s.weekday === isoWeekday).map((s) => s.closes).sort().pop();
      const end = closes ? local.startOf('day').add(Number(closes.slice(0, 2)) * 60 + Number(closes.slice(3, 5)), 'minute') : local.startOf('day').add(1, 'day');
      if (end.valueOf() <= now.getTime()) throw opsErrors.CHECK_IN_NOT_TODAY();
      const verdict = await judgeSlot(tx, charges, actor.coopId, r, booker, { startsAt: now, endsAt: end.toDate() }, now);
      if (!verdict.ok) throw verdict.kind === 'taken' ? opsErrors.DESK_TAKEN() : verdictError(verdict);
      // A walk-in stays until closing: the desk's day price, whatever hours remain.
      const [price] = await tx
        .select({ cents: resourcePriceRules.memberPriceCents, vat: resourcePriceRules.vatRateBp })
        .from(resourcePriceRules)
        .where(and(eq(resourcePriceRules.coopId, actor.coopId), eq(resourcePriceRules.resourceId, r.id), eq(resourcePriceRules.unit, 'day')));
      const priceCents = price?.cents ?? 0;
      const [booking] = await tx
        .insert(resourceBookings)
        .values({ coopId: actor.coopId, resourceId: r.id, startsAt: now, endsAt: end.toDate(), memberId, activityId, bookedBy: actor.userId, title: null, priceCents, vatRateBp: price?.vat ?? 2000, billableCents: priceCents })
        .returning({ id: resourceBookings.id });
      const paid = await charges.charge(tx, { coopId: actor.coopId, bookingId: booking!.id, resourceId: r.id, resourceKind: r.kind, memberId, activityId, startsAt: now, endsAt: end.toDate(), priceCents, source: 'check_in' });
      await tx.update(resourceBookings).set({ paidBy: paid.paidBy, billableCents: paid.billableCents }).where(and(eq(resourceBookings.coopId, actor.coopId), eq(resourceBookings.id, booking!.id)));
      await tx.insert(resourceCheckIns).values({ coopId: actor.coopId, bookingId: booking!.id, checkedInAt: now, checkedInBy: actor.userId, walkIn: true });
      await recordAudit(tx, actor, { action: 'resource_booking.walk_in', entityType: 'resource_booking', entityId: booking!.id, after: { resourceId: r.id, startsAt: now.toISOString(), endsAt: end.toISOString(), priceCents, paidBy: paid.paidBy, billableCents: paid.billableCents } });
      return { bookingId: booking!.id, checkedInAt: now.toISOString(), walkIn: true };
    });
  } catch (err) {
    if (pgCode(err) === '23P01') throw opsErrors.DESK_TAKEN();
    throw err;
  }
}
