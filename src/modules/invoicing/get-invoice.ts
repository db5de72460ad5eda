import { and, asc, desc, eq, inArray, sum } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { mailDeliveries } from '../../platform/mail/mail-deliveries.js';
import type { MailStatus } from '../../platform/mail/schema.js';
import { activitySummaries } from '../activities/index.js';
import { clientNames } from '../clients/index.js';
import { contributionOfInvoice } from '../contribution/index.js';
import type { InvoiceDetail, InvoiceSummary } from './contract.js';
import { computeTotals, movedShares, totalsLineOf } from '../documents/index.js';
import { splitStillHolds } from './domain/deducted-deposits.js';
import { issuedDeposits, prepaidCentsOf } from './issue-document.js';
import { visibleInvoice, type Viewer } from './invoice-access.js';
import { invoiceLines, invoiceSends, invoices, type InvoiceRow } from './schema.js';

/** What credit notes took off each invoice, incl. VAT. */
async function creditedCentsByInvoice(db: Executor, coopId: string, ids: string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ invoiceId: invoices.creditedInvoiceId, total: sum(invoices.grossCents).mapWith(Number) })
    .from(invoices)
    .where(and(eq(invoices.coopId, coopId), inArray(invoices.creditedInvoiceId, ids)))
    .groupBy(invoices.creditedInvoiceId);
  return new Map(rows.map((r) => [r.invoiceId!, r.total]));
}

/** Where the mail of each invoice's latest send stands in the outbox. */
async function lastMailStatusByInvoice(db: Executor, coopId: string, ids: string[]): Promise<Map<string, MailStatus>> {
  if (ids.length === 0) return new Map();
  const sends = await db
    .selectDistinctOn([invoiceSends.invoiceId], { invoiceId: invoiceSends.invoiceId, mailId: invoiceSends.mailId })
    .from(invoiceSends)
    .where(and(eq(invoiceSends.coopId, coopId), inArray(invoiceSends.invoiceId, ids)))
    .orderBy(invoiceSends.invoiceId, desc(invoiceSends.createdAt));
  const deliveries = await mailDeliveries(db, coopId, sends.map((s) => s.mailId));
  const out = new Map<string, MailStatus>();
  for (const s of sends) {
    const d = deliveries.get(s.mailId);
    if (d) out.set(s.invoiceId, d.status);
  }
  return out;
}

/** The list columns of invoices, with the names of their activity and client. */
export async function summariesOf(db: Executor, coopId: string, rows: InvoiceRow[]): Promise<InvoiceSummary[]> {
  const activities = await activitySummaries(db, coopId, rows.map((r) => r.activityId));
  const clients = await clientNames(db, coopId, rows.map((r) => r.clientId));
  const credited = await creditedCentsByInvoice(db, coopId, rows.filter((r) => r.kind !== 'credit_note' && r.status !== 'draft').map((r) => r.id));
  const lastMail = await lastMailStatusByInvoice(db, coopId, rows.filter((r) => r.status !== 'draft').map((r) => r.id));
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    status: r.status,
    number: r.number,
    activityId: r.activityId,
    activityCode: activities.get(r.activityId)?.code ?? '',
    activityName: activities.get(r.activityId)?.name ?? '',
    clientId: r.clientId,
    // An issued invoice shows the buyer as it was issued to, not as later renamed.
    clientName: ((r.mentions as { buyer?: { name?: string } } | null)?.buyer?.name ?? clients.get(r.clientId)) || '',
    issueDate: r.issueDate,
    dueDate: r.dueDate,
    netCents: r.netCents,
    vatCents: r.vatCents,
    grossCents: r.grossCents,
    paidCents: r.paidCents,
    creditedCents: credited.get(r.id) ?? 0,
    creditedInvoiceId: r.creditedInvoiceId,
    jobId: r.jobId,
    submittedAt: r.submittedAt,
    sentBackAt: r.sentBackAt,
    sentBackComment: r.sentBackComment,
    lastMailStatus: lastMail.get(r.id) ?? null,
    createdAt: r.createdAt,
  }));
}

