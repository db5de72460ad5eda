import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import { reverseEntry } from '../ledger/index.js';
import { bankingErrors } from './errors.js';
import { lockedLine } from './reconcile-line.js';
import { bankStatementLines } from './schema.js';

/**
 * Undoes the booking of a debit: its entry is cancelled by a reversing entry (contre-passation)
 * dated the bank's day, so the bank account's balance at every date is as if it had not been
 * booked, and the line waits to be booked again. Nothing is deleted: both entries stay.
 */
export async function unbookBankLine(db: Db, actor: Actor, lineId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const line = await lockedLine(tx, actor, lineId);
    if (line.status !== 'booked' || !line.entryId) throw bankingErrors.BANK_LINE_NOT_BOOKED();
    // A transfer the payouts module booked also marked a document paid: reversing the entry
    // alone would leave it paid in its module; it is undone there (the batch's return).
    if (line.bookedBy) throw bankingErrors.BANK_LINE_BOOKED_BY_MODULE();
    const reversal = await reverseEntry(tx, actor, line.entryId, line.bookingDate, `Annulation de la comptabilisation – ${line.label}`.slice(0, 300));
    await tx
      .update(bankStatementLines)
      .set({ status: 'unmatched', entryId: null })
      .where(and(eq(bankStatementLines.coopId, actor.coopId), eq(bankStatementLines.id, line.id)));
    await recordAudit(tx, actor, {
      action: 'bank_line.unbooked',
      entityType: 'bank_statement_line',
      entityId: line.id,
      before: { status: 'booked', entryId: line.entryId },
      after: { status: 'unmatched', entryId: null, reversalEntryId: reversal.id },
    });
  });
}
