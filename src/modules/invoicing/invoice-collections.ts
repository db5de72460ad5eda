import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { invoices, type InvoiceRow } from './schema.js';

export interface InvoiceCollection {
  number: string | null;
  status: InvoiceRow['status'];
  grossCents: number;
  paidCents: number;
  dueDate: string | null;
}

/** What clients owe and paid on invoices of a cooperative, by id: for another module's view of a set of invoices (a quote's). */
export async function invoiceCollections(db: Executor, coopId: string, ids: string[]): Promise<Map<string, InvoiceCollection>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: invoices.id, number: invoices.number, status: invoices.status, grossCents: invoices.grossCents, paidCents: invoices.paidCents, dueDate: invoices.dueDate })
    .from(invoices)
    .where(and(eq(invoices.coopId, coopId), inArray(invoices.id, [...new Set(ids)])));
  return new Map(rows.map(({ id, ...r }) => [id, r]));
}
