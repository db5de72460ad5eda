import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db } from '../../platform/db/client.js';
import { invalidField } from '../../platform/errors.js';
import type { Actor } from '../../platform/http/context.js';
import { bankDebitEntry, DEDUCTIBLE_VAT_ACCOUNT, openAccountIfMissing, postEntry } from '../ledger/index.js';
import { assertLineInEuros } from './assert-line-in-euros.js';
import { bankAccountOfLine } from './bank-account-of-line.js';
import type { BookLineInput } from './debit-contract.js';
import { debitAccountOf } from './domain/debit-accounts.js';
import { vatOfGross } from './domain/debit-vat.js';
import { bankingErrors } from './errors.js';
import { lockedLine } from './reconcile-line.js';
import { saveBankRuleIn } from './save-bank-rule.js';
import { bankStatementLines } from './schema.js';

/**
 * Books a debit of the bank (URSSAF, bank fees, a card payment, a supplier paid) to the
 * account staff choose, on an activity or the coop itself, with the deductible VAT split
 * to 44566: one balanced entry in the bank account's journal, dated the bank's day, its
 * 512 sub-account credited with the bank's amount (never retyped). The line is marked
 * booked under its row lock, so it is booked once; `unbookBankLine` undoes it by reversal.
 * Staff may save the booking as a rule in the same transaction.
 */
export async function bookBankLine(db: Db, actor: Actor, lineId: string, input: BookLineInput): Promise<void> {
  await db.transaction(async (tx) => {
    const line = await lockedLine(tx, actor, lineId);
    if (line.status === 'matched') throw bankingErrors.BANK_LINE_ALREADY_MATCHED();
    if (line.status === 'booked') throw bankingErrors.BANK_LINE_ALREADY_BOOKED();
    if (line.status === 'ignored') throw bankingErrors.BANK_LINE_IGNORED();
    if (line.amountCents >= 0) throw bankingErrors.BANK_LINE_NOT_DEBIT();
    await assertLineInEuros(tx, line);

    const account = debitAccountOf(input.account);
    if (!account) throw invalidField('account', { fr: 'Ce compte ne reçoit pas de débit bancaire d’ici.', en: 'This account takes no bank debit from here.' });
    if (account.needsThirdParty && !input.thirdParty) throw invalidField('thirdParty', { fr: 'Nommez le tiers (fournisseur, client).', en: 'Name the third party (supplier, client).' });
    const grossCents = -line.amountCents;
    const vatCents = input.vatCents ?? (input.vatRateBp ? vatOfGross(grossCents, input.vatRateBp) : 0);
    if (vatCents > 0 && !account.mayDeductVat) {
      throw invalidField(input.vatCents ? 'vatCents' : 'vatRateBp', { fr: 'Aucune TVA ne se déduit sur ce compte.', en: 'No VAT is deducted on this account.' });
    }
    if (vatCents >= grossCents && vatCents > 0) throw invalidField('vatCents', { fr: 'La TVA dépasse le montant payé.', en: 'The VAT exceeds the amount paid.' });

    const bank = await bankAccountOfLine(tx, line);
    await openAccountIfMissing(tx, actor, account.number, account.label.fr);
    if (vatCents > 0) await openAccountIfMissing(tx, actor, DEDUCTIBLE_VAT_ACCOUNT, 'TVA déductible sur autres biens et services');

    const activityId = input.activityId ?? null;
    const posting = bankDebitEntry({ bankAccount: bank.ledgerAccount, journal: bank.journalCode, account: account.number, amountCents: grossCents, vatCents, activityId, lineLabel: input.thirdParty ?? null });
    const entry = await postEntry(tx, actor, {
      journal: posting.journal,
      date: line.bookingDate,
      label: (line.label || line.reference || line.counterparty || 'Débit bancaire').slice(0, 300),
      source: { type: 'bank_line', id: line.id },
      lines: posting.lines,
    });
    await tx
      .update(bankStatementLines)
      .set({ status: 'booked', entryId: entry.id })
      .where(and(eq(bankStatementLines.coopId, actor.coopId), eq(bankStatementLines.id, line.id)));
    await recordAudit(tx, actor, {
      action: 'bank_line.booked',
      entityType: 'bank_statement_line',
      entityId: line.id,
      before: { status: line.status, entryId: null },
      after: { status: 'booked', entryId: entry.id, account: account.number, activityId, vatCents, thirdParty: input.thirdParty ?? null },
    });
    if (input.saveRule) {
      await saveBankRuleIn(tx, actor, { labelContains: input.saveRule.labelContains, account: account.number, activityId, vatRateBp: input.vatRateBp ?? null, thirdParty: input.thirdParty ?? null });
    }
  });
}
