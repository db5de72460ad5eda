import { and, eq } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { numberSeries } from './schema.js';

/**
 * The number a series would hand out next (1 for a series never used), for a preview only:
 * it takes no lock, so a validation running meanwhile may take it first. Documents get their
 * number from takeNextNumber, never from here.
 */
export async function peekNextNumber(db: Executor, { coopId, series }: { coopId: string; series: string }): Promise<number> {
  const [row] = await db
    .select({ lastNumber: numberSeries.lastNumber })
    .from(numberSeries)
    .where(and(eq(numberSeries.coopId, coopId), eq(numberSeries.series, series)));
  return (row?.lastNumber ?? 0) + 1;
}
