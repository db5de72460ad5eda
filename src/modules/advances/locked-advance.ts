import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { advanceErrors } from './errors.js';
import { advances, type AdvanceRow } from './schema.js';

/** The advance, locked FOR UPDATE for the rest of the transaction; a 404 when not the coop's. */
export async function lockedAdvance(tx: Executor, coopId: string, id: string): Promise<AdvanceRow> {
  const [row] = await tx.select().from(advances).where(and(eq(advances.coopId, coopId), eq(advances.id, id))).for('update');
  if (!row) throw advanceErrors.ADVANCE_NOT_FOUND();
  return row;
}

export const outstandingOf = (a: Pick<AdvanceRow, 'amountCents' | 'settledCents' | 'writtenOffCents' | 'status'>): number =>
  a.status === 'paid' || a.status === 'settled' || a.status === 'written_off' ? a.amountCents - a.settledCents - a.writtenOffCents : 0;
