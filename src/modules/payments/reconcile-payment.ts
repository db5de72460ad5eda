import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Executor } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import { clearingEntry, postEntry, type DepositAccount } from '../ledger/index.js';
import { lockedPayment } from './cancel-payment.js';
import { paymentErrors } from './errors.js';
import { payments } from './schema.js';

/** What banking tells of the line that shows the money. */
export interface ShowingBankLine {
  id: string;
  bookingDate: string;
  amountCents: number;
  label: string;
  /** The ledger sub-account (512…) and journal of the bank account the line is on. */
  bank: { account: string; journal: string };
}

/**
 * A bank line shows a payment already recorded: the payment is reconciled with it instead of
 * being booked again. A cheque or cash waiting in 5112 / 530 moves to 512 (an entry dated the
 * bank's day); a transfer typed by hand is on 512 already and gets no entry. The amounts must
 * be equal to the cent: a different amount is another payment. In the caller's transaction,
 * on the locked payment; the unique bank line of `payments` refuses a second live payment.
 */
export async function reconcilePayment(tx: Executor, actor: Actor, paymentId: string, line: ShowingBankLine): Promise<void> {
  const row = await lockedPayment(tx, actor.coopId, paymentId);
  if (row.cancelledAt) throw paymentErrors.PAYMENT_ALREADY_CANCELLED();
  if (row.remittanceId) throw paymentErrors.PAYMENT_IN_REMITTANCE();
  if (row.bankLineId) throw paymentErrors.BANK_LINE_ALREADY_BOOKED();
  if (row.amountCents !== line.amountCents) throw paymentErrors.PAYMENT_AMOUNT_NOT_THE_LINE();
  let clearingEntryId: string | null = null;
  if (row.depositAccount !== '512') {
    const entry = await postEntry(tx, actor, {
      ...clearingEntry({ amountCents: row.amountCents, from: row.depositAccount as DepositAccount }, line.bank),
      date: line.bookingDate,
      label: `Encaissement ${row.mode === 'cheque' ? 'chèque' : 'espèces'} remis en banque${row.reference ? ` – ${row.reference}` : ''}`.slice(0, 300),
      source: { type: 'payment', id: row.id },
    });
    clearingEntryId = entry.id;
  }
  await tx.update(payments).set({ bankLineId: line.id, clearingEntryId }).where(and(eq(payments.coopId, actor.coopId), eq(payments.id, row.id)));
  await recordAudit(tx, actor, {
    action: 'payment.reconciled',
    entityType: 'payment',
    entityId: row.id,
    before: { bankLineId: null },
    after: { bankLineId: line.id, clearingEntryId, from: row.depositAccount },
  });
}
