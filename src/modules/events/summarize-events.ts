import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { memberNames } from '../members/index.js';
import type { EventSummary } from './contract.js';
import { placesLeft } from './domain/registration-places.js';
import { registrationProblem } from './domain/registration-window.js';
import { managesEvent, type EventViewer } from './event-viewer.js';
import { eventRegistrations, type EventRow } from './schema.js';

/** Events as a viewer sees them: counts of places, their own registration, whether they run it. Two queries whatever the number of events. */
export async function summarizeEvents(db: Executor, coopId: string, viewer: EventViewer, rows: EventRow[], now: Date): Promise<EventSummary[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const counts = await db
    .select({
      eventId: eventRegistrations.eventId,
      confirmed: sql<number>`count(*) filter (where ${eventRegistrations.status} = 'confirmed')::int`,
      waiting: sql<number>`count(*) filter (where ${eventRegistrations.status} = 'waiting')::int`,
      attended: sql<number>`count(*) filter (where ${eventRegistrations.attended})::int`,
    })
    .from(eventRegistrations)
    .where(and(eq(eventRegistrations.coopId, coopId), inArray(eventRegistrations.eventId, ids)))
    .groupBy(eventRegistrations.eventId);
  const byEvent = new Map(counts.map((c) => [c.eventId, c]));
  const mine = viewer.memberId
    ? await db
        .select()
        .from(eventRegistrations)
        .where(and(eq(eventRegistrations.coopId, coopId), inArray(eventRegistrations.eventId, ids), eq(eventRegistrations.memberId, viewer.memberId)))
    : [];
  const myByEvent = new Map(mine.map((m) => [m.eventId, m]));
  const hosts = await memberNames(db, coopId, [...new Set(rows.flatMap((r) => (r.hostMemberId ? [r.hostMemberId] : [])))]);
  return rows.map((e) => {
    const c = byEvent.get(e.id);
    const confirmed = Number(c?.confirmed ?? 0);
    const my = myByEvent.get(e.id);
    return {
      id: e.id,
      kind: e.kind,
      title: e.title,
      theme: e.theme,
      hostMemberId: e.hostMemberId,
      hostName: e.hostMemberId ? (hosts.get(e.hostMemberId) ?? null) : e.hostName,
      startsAt: e.startsAt,
      endsAt: e.endsAt,
      registrationDeadline: e.registrationDeadline,
      place: e.place,
      onlineUrl: e.onlineUrl,
      capacity: e.capacity,
      status: e.status,
      confirmed,
      waiting: Number(c?.waiting ?? 0),
      placesLeft: placesLeft(e.capacity, confirmed),
      attended: Number(c?.attended ?? 0),
      registrationOpen: registrationProblem(e, now) === null,
      my: my ? { id: my.id, status: my.status, waitingPosition: my.waitingPosition, attended: my.attended } : null,
      canManage: managesEvent(viewer, e),
    };
  });
}
