import { and, desc, eq, sql } from 'drizzle-orm';
import { displayNamesOf } from '../../platform/auth/service.js';
import type { Db, Executor } from '../../platform/db/client.js';
import type { FileStorage } from '../../platform/files/storage.js';
import { maskIban } from '../banking/index.js';
import type { PayoutBatchDetail, PayoutBatchView } from './contract.js';
import { payoutErrors } from './errors.js';
import { payoutBatches, payoutItems, type PayoutBatchRow } from './schema.js';

/** The file may leave for the bank: not cancelled, and approved by a second person when the batch needs it. */
export const isDownloadable = (b: Pick<PayoutBatchRow, 'status' | 'needsApproval'>) => b.status !== 'cancelled' && (!b.needsApproval || b.status === 'approved');

async function viewsOf(db: Executor, coopId: string, rows: PayoutBatchRow[]): Promise<PayoutBatchView[]> {
  if (rows.length === 0) return [];
  const paid = await db
    .select({ batchId: payoutItems.batchId, n: sql<number>`count(*)::int` })
    .from(payoutItems)
    .where(and(eq(payoutItems.coopId, coopId), eq(payoutItems.status, 'paid')))
    .groupBy(payoutItems.batchId);
  const paidOf = new Map(paid.map((p) => [p.batchId, Number(p.n)]));
  const names = await displayNamesOf(db, [...new Set(rows.flatMap((r) => [r.createdBy, r.approvedBy].filter((x): x is string => Boolean(x))))]);
  return rows.map((r) => ({
    id: r.id,
    messageId: r.messageId,
    bankAccountId: r.bankAccountId,
    executionDate: r.executionDate,
    painVersion: r.painVersion,
    status: r.status,
    needsApproval: r.needsApproval,
    downloadable: isDownloadable(r),
    itemCount: r.itemCount,
    paidCount: paidOf.get(r.id) ?? 0,
    totalCents: r.totalCents,
    createdBy: r.createdBy,
    createdByName: names.get(r.createdBy) ?? null,
    createdAt: r.createdAt,
    approvedBy: r.approvedBy,
    approvedByName: r.approvedBy ? (names.get(r.approvedBy) ?? null) : null,
    cancelledAt: r.cancelledAt,
  }));
}

/** The coop's batches, newest first (a coop builds a few a month: the last 200 are plenty on one page). */
export async function listBatches(db: Executor, coopId: string): Promise<PayoutBatchView[]> {
  const rows = await db.select().from(payoutBatches).where(eq(payoutBatches.coopId, coopId)).orderBy(desc(payoutBatches.createdAt), desc(payoutBatches.id)).limit(200);
  return viewsOf(db, coopId, rows);
}

export async function getBatch(db: Executor, coopId: string, id: string): Promise<PayoutBatchDetail> {
  const [row] = await db.select().from(payoutBatches).where(and(eq(payoutBatches.coopId, coopId), eq(payoutBatches.id, id)));
  if (!row) throw payoutErrors.PAYOUT_BATCH_NOT_FOUND();
  const [view] = await viewsOf(db, coopId, [row]);
  const items = await db.select().from(payoutItems).where(and(eq(payoutItems.coopId, coopId), eq(payoutItems.batchId, id))).orderBy(payoutItems.endToEndId);
  return {
    ...view!,
    items: items.map((i) => ({
      id: i.id,
      sourceType: i.sourceType,
      sourceId: i.sourceId,
      payeeName: i.payeeName,
      payeeIbanMasked: maskIban(i.payeeIban),
      amountCents: i.amountCents,
      reference: i.reference,
      endToEndId: i.endToEndId,
      status: i.status,
      paidOn: i.paidOn,
      returnReason: i.returnReason,
    })),
  };
}

/** The pain.001 of a batch, checked against its hash; refused while it awaits its second approval. */
export async function openBatchFile(db: Db, storage: FileStorage, coopId: string, id: string): Promise<{ fileName: string; content: Buffer }> {
  const [row] = await db.select().from(payoutBatches).where(and(eq(payoutBatches.coopId, coopId), eq(payoutBatches.id, id)));
  if (!row) throw payoutErrors.PAYOUT_BATCH_NOT_FOUND();
  if (row.status === 'cancelled') throw payoutErrors.PAYOUT_BATCH_CANCELLED();
  if (!isDownloadable(row)) throw payoutErrors.PAYOUT_BATCH_AWAITS_APPROVAL();
  const read = await storage.read(row.storageKey, { sha256: row.sha256 });
  if (!read.ok) throw read.problem === 'missing' ? payoutErrors.PAYOUT_FILE_MISSING() : payoutErrors.PAYOUT_FILE_ALTERED();
  return { fileName: `virements-${row.executionDate}-${row.messageId.slice(1, 9)}.xml`, content: read.bytes };
}
