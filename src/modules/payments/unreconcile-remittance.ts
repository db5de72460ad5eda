import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Executor } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import { reverseEntry } from '../ledger/index.js';
import { lockedRemittance } from './cancel-remittance.js';
import { paymentRemittances } from './schema.js';

/**
 * Undoes `reconcileRemittance` when staff unmatch the bank line: the slip waits for its bank
 * line again and its cheques go back to 5112 by a reversing entry dated `today`.
 */
export async function unreconcileRemittance(tx: Executor, actor: Actor, remittanceId: string, opts: { bankLineId: string; today: string; reason: string }): Promise<void> {
  const slip = await lockedRemittance(tx, actor.coopId, remittanceId);
  if (slip.bankLineId !== opts.bankLineId || !slip.clearingEntryId) throw new Error(`slip ${slip.id} is not reconciled with line ${opts.bankLineId}`);
  const reversal = await reverseEntry(tx, actor, slip.clearingEntryId, opts.today, `Annulation du rapprochement : ${opts.reason}`.slice(0, 300));
  await tx.update(paymentRemittances).set({ bankLineId: null, clearingEntryId: null }).where(and(eq(paymentRemittances.coopId, actor.coopId), eq(paymentRemittances.id, slip.id)));
  await recordAudit(tx, actor, {
    action: 'remittance.unreconciled',
    entityType: 'payment_remittance',
    entityId: slip.id,
    before: { bankLineId: slip.bankLineId, clearingEntryId: slip.clearingEntryId },
    after: { bankLineId: null, clearingEntryId: null, reversalEntryId: reversal.id, reason: opts.reason },
  });
}
