import { and, eq, inArray } from 'drizzle-orm';
import type { AuditActor } from '../../platform/audit/record-audit.js';
import type { Db, Executor } from '../../platform/db/client.js';
import { bankAccountOfLine, bookLineAgainstEntry, unmatchedLinesOf, type BankStatementLineRow, type StatementMatcher } from '../banking/index.js';
import { recordDebitOutcome } from './settle-debit.js';
import { collectionItems, collections, type CollectionItemRow } from './schema.js';

/** Thrown inside a line's transaction to give it up whole when the line was booked meanwhile. */
class LineTaken extends Error {}

/**
 * The `bank.statement_imported` matcher of the fees' direct debits: in the new lines of a
 * statement it finds
 * - a credit whose EndToEndId is a pending debit's, of its amount: the fee is paid;
 * - a credit of a whole collection (banks that book a file as one line), found by the file's
 *   MsgId/PmtInfId the bank reports or writes in the line's text, of the exact sum still pending;
 * - a debit that is a return (RtrInf, or a return transaction code) of a collected debit's
 *   EndToEndId: the money went back, the fee is owed again, with the bank's reason.
 * Each line is handled in a transaction of its own: the fee's payment (or its reversal), the
 * booking of the bank line against that entry and the debit's new state commit together.
 * Idempotent: a line already booked, or a debit no longer in the state the line needs, is left
 * as it is, for staff to book by hand.
 */
export const feesMatcher: StatementMatcher = async (db, coopId, statementId) => {
  const actor: AuditActor = { coopId, userId: null };
  for (const line of await unmatchedLinesOf(db, coopId, statementId)) {
    try {
      if (line.amountCents > 0 && !line.isReturn) await creditOfDebits(db, actor, line);
      else if (line.amountCents < 0 && line.isReturn && line.endToEndId) await returnOfDebit(db, actor, line);
    } catch (err) {
      if (!(err instanceof LineTaken)) throw err;
    }
  }
};

const lockedItems = (tx: Executor, coopId: string, where: ReturnType<typeof and>): Promise<CollectionItemRow[]> =>
  tx.select().from(collectionItems).where(and(eq(collectionItems.coopId, coopId), where)).orderBy(collectionItems.endToEndId).for('update');

async function creditOfDebits(db: Db, actor: AuditActor, line: BankStatementLineRow): Promise<void> {
  await db.transaction(async (tx) => {
    let items = line.endToEndId ? await lockedItems(tx, actor.coopId, and(eq(collectionItems.endToEndId, line.endToEndId), eq(collectionItems.status, 'pending'))) : [];
    if (items.length === 0) {
      const collectionId = await collectionOfLine(tx, actor.coopId, line);
      if (!collectionId) return;
      items = await lockedItems(tx, actor.coopId, and(eq(collectionItems.collectionId, collectionId), eq(collectionItems.status, 'pending')));
    }
    if (items.length === 0 || items.reduce((sum, i) => sum + i.amountCents, 0) !== line.amountCents) return;
    // Collected on the account the file named: a line of another account is someone else's money.
    const ids = [...new Set(items.map((i) => i.collectionId))];
    const named = await tx.select({ bankAccountId: collections.bankAccountId }).from(collections).where(and(eq(collections.coopId, actor.coopId), inArray(collections.id, ids)));
    const lineAccount = (await bankAccountOfLine(tx, line)).id;
    if (named.some((c) => c.bankAccountId !== lineAccount)) return;

    const entryIds: string[] = [];
    for (const item of items) {
      const { entryId } = await recordDebitOutcome(tx, actor, { endToEndId: item.endToEndId, bookedOn: line.bookingDate });
      entryIds.push(entryId!);
    }
    const booked = await bookLineAgainstEntry(tx, actor, line.id, { entryId: entryIds[0]!, bookedBy: 'fees', reason: { collectionItemIds: items.map((i) => i.id), entryIds } });
    if (!booked) throw new LineTaken();
  });
}

/** The collection a line of one credit for several debits paid: by the MsgId/PmtInfId (`<MsgId>-FRST`) the bank reports, or writes in the line's text. */
async function collectionOfLine(tx: Executor, coopId: string, line: BankStatementLineRow): Promise<string | null> {
  const refs = [line.batchRef, line.reference, line.label].filter((r): r is string => Boolean(r));
  if (refs.length === 0) return null;
  const candidates = await tx.select({ id: collections.id, messageId: collections.messageId }).from(collections).where(eq(collections.coopId, coopId));
  return candidates.find((c) => refs.some((r) => r === c.messageId || r.startsWith(`${c.messageId}-`) || r.includes(c.messageId)))?.id ?? null;
}

async function returnOfDebit(db: Db, actor: AuditActor, line: BankStatementLineRow): Promise<void> {
  await db.transaction(async (tx) => {
    const [item] = await lockedItems(tx, actor.coopId, and(eq(collectionItems.endToEndId, line.endToEndId!), eq(collectionItems.status, 'paid')));
    // Only a debit the bank credited can come back as a debit line; a reject before the credit never reached the account.
    if (!item || item.amountCents !== -line.amountCents) return;
    // A return without its reason code is still a return: MS03, "reason not specified", in the SEPA rulebook.
    const { entryId } = await recordDebitOutcome(tx, actor, { endToEndId: item.endToEndId, bookedOn: line.bookingDate, returnCode: line.returnReason ?? 'MS03' });
    const booked = await bookLineAgainstEntry(tx, actor, line.id, { entryId: entryId!, bookedBy: 'fees', reason: { returnedItemId: item.id, returnCode: line.returnReason ?? 'MS03' } });
    if (!booked) throw new LineTaken();
  });
}
