import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import type { StoredQuoteState } from './domain/quote-lifecycle.js';
import { quotes } from './schema.js';

export interface QuoteTotal {
  number: string | null;
  status: StoredQuoteState;
  netCents: number;
}

/** Number, state and total excl. VAT of quotes of a cooperative, by id: what other modules report as business brought in. */
export async function quoteTotals(db: Executor, coopId: string, ids: string[]): Promise<Map<string, QuoteTotal>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: quotes.id, number: quotes.number, status: quotes.status, netCents: quotes.netCents })
    .from(quotes)
    .where(and(eq(quotes.coopId, coopId), inArray(quotes.id, [...new Set(ids)])));
  return new Map(rows.map((r) => [r.id, { number: r.number, status: r.status, netCents: r.netCents }]));
}
