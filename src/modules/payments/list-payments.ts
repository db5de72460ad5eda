import { and, count, desc, eq, exists, gte, isNotNull, isNull, lte, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import { CSV_EXPORT_MAX_ROWS } from '../../platform/http/list-sort.js';
import { offsetOf } from '../../platform/http/pagination.js';
import type { Payment, PaymentExportQuery, PaymentListPage, PaymentListQuery, PaymentSort } from './contract.js';
import { paymentErrors } from './errors.js';
import { paymentsOf, visiblePayments } from './payment-access.js';
import { paymentAllocations, payments } from './schema.js';

type PaymentFilters = Omit<PaymentExportQuery, 'sort' | 'dir'>;

/** The payments the person sees that pass the list's filters; null when the person sees none. */
async function filteredPayments(db: Executor, actor: Actor, query: PaymentFilters): Promise<SQL | null> {
  const visible = await visiblePayments(db, actor);
  if (!visible) return null;
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
    // A payment is reconciled once a bank statement line confirms it.
    query.reconciled === undefined ? undefined : query.reconciled ? isNotNull(payments.bankLineId) : isNull(payments.bankLineId),
  )!;
}

const SORT_COLUMNS: Record<PaymentSort, SQL> = { date: sql`${payments.date}`, amount: sql`${payments.amountCents}`, mode: sql`${payments.mode}` };

function orderOf(query: Pick<PaymentExportQuery, 'sort' | 'dir'>): SQL[] {
  const newestFirst = [desc(payments.date), desc(payments.createdAt), desc(payments.id)];
  if (!query.sort) return newestFirst;
  return [sql`${SORT_COLUMNS[query.sort]} ${query.dir === 'desc' ? sql`desc` : sql`asc`}`, ...newestFirst];
}

/** The payments the person sees, newest first or sorted by a column, with the sum of the whole filtered set (not of the page). */
export async function listPayments(db: Executor, actor: Actor, query: PaymentListQuery): Promise<PaymentListPage> {
  const where = await filteredPayments(db, actor, query);
  if (!where) return { items: [], total: 0, page: query.page, pageSize: query.pageSize, totals: { amountCents: 0 } };
  const [rows, [sums]] = await Promise.all([
    db.select().from(payments).where(where).orderBy(...orderOf(query)).limit(query.pageSize).offset(offsetOf(query)),
    db.select({ n: count(), amountCents: sql<number>`coalesce(sum(${payments.amountCents}), 0)`.mapWith(Number) }).from(payments).where(where),
  ]);
  return { items: await paymentsOf(db, actor.coopId, rows), total: sums?.n ?? 0, page: query.page, pageSize: query.pageSize, totals: { amountCents: sums?.amountCents ?? 0 } };
}

/** Every payment of the filtered set, in the list's order, for the CSV export (bounded). */
export async function paymentsForExport(db: Executor, actor: Actor, query: PaymentExportQuery): Promise<Payment[]> {
  const where = await filteredPayments(db, actor, query);
  if (!where) return [];
  const rows = await db.select().from(payments).where(where).orderBy(...orderOf(query)).limit(CSV_EXPORT_MAX_ROWS);
  return paymentsOf(db, actor.coopId, rows);
}

/** One payment, or 404 when it is another coop's or settles nothing of the member's. */
export async function getPayment(db: Executor, actor: Actor, id: string): Promise<Payment> {
  const visible = await visiblePayments(db, actor);
  if (!visible) throw paymentErrors.PAYMENT_NOT_FOUND();
  const [row] = await db.select().from(payments).where(and(visible, eq(payments.id, id)));
  if (!row) throw paymentErrors.PAYMENT_NOT_FOUND();
  const [one] = await paymentsOf(db, actor.coopId, [row]);
  return one!;
}
