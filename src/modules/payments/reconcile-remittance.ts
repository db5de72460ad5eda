import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Executor } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import { ACCOUNTS, clearingEntry, postEntry } from '../ledger/index.js';
import { lockedRemittance } from './cancel-remittance.js';
import { paymentErrors } from './errors.js';
import type { ShowingBankLine } from './reconcile-payment.js';
import { paymentRemittances } from './schema.js';

/**
 * The bank credits a remittance slip's total in one line: every cheque of the slip leaves 5112
 * for 512 in one entry dated the bank's day, and the slip is reconciled with the line. The
 * cheques were booked to their clients when recorded, so 411 does not move. The totals must
 * be equal to the cent (a cheque rejected by the bank makes another total: cancel the slip,
 * make one without it). In the caller's transaction, on the locked slip.
 */
export async function reconcileRemittance(tx: Executor, actor: Actor, remittanceId: string, line: ShowingBankLine): Promise<void> {
  const slip = await lockedRemittance(tx, actor.coopId, remittanceId);
  if (slip.cancelledAt) throw paymentErrors.REMITTANCE_CANCELLED();
  if (slip.bankLineId) throw paymentErrors.BANK_LINE_ALREADY_BOOKED();
  if (slip.totalCents !== line.amountCents) throw paymentErrors.PAYMENT_AMOUNT_NOT_THE_LINE();
  const entry = await postEntry(tx, actor, {
    ...clearingEntry({ amountCents: slip.totalCents, from: ACCOUNTS.chequesToCash }, line.bank),
    date: line.bookingDate,
    label: `Remise de chèques n° ${slip.number} (${slip.chequeCount} chèque${slip.chequeCount > 1 ? 's' : ''})`,
    source: { type: 'payment_remittance', id: slip.id },
  });
  await tx.update(paymentRemittances).set({ bankLineId: line.id, clearingEntryId: entry.id }).where(and(eq(paymentRemittances.coopId, actor.coopId), eq(paymentRemittances.id, slip.id)));
  await recordAudit(tx, actor, {
    action: 'remittance.reconciled',
    entityType: 'payment_remittance',
    entityId: slip.id,
    before: { bankLineId: null },
    after: { bankLineId: line.id, clearingEntryId: entry.id, totalCents: slip.totalCents },
  });
}
