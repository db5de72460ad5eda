import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import { memberNames } from '../members/index.js';
import type { EventDetail } from './contract.js';
import { eventsErrors } from './errors.js';
import { eventViewerOf } from './event-viewer.js';
import { eventRegistrations, events, type EventRow } from './schema.js';
import { summarizeEvents } from './summarize-events.js';

export async function findEvent(db: Db, coopId: string, id: string): Promise<EventRow> {
  const [row] = await db.select().from(events).where(and(eq(events.coopId, coopId), eq(events.id, id)));
  if (!row) throw eventsErrors.EVENT_NOT_FOUND();
  return row;
}

/** An event; its registrants (confirmed first, then the waiting list in order) only to staff and its host. */
export async function getEvent(db: Db, actor: Actor, id: string, now: Date): Promise<EventDetail> {
  const viewer = await eventViewerOf(db, actor);
  const row = await findEvent(db, actor.coopId, id);
  const [summary] = await summarizeEvents(db, actor.coopId, viewer, [row], now);
  if (!summary!.canManage) return { ...summary!, description: row.description, registrants: [] };
  const regs = await db
    .select()
    .from(eventRegistrations)
    .where(and(eq(eventRegistrations.coopId, actor.coopId), eq(eventRegistrations.eventId, id)))
    .orderBy(sql`case ${eventRegistrations.status} when 'confirmed' then 0 when 'waiting' then 1 else 2 end`, asc(eventRegistrations.waitingPosition), asc(eventRegistrations.createdAt));
  const names = await memberNames(db, actor.coopId, [...new Set(regs.flatMap((r) => (r.memberId ? [r.memberId] : [])))]);
  return {
    ...summary!,
    description: row.description,
    registrants: regs
      .map((r) => ({ id: r.id, memberId: r.memberId, name: r.memberId ? (names.get(r.memberId) ?? '') : (r.guestName ?? ''), guestEmail: r.guestEmail, guest: r.memberId === null, status: r.status, waitingPosition: r.waitingPosition, attended: r.attended, createdAt: r.createdAt }))
      .sort((a, b) => (a.status === 'confirmed' && b.status === 'confirmed' ? a.name.localeCompare(b.name, 'fr') : 0)),
  };
}
