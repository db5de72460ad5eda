import { and, count, desc, eq, exists, gte, inArray, isNotNull, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import { CSV_EXPORT_MAX_ROWS } from '../../platform/http/list-sort.js';
import { offsetOf } from '../../platform/http/pagination.js';
import type { Payment, PaymentExportQuery, PaymentListPage, PaymentListQuery, PaymentSort } from './contract.js';
import { paymentErrors } from './errors.js';
import { activityScopeOf, type ActivityScope } from '../activities/index.js';
import { paymentsInScope, paymentsOf } from './payment-access.js';
import { paymentAllocations, paymentRemittances, payments } from './schema.js';

type PaymentFilters = Omit<PaymentExportQuery, 'sort' | 'dir'>;

/** The payments the person sees that pass the list's filters; null when the person sees none. */
function filteredPayments(db: Executor, actor: Actor, scope: ActivityScope, query: PaymentFilters): SQL | null {
  const visible = paymentsInScope(db, actor.coopId, scope);
  if (!visible) return null;
  const slipSeenByBank = exists(
    db
      .select({ one: paymentRemittances.id })
      .from(paymentRemittances)
      .where(and(eq(paymentRemittances.coopId, payments.coopId), eq(paymentRemittances.id, payments.remittanceId), isNotNull(paymentRemittances.bankLineId))),
  );
  const reconciled = and(isNull(payments.cancelledAt), or(isNotNull(payments.bankLineId), slipSeenByBank))!;
  return and(
    visible,
    query.clientId ? eq(payments.clientId, query.clientId) : undefined,
    query.invoiceId
      ? exists(
          db
            .select({ one: paymentAllocations.paymentId })
            .from(paymentAllocations)
            .where(and(eq(paymentAllocations.coopId, payments.coopId), eq(paymentAllocations.paymentId, payments.id), eq(paymentAllocations.invoiceId, query.invoiceId))),
        )
      : undefined,
    query.from ? gte(payments.date, query.from) : undefined,
    query.to ? lte(payments.date, query.to) : undefined,
    query.mode ? eq(payments.mode, query.mode) : undefined,
    // A payment is reconciled once a bank statement line confirms it, or the slip it was paid in with.
    query.reconciled === undefined ? undefined : query.reconciled ? reconciled : sql`not ${reconciled}`,
    query.remittable
      ? and(eq(payments.mode, 'cheque'), eq(payments.depositAccount, '5112'), isNull(payments.cancelledAt), isNull(payments.remittanceId), isNull(payments.bankLineId))
      : undefined,
  )!;
}

const SORT_COLUMNS: Record<PaymentSort, SQL> = { date: sql`${payments.date}`, amount: sql`${payments.amountCents}`, mode: sql`${payments.mode}` };

function orderOf(query: Pick<PaymentExportQuery, 'sort' | 'dir'>): SQL[] {
  const newestFirst = [desc(payments.date), desc(payments.createdAt), desc(payments.id)];
  if (!query.sort) return newestFirst;
  return [sql`${SORT_COLUMNS[query.sort]} ${query.dir === 'desc' ? sql`desc` : sql`asc`}`, ...newestFirst];
}

/**
 * What the filtered set adds up to, cancelled payments left out (they collected nothing): the
 * whole amounts for the team, for a member only her part of each (the allocations to her
 * activities' invoices), as each row shows it.
 */
async function collectedCents(db: Executor, scope: ActivityScope, where: SQL): Promise<number> {
  const live = and(where, isNull(payments.cancelledAt));
  if (scope === 'all') {
    const [row] = await db.select({ cents: sql<number>`coalesce(sum(${payments.amountCents}), 0)`.mapWith(Number) }).from(payments).where(live);
    return row?.cents ?? 0;
  }
  const [row] = await db
    .select({ cents: sql<number>`coalesce(sum(${paymentAllocations.amountCents}), 0)`.mapWith(Number) })
    .from(paymentAllocations)
    .innerJoin(payments, and(eq(payments.coopId, paymentAllocations.coopId), eq(payments.id, paymentAllocations.paymentId)))
    .where(and(live, inArray(paymentAllocations.activityId, scope)));
  return row?.cents ?? 0;
}

/** The payments the person sees (a member: her part of each), newest first or sorted by a column, with the sum of the whole filtered set (not of the page). */
export async function listPayments(db: Executor, actor: Actor, query: PaymentListQuery): Promise<PaymentListPage> {
  const scope = await activityScopeOf(db, actor);
  const where = filteredPayments(db, actor, scope, query);
  if (!where) return { items: [], total: 0, page: query.page, pageSize: query.pageSize, totals: { amountCents: 0 } };
  const [rows, [counted], amountCents] = await Promise.all([
    db.select().from(payments).where(where).orderBy(...orderOf(query)).limit(query.pageSize).offset(offsetOf(query)),
    db.select({ n: count() }).from(payments).where(where),
    collectedCents(db, scope, where),
  ]);
  return { items: await paymentsOf(db, actor.coopId, rows, scope), total: counted?.n ?? 0, page: query.page, pageSize: query.pageSize, totals: { amountCents } };
}

/** Every payment of the filtered set, in the list's order, for the CSV export (bounded). */
export async function paymentsForExport(db: Executor, actor: Actor, query: PaymentExportQuery): Promise<Payment[]> {
  const scope = await activityScopeOf(db, actor);
  const where = filteredPayments(db, actor, scope, query);
  if (!where) return [];
  const rows = await db.select().from(payments).where(where).orderBy(...orderOf(query)).limit(CSV_EXPORT_MAX_ROWS);
  return paymentsOf(db, actor.coopId, rows, scope);
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
