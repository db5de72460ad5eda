import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { invoices } from './schema.js';

export interface InvoiceNumber {
  /** Null for a draft: a number is given at validation only. */
  number: string | null;
  clientId: string;
  /** The activity the document belongs to (who is told of what happens to it). */
  activityId: string;
}

/** Numbers and clients of invoices (and credit notes) of a cooperative, by id, for screens of other modules. */
export async function invoiceNumbers(db: Executor, coopId: string, ids: string[]): Promise<Map<string, InvoiceNumber>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: invoices.id, number: invoices.number, clientId: invoices.clientId, activityId: invoices.activityId })
    .from(invoices)
    .where(and(eq(invoices.coopId, coopId), inArray(invoices.id, [...new Set(ids)])));
  return new Map(rows.map((r) => [r.id, { number: r.number, clientId: r.clientId, activityId: r.activityId }]));
}
