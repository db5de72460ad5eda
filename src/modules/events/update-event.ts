import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db } from '../../platform/db/client.js';
import { invalidField } from '../../platform/errors.js';
import type { FileStorage } from '../../platform/files/storage.js';
import type { Actor } from '../../platform/http/context.js';
import { enqueueJob } from '../../platform/jobs/enqueue-job.js';
import { checkEventFields } from './check-event-fields.js';
import type { UpdateEventInput } from './contract.js';
import { reminderSchedule } from './domain/reminder-schedule.js';
import { eventsErrors } from './errors.js';
import { eventViewerOf, managesEvent } from './event-viewer.js';
import { lockEvent } from './lock-event.js';
import { announceChange, announceRegistration, SEND_EVENT_REMINDER } from './registration-mails.js';
import { eventRegistrations, events, type EventRow } from './schema.js';
import { fillFromWaitingList } from './waiting-list.js';

const orNull = <T>(v: T | null | undefined, old: T | null): T | null => (v === undefined ? old : (v ?? null) || null);

/**
 * Staff, or the event's host, change an event (under its lock). The host may fix everything of
 * their own event but who hosts it: handing it over is the team's call. Places added by a raised capacity go to the waiting
 * list first; a moved start queues the reminders again at the new time (those queued for the
 * old start find it changed and send nothing). The .ics SEQUENCE grows so calendars update.
 */
export async function updateEvent(db: Db, storage: FileStorage, actor: Actor, eventId: string, input: UpdateEventInput, now: Date): Promise<EventRow> {
  const viewer = await eventViewerOf(db, actor);
  return db.transaction(async (tx) => {
    const before = await lockEvent(tx, actor.coopId, eventId);
    // Checked on the locked row: the host is read as it stands when the change is written.
    if (!managesEvent(viewer, before)) throw eventsErrors.NOT_EVENT_MANAGER();
    if (before.status === 'cancelled') throw eventsErrors.EVENT_CANCELLED();
    const hostMemberId = input.hostMemberId !== undefined ? input.hostMemberId : input.hostName ? null : before.hostMemberId;
    const hostName = input.hostName !== undefined ? input.hostName || null : input.hostMemberId ? null : before.hostName;
    if (!viewer.staff && (hostMemberId !== before.hostMemberId || hostName !== before.hostName)) {
      throw invalidField('hostMemberId', { fr: "Seule l'équipe change l'animateur d'un évènement.", en: "Only staff change an event's host." });
    }
    const fields = {
      hostMemberId,
      hostName,
      startsAt: input.startsAt ?? before.startsAt,
      endsAt: input.endsAt ?? before.endsAt,
      registrationDeadline: input.registrationDeadline !== undefined ? input.registrationDeadline : before.registrationDeadline,
      proposalId: input.proposalId !== undefined ? input.proposalId : before.proposalId,
    };
    await checkEventFields(tx, actor.coopId, fields);
    const confirmed = await tx
      .select({ id: eventRegistrations.id, memberId: eventRegistrations.memberId, guestName: eventRegistrations.guestName, guestEmail: eventRegistrations.guestEmail })
      .from(eventRegistrations)
      .where(and(eq(eventRegistrations.coopId, actor.coopId), eq(eventRegistrations.eventId, eventId), eq(eventRegistrations.status, 'confirmed')));
    // Nobody registered loses their place to an edit: staff cancel registrations one by one, and
    // each person is told. Read under the event's lock, so no registration slips in between.
    if (input.capacity !== undefined && input.capacity !== null && input.capacity < confirmed.length) {
      const n = confirmed.length;
      throw eventsErrors.CAPACITY_BELOW_CONFIRMED([{ path: 'capacity', message: { fr: `${n} personne(s) sont inscrites : la capacité doit être d'au moins ${n}.`, en: `${n} people are registered: the capacity must be at least ${n}.` } }]);
    }
    const [after] = await tx
      .update(events)
      .set({
        ...fields,
        kind: input.kind ?? before.kind,
        title: input.title ?? before.title,
        theme: orNull(input.theme, before.theme),
        description: orNull(input.description, before.description),
        place: orNull(input.place, before.place),
        onlineUrl: orNull(input.onlineUrl, before.onlineUrl),
        capacity: input.capacity !== undefined ? input.capacity : before.capacity,
        sequence: sql`${events.sequence} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(events.coopId, actor.coopId), eq(events.id, eventId)))
      .returning();
    const event = after!;
    await recordAudit(tx, actor, {
      action: 'event.updated',
      entityType: 'event',
      entityId: event.id,
      before: { title: before.title, startsAt: before.startsAt.toISOString(), endsAt: before.endsAt.toISOString(), capacity: before.capacity, place: before.place },
      after: { title: event.title, startsAt: event.startsAt.toISOString(), endsAt: event.endsAt.toISOString(), capacity: event.capacity, place: event.place },
    });
    if (event.startsAt.getTime() !== before.startsAt.getTime()) {
      for (const reg of confirmed) {
        for (const r of reminderSchedule(event.startsAt, now)) await enqueueJob(tx, { coopId: actor.coopId, kind: SEND_EVENT_REMINDER, payload: { registrationId: reg.id, kind: r.kind, startsAt: event.startsAt.toISOString() }, runAfter: r.at });
      }
    }
    // When or where changed: the people registered get the updated invitation (same UID, higher
    // SEQUENCE), so their calendars move the event instead of keeping the old time.
    const moved = event.startsAt.getTime() !== before.startsAt.getTime() || event.endsAt.getTime() !== before.endsAt.getTime() || event.place !== before.place || event.onlineUrl !== before.onlineUrl;
    if (moved) for (const reg of confirmed) await announceChange(tx, storage, event, reg);
    for (const promoted of await fillFromWaitingList(tx, event)) await announceRegistration(tx, storage, event, promoted, now, 'promoted');
    return event;
  });
}
