import { and, eq } from 'drizzle-orm';
import { recordAudit, type AuditActor } from '../../platform/audit/record-audit.js';
import type { Executor } from '../../platform/db/client.js';
import { bankingErrors } from './errors.js';
import { bankStatementLines, type BankStatementLineRow } from './schema.js';

/**
 * Books a bank line against an entry another module posted in the same transaction (a
 * payout's transfer paid: D 421 / C 512): the line reads `booked` with that entry, under its
 * row lock, so it is booked once. Returns null, booking nothing, when the line is no longer
 * waiting (a matcher running twice, or staff faster): the caller then posts nothing either,
 * which is why it calls this before posting and rolls back if it gets null.
 * The line remembers which module booked it: only that module may undo the booking.
 */
export async function bookLineAgainstEntry(
  tx: Executor,
  actor: AuditActor,
  lineId: string,
  input: { entryId: string; bookedBy: string; reason: Record<string, unknown> },
): Promise<BankStatementLineRow | null> {
  const [line] = await tx
    .select()
    .from(bankStatementLines)
    .where(and(eq(bankStatementLines.coopId, actor.coopId), eq(bankStatementLines.id, lineId)))
    .for('update');
  if (!line) throw bankingErrors.BANK_LINE_NOT_FOUND();
  if (line.status !== 'unmatched') return null;
  await tx
    .update(bankStatementLines)
    .set({ status: 'booked', entryId: input.entryId, bookedBy: input.bookedBy })
    .where(and(eq(bankStatementLines.coopId, actor.coopId), eq(bankStatementLines.id, line.id)));
  await recordAudit(tx, actor, {
    action: 'bank_line.booked',
    entityType: 'bank_statement_line',
    entityId: line.id,
    before: { status: line.status, entryId: null },
    after: { status: 'booked', entryId: input.entryId, bookedBy: input.bookedBy, ...input.reason },
  });
  return line;
}
