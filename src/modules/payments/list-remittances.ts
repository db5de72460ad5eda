import { and, count, desc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import { offsetOf, type Page, type PageQuery } from '../../platform/http/pagination.js';
import { clientNames } from '../clients/index.js';
import type { Remittance } from './contract.js';
import { paymentErrors } from './errors.js';
import { paymentRemittances, payments, type RemittanceRow } from './schema.js';

/** The coop's remittance slips, last number first, each with its cheques (a staff matter). */
export async function listRemittances(db: Executor, actor: Actor, query: PageQuery): Promise<Page<Remittance>> {
  const where = eq(paymentRemittances.coopId, actor.coopId);
  const [rows, [total]] = await Promise.all([
    db.select().from(paymentRemittances).where(where).orderBy(desc(paymentRemittances.number)).limit(query.pageSize).offset(offsetOf(query)),
    db.select({ n: count() }).from(paymentRemittances).where(where),
  ]);
  return { items: await remittancesOf(db, actor.coopId, rows), total: total?.n ?? 0, page: query.page, pageSize: query.pageSize };
}

export async function getRemittance(db: Executor, actor: Actor, id: string): Promise<Remittance> {
  const [row] = await db.select().from(paymentRemittances).where(and(eq(paymentRemittances.coopId, actor.coopId), eq(paymentRemittances.id, id)));
  if (!row) throw paymentErrors.REMITTANCE_NOT_FOUND();
  return (await remittancesOf(db, actor.coopId, [row]))[0]!;
}

async function remittancesOf(db: Executor, coopId: string, rows: RemittanceRow[]): Promise<Remittance[]> {
  if (rows.length === 0) return [];
  const cheques = await db
    .select()
    .from(payments)
    .where(and(eq(payments.coopId, coopId), inArray(payments.remittanceId, rows.map((r) => r.id))))
    .orderBy(payments.date, payments.id);
  const names = await clientNames(db, coopId, cheques.map((c) => c.clientId));
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    date: r.date,
    totalCents: r.totalCents,
    chequeCount: r.chequeCount,
    status: r.cancelledAt ? 'cancelled' : r.bankLineId ? 'credited' : 'waiting',
    bankLineId: r.bankLineId,
    cheques: cheques
      .filter((c) => c.remittanceId === r.id)
      .map((c) => ({ paymentId: c.id, clientName: names.get(c.clientId) ?? '', date: c.date, reference: c.reference, amountCents: c.amountCents })),
    createdAt: r.createdAt,
  }));
}
