import { and, asc, count, desc, eq, gte, ilike, inArray, lt, or, sql, sum, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { mailDeliveries } from '../../platform/mail/mail-deliveries.js';
import { CSV_EXPORT_MAX_ROWS } from '../../platform/http/list-sort.js';
import { offsetOf, type Page } from '../../platform/http/pagination.js';
import { activityScopeOf, activitySummaries } from '../activities/index.js';
import { clientIdsNamed, clientNames } from '../clients/index.js';
import { effectiveQuoteState } from './domain/quote-lifecycle.js';
import type { ExportQuotesQuery, ListQuotesQuery, QuoteDetail, QuoteListPage, QuoteSort, QuoteSummary } from './contract.js';
import { linesOfQuote } from './draft-quotes.js';
import { visibleQuote, visibleQuotes, type Viewer } from './quote-access.js';
import { quoteInvoices, quotes, type QuoteLineRow, type QuoteRow } from './schema.js';

/**
 * Per quote, what its invoices took: the net invoiced, and whether the whole or the balance was
 * invoiced (after which `planNextInvoice` has nothing left to invoice).
 */
async function invoicingOf(db: Executor, coopId: string, quoteIds: string[]): Promise<Map<string, { netCents: number; closed: boolean }>> {
  if (quoteIds.length === 0) return new Map();
  const rows = await db
    .select({
      quoteId: quoteInvoices.quoteId,
      netCents: sum(quoteInvoices.netCents).mapWith(Number),
      closed: sql<boolean>`bool_or(${quoteInvoices.kind} in ('whole', 'balance'))`,
    })
    .from(quoteInvoices)
    .where(and(eq(quoteInvoices.coopId, coopId), inArray(quoteInvoices.quoteId, quoteIds)))
    .groupBy(quoteInvoices.quoteId);
  return new Map(rows.map((r) => [r.quoteId, { netCents: r.netCents, closed: Boolean(r.closed) }]));
}

/** Nothing is left to invoice on the quote: its whole or its balance was invoiced, or its invoices reach its amount. */
const isFullyInvoiced = (quote: Pick<QuoteRow, 'netCents'>, invoiced: { netCents: number; closed: boolean } | undefined) =>
  invoiced !== undefined && (invoiced.closed || invoiced.netCents >= quote.netCents);

export async function summariesOf(db: Executor, coopId: string, rows: QuoteRow[], today: string): Promise<QuoteSummary[]> {
  const activities = await activitySummaries(db, coopId, [...new Set(rows.map((r) => r.activityId))]);
  const names = await clientNames(db, coopId, rows.map((r) => r.clientId));
  const invoiced = await invoicingOf(db, coopId, rows.filter((r) => r.status === 'accepted').map((r) => r.id));
  const deliveries = await mailDeliveries(db, coopId, rows.map((r) => r.sentMailId));
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    status: r.status,
    state: effectiveQuoteState(r, today),
    activityId: r.activityId,
    activityName: activities.get(r.activityId)?.name ?? '',
    clientId: r.clientId,
    jobId: r.jobId,
    clientName: names.get(r.clientId) ?? '',
    validUntil: r.validUntil,
    netCents: r.netCents,
    vatCents: r.vatCents,
    grossCents: r.grossCents,
    fullyInvoiced: isFullyInvoiced(r, invoiced.get(r.id)),
    sentMailStatus: r.sentMailId ? (deliveries.get(r.sentMailId)?.status ?? null) : null,
    createdAt: r.createdAt,
  }));
}

export const lineView = (l: QuoteLineRow) => ({
  position: l.position,
  sectionTitle: l.sectionTitle,
  description: l.description,
  quantityMilli: l.quantityMilli,
  unit: l.unit,
  unitPriceCents: l.unitPriceCents,
  discountBp: l.discountBp,
  discountCents: l.discountCents,
  vatCategory: l.vatCategory,
  vatRateBp: l.vatRateBp,
  exemptionReason: l.exemptionReason,
  netCents: l.netCents,
});

const ANSWERED = ['accepted', 'refused'] as const;

/** The SQL of a state as `effectiveQuoteState` derives it: an unanswered quote past its validity date is expired, whatever is stored. */
function stateFilter(state: NonNullable<ListQuotesQuery['status']>, today: string): SQL {
  if (state === 'expired') return and(inArray(quotes.status, ['draft', 'submitted', 'validated', 'sent']), lt(quotes.validUntil, today))!;
  if ((ANSWERED as readonly string[]).includes(state)) return eq(quotes.status, state as (typeof ANSWERED)[number]);
  return and(eq(quotes.status, state as Exclude<typeof state, 'expired' | (typeof ANSWERED)[number]>), gte(quotes.validUntil, today))!;
}

const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

type QuoteFilters = Omit<ExportQuotesQuery, 'sort' | 'dir'>;

