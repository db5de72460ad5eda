import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import type { InvoiceContribution } from './contract.js';
import { contributionPostings } from './schema.js';

/**
 * What an invoice bore of the contribution so far (postings minus reversals), with its rate;
 * null when nothing was ever posted for it. The caller has checked the reader may see the
 * invoice (invoicing's `visibleInvoice`): the figure is part of the invoice.
 */
export async function contributionOfInvoice(db: Executor, coopId: string, invoiceId: string): Promise<InvoiceContribution | null> {
  const rows = await db
    .select({ amountCents: contributionPostings.amountCents, rateBp: contributionPostings.rateBp, basis: contributionPostings.basis })
    .from(contributionPostings)
    .where(and(eq(contributionPostings.coopId, coopId), eq(contributionPostings.invoiceId, invoiceId)));
  if (rows.length === 0) return null;
  const rates = new Set(rows.map((r) => r.rateBp));
  return {
    amountCents: rows.reduce((s, r) => s + Number(r.amountCents), 0),
    rateBp: rates.size === 1 ? rows[0]!.rateBp : null,
    basis: rows[0]!.basis,
  };
}
