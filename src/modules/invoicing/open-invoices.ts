import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { clientNames } from '../clients/index.js';
import { invoices } from './schema.js';

export interface OpenInvoiceRow {
  id: string;
  number: string;
  clientId: string;
  clientName: string;
  activityId: string;
  amountDueCents: number;
  issueDate: string;
  dueDate: string;
}

/**
 * The issued invoices of the coop a client still owes money on (gross minus payments minus
 * credit notes), oldest due first: what a received payment can settle. Read without a lock;
 * the payment re-checks each amount left on the locked invoice when it is booked.
 */
export async function openInvoices(db: Executor, coopId: string, opts: { clientId?: string } = {}): Promise<OpenInvoiceRow[]> {
  // Written out: drizzle drops the table names of columns inside a select list, which a correlated subquery needs.
  const credited = sql<number>`coalesce((select sum(cn.gross_cents) from invoices cn where cn.coop_id = "invoices"."coop_id" and cn.credited_invoice_id = "invoices"."id"), 0)`;
  const rows = await db
    .select({
      id: invoices.id,
      number: invoices.number,
      clientId: invoices.clientId,
      activityId: invoices.activityId,
      grossCents: invoices.grossCents,
      paidCents: invoices.paidCents,
      creditedCents: credited.mapWith(Number),
      issueDate: invoices.issueDate,
      dueDate: invoices.dueDate,
    })
    .from(invoices)
    .where(
      and(
        eq(invoices.coopId, coopId),
        ne(invoices.kind, 'credit_note'),
        inArray(invoices.status, ['validated', 'sent', 'partially_paid']),
        opts.clientId ? eq(invoices.clientId, opts.clientId) : undefined,
      ),
    )
    .orderBy(asc(invoices.dueDate), asc(invoices.issueDate), asc(invoices.number));
  const open = rows.filter((r) => r.grossCents - r.paidCents - r.creditedCents > 0);
  const names = await clientNames(db, coopId, open.map((r) => r.clientId));
  return open.map((r) => ({
    id: r.id,
    number: r.number!,
    clientId: r.clientId,
    clientName: names.get(r.clientId) ?? '',
    activityId: r.activityId,
    amountDueCents: r.grossCents - r.paidCents - r.creditedCents,
    issueDate: r.issueDate!,
    dueDate: r.dueDate!,
  }));
}
