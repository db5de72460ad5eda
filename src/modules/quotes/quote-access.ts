import { and, eq, inArray, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { documentScopeOf, type Viewer } from '../invoicing/index.js';
import { quoteErrors } from './errors.js';
import { quotes, type QuoteRow } from './schema.js';

export type { Viewer };

/** The coop's team sees every quote; a member the quotes of the activities they hold, as for invoices. */
export const quoteScopeOf = documentScopeOf;

export function visibleQuotes(coopId: string, scope: 'all' | string[]): SQL | null {
  const inCoop = eq(quotes.coopId, coopId);
  if (scope === 'all') return inCoop;
  if (scope.length === 0) return null;
  return and(inCoop, inArray(quotes.activityId, scope))!;
}

/**
 * The quote if the person may see it, locked for the rest of the transaction when `lock` (two
 * clicks on one quote take turns). 404 for another coop's or another member's quote.
 */
export async function visibleQuote(db: Executor, viewer: Viewer, id: string, opts: { lock?: boolean } = {}): Promise<QuoteRow> {
  const visible = visibleQuotes(viewer.coopId, await quoteScopeOf(db, viewer));
  if (!visible) throw quoteErrors.QUOTE_NOT_FOUND();
  const query = db.select().from(quotes).where(and(visible, eq(quotes.id, id)));
  const [row] = opts.lock ? await query.for('update') : await query;
  if (!row) throw quoteErrors.QUOTE_NOT_FOUND();
  return row;
}
