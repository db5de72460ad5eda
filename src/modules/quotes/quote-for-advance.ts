import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { visibleQuote, type Viewer } from './quote-access.js';
import { quoteInvoices, quotes, type QuoteRow } from './schema.js';

/** A quote as the guarantee fund weighs it: who bears it, what it commits the client to, how it was accepted, the invoices made from it. */
export interface QuoteForAdvance {
  id: string;
  number: string | null;
  activityId: string;
  clientId: string;
  status: string;
  /**
   * Accepted by the client himself on the portal: the portal stamps his address, while the
   * team recording a signed paper stamps none (see `acceptQuoteForClient`).
   */
  acceptedOnline: boolean;
  netCents: number;
  grossCents: number;
  invoiceIds: string[];
}

/** The quote if the person may see it (404 otherwise), locked for the transaction when `lock`, with the invoices made from it. */
export async function quoteForAdvance(db: Executor, viewer: Viewer, quoteId: string, opts: { lock?: boolean } = {}): Promise<QuoteForAdvance> {
  return describe(db, await visibleQuote(db, viewer, quoteId, opts));
}

/**
 * The same, whoever acts: for the fund settling its advance inside a client's payment, which
 * may be booked from a bank line by no particular person. Null when the quote is not the coop's.
 */
export async function quoteForSettlement(db: Executor, coopId: string, quoteId: string): Promise<QuoteForAdvance | null> {
  const [q] = await db.select().from(quotes).where(and(eq(quotes.coopId, coopId), eq(quotes.id, quoteId)));
  return q ? describe(db, q) : null;
}

async function describe(db: Executor, q: QuoteRow): Promise<QuoteForAdvance> {
  return {
    id: q.id,
    number: q.number,
    activityId: q.activityId,
    clientId: q.clientId,
    status: q.status,
    acceptedOnline: q.status === 'accepted' && q.acceptedIp !== null,
    netCents: q.netCents,
    grossCents: q.grossCents,
    invoiceIds: await invoiceIdsOfQuote(db, q.coopId, q.id),
  };
}

/** The invoices made from a quote. */
export async function invoiceIdsOfQuote(db: Executor, coopId: string, quoteId: string): Promise<string[]> {
  const rows = await db.select({ id: quoteInvoices.invoiceId }).from(quoteInvoices).where(and(eq(quoteInvoices.coopId, coopId), eq(quoteInvoices.quoteId, quoteId)));
  return rows.map((r) => r.id);
}

/** The quote an invoice was made from, if any. */
export async function quoteIdOfInvoice(db: Executor, coopId: string, invoiceId: string): Promise<string | null> {
  const [row] = await db.select({ id: quoteInvoices.quoteId }).from(quoteInvoices).where(and(eq(quoteInvoices.coopId, coopId), eq(quoteInvoices.invoiceId, invoiceId)));
  return row?.id ?? null;
}
