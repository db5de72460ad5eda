import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { promotions } from './domain/registration-places.js';
import { eventRegistrations, type EventRow, type RegistrationRow } from './schema.js';

/** Confirmed and waiting counts of an event. Read under the event's row lock to decide a place. */
export async function placeCounts(tx: Executor, event: Pick<EventRow, 'coopId' | 'id'>): Promise<{ confirmed: number; waiting: number }> {
  const rows = await tx
    .select({ status: eventRegistrations.status, n: count() })
    .from(eventRegistrations)
    .where(and(eq(eventRegistrations.coopId, event.coopId), eq(eventRegistrations.eventId, event.id)))
    .groupBy(eventRegistrations.status);
  const of = (s: string) => Number(rows.find((r) => r.status === s)?.n ?? 0);
  return { confirmed: of('confirmed'), waiting: of('waiting') };
}

/**
 * Fills the places left from the waiting list (first come, first served) and closes the gaps:
 * those still waiting keep their order at positions 1..k. Runs under the event's row lock; the
 * deferrable unique key on positions lets one statement shift them all. Returns the promoted.
 */
export async function fillFromWaitingList(tx: Executor, event: EventRow): Promise<RegistrationRow[]> {
  const { confirmed } = await placeCounts(tx, event);
  const waiting = await tx
    .select({ id: eventRegistrations.id })
    .from(eventRegistrations)
    .where(and(eq(eventRegistrations.coopId, event.coopId), eq(eventRegistrations.eventId, event.id), eq(eventRegistrations.status, 'waiting')))
    .orderBy(asc(eventRegistrations.waitingPosition));
  const promote = promotions({ capacity: event.capacity, confirmed, waitingInOrder: waiting.map((w) => w.id) });
  const promoted: RegistrationRow[] = [];
  for (const id of promote) {
    const [row] = await tx
      .update(eventRegistrations)
      .set({ status: 'confirmed', waitingPosition: null, updatedAt: new Date() })
      .where(and(eq(eventRegistrations.coopId, event.coopId), eq(eventRegistrations.id, id)))
      .returning();
    promoted.push(row!);
  }
  await renumberWaitingList(tx, event);
  return promoted;
}

/** Positions 1..k in the current order (after a promotion or a waiting person leaving). */
export async function renumberWaitingList(tx: Executor, event: Pick<EventRow, 'coopId' | 'id'>): Promise<void> {
  await tx.execute(sql`
    update event_registrations r set waiting_position = o.position
    from (select id, row_number() over (order by waiting_position, created_at, id)::int as position
          from event_registrations
          where coop_id = ${event.coopId} and event_id = ${event.id} and status = 'waiting') o
    where r.coop_id = ${event.coopId} and r.id = o.id and r.waiting_position is distinct from o.position`);
}
