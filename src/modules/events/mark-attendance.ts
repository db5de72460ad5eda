import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import type { Registration } from './contract.js';
import { attendanceProblem } from './domain/may-take-attendance.js';
import { eventsErrors } from './errors.js';
import { eventViewerOf, managesEvent } from './event-viewer.js';
import { toRegistration } from './register-for-event.js';
import { eventRegistrations, events } from './schema.js';

/**
 * Staff or the host mark a person present or absent (null: not taken), on the day and up to a
 * week after. A cancelled registration has no attendance; someone from the waiting list who
 * came anyway may be marked present.
 */
export async function markAttendance(db: Db, actor: Actor, eventId: string, registrationId: string, attended: boolean | null, now: Date): Promise<Registration> {
  const viewer = await eventViewerOf(db, actor);
  return db.transaction(async (tx) => {
    const [event] = await tx.select().from(events).where(and(eq(events.coopId, actor.coopId), eq(events.id, eventId)));
    if (!event) throw eventsErrors.EVENT_NOT_FOUND();
    if (!managesEvent(viewer, event)) throw eventsErrors.NOT_HOST_OR_STAFF();
    const problem = attendanceProblem(event, now);
    if (problem) throw eventsErrors[problem]();
    const [reg] = await tx.select().from(eventRegistrations).where(and(eq(eventRegistrations.coopId, actor.coopId), eq(eventRegistrations.eventId, eventId), eq(eventRegistrations.id, registrationId)));
    if (!reg) throw eventsErrors.REGISTRATION_NOT_FOUND();
    if (reg.status === 'cancelled') throw eventsErrors.REGISTRATION_CANCELLED();
    const [row] = await tx.update(eventRegistrations).set({ attended, updatedAt: new Date() }).where(and(eq(eventRegistrations.coopId, actor.coopId), eq(eventRegistrations.id, reg.id))).returning();
    await recordAudit(tx, actor, { action: 'event_registration.attendance', entityType: 'event_registration', entityId: reg.id, before: { attended: reg.attended }, after: { attended } });
    return toRegistration(row!);
  });
}
