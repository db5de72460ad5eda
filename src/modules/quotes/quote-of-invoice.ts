import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors.js';
import { activityScopeOf } from '../activities/index.js';
import { visibleInvoice } from '../invoicing/index.js';
import type { QuoteOfInvoiceAnswer } from './contract.js';
import { quoteErrors } from './errors.js';
import { visibleQuotes, type Viewer } from './quote-access.js';
import { quoteInvoices, quotes } from './schema.js';

/**
 * The quote an invoice was drafted from, for the invoice screen to name it (the client's
 * order is the quote they accepted). The link lives here because quotes call invoicing, never
 * the other way round. An invoice made without a quote is the usual case: `{ quote: null }`.
 * Whoever may not see the invoice gets a 404 (another cooperative's, another member's), so the
 * answer tells nothing about invoices out of reach; a quote out of reach reads as none.
 */
export async function quoteOfInvoice(db: Executor, viewer: Viewer, invoiceId: string): Promise<QuoteOfInvoiceAnswer> {
  try {
    await visibleInvoice(db, viewer, invoiceId);
  } catch (err) {
    // Answered as the quote route always did: out of reach is "no such quote", nothing more.
    if (err instanceof AppError && err.code === 'INVOICE_NOT_FOUND') throw quoteErrors.QUOTE_NOT_FOUND();
    throw err;
  }
  const visible = visibleQuotes(viewer.coopId, await activityScopeOf(db, viewer));
  if (!visible) return { quote: null };
  const [row] = await db
    .select({ quoteId: quotes.id, number: quotes.number, kind: quoteInvoices.kind })
    .from(quoteInvoices)
    .innerJoin(quotes, and(eq(quotes.coopId, quoteInvoices.coopId), eq(quotes.id, quoteInvoices.quoteId)))
    .where(and(visible, eq(quoteInvoices.coopId, viewer.coopId), eq(quoteInvoices.invoiceId, invoiceId)));
  return { quote: row ?? null };
}
