import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import { reconcilePayment, reconcileRemittance } from '../payments/index.js';
import { assertLineInEuros } from './assert-line-in-euros.js';
import { bankAccountOfLine } from './bank-account-of-line.js';
import type { ConfirmRecordedInput } from './contract.js';
import { bankingErrors } from './errors.js';
import { eqLine, lockedLine } from './reconcile-line.js';
import { bankStatementLines } from './schema.js';

/**
 * Staff confirm that a credit line is money already recorded: a payment typed by hand (a
 * cheque, a transfer notice) or a remittance slip of cheques. Nothing is booked to the client
 * again: the payment, or every cheque of the slip, is reconciled with the line, and what
 * waited in 5112 / 530 moves to 512 (payments module). So the cheque of 1 000 € typed on
 * arrival and then seen on the statement is 1 000 € collected and one line in 512.
 * The line is locked, and its status re-read, as when a new payment is booked from it.
 */
export async function confirmRecordedReceipt(db: Db, actor: Actor, lineId: string, input: ConfirmRecordedInput): Promise<void> {
  await db.transaction(
    async (tx) => {
      const line = await lockedLine(tx, actor, lineId);
      if (line.status === 'matched') throw bankingErrors.BANK_LINE_ALREADY_MATCHED();
      if (line.status === 'ignored') throw bankingErrors.BANK_LINE_IGNORED();
      if (line.status === 'booked') throw bankingErrors.BANK_LINE_ALREADY_BOOKED();
      if (line.amountCents <= 0) throw bankingErrors.BANK_LINE_NOT_CREDIT();
      await assertLineInEuros(tx, line);
      // What waited in 5112 / 530 moves to the sub-account of the bank account the line is on.
      const bank = await bankAccountOfLine(tx, line);
      const showing = { id: line.id, bookingDate: line.bookingDate, amountCents: line.amountCents, label: line.label, bank: { account: bank.ledgerAccount, journal: bank.journalCode } };
      if (input.paymentId) await reconcilePayment(tx, actor, input.paymentId, showing);
      else await reconcileRemittance(tx, actor, input.remittanceId!, showing);
      const match = { paymentId: input.paymentId ?? null, remittanceId: input.remittanceId ?? null };
      await tx
        .update(bankStatementLines)
        .set({ status: 'matched', ...match })
        .where(eqLine(actor.coopId, line.id));
      await recordAudit(tx, actor, {
        action: 'bank_line.matched',
        entityType: 'bank_statement_line',
        entityId: line.id,
        before: { status: line.status, paymentId: null, remittanceId: null },
        after: { status: 'matched', ...match, recorded: true },
      });
    },
    { isolationLevel: 'read committed' },
  );
}
