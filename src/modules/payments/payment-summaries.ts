import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { paymentRemittances, payments } from './schema.js';

export interface PaymentSummary {
  clientId: string;
  amountCents: number;
  date: string;
}

export interface RemittanceSummary {
  number: number;
  totalCents: number;
  date: string;
}

/** Client, amount and day of payments of a cooperative, by id, for screens of other modules. */
export async function paymentSummaries(db: Executor, coopId: string, ids: string[]): Promise<Map<string, PaymentSummary>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: payments.id, clientId: payments.clientId, amountCents: payments.amountCents, date: payments.date })
    .from(payments)
    .where(and(eq(payments.coopId, coopId), inArray(payments.id, [...new Set(ids)])));
  return new Map(rows.map((r) => [r.id, { clientId: r.clientId, amountCents: Number(r.amountCents), date: String(r.date) }]));
}

/** Number, total and day of cheque remittance slips, by id. */
export async function remittanceSummaries(db: Executor, coopId: string, ids: string[]): Promise<Map<string, RemittanceSummary>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: paymentRemittances.id, number: paymentRemittances.number, totalCents: paymentRemittances.totalCents, date: paymentRemittances.date })
    .from(paymentRemittances)
    .where(and(eq(paymentRemittances.coopId, coopId), inArray(paymentRemittances.id, [...new Set(ids)])));
  return new Map(rows.map((r) => [r.id, { number: r.number, totalCents: Number(r.totalCents), date: String(r.date) }]));
}
