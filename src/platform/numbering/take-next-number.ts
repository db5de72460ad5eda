import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { numberSeries } from './schema.js';

/**
 * Takes the next number of a coop's series (1 for a series never used), in the caller's
 * transaction. French law wants invoice numbers, and the FEC wants journal entry numbers, to
 * be continuous: no gap, no number used twice. This is the one place that guarantees it.
 *
 * - One row per (coop, series), upserted: `insert … on conflict do update set n = n + 1
 *   returning n`. The update locks the row until the transaction ends, so a second caller of
 *   the same series waits for the first to commit (then reads its number and adds one) or to
 *   roll back (then takes the same number again). A rolled-back transaction therefore
 *   consumes no number, and no crash leaves a gap: the counter and the document that carries
 *   the number are written in one transaction. A sequence cannot do this (it is not
 *   transactional: a rollback burns its value).
 * - Run it under READ COMMITTED (PostgreSQL's default). There the waiting update re-reads the
 *   committed row and goes on; under REPEATABLE READ or SERIALIZABLE it fails instead with
 *   40001 (serialization failure) as soon as another transaction took a number of the series,
 *   and concurrent writers would have to retry.
 * - The lock is held from the number to the commit and every writer of the series queues on
 *   it: take the number LAST, after every check that could refuse the document (a refused
 *   document then burns nothing, and the lock is held only while writing).
 * - Locks are taken in one fixed order so that two transactions never wait on each other: a
 *   document's series first (invoice, quote), then the ledger series of its journal entry.
 *   A transaction that needs two series of the same kind takes them in ascending order.
 * - Series of different coops, or of different years, are different rows: they never wait on
 *   each other.
 */
export async function takeNextNumber(tx: Executor, { coopId, series }: { coopId: string; series: string }): Promise<number> {
  const [row] = await tx
    .insert(numberSeries)
    .values({ coopId, series, lastNumber: 1 })
    .onConflictDoUpdate({ target: [numberSeries.coopId, numberSeries.series], set: { lastNumber: sql`${numberSeries.lastNumber} + 1` } })
    .returning({ lastNumber: numberSeries.lastNumber });
  return row!.lastNumber;
}
