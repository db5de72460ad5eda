import { and, count, desc, eq, inArray } from 'drizzle-orm';
import type { Db, Executor } from '../../platform/db/client.js';
import { unreadableFile } from '../../platform/files/file-errors.js';
import type { FileStorage } from '../../platform/files/storage.js';
import type { Actor } from '../../platform/http/context.js';
import { offsetOf, type Page } from '../../platform/http/pagination.js';
import { memberNames } from '../members/index.js';
import type { MemberFee, MemberFeeListQuery } from './contract.js';
import { returnReasonText } from './domain/return-reasons.js';
import { feesErrors } from './errors.js';
import { ownerScope } from './fee-access.js';
import { collectionItems, memberFees, type MemberFeeRow } from './schema.js';

export async function feeViews(db: Executor, coopId: string, rows: MemberFeeRow[]): Promise<MemberFee[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [names, pending] = await Promise.all([
    memberNames(db, coopId, [...new Set(rows.map((r) => r.memberId))]),
    db.select({ feeId: collectionItems.feeId }).from(collectionItems).where(and(eq(collectionItems.coopId, coopId), inArray(collectionItems.feeId, ids), eq(collectionItems.status, 'pending'))),
  ]);
  const inCollection = new Set(pending.map((p) => p.feeId));
  return rows.map((r) => ({
    id: r.id,
    memberId: r.memberId,
    memberName: names.get(r.memberId) ?? '',
    month: r.month,
    number: r.number,
    issueDate: r.issueDate,
    dueDate: r.dueDate,
    netCents: r.netCents,
    vatRateBp: r.vatRateBp,
    vatCents: r.vatCents,
    grossCents: r.grossCents,
    status: r.status,
    paidOn: r.paidOn,
    inCollection: inCollection.has(r.id),
    lastReturn: r.lastReturnCode && r.status === 'unpaid' ? { code: r.lastReturnCode, ...returnReasonText(r.lastReturnCode) } : null,
  }));
}

const feeScope = (db: Executor, actor: Actor) => ownerScope(db, actor, { coopId: memberFees.coopId, memberId: memberFees.memberId });

/** The fees the actor may read, newest month first: a member their own, the team everyone's. */
export async function listFees(db: Db, actor: Actor, q: MemberFeeListQuery): Promise<Page<MemberFee>> {
  const scope = await feeScope(db, actor);
  if (!scope) return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
  const where = and(scope, q.status ? eq(memberFees.status, q.status) : undefined, q.memberId ? eq(memberFees.memberId, q.memberId) : undefined, q.month ? eq(memberFees.month, q.month) : undefined);
  const [rows, [total]] = await Promise.all([
    db.select().from(memberFees).where(where).orderBy(desc(memberFees.month), desc(memberFees.number)).limit(q.pageSize).offset(offsetOf(q)),
    db.select({ n: count() }).from(memberFees).where(where),
  ]);
  return { items: await feeViews(db, actor.coopId, rows), total: Number(total?.n ?? 0), page: q.page, pageSize: q.pageSize };
}

/** The fee the actor may read; another member's reads as not found. */
export async function visibleFee(db: Executor, actor: Actor, id: string): Promise<MemberFeeRow> {
  const scope = await feeScope(db, actor);
  const [row] = scope ? await db.select().from(memberFees).where(and(scope, eq(memberFees.id, id))) : [];
  if (!row) throw feesErrors.FEE_NOT_FOUND();
  return row;
}

export async function getFee(db: Db, actor: Actor, id: string): Promise<MemberFee> {
  return (await feeViews(db, actor.coopId, [await visibleFee(db, actor, id)]))[0]!;
}

/** The fee's invoice PDF, checked against the SHA-256 taken when it was stored. */
export async function openFeeInvoice(db: Db, storage: FileStorage, actor: Actor, id: string): Promise<{ fileName: string; content: Buffer }> {
  const row = await visibleFee(db, actor, id);
  const read = await storage.read(row.storageKey, { sha256: row.sha256 });
  if (!read.ok) throw read.problem === 'missing' ? feesErrors.FEE_NOT_FOUND() : unreadableFile(read.problem);
  return { fileName: `cotisation-${row.number}.pdf`, content: read.bytes };
}
