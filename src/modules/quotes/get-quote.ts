import { and, asc, count, desc, eq, gte, inArray, lt, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { mailDeliveries } from '../../platform/mail/mail-deliveries.js';
import { offsetOf, type Page } from '../../platform/http/pagination.js';
import { activityScopeOf, activitySummaries } from '../activities/index.js';
import { clientNames } from '../clients/index.js';
import { effectiveQuoteState } from './domain/quote-lifecycle.js';
import type { ListQuotesQuery, QuoteDetail, QuoteSummary } from './contract.js';
import { linesOfQuote } from './draft-quotes.js';
import { visibleQuote, visibleQuotes, type Viewer } from './quote-access.js';
import { quoteInvoices, quotes, type QuoteLineRow, type QuoteRow } from './schema.js';

export async function summariesOf(db: Executor, coopId: string, rows: QuoteRow[], today: string): Promise<QuoteSummary[]> {
  const activities = await activitySummaries(db, coopId, [...new Set(rows.map((r) => r.activityId))]);
  const names = await clientNames(db, coopId, rows.map((r) => r.clientId));
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    status: r.status,
    state: effectiveQuoteState(r, today),
    activityId: r.activityId,
    activityName: activities.get(r.activityId)?.name ?? '',
    clientId: r.clientId,
    clientName: names.get(r.clientId) ?? '',
    validUntil: r.validUntil,
    netCents: r.netCents,
    vatCents: r.vatCents,
    grossCents: r.grossCents,
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

/** Quotes the person may see, newest first. */
export async function listQuotes(db: Executor, viewer: Viewer, query: ListQuotesQuery, today: string): Promise<Page<QuoteSummary>> {
  const visible = visibleQuotes(viewer.coopId, await activityScopeOf(db, viewer));
  const empty = { items: [], total: 0, page: query.page, pageSize: query.pageSize };
  if (!visible) return empty;
  const filters: SQL[] = [visible];
  if (query.status) filters.push(stateFilter(query.status, today));
  if (query.activityId) filters.push(eq(quotes.activityId, query.activityId));
  if (query.clientId) filters.push(eq(quotes.clientId, query.clientId));
  const where = and(...filters);
  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(quotes).where(where);
  if (total === 0) return empty;
  const rows = await db.select().from(quotes).where(where).orderBy(desc(quotes.createdAt), desc(quotes.id)).limit(query.pageSize).offset(offsetOf(query));
  return { items: await summariesOf(db, viewer.coopId, rows, today), total, page: query.page, pageSize: query.pageSize };
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
    sentMailStatus: delivery?.status ?? null,
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
