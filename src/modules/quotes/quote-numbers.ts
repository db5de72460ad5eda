import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { quotes } from './schema.js';

export interface QuoteNumber {
  /** Null for a draft: a number is given at validation only. */
  number: string | null;
  clientId: string;
  /** The activity the document belongs to (who is told of what happens to it). */
  activityId: string;
}

/** Numbers and clients of quotes of a cooperative, by id, for screens of other modules. */
export async function quoteNumbers(db: Executor, coopId: string, ids: string[]): Promise<Map<string, QuoteNumber>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: quotes.id, number: quotes.number, clientId: quotes.clientId, activityId: quotes.activityId })
    .from(quotes)
    .where(and(eq(quotes.coopId, coopId), inArray(quotes.id, [...new Set(ids)])));
  return new Map(rows.map((r) => [r.id, { number: r.number, clientId: r.clientId, activityId: r.activityId }]));
}
