import { randomUUID } from 'node:crypto';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import { verdictError } from './book-resource.js';
import type { BookingCharges } from './booking-charges.js';
import { judgeSlot, resolveBooker, resourceForBooking, slotLabel } from './booking-context.js';
import { opsErrors } from './ops-errors.js';
import { pgCode } from './pg-code.js';
import { resourceWaitlist } from './schema.js';
import type { JoinWaitlistBody, WaitlistEntry } from './waitlist-contract.js';
import { getWaitlistEntry } from './list-waitlist.js';

/**
 * "Me prévenir si le créneau se libère": the member waits for a slot another booking holds.
 * Only a taken slot is waited for (a free one is booked), and only one the member could book
 * were it free: the slot is judged by the same rules as a booking (who may book, horizon,
 * hours, bookings held…), under the resource row lock that cancellations also take, so a
 * cancellation cannot slip between the check and the wait and leave it waiting for a free slot.
 * The partial unique key refuses a second wait of the member for the same slot.
 */
export async function joinWaitlist(db: Db, charges: BookingCharges, actor: Actor, body: JoinWaitlistBody, now: Date): Promise<WaitlistEntry> {
  const booker = await resolveBooker(db, actor, { activityId: body.activityId });
  const memberId = booker.memberId!;
  const slot = { startsAt: new Date(body.startsAt), endsAt: new Date(body.endsAt) };
  const id = randomUUID();
  try {
    await db.transaction(async (tx) => {
      const resource = await resourceForBooking(tx, actor.coopId, body.resourceId, true);
      const verdict = await judgeSlot(tx, charges, actor.coopId, resource, booker, slot, now);
      if (verdict.ok) {
        const text = { fr: `Ce créneau est libre : réservez-le directement (${slotLabel(resource, slot.startsAt, slot.endsAt)}).`, en: `This slot is free: book it directly (${slotLabel(resource, slot.startsAt, slot.endsAt)}).` };
        throw opsErrors.WAITLIST_SLOT_FREE([{ path: 'startsAt', message: text }]);
      }
      if (verdict.kind !== 'taken') throw verdictError(verdict);
      await tx.insert(resourceWaitlist).values({ coopId: actor.coopId, id, resourceId: resource.id, memberId, startsAt: slot.startsAt, endsAt: slot.endsAt, createdBy: actor.userId });
      await recordAudit(tx, actor, { action: 'resource_waitlist.join', entityType: 'resource_waitlist', entityId: id, after: { resourceId: resource.id, memberId, startsAt: body.startsAt, endsAt: body.endsAt } });
    });
  } catch (err) {
    if (pgCode(err) === '23505') throw opsErrors.WAITLIST_ALREADY([{ path: 'startsAt', message: { fr: "Vous êtes déjà sur la liste d'attente de ce créneau.", en: 'You are already waiting for this slot.' } }]);
    throw err;
  }
  return getWaitlistEntry(db, actor.coopId, id);
}
