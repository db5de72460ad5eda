import { and, count, desc, eq, ilike, inArray, isNotNull, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { offsetOf, type Page } from '../../platform/http/pagination.js';
import { activityScopeOf, type Viewer } from '../activities/index.js';
import { clientIdsNamed } from '../clients/index.js';
import type { InvoiceSummary, ListInvoicesQuery } from './contract.js';
import { summariesOf } from './get-invoice.js';
import { visibleInvoices } from './invoice-access.js';
import { invoices } from './schema.js';

const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Overdue as `isInvoiceOverdue` decides it, in SQL: issued, due before today, and money left
 * after payments and credit notes.
 */
function overdueOn(today: string): SQL {
  const credited = sql`coalesce((select sum(cn.gross_cents) from invoices cn where cn.coop_id = "invoices"."coop_id" and cn.credited_invoice_id = "invoices"."id"), 0)`;
  return and(
    ne(invoices.kind, 'credit_note'),
    inArray(invoices.status, ['validated', 'sent', 'partially_paid']),
    lt(invoices.dueDate, today),
    sql`${invoices.grossCents} - ${invoices.paidCents} - ${credited} > 0`,
  )!;
}

/** Invoices the person may see, newest first, filtered by status (overdue on `today`), kind, activity, client or text. */
export async function listInvoices(db: Executor, viewer: Viewer, query: ListInvoicesQuery, today: string): Promise<Page<InvoiceSummary>> {
  const visible = visibleInvoices(viewer.coopId, await activityScopeOf(db, viewer));
  const empty = { items: [], total: 0, page: query.page, pageSize: query.pageSize };
  if (!visible) return empty;
  const filters: SQL[] = [visible];
  if (query.status === 'overdue') filters.push(overdueOn(today));
  else if (query.status) filters.push(eq(invoices.status, query.status));
  if (query.toValidate !== undefined) {
    filters.push(query.toValidate ? and(eq(invoices.status, 'draft'), isNotNull(invoices.submittedAt))! : sql`not (${invoices.status} = 'draft' and ${invoices.submittedAt} is not null)`);
  }
  if (query.kind) filters.push(eq(invoices.kind, query.kind));
  if (query.activityId) filters.push(eq(invoices.activityId, query.activityId));
  if (query.clientId) filters.push(eq(invoices.clientId, query.clientId));
  if (query.q) {
    const clientIds = await clientIdsNamed(db, viewer.coopId, query.q);
    const byNumber = ilike(invoices.number, likePattern(query.q));
    filters.push(clientIds.length ? or(byNumber, inArray(invoices.clientId, clientIds))! : byNumber);
  }
  const where = and(...filters);
  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(invoices).where(where);
  if (total === 0) return empty;
  const rows = await db
    .select()
    .from(invoices)
    .where(where)
    // Drafts first (work to finish), then the issued ones latest first, as the series runs.
    .orderBy(sql`${invoices.issueDate} desc nulls first`, sql`${invoices.seq} desc nulls first`, desc(invoices.createdAt), desc(invoices.id))
    .limit(query.pageSize)
    .offset(offsetOf(query));
  return { items: await summariesOf(db, viewer.coopId, rows), total, page: query.page, pageSize: query.pageSize };
}
