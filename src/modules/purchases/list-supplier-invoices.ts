import { and, asc, count, desc, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import type { FileStorage } from '../../platform/files/storage.js';
import type { Actor } from '../../platform/http/context.js';
import { offsetOf, type Page } from '../../platform/http/pagination.js';
import { activitySummaries } from '../activities/index.js';
import { displayNamesOf } from '../../platform/auth/service.js';
import type { SupplierInvoice, SupplierInvoiceSummary } from './contract.js';
import { LIFECYCLE_CODES } from './domain/supplier-invoice-lifecycle.js';
import { purchasesErrors } from './errors.js';
import { getSupplierRow, supplierView } from './manage-suppliers.js';
import { supplierInvoiceLines, supplierInvoices, supplierInvoiceStatuses, suppliers, type SupplierInvoiceRow } from './schema.js';
import { supplierInvoiceScope, visibleSupplierInvoice } from './supplier-invoice-access.js';

function summaryOf(r: SupplierInvoiceRow, supplierName: string, activityName: string | null): SupplierInvoiceSummary {
  return {
    id: r.id,
    supplierId: r.supplierId,
    supplierName,
    activityId: r.activityId,
    activityName,
    kind: r.kind,
    typeCode: r.typeCode,
    number: r.number,
    issueDate: r.issueDate,
    dueDate: r.dueDate,
    netCents: r.netCents,
    vatCents: r.vatCents,
    grossCents: r.grossCents,
    status: r.status,
    statusReason: r.statusReason,
    origin: r.origin,
    format: r.format,
    receivedAt: r.receivedAt.toISOString(),
    paidOn: r.paidOn,
  };
}

export async function listSupplierInvoices(db: Executor, actor: Actor, q: { page: number; pageSize: number; status?: SupplierInvoiceRow['status']; activityId?: string; supplierId?: string }): Promise<Page<SupplierInvoiceSummary>> {
  const scope = await supplierInvoiceScope(db, actor);
  if (!scope) return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
  const where = and(scope, q.status ? eq(supplierInvoices.status, q.status) : undefined, q.activityId ? eq(supplierInvoices.activityId, q.activityId) : undefined, q.supplierId ? eq(supplierInvoices.supplierId, q.supplierId) : undefined);
  const [rows, [{ n }]] = await Promise.all([
    db
      .select({ inv: supplierInvoices, supplierName: suppliers.name })
      .from(supplierInvoices)
      .innerJoin(suppliers, and(eq(suppliers.coopId, supplierInvoices.coopId), eq(suppliers.id, supplierInvoices.supplierId)))
      .where(where)
      .orderBy(desc(supplierInvoices.receivedAt), asc(supplierInvoices.id))
      .limit(q.pageSize)
      .offset(offsetOf(q)),
    db.select({ n: count() }).from(supplierInvoices).where(where) as unknown as Promise<[{ n: number }]>,
  ]);
  const activityIds = [...new Set(rows.flatMap((r) => (r.inv.activityId ? [r.inv.activityId] : [])))];
  const activities = await activitySummaries(db, actor.coopId, activityIds);
  return { items: rows.map((r) => summaryOf(r.inv, r.supplierName, r.inv.activityId ? (activities.get(r.inv.activityId)?.name ?? null) : null)), total: Number(n), page: q.page, pageSize: q.pageSize };
}

export async function supplierInvoiceView(db: Executor, actor: Pick<Actor, 'coopId'>, row: SupplierInvoiceRow): Promise<SupplierInvoice> {
  const supplier = await getSupplierRow(db, actor.coopId, row.supplierId);
  const activity = row.activityId ? (await activitySummaries(db, actor.coopId, [row.activityId])).get(row.activityId) : undefined;
  const lines = await db.select().from(supplierInvoiceLines).where(and(eq(supplierInvoiceLines.coopId, actor.coopId), eq(supplierInvoiceLines.invoiceId, row.id))).orderBy(asc(supplierInvoiceLines.position));
  const statuses = await db.select().from(supplierInvoiceStatuses).where(and(eq(supplierInvoiceStatuses.coopId, actor.coopId), eq(supplierInvoiceStatuses.invoiceId, row.id))).orderBy(asc(supplierInvoiceStatuses.at));
  const byIds = statuses.flatMap((s) => (s.by ? [s.by] : []));
  const names = byIds.length ? await displayNamesOf(db, byIds) : new Map<string, string>();
  return {
    ...summaryOf(row, supplier.name, activity?.name ?? null),
    payeeIban: row.payeeIban,
    payeeBic: row.payeeBic,
    fileName: row.fileName,
    mediaType: row.mediaType,
    sha256: row.sha256,
    hasFile: row.storageKey !== null,
    purchaseEntryId: row.purchaseEntryId,
    paymentEntryId: row.paymentEntryId,
    lines: lines.map((l) => ({ position: l.position, label: l.label, spendingCategoryId: l.spendingCategoryId, account: l.account, netCents: l.netCents, vatRateBp: l.vatRateBp, vatCents: l.vatCents })),
    readModel: row.readModel ?? null,
    statuses: statuses.map((s) => ({ status: s.status, code: s.code, label: LIFECYCLE_CODES[s.status].label, reason: s.reason, at: s.at.toISOString(), byName: s.by ? (names.get(s.by) ?? null) : null, sentAt: s.sentAt?.toISOString() ?? null, sentTo: s.sentTo })),
    supplier: supplierView(supplier),
  };
}

export async function getSupplierInvoice(db: Executor, actor: Actor, id: string): Promise<SupplierInvoice> {
  return supplierInvoiceView(db, actor, await visibleSupplierInvoice(db, actor, id));
}

/** The received file, checked against the hash kept at receipt. */
export async function openSupplierInvoiceFile(db: Executor, storage: FileStorage, actor: Actor, id: string): Promise<{ fileName: string; mediaType: string; content: Buffer }> {
  const row = await visibleSupplierInvoice(db, actor, id);
  if (!row.storageKey || !row.sha256) throw purchasesErrors.SUPPLIER_INVOICE_NO_FILE();
  const read = await storage.read(row.storageKey, { sha256: row.sha256 });
  if (!read.ok) throw purchasesErrors.SUPPLIER_INVOICE_NO_FILE();
  return { fileName: row.fileName ?? 'facture', mediaType: row.mediaType ?? 'application/octet-stream', content: read.bytes };
}
