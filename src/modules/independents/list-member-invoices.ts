import { and, count, desc, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { unreadableFile } from '../../platform/files/file-errors.js';
import type { FileStorage } from '../../platform/files/storage.js';
import type { Actor } from '../../platform/http/context.js';
import { offsetOf, type Page } from '../../platform/http/pagination.js';
import { activitySummaries } from '../activities/index.js';
import { memberNames } from '../members/index.js';
import type { MemberInvoice, MemberInvoiceListQuery } from './contract.js';
import { independentsErrors } from './errors.js';
import { memberInvoiceScope, visibleMemberInvoice } from './member-invoice-access.js';
import { memberInvoices, type MemberInvoiceRow } from './schema.js';

async function viewsOf(db: Db, coopId: string, rows: MemberInvoiceRow[]): Promise<MemberInvoice[]> {
  const [names, activities] = await Promise.all([memberNames(db, coopId, [...new Set(rows.map((r) => r.memberId))]), activitySummaries(db, coopId, rows.map((r) => r.activityId))]);
  return rows.map((r) => ({
    id: r.id,
    memberId: r.memberId,
    memberName: names.get(r.memberId) ?? '',
    activityId: r.activityId,
    activityName: activities.get(r.activityId)?.name ?? '',
    number: r.number,
    issueDate: r.issueDate,
    netCents: r.netCents,
    vatCents: r.vatCents,
    grossCents: r.grossCents,
    vatRegime: r.vatRegime,
    vatRateBp: r.vatRateBp,
    jobId: r.jobId,
    description: r.description,
    origin: r.origin,
    hasFile: r.storageKey !== null,
    status: r.status,
    validatedAt: r.validatedAt,
    paidOn: r.paidOn,
    paymentReference: r.paymentReference,
    purchaseEntryId: r.purchaseEntryId,
    paymentEntryId: r.paymentEntryId,
    createdAt: r.createdAt,
  }));
}

export const memberInvoiceView = async (db: Db, coopId: string, row: MemberInvoiceRow): Promise<MemberInvoice> => (await viewsOf(db, coopId, [row]))[0]!;

/** The member invoices the actor may read, newest first: a member their own, the team all. */
export async function listMemberInvoices(db: Db, actor: Actor, q: MemberInvoiceListQuery): Promise<Page<MemberInvoice>> {
  const scope = await memberInvoiceScope(db, actor);
  if (!scope) return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
  const where = and(scope, q.status ? eq(memberInvoices.status, q.status) : undefined, q.memberId ? eq(memberInvoices.memberId, q.memberId) : undefined);
  const [rows, [total]] = await Promise.all([
    db.select().from(memberInvoices).where(where).orderBy(desc(memberInvoices.issueDate), desc(memberInvoices.createdAt), desc(memberInvoices.id)).limit(q.pageSize).offset(offsetOf(q)),
    db.select({ n: count() }).from(memberInvoices).where(where),
  ]);
  return { items: await viewsOf(db, actor.coopId, rows), total: Number(total?.n ?? 0), page: q.page, pageSize: q.pageSize };
}

export async function getMemberInvoice(db: Db, actor: Actor, id: string): Promise<MemberInvoice> {
  return memberInvoiceView(db, actor.coopId, await visibleMemberInvoice(db, actor, id));
}

/** The PDF of a member invoice, checked against the SHA-256 taken when it was stored. */
export async function openMemberInvoiceFile(db: Db, storage: FileStorage, actor: Actor, id: string): Promise<{ fileName: string; content: Buffer }> {
  const row = await visibleMemberInvoice(db, actor, id);
  if (!row.storageKey || !row.sha256) throw independentsErrors.MEMBER_INVOICE_NO_FILE();
  const read = await storage.read(row.storageKey, { sha256: row.sha256 });
  if (!read.ok) throw read.problem === 'missing' ? independentsErrors.MEMBER_INVOICE_NO_FILE() : unreadableFile(read.problem);
  return { fileName: row.fileName ?? `facture-${row.number}.pdf`, content: read.bytes };
}