/** An invoice with its lines and VAT breakdown, if the person may see it (404 otherwise). */
export async function getInvoice(db: Executor, viewer: Viewer, id: string): Promise<InvoiceDetail> {
  const row = await visibleInvoice(db, viewer, id);
  const lines = await db
    .select()
    .from(invoiceLines)
    .where(and(eq(invoiceLines.coopId, viewer.coopId), eq(invoiceLines.invoiceId, id)))
    .orderBy(asc(invoiceLines.position));
  const deposits = await depositsOf(db, row);
  const totals = computeTotals({ lines: lines.map(totalsLineOf), prepaidCents: row.status === 'draft' ? deposits.reduce((sum, d) => sum + d.grossCents, 0) : prepaidCentsOf(row) });
  const [summary] = await summariesOf(db, viewer.coopId, [row]);
  return {
    ...summary!,
    serviceDate: row.serviceDate,
    servicePeriod: row.servicePeriodStart && row.servicePeriodEnd ? { start: row.servicePeriodStart, end: row.servicePeriodEnd } : null,
    paymentTermsDays: row.paymentTermsDays,
    paymentTermsEndOfMonth: row.paymentTermsEndOfMonth,
    operationCategory: row.operationCategory,
    currency: row.currency,
    notes: row.notes,
    validatedAt: row.validatedAt,
    updatedAt: row.updatedAt,
    lines: lines.map(({ coopId: _c, invoiceId: _i, ...l }) => l),
    vatBreakdown: totals.vatBreakdown.map(({ vatCategory, vatRateBp, basisCents, vatCents }) => ({ vatCategory, vatRateBp, basisCents, vatCents })),
    creditNotes:
      row.kind === 'credit_note' || row.status === 'draft'
        ? []
        : await db
            .select({ id: invoices.id, number: invoices.number, issueDate: invoices.issueDate, grossCents: invoices.grossCents })
            .from(invoices)
            .where(and(eq(invoices.coopId, viewer.coopId), eq(invoices.creditedInvoiceId, id)))
            .orderBy(asc(invoices.seq)),
    creditedInvoiceNumber: row.creditedInvoiceId ? await numberOf(db, viewer.coopId, row.creditedInvoiceId) : null,
    order: row.orderReference ?? null,
    deposits,
    documentTotals: { taxBasisCents: totals.taxBasisCents, vatTotalCents: totals.vatTotalCents, grandTotalCents: totals.grandTotalCents, prepaidCents: totals.prepaidCents },
    vatSplit: row.vatSplit && splitStillHolds(row.vatSplit, totals.vatBreakdown) && movedShares(row.vatSplit).length > 0 ? row.vatSplit : null,
    contribution: row.status === 'draft' ? null : await contributionOfInvoice(db, viewer.coopId, row.id),
  };
}

/** The deposits a final invoice deducts: frozen as issued, or, on a draft, as they stand now. */
async function depositsOf(db: Executor, row: InvoiceRow): Promise<InvoiceDetail['deposits']> {
  if (row.status !== 'draft') return issuedDeposits(row).map((d) => ({ id: d.invoiceId, number: d.number, issueDate: d.issueDate, netCents: d.netCents, vatCents: d.vatCents, grossCents: d.grossCents }));
  const ids = (row.deductedDeposits ?? []).map((d) => d.invoiceId);
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: invoices.id, number: invoices.number, issueDate: invoices.issueDate, netCents: invoices.netCents, vatCents: invoices.vatCents, grossCents: invoices.grossCents })
    .from(invoices)
    .where(and(eq(invoices.coopId, row.coopId), inArray(invoices.id, ids)));
  return ids.flatMap((id) => rows.filter((r) => r.id === id));
}

async function numberOf(db: Executor, coopId: string, id: string): Promise<string | null> {
  const [row] = await db.select({ number: invoices.number }).from(invoices).where(and(eq(invoices.coopId, coopId), eq(invoices.id, id)));
  return row?.number ?? null;
}
