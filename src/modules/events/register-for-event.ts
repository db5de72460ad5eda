import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import { sqlState, UNIQUE_VIOLATION, type Db } from '../../platform/db/client.js';
import { platformErrors } from '../../platform/errors.js';
import type { FileStorage } from '../../platform/files/storage.js';
import type { Actor } from '../../platform/http/context.js';
import { assertMembersExist } from '../members/index.js';
import type { RegisterBody, Registration } from './contract.js';
import { placeRegistration } from './domain/registration-places.js';
import { registrationProblem } from './domain/registration-window.js';
import { eventsErrors } from './errors.js';
import { eventViewerOf } from './event-viewer.js';
import { lockEvent } from './lock-event.js';
import { announceRegistration } from './registration-mails.js';
import { eventRegistrations, type RegistrationRow } from './schema.js';
import { placeCounts } from './waiting-list.js';

export const toRegistration = (r: RegistrationRow): Registration => ({ id: r.id, eventId: r.eventId, status: r.status, waitingPosition: r.waitingPosition, attended: r.attended });

/**
 * Registers a member (themselves, or by staff) or an outside guest (by staff, name and e-mail)
 * for an event: confirmed while places are left, otherwise on the waiting list. The event's
 * row is locked first, so concurrent registrations are placed one after the other: a capacity
 * of N gives exactly N confirmed and the rest waiting at positions 1..k (the unique keys on a
 * person's registration and on positions back it). Staff may still add someone after
 * registrations closed (a walk-in on the day), never to a cancelled event. The confirmation
 * mail with the .ics and the reminders are queued in the same transaction.
 */
export async function registerForEvent(db: Db, storage: FileStorage, actor: Actor, eventId: string, body: RegisterBody, now: Date): Promise<Registration> {
  const viewer = await eventViewerOf(db, actor);
  const forSomeoneElse = body.guest !== undefined || body.memberId !== undefined;
  if (forSomeoneElse && !viewer.staff) throw platformErrors.FORBIDDEN();
  const memberId = body.guest ? null : (body.memberId ?? viewer.memberId);
  if (!body.guest && !memberId) throw eventsErrors.NOT_A_MEMBER();
  if (body.memberId) await assertMembersExist(db, actor.coopId, [body.memberId], 'memberId');
  const guestEmail = body.guest?.email.trim().toLowerCase() ?? null;
  try {
    return await db.transaction(async (tx) => {
      const event = await lockEvent(tx, actor.coopId, eventId);
      const problem = registrationProblem(event, now);
      if (problem && !(problem === 'REGISTRATION_CLOSED' && viewer.staff)) throw eventsErrors[problem]();
      const [existing] = await tx
        .select()
        .from(eventRegistrations)
        .where(and(eq(eventRegistrations.coopId, actor.coopId), eq(eventRegistrations.eventId, event.id), memberId ? eq(eventRegistrations.memberId, memberId) : sql`lower(${eventRegistrations.guestEmail}) = ${guestEmail}`));
      if (existing && existing.status !== 'cancelled') throw eventsErrors.ALREADY_REGISTERED();
      const place = placeRegistration({ capacity: event.capacity, ...(await placeCounts(tx, event)) });
      const values = { status: place.status, waitingPosition: place.waitingPosition, attended: null, registeredBy: actor.userId, updatedAt: new Date() };
      // One who cancelled and comes back takes the place of a newcomer: the row is reused (one per person and event).
      const [reg] = existing
        ? await tx.update(eventRegistrations).set(values).where(and(eq(eventRegistrations.coopId, actor.coopId), eq(eventRegistrations.id, existing.id))).returning()
        : await tx
            .insert(eventRegistrations)
            .values({ coopId: actor.coopId, eventId: event.id, memberId, guestName: body.guest?.name.trim() ?? null, guestEmail, ...values })
            .returning();
      await recordAudit(tx, actor, { action: 'event_registration.created', entityType: 'event_registration', entityId: reg!.id, after: { eventId: event.id, memberId, guestEmail, status: reg!.status, waitingPosition: reg!.waitingPosition } });
      await announceRegistration(tx, storage, event, reg!, now, 'registered');
      return toRegistration(reg!);
    });
  } catch (err) {
    if (sqlState(err) === UNIQUE_VIOLATION) throw eventsErrors.ALREADY_REGISTERED();
    throw err;
  }
}
