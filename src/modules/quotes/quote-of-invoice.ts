import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { activityScopeOf } from '../activities/index.js';
import type { QuoteOfInvoice } from './contract.js';
import { quoteErrors } from './errors.js';
import { visibleQuotes, type Viewer } from './quote-access.js';
import { quoteInvoices, quotes } from './schema.js';

/**
 * The quote an invoice was drafted from, for the invoice screen to name it (the client's
 * order is the quote they accepted). The link lives here because quotes call invoicing, never
 * the other way round. Whoever may not see the quote gets a 404, as for the quote itself;
 * an invoice made without a quote gets the same 404.
 */
export async function quoteOfInvoice(db: Executor, viewer: Viewer, invoiceId: string): Promise<QuoteOfInvoice> {
  const visible = visibleQuotes(viewer.coopId, await activityScopeOf(db, viewer));
  if (!visible) throw quoteErrors.QUOTE_NOT_FOUND();
  const [row] = await db
    .select({ quoteId: quotes.id, number: quotes.number, kind: quoteInvoices.kind })
    .from(quoteInvoices)
    .innerJoin(quotes, and(eq(quotes.coopId, quoteInvoices.coopId), eq(quotes.id, quoteInvoices.quoteId)))
    .where(and(visible, eq(quoteInvoices.coopId, viewer.coopId), eq(quoteInvoices.invoiceId, invoiceId)));
  if (!row) throw quoteErrors.QUOTE_NOT_FOUND();
  return row;
}
