import { and, eq, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { activityScopeOf, whereInScope, type ActivityScope, type Viewer } from '../activities/index.js';
import { quoteErrors } from './errors.js';
import { quotes, type QuoteRow } from './schema.js';

export type { Viewer };

/** The quotes a scope sees (see `activityScopeOf`), as for invoices: a condition on `quotes`, null when none. */
export function visibleQuotes(coopId: string, scope: ActivityScope): SQL | null {
  return whereInScope(scope, eq(quotes.coopId, coopId), quotes.activityId);
}

/**
 * The quote if the person may see it, locked for the rest of the transaction when `lock` (two
 * clicks on one quote take turns). 404 for another coop's or another member's quote.
 */
export async function visibleQuote(db: Executor, viewer: Viewer, id: string, opts: { lock?: boolean } = {}): Promise<QuoteRow> {
  const visible = visibleQuotes(viewer.coopId, await activityScopeOf(db, viewer));
  if (!visible) throw quoteErrors.QUOTE_NOT_FOUND();
  const query = db.select().from(quotes).where(and(visible, eq(quotes.id, id)));
  const [row] = opts.lock ? await query.for('update') : await query;
  if (!row) throw quoteErrors.QUOTE_NOT_FOUND();
  return row;
}
