import { and, count, desc, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import { offsetOf, type Page } from '../../platform/http/pagination.js';
import type { Payment, PaymentListQuery } from './contract.js';
import { paymentErrors } from './errors.js';
import { activityScopeOf } from '../activities/index.js';
import { paymentsInScope, paymentsOf } from './payment-access.js';
import { payments } from './schema.js';

/** The payments the person sees (a member: her part of each), newest first. */
export async function listPayments(db: Executor, actor: Actor, query: PaymentListQuery): Promise<Page<Payment>> {
  const scope = await activityScopeOf(db, actor);
  const visible = paymentsInScope(db, actor.coopId, scope);
  if (!visible) return { items: [], total: 0, page: query.page, pageSize: query.pageSize };
  const remittable = query.remittable
    ? and(eq(payments.mode, 'cheque'), eq(payments.depositAccount, '5112'), isNull(payments.cancelledAt), isNull(payments.remittanceId), isNull(payments.bankLineId))
    : undefined;
  const where = and(visible, query.clientId ? eq(payments.clientId, query.clientId) : undefined, remittable);
  const [rows, [total]] = await Promise.all([
    db.select().from(payments).where(where).orderBy(desc(payments.date), desc(payments.createdAt)).limit(query.pageSize).offset(offsetOf(query)),
    db.select({ n: count() }).from(payments).where(where),
  ]);
  return { items: await paymentsOf(db, actor.coopId, rows, scope), total: total?.n ?? 0, page: query.page, pageSize: query.pageSize };
}

/** One payment, or 404 when it is another coop's or settles nothing of the member's. */
export async function getPayment(db: Executor, actor: Actor, id: string): Promise<Payment> {
  const scope = await activityScopeOf(db, actor);
  const visible = paymentsInScope(db, actor.coopId, scope);
  if (!visible) throw paymentErrors.PAYMENT_NOT_FOUND();
  const [row] = await db.select().from(payments).where(and(visible, eq(payments.id, id)));
  if (!row) throw paymentErrors.PAYMENT_NOT_FOUND();
  const [one] = await paymentsOf(db, actor.coopId, [row], scope);
  return one!;
}
