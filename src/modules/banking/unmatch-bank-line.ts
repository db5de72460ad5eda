import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import { cancelPaymentIn, getPayment, unreconcilePayment, unreconcileRemittance } from '../payments/index.js';
import type { UnmatchLineInput } from './contract.js';
import { bankingErrors } from './errors.js';
import { eqLine, lockedLine } from './reconcile-line.js';
import { bankStatementLines } from './schema.js';

/**
 * Undoes a match that was wrong: the line waits to be reconciled again, and what the match
 * booked is reversed by entries dated `today`, never deleted:
 * - a payment created from the line is cancelled (its entry reversed, its invoices open again);
 * - a payment recorded by hand that the line only confirmed goes back to unreconciled (a cheque
 *   back to 5112 by a reversing entry); it stays recorded, as it was before the match;
 * - a remittance slip goes back to waiting for its bank line, its cheques back to 5112.
 * The reason is kept on the reversing entries and in the audit log.
 */
export async function unmatchBankLine(db: Db, actor: Actor, lineId: string, input: UnmatchLineInput, today: string): Promise<void> {
  await db.transaction(
    async (tx) => {
      const line = await lockedLine(tx, actor, lineId);
      if (line.status !== 'matched') throw bankingErrors.BANK_LINE_NOT_MATCHED();
      const reason = input.reason.trim();
      let undone: 'payment_cancelled' | 'payment_unreconciled' | 'remittance_unreconciled';
      if (line.remittanceId) {
        await unreconcileRemittance(tx, actor, line.remittanceId, { bankLineId: line.id, today, reason });
        undone = 'remittance_unreconciled';
      } else {
        const payment = await getPayment(tx, actor, line.paymentId!);
        if (payment.origin === 'bank_line') {
          await cancelPaymentIn(tx, actor, payment.id, { reason }, { today, releasingBankLineId: line.id });
          undone = 'payment_cancelled';
        } else {
          await unreconcilePayment(tx, actor, payment.id, { bankLineId: line.id, today, reason });
          undone = 'payment_unreconciled';
        }
      }
      await tx.update(bankStatementLines).set({ status: 'unmatched', paymentId: null, remittanceId: null }).where(eqLine(actor.coopId, line.id));
      await recordAudit(tx, actor, {
        action: 'bank_line.unmatched',
        entityType: 'bank_statement_line',
        entityId: line.id,
        before: { status: 'matched', paymentId: line.paymentId, remittanceId: line.remittanceId },
        after: { status: 'unmatched', paymentId: null, remittanceId: null, undone, reason },
      });
    },
    { isolationLevel: 'read committed' },
  );
}
