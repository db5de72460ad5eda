import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db } from '../../platform/db/client.js';
import { isStaff, type Actor } from '../../platform/http/context.js';
import { memberIdOfUser } from '../members/index.js';
import type { BookingCharges } from './booking-charges.js';
import { mailBookingCancelled, type BookingMailer } from './booking-mails.js';
import { getBooking } from './book-resource.js';
import type { Booking } from './contract.js';
import { cancellationFee } from './domain/cancellation-fee.js';
import { resourcesErrors } from './errors.js';
import { resourceBookings, resources } from './schema.js';
import { notifyWaitlist } from './notify-waitlist.js';
import { rulesOfResource } from './set-booking-rules.js';

/**
 * Cancels a booking: free up to the deadline of the first rule that sets one, the fee after
 * (billed by the month's run, never the booking's price). What the booking consumed of the
 * member's passes or credits is given back. A member cancels their own; the team anyone's,
 * and may waive the fee (a broken heater is not the member's fault). Audited. In the same
 * transaction the member gets the cancellation with its CANCEL .ics, and the member waiting
 * longest for the freed slot is told (under the resource row lock, as waits are joined).
 */
export async function cancelBooking(db: Db, charges: BookingCharges, actor: Actor, id: string, body: { waiveFee?: boolean }, now: Date, mailer: BookingMailer | null = null): Promise<Booking> {
  const staff = isStaff(actor);
  const self = staff ? null : await memberIdOfUser(db, actor.coopId, actor.userId);
  await db.transaction(async (tx) => {
    const [b] = await tx.select().from(resourceBookings).where(and(eq(resourceBookings.coopId, actor.coopId), eq(resourceBookings.id, id))).for('update');
    if (!b || (!staff && (self === null || b.memberId !== self))) throw resourcesErrors.BOOKING_NOT_FOUND();
    if (b.status !== 'confirmed' || b.endsAt.getTime() <= now.getTime()) throw resourcesErrors.BOOKING_NOT_CANCELLABLE();
    const [r] = await tx.select({ id: resources.id, kind: resources.kind }).from(resources).where(and(eq(resources.coopId, actor.coopId), eq(resources.id, b.resourceId))).for('update');
    const rules = await rulesOfResource(tx, actor.coopId, r!);
    const terms = rules.find((x) => x.cancellationDeadlineMinutes !== null);
    const fee = staff && body.waiveFee ? 0 : terms ? cancellationFee({ deadlineMinutes: terms.cancellationDeadlineMinutes, feeCents: terms.cancellationFeeCents, feeBp: terms.cancellationFeeBp }, b, now) : 0;
    await tx.update(resourceBookings).set({ status: 'cancelled', cancelledAt: now, cancelledBy: actor.userId, cancellationFeeCents: fee }).where(and(eq(resourceBookings.coopId, actor.coopId), eq(resourceBookings.id, id)));
    await charges.release(tx, { coopId: actor.coopId, bookingId: id });
    await recordAudit(tx, actor, { action: 'booking.cancel', entityType: 'resource_booking', entityId: id, before: { status: b.status, cancellationFeeCents: b.cancellationFeeCents }, after: { status: 'cancelled', cancellationFeeCents: fee, waived: Boolean(staff && body.waiveFee) } });
    if (mailer) await mailBookingCancelled(tx, mailer, actor.coopId, id, now);
    await notifyWaitlist(tx, mailer, actor, b, now);
  });
  return getBooking(db, actor, id);
}
