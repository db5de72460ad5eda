import { and, eq, inArray, ne } from 'drizzle-orm';
import { recordAudit, type AuditActor } from '../../platform/audit/record-audit.js';
import type { Db, Executor } from '../../platform/db/client.js';
import { bankAccountOfLine, bookLineAgainstEntry, unmatchedLinesOf, type BankStatementLineRow, type StatementMatcher } from '../banking/index.js';
import type { PayableSources } from './payable-sources.js';
import { payoutBatches, payoutItems, type PayoutItemRow } from './schema.js';

/** Thrown inside a line's transaction to give it up whole (nothing posted) when the line or an item moved meanwhile. */
class LineTaken extends Error {}

/**
 * The `bank.statement_imported` matcher of payouts: in the new lines of a statement it finds
 * - a debit whose EndToEndId is a pending transfer's, of its amount: the transfer was paid;
 * - a debit of a whole batch (banks that book a batch as one line), found by the batch's
 *   PmtInfId/MsgId the bank reports (or writes in the line's text) and its exact total;
 * - a credit that is a return (RtrInf, or a return transaction code) of a paid transfer's
 *   EndToEndId: the transfer came back, and its document is owed again.
 * Each line is handled in a transaction of its own: the source's payment (or its reversal),
 * the booking of the bank line against that entry and the item's new state commit together.
 * Idempotent: a line already booked, or an item no longer pending, is left as it is.
 */
export const payoutMatcher =
  (sources: PayableSources): StatementMatcher =>
  async (db, coopId, statementId) => {
    const actor: AuditActor = { coopId, userId: null };
    for (const line of await unmatchedLinesOf(db, coopId, statementId)) {
      try {
        if (line.amountCents < 0) await payFromDebit(db, actor, sources, line);
        else if (line.isReturn && line.endToEndId) await returnTransfer(db, actor, sources, line);
      } catch (err) {
        if (!(err instanceof LineTaken)) throw err;
      }
    }
  };

async function pendingItems(tx: Executor, coopId: string, where: ReturnType<typeof and>): Promise<PayoutItemRow[]> {
  return tx.select().from(payoutItems).where(and(eq(payoutItems.coopId, coopId), where)).orderBy(payoutItems.endToEndId).for('update');
}

async function payFromDebit(db: Db, actor: AuditActor, sources: PayableSources, line: BankStatementLineRow): Promise<void> {
  await db.transaction(async (tx) => {
    let items: PayoutItemRow[] = [];
    if (line.endToEndId) items = await pendingItems(tx, actor.coopId, eq(payoutItems.endToEndId, line.endToEndId));
    if (items.length === 0) {
      const batch = await batchOfLine(tx, actor.coopId, line);
      if (!batch) return;
      items = await pendingItems(tx, actor.coopId, eq(payoutItems.batchId, batch.id));
      // The line pays the batch only if it pays all of it, each transfer still waiting.
      if (items.length !== batch.itemCount || items.some((i) => i.status !== 'pending')) return;
    }
    if (items.length === 0 || items.some((i) => i.status !== 'pending')) return;
    if (items.reduce((sum, i) => sum + i.amountCents, 0) !== -line.amountCents) return;
    const [batch] = await tx.select().from(payoutBatches).where(and(eq(payoutBatches.coopId, actor.coopId), eq(payoutBatches.id, items[0]!.batchId)));
    if (!batch || batch.status === 'cancelled') return;
    // Paid from the account the batch named: a line of another account is someone else's money.
    if ((await bankAccountOfLine(tx, line)).id !== batch.bankAccountId) return;

    const entryIds: string[] = [];
    for (const item of items) {
      const source = sources[item.sourceType];
      if (!source) return;
      const { entryId } = await source.markPaid(tx, actor.coopId, item.sourceId, { paidOn: line.bookingDate, amountCents: item.amountCents, bankAccountId: batch.bankAccountId, actorId: null, via: 'sepa_transfer' });
      entryIds.push(entryId);
      await tx.update(payoutItems).set({ status: 'paid', paidOn: line.bookingDate, entryId, bankLineId: line.id, updatedAt: new Date() }).where(and(eq(payoutItems.coopId, actor.coopId), eq(payoutItems.id, item.id)));
      await recordAudit(tx, actor, {
        action: 'payout.paid',
        entityType: 'payout_item',
        entityId: item.id,
        before: { status: 'pending' },
        after: { status: 'paid', paidOn: line.bookingDate, entryId, bankLineId: line.id, batchId: batch.id, sourceType: item.sourceType, sourceId: item.sourceId, activityId: item.activityId, amountCents: item.amountCents },
      });
    }
    const booked = await bookLineAgainstEntry(tx, actor, line.id, { entryId: entryIds[0]!, bookedBy: 'payouts', reason: { batchId: batch.id, entryIds } });
    if (!booked) throw new LineTaken();
  });
}

/** The batch a line of one debit for several transfers paid: by the PmtInfId/MsgId the bank reports, or writes in the line's text. */
async function batchOfLine(tx: Executor, coopId: string, line: BankStatementLineRow) {
  const live = and(eq(payoutBatches.coopId, coopId), ne(payoutBatches.status, 'cancelled'), eq(payoutBatches.totalCents, -line.amountCents));
  if (line.batchRef) {
    const [byRef] = await tx.select().from(payoutBatches).where(and(live, inArray(payoutBatches.paymentInfoId, [line.batchRef])));
    if (byRef) return byRef;
    const [byMessage] = await tx.select().from(payoutBatches).where(and(live, eq(payoutBatches.messageId, line.batchRef)));
    if (byMessage) return byMessage;
  }
  const text = `${line.reference} ${line.label}`;
  const candidates = await tx.select().from(payoutBatches).where(live);
  return candidates.find((b) => text.includes(b.paymentInfoId) || text.includes(b.messageId)) ?? null;
}

async function returnTransfer(db: Db, actor: AuditActor, sources: PayableSources, line: BankStatementLineRow): Promise<void> {
  await db.transaction(async (tx) => {
    const [item] = await tx
      .select()
      .from(payoutItems)
      .where(and(eq(payoutItems.coopId, actor.coopId), eq(payoutItems.endToEndId, line.endToEndId!), eq(payoutItems.status, 'paid')))
      .for('update');
    if (!item || item.amountCents !== line.amountCents) return;
    const source = sources[item.sourceType];
    // A source that cannot undo a payment leaves the return line for staff to book by hand.
    if (!source?.reversePaid) return;
    const reason = line.returnReason ?? 'retour';
    const { entryId } = await source.reversePaid(tx, actor.coopId, item.sourceId, { on: line.bookingDate, actorId: null, reason });
    await tx.update(payoutItems).set({ status: 'returned', returnReason: line.returnReason, updatedAt: new Date() }).where(and(eq(payoutItems.coopId, actor.coopId), eq(payoutItems.id, item.id)));
    await recordAudit(tx, actor, {
      action: 'payout.returned',
      entityType: 'payout_item',
      entityId: item.id,
      before: { status: 'paid' },
      after: { status: 'returned', reason, reversalEntryId: entryId, bankLineId: line.id, batchId: item.batchId, sourceType: item.sourceType, sourceId: item.sourceId, activityId: item.activityId },
    });
    const booked = await bookLineAgainstEntry(tx, actor, line.id, { entryId, bookedBy: 'payouts', reason: { returnedItemId: item.id, reason } });
    if (!booked) throw new LineTaken();
  });
}
