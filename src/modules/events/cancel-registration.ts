import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db } from '../../platform/db/client.js';
import type { FileStorage } from '../../platform/files/storage.js';
import type { Actor } from '../../platform/http/context.js';
import type { Registration } from './contract.js';
import { cancellationProblem } from './domain/registration-window.js';
import { eventsErrors } from './errors.js';
import { eventViewerOf } from './event-viewer.js';
import { lockEvent } from './lock-event.js';
import { toRegistration } from './register-for-event.js';
import { announceRegistration } from './registration-mails.js';
import { eventRegistrations } from './schema.js';
import { fillFromWaitingList, renumberWaitingList } from './waiting-list.js';

/**
 * Gives up a place (one's own, or anyone's for staff), until the event starts. Under the
 * event's lock, a freed confirmed place goes to the first person waiting, who is told by mail
 * with the .ics; the waiting list closes its gap. Cancelling twice changes nothing.
 */
export async function cancelRegistration(db: Db, storage: FileStorage, actor: Actor, eventId: string, registrationId: string, now: Date): Promise<Registration> {
  const viewer = await eventViewerOf(db, actor);
  return db.transaction(async (tx) => {
    const event = await lockEvent(tx, actor.coopId, eventId);
    const [reg] = await tx
      .select()
      .from(eventRegistrations)
      .where(and(eq(eventRegistrations.coopId, actor.coopId), eq(eventRegistrations.eventId, event.id), eq(eventRegistrations.id, registrationId)));
    // Another member's registration is not theirs to see: the same 404 as one that does not exist.
    if (!reg || (!viewer.staff && (viewer.memberId === null || reg.memberId !== viewer.memberId))) throw eventsErrors.REGISTRATION_NOT_FOUND();
    if (reg.status === 'cancelled') return toRegistration(reg);
    const problem = cancellationProblem(event, now);
    if (problem) throw eventsErrors[problem]();
    const [cancelled] = await tx
      .update(eventRegistrations)
      .set({ status: 'cancelled', waitingPosition: null, updatedAt: new Date() })
      .where(and(eq(eventRegistrations.coopId, actor.coopId), eq(eventRegistrations.id, reg.id)))
      .returning();
    await recordAudit(tx, actor, { action: 'event_registration.cancelled', entityType: 'event_registration', entityId: reg.id, before: { status: reg.status, waitingPosition: reg.waitingPosition }, after: { status: 'cancelled' } });
    if (reg.status === 'confirmed' && event.status === 'scheduled') {
      for (const promoted of await fillFromWaitingList(tx, event)) {
        await recordAudit(tx, actor, { action: 'event_registration.promoted', entityType: 'event_registration', entityId: promoted.id, after: { status: 'confirmed' } });
        await announceRegistration(tx, storage, event, promoted, now, 'promoted');
      }
    } else {
      await renumberWaitingList(tx, event);
    }
    return toRegistration(cancelled!);
  });
}
