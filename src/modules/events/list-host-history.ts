import { and, desc, eq, isNotNull, lt, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import { memberNames } from '../members/index.js';
import type { HostHistory } from './contract.js';
import { eventRegistrations, events } from './schema.js';

/** Who hosted what: the past events that had a host (cancelled ones left out), latest first, and the count per host. */
export async function listHostHistory(db: Db, actor: Actor, now: Date): Promise<HostHistory> {
  const attended = db
    .select({ n: sql<number>`count(*)::int` })
    .from(eventRegistrations)
    .where(and(eq(eventRegistrations.coopId, events.coopId), eq(eventRegistrations.eventId, events.id), eq(eventRegistrations.attended, true)));
  const rows = await db
    .select({ id: events.id, kind: events.kind, title: events.title, theme: events.theme, hostMemberId: events.hostMemberId, hostName: events.hostName, startsAt: events.startsAt, attended: sql<number>`(${attended})` })
    .from(events)
    .where(and(eq(events.coopId, actor.coopId), lt(events.startsAt, now), ne(events.status, 'cancelled'), or(isNotNull(events.hostMemberId), isNotNull(events.hostName))))
    .orderBy(desc(events.startsAt))
    .limit(500);
  const names = await memberNames(db, actor.coopId, [...new Set(rows.flatMap((r) => (r.hostMemberId ? [r.hostMemberId] : [])))]);
  const items = rows.map((r) => ({ eventId: r.id, kind: r.kind, title: r.title, theme: r.theme, hostName: (r.hostMemberId ? names.get(r.hostMemberId) : r.hostName) ?? '', startsAt: r.startsAt, attended: Number(r.attended ?? 0), hostMemberId: r.hostMemberId }));
  const hosts = new Map<string, { hostName: string; hostMemberId: string | null; count: number; lastAt: Date }>();
  for (const i of items) {
    const key = i.hostMemberId ?? `name:${i.hostName.toLowerCase()}`;
    const h = hosts.get(key);
    if (h) h.count++;
    else hosts.set(key, { hostName: i.hostName, hostMemberId: i.hostMemberId, count: 1, lastAt: i.startsAt });
  }
  return {
    items: items.map(({ hostMemberId: _h, ...i }) => i),
    hosts: [...hosts.values()].sort((a, b) => b.count - a.count || b.lastAt.getTime() - a.lastAt.getTime()),
  };
}
