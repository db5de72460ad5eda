import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { quoteInvoices, quotes } from './schema.js';

export interface QuoteLeftToInvoice {
  quoteId: string;
  number: string | null;
  clientId: string;
  /** The quote's amount excl. VAT minus what its invoices (drafts included) already took. */
  leftToInvoiceNetCents: number;
}

/**
 * The accepted quotes of one activity with something left to invoice, oldest accepted first:
 * the work the client signed for and the coop has not billed yet, on which a member may plan a
 * salary. A quote whose whole or balance was invoiced is done, like `isFullyInvoiced` says. The
 * caller checks that the person may see the activity.
 */
export async function acceptedQuotesLeftToInvoice(db: Executor, coopId: string, activityId: string): Promise<QuoteLeftToInvoice[]> {
  const invoiced = db
    .select({
      quoteId: quoteInvoices.quoteId,
      netCents: sql<number>`sum(${quoteInvoices.netCents})`.as('invoiced_net'),
      closed: sql<boolean>`bool_or(${quoteInvoices.kind} in ('whole', 'balance'))`.as('invoiced_closed'),
    })
    .from(quoteInvoices)
    .where(eq(quoteInvoices.coopId, coopId))
    .groupBy(quoteInvoices.quoteId)
    .as('invoiced');
  const rows = await db
    .select({
      quoteId: quotes.id,
      number: quotes.number,
      clientId: quotes.clientId,
      left: sql<number>`${quotes.netCents} - coalesce(${invoiced.netCents}, 0)`.mapWith(Number),
    })
    .from(quotes)
    .leftJoin(invoiced, eq(invoiced.quoteId, quotes.id))
    .where(and(eq(quotes.coopId, coopId), eq(quotes.activityId, activityId), eq(quotes.status, 'accepted'), sql`coalesce(${invoiced.closed}, false) = false`))
    .orderBy(quotes.acceptedAt, quotes.id);
  return rows.filter((r) => r.left > 0).map((r) => ({ quoteId: r.quoteId, number: r.number, clientId: r.clientId, leftToInvoiceNetCents: r.left }));
}
