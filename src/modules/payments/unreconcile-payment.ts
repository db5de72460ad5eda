import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Executor } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import { reverseEntry } from '../ledger/index.js';
import { lockedPayment } from './cancel-payment.js';
import { payments } from './schema.js';

/**
 * Undoes `reconcilePayment` when staff unmatch the bank line: the payment stays recorded and
 * waits for its bank line again. The move from 5112 / 530 to 512 is reversed by an entry
 * (contre-passation dated `today`), never deleted, so a cheque goes back to 5112.
 */
export async function unreconcilePayment(tx: Executor, actor: Actor, paymentId: string, opts: { bankLineId: string; today: string; reason: string }): Promise<void> {
  const row = await lockedPayment(tx, actor.coopId, paymentId);
  if (row.bankLineId !== opts.bankLineId) throw new Error(`payment ${row.id} is not reconciled with line ${opts.bankLineId}`);
  const reversal = row.clearingEntryId ? await reverseEntry(tx, actor, row.clearingEntryId, opts.today, `Annulation du rapprochement : ${opts.reason}`.slice(0, 300)) : null;
  await tx.update(payments).set({ bankLineId: null, clearingEntryId: null }).where(and(eq(payments.coopId, actor.coopId), eq(payments.id, row.id)));
  await recordAudit(tx, actor, {
    action: 'payment.unreconciled',
    entityType: 'payment',
    entityId: row.id,
    before: { bankLineId: row.bankLineId, clearingEntryId: row.clearingEntryId },
    after: { bankLineId: null, clearingEntryId: null, reversalEntryId: reversal?.id ?? null, reason: opts.reason },
  });
}