/** The quotes the person may see that pass the list's filters; null when the person sees none. */
async function filteredQuotes(db: Executor, viewer: Viewer, query: QuoteFilters, today: string): Promise<SQL | null> {
  const visible = visibleQuotes(viewer.coopId, await activityScopeOf(db, viewer));
  if (!visible) return null;
  const filters: SQL[] = [visible];
  if (query.status) filters.push(stateFilter(query.status, today));
  if (query.activityId) filters.push(eq(quotes.activityId, query.activityId));
  if (query.clientId) filters.push(eq(quotes.clientId, query.clientId));
  if (query.jobId) filters.push(eq(quotes.jobId, query.jobId));
  if (query.q) {
    const clientIds = await clientIdsNamed(db, viewer.coopId, query.q);
    const byNumber = ilike(quotes.number, likePattern(query.q));
    filters.push(clientIds.length ? or(byNumber, inArray(quotes.clientId, clientIds))! : byNumber);
  }
  return and(...filters)!;
}

const SORT_COLUMNS: Record<QuoteSort, SQL> = {
  // A draft has no number yet; numbered quotes follow their series.
  number: sql`${quotes.number}`,
  createdAt: sql`${quotes.createdAt}`,
  validUntil: sql`${quotes.validUntil}`,
  net: sql`${quotes.netCents}`,
  gross: sql`${quotes.grossCents}`,
};

function orderOf(query: Pick<ExportQuotesQuery, 'sort' | 'dir'>): SQL[] {
  const newestFirst = [desc(quotes.createdAt), desc(quotes.id)];
  if (!query.sort) return newestFirst;
  return [sql`${SORT_COLUMNS[query.sort]} ${query.dir === 'desc' ? sql`desc nulls last` : sql`asc nulls last`}`, ...newestFirst];
}

/** Quotes the person may see, newest first or sorted by a column, with the totals of the filtered set (not of the page). */
export async function listQuotes(db: Executor, viewer: Viewer, query: ListQuotesQuery, today: string): Promise<QuoteListPage> {
  const empty = { items: [], total: 0, page: query.page, pageSize: query.pageSize, totals: { netCents: 0, grossCents: 0 } };
  const where = await filteredQuotes(db, viewer, query, today);
  if (!where) return empty;
  const [sums] = await db
    .select({ total: count(), netCents: sql<number>`coalesce(sum(${quotes.netCents}), 0)`.mapWith(Number), grossCents: sql<number>`coalesce(sum(${quotes.grossCents}), 0)`.mapWith(Number) })
    .from(quotes)
    .where(where);
  const { total, ...totals } = sums!;
  if (total === 0) return empty;
  const rows = await db.select().from(quotes).where(where).orderBy(...orderOf(query)).limit(query.pageSize).offset(offsetOf(query));
  return { items: await summariesOf(db, viewer.coopId, rows, today), total, page: query.page, pageSize: query.pageSize, totals };
}

/** Every quote of the filtered set, in the list's order, for the CSV export (bounded). */
export async function quotesForExport(db: Executor, viewer: Viewer, query: ExportQuotesQuery, today: string): Promise<QuoteSummary[]> {
  const where = await filteredQuotes(db, viewer, query, today);
  if (!where) return [];
  const rows = await db.select().from(quotes).where(where).orderBy(...orderOf(query)).limit(CSV_EXPORT_MAX_ROWS);
  return summariesOf(db, viewer.coopId, rows, today);
}

export async function getQuote(db: Executor, viewer: Viewer, id: string, today: string): Promise<QuoteDetail> {
  const row = await visibleQuote(db, viewer, id);
  const [summary] = await summariesOf(db, viewer.coopId, [row], today);
  const lines = await linesOfQuote(db, viewer.coopId, id);
  const links = await db
    .select()
    .from(quoteInvoices)
    .where(and(eq(quoteInvoices.coopId, viewer.coopId), eq(quoteInvoices.quoteId, id)))
    .orderBy(asc(quoteInvoices.createdAt));
  const delivery = row.sentMailId ? (await mailDeliveries(db, viewer.coopId, [row.sentMailId])).get(row.sentMailId) : undefined;
  return {
    ...summary!,
    notes: row.notes,
    duplicatedFromId: row.duplicatedFromId,
    submittedAt: row.submittedAt,
    validatedAt: row.validatedAt,
    sentAt: row.sentAt,
    sentMailLeftAt: delivery?.sentAt ?? null,
    sentBackAt: row.sentBackAt,
    sentBackComment: row.sentBackComment,
    acceptedByName: row.acceptedByName,
    acceptedAt: row.acceptedAt,
    acceptedIp: row.acceptedIp,
    refusedAt: row.refusedAt,
    refusalReason: row.refusalReason,
    updatedAt: row.updatedAt,
    lines: lines.map(lineView),
    vatBreakdown: row.vatBreakdown,
    invoices: links.map((l) => ({ invoiceId: l.invoiceId, kind: l.kind, netCents: l.netCents, vatCents: l.vatCents, excessNetCents: l.excessNetCents, exceedReason: l.exceedReason, createdAt: l.createdAt })),
    invoicedNetCents: links.reduce((sum, l) => sum + l.netCents, 0),
  };
}
