import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { eventsErrors } from './errors.js';
import { events, type EventRow } from './schema.js';

/**
 * The event's row, locked FOR UPDATE until the transaction ends: every change to its places
 * (a registration, a cancellation, a capacity changed) takes this lock first, so they happen
 * one after the other and each reads the counts the previous one left.
 */
export async function lockEvent(tx: Executor, coopId: string, eventId: string): Promise<EventRow> {
  const [row] = await tx.select().from(events).where(and(eq(events.coopId, coopId), eq(events.id, eventId))).for('update');
  if (!row) throw eventsErrors.EVENT_NOT_FOUND();
  return row;
}
