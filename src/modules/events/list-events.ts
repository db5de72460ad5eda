import { and, asc, desc, eq, gte, lt } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import type { EventSummary } from './contract.js';
import { eventViewerOf } from './event-viewer.js';
import { events, type EventKind } from './schema.js';
import { summarizeEvents } from './summarize-events.js';

/** What is coming (not yet over, soonest first), or what is past (latest first). */
export async function listEvents(db: Db, actor: Actor, q: { when: 'upcoming' | 'past'; kind?: EventKind; limit: number }, now: Date): Promise<{ items: EventSummary[] }> {
  const viewer = await eventViewerOf(db, actor);
  const rows = await db
    .select()
    .from(events)
    .where(and(eq(events.coopId, actor.coopId), q.when === 'upcoming' ? gte(events.endsAt, now) : lt(events.endsAt, now), q.kind ? eq(events.kind, q.kind) : undefined))
    .orderBy(q.when === 'upcoming' ? asc(events.startsAt) : desc(events.startsAt))
    .limit(q.limit);
  return { items: await summarizeEvents(db, actor.coopId, viewer, rows, now) };
}
