import { and, count, desc, eq, ilike, inArray, isNotNull, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { CSV_EXPORT_MAX_ROWS } from '../../platform/http/list-sort.js';
import { offsetOf } from '../../platform/http/pagination.js';
import { activityScopeOf, type Viewer } from '../activities/index.js';
import { clientIdsNamed } from '../clients/index.js';
import type { ExportInvoicesQuery, InvoiceListPage, InvoiceSort, InvoiceSummary, ListInvoicesQuery } from './contract.js';
import { summariesOf } from './get-invoice.js';
import { visibleInvoices } from './invoice-access.js';
import { invoices } from './schema.js';

const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Credit notes issued on the invoice of the current row, incl. VAT. */
const creditedOfRow = sql`coalesce((select sum(cn.gross_cents) from invoices cn where cn.coop_id = "invoices"."coop_id" and cn.credited_invoice_id = "invoices"."id"), 0)`;

/**
 * Overdue as `isInvoiceOverdue` decides it, in SQL: issued, due before today, and money left
 * after payments and credit notes.
 */
function overdueOn(today: string): SQL {
  return and(
    ne(invoices.kind, 'credit_note'),
    inArray(invoices.status, ['validated', 'sent', 'partially_paid']),
    lt(invoices.dueDate, today),
    sql`${invoices.grossCents} - ${invoices.paidCents} - ${creditedOfRow} > 0`,
  )!;
}

type InvoiceFilters = Omit<ExportInvoicesQuery, 'sort' | 'dir'>;

/** The rows the person may see that pass the list's filters; null when the person sees none. */
async function filteredInvoices(db: Executor, viewer: Viewer, query: InvoiceFilters, today: string): Promise<SQL | null> {
  const visible = visibleInvoices(viewer.coopId, await activityScopeOf(db, viewer));
  if (!visible) return null;
  const filters: SQL[] = [visible];
  if (query.status === 'overdue') filters.push(overdueOn(today));
  else if (query.status) filters.push(eq(invoices.status, query.status));
  if (query.toValidate !== undefined) {
    filters.push(query.toValidate ? and(eq(invoices.status, 'draft'), isNotNull(invoices.submittedAt))! : sql`not (${invoices.status} = 'draft' and ${invoices.submittedAt} is not null)`);
  }
  if (query.kind) filters.push(eq(invoices.kind, query.kind));
  if (query.activityId) filters.push(eq(invoices.activityId, query.activityId));
  if (query.clientId) filters.push(eq(invoices.clientId, query.clientId));
  if (query.jobId) filters.push(eq(invoices.jobId, query.jobId));
  if (query.q) {
    const clientIds = await clientIdsNamed(db, viewer.coopId, query.q);
    const byNumber = ilike(invoices.number, likePattern(query.q));
    filters.push(clientIds.length ? or(byNumber, inArray(invoices.clientId, clientIds))! : byNumber);
  }
  return and(...filters)!;
}

const SORT_COLUMNS: Record<InvoiceSort, SQL[]> = {
  // The series runs by issue date then sequence; drafts have neither.
  number: [sql`${invoices.issueDate}`, sql`${invoices.seq}`],
  issueDate: [sql`${invoices.issueDate}`],
  dueDate: [sql`${invoices.dueDate}`],
  gross: [sql`case when ${invoices.kind} = 'credit_note' then -${invoices.grossCents} else ${invoices.grossCents} end`],
  paid: [sql`${invoices.paidCents}`],
};

function orderOf(query: Pick<ExportInvoicesQuery, 'sort' | 'dir'>): SQL[] {
  const tieBreak = [desc(invoices.createdAt), desc(invoices.id)];
  // Drafts first (work to finish), then the issued ones latest first, as the series runs.
  if (!query.sort) return [sql`${invoices.issueDate} desc nulls first`, sql`${invoices.seq} desc nulls first`, ...tieBreak];
  const dir = query.dir === 'desc' ? sql`desc nulls last` : sql`asc nulls last`;
  return [...SORT_COLUMNS[query.sort].map((column) => sql`${column} ${dir}`), ...tieBreak];
}

/** What is left on an issued invoice, as `amountLeftCents` computes it. */
const leftOfRow = sql`greatest(${invoices.grossCents} - ${invoices.paidCents} - ${creditedOfRow}, 0)`;
const issuedInvoice = sql`${invoices.kind} <> 'credit_note' and ${invoices.status} <> 'draft'`;

/** The totals of the filtered set, in SQL: a page of 25 rows must not be mistaken for the whole. */
async function totalsOf(db: Executor, where: SQL) {
  const [row] = await db
    .select({
      total: count(),
      grossCents: sql<number>`coalesce(sum(case when ${invoices.kind} = 'credit_note' then -${invoices.grossCents} else ${invoices.grossCents} end), 0)`.mapWith(Number),
      paidCents: sql<number>`coalesce(sum(case when ${issuedInvoice} then ${invoices.paidCents} else 0 end), 0)`.mapWith(Number),
      leftCents: sql<number>`coalesce(sum(case when ${issuedInvoice} then ${leftOfRow} else 0 end), 0)`.mapWith(Number),
    })
    .from(invoices)
    .where(where);
  return row!;
}

/** Invoices the person may see, filtered by status (overdue on `today`), kind, activity, client or text, sorted by a column, with the totals of the filtered set. */
export async function listInvoices(db: Executor, viewer: Viewer, query: ListInvoicesQuery, today: string): Promise<InvoiceListPage> {
  const empty = { items: [], total: 0, page: query.page, pageSize: query.pageSize, totals: { grossCents: 0, paidCents: 0, leftCents: 0 } };
  const where = await filteredInvoices(db, viewer, query, today);
  if (!where) return empty;
  const { total, ...totals } = await totalsOf(db, where);
  if (total === 0) return empty;
  const rows = await db
    .select()
    .from(invoices)
    .where(where)
    .orderBy(...orderOf(query))
    .limit(query.pageSize)
    .offset(offsetOf(query));
  return { items: await summariesOf(db, viewer.coopId, rows), total, page: query.page, pageSize: query.pageSize, totals };
}

/** Every invoice of the filtered set, in the list's order, for the CSV export (bounded). */
export async function invoicesForExport(db: Executor, viewer: Viewer, query: ExportInvoicesQuery, today: string): Promise<InvoiceSummary[]> {
  const where = await filteredInvoices(db, viewer, query, today);
  if (!where) return [];
  const rows = await db.select().from(invoices).where(where).orderBy(...orderOf(query)).limit(CSV_EXPORT_MAX_ROWS);
  return summariesOf(db, viewer.coopId, rows);
}
