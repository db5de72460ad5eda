import { and, eq, inArray, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db } from '../../platform/db/client.js';
import type { FileStorage } from '../../platform/files/storage.js';
import type { Actor } from '../../platform/http/context.js';
import { lockEvent } from './lock-event.js';
import { announceCancellation } from './registration-mails.js';
import { eventRegistrations, events, type EventRow } from './schema.js';

/**
 * Staff cancel an event: everyone registered or waiting is told, with a cancelled .ics that
 * removes it from their calendar; queued reminders find the event cancelled and send nothing.
 * Registrations are kept (who had signed up stays known). Cancelling twice changes nothing.
 */
export async function cancelEvent(db: Db, storage: FileStorage, actor: Actor, eventId: string): Promise<EventRow> {
  return db.transaction(async (tx) => {
    const before = await lockEvent(tx, actor.coopId, eventId);
    if (before.status === 'cancelled') return before;
    const [event] = await tx
      .update(events)
      .set({ status: 'cancelled', sequence: sql`${events.sequence} + 1`, updatedAt: new Date() })
      .where(and(eq(events.coopId, actor.coopId), eq(events.id, eventId)))
      .returning();
    await recordAudit(tx, actor, { action: 'event.cancelled', entityType: 'event', entityId: eventId, before: { status: before.status }, after: { status: 'cancelled' } });
    const regs = await tx.select().from(eventRegistrations).where(and(eq(eventRegistrations.coopId, actor.coopId), eq(eventRegistrations.eventId, eventId), inArray(eventRegistrations.status, ['confirmed', 'waiting'])));
    await announceCancellation(tx, storage, event!, regs);
    return event!;
  });
}
