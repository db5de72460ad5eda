import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db, Executor } from '../../platform/db/client.js';
import { invalidField } from '../../platform/errors.js';
import type { Actor } from '../../platform/http/context.js';
import { openInvoices } from '../invoicing/index.js';
import { recordPaymentIn } from '../payments/index.js';
import { assertLineInEuros } from './assert-line-in-euros.js';
import { bankAccountOfLine } from './bank-account-of-line.js';
import type { ConfirmLineInput } from './contract.js';
import { bankingErrors } from './errors.js';
import { bankStatementLines, type BankStatementLineRow } from './schema.js';

/** The line, locked for the rest of the transaction: two people confirming it at once are served one after the other. */
export async function lockedLine(tx: Executor, actor: Actor, lineId: string): Promise<BankStatementLineRow> {
  const [row] = await tx
    .select()
    .from(bankStatementLines)
    .where(and(eq(bankStatementLines.coopId, actor.coopId), eq(bankStatementLines.id, lineId)))
    .for('update');
  if (!row) throw bankingErrors.BANK_LINE_NOT_FOUND();
  return row;
}

export const eqLine = (coopId: string, id: string) => and(eq(bankStatementLines.coopId, coopId), eq(bankStatementLines.id, id));

/**
 * Staff confirm what a credit line of the bank pays: the payment is recorded through the
 * payments service with the line's date and amount (the bank's, never retyped), allocated to
 * the invoices chosen, or left whole on the client's account, and the line is marked matched.
 * A line books one payment at most: the status is re-read under the row lock, and the unique
 * bank line of `payments` refuses a second payment even if that check were bypassed.
 */
export async function confirmBankLine(db: Db, actor: Actor, lineId: string, input: ConfirmLineInput): Promise<void> {
  await db.transaction(
    async (tx) => {
      const line = await lockedLine(tx, actor, lineId);
      if (line.status === 'matched') throw bankingErrors.BANK_LINE_ALREADY_MATCHED();
      if (line.status === 'ignored') throw bankingErrors.BANK_LINE_IGNORED();
      if (line.status === 'booked') throw bankingErrors.BANK_LINE_ALREADY_BOOKED();
      if (line.amountCents <= 0) throw bankingErrors.BANK_LINE_NOT_CREDIT();
      await assertLineInEuros(tx, line);
      const bank = await bankAccountOfLine(tx, line);

      const clientId = await payingClient(tx, actor, input);
      const { id: paymentId } = await recordPaymentIn(
        tx,
        actor,
        {
          clientId,
          date: line.bookingDate,
          amountCents: line.amountCents,
          mode: input.mode ?? 'transfer',
          reference: (line.reference || line.label).slice(0, 200) || null,
          allocations: input.allocations,
        },
        { bankLineId: line.id, bankAccount: { account: bank.ledgerAccount, journal: bank.journalCode } },
      );
      await tx.update(bankStatementLines).set({ status: 'matched', paymentId }).where(eqLine(actor.coopId, line.id));
      await recordAudit(tx, actor, {
        action: 'bank_line.matched',
        entityType: 'bank_statement_line',
        entityId: line.id,
        before: { status: line.status, paymentId: null },
        after: { status: 'matched', paymentId, clientId, allocations: input.allocations },
      });
    },
    { isolationLevel: 'read committed' },
  );
}

/**
 * The client who paid: the one whose invoices are chosen (they must all be the same client's,
 * since one transfer settles one client's account), or, when the money settles no invoice,
 * the client named by staff, whose account then keeps it as a credit.
 */
async function payingClient(tx: Executor, actor: Actor, input: ConfirmLineInput): Promise<string> {
  if (input.allocations.length === 0) {
    if (!input.clientId) {
      throw invalidField('clientId', { fr: 'Choisissez le client dont le compte reçoit ce paiement.', en: 'Choose the client whose account receives this payment.' });
    }
    return input.clientId;
  }
  const open = new Map((await openInvoices(tx, actor.coopId)).map((invoice) => [invoice.id, invoice]));
  let clientId = input.clientId;
  for (const [i, allocation] of input.allocations.entries()) {
    const invoice = open.get(allocation.invoiceId);
    if (!invoice) {
      throw invalidField(`allocations.${i}.invoiceId`, { fr: 'Cette facture n’est pas une facture ouverte de la coopérative.', en: 'This invoice is not an open invoice of the cooperative.' });
    }
    clientId ??= invoice.clientId;
    if (invoice.clientId !== clientId) {
      throw invalidField(`allocations.${i}.invoiceId`, { fr: 'Un virement règle les factures d’un seul client.', en: 'One transfer settles the invoices of one client only.' });
    }
  }
  return clientId!;
}

/** Sets a line aside (bank fees, a transfer between own accounts): it no longer waits for a match. */
export async function ignoreBankLine(db: Db, actor: Actor, lineId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const line = await lockedLine(tx, actor, lineId);
    if (line.status === 'matched') throw bankingErrors.BANK_LINE_ALREADY_MATCHED();
    if (line.status === 'booked') throw bankingErrors.BANK_LINE_ALREADY_BOOKED();
    if (line.status === 'ignored') return;
    await tx.update(bankStatementLines).set({ status: 'ignored' }).where(eqLine(actor.coopId, line.id));
    await recordAudit(tx, actor, { action: 'bank_line.ignored', entityType: 'bank_statement_line', entityId: line.id, before: { status: line.status }, after: { status: 'ignored' } });
  });
}

/** Undoes `ignoreBankLine`: the line waits for a match again. */
export async function restoreBankLine(db: Db, actor: Actor, lineId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const line = await lockedLine(tx, actor, lineId);
    if (line.status !== 'ignored') throw bankingErrors.BANK_LINE_NOT_IGNORED();
    await tx.update(bankStatementLines).set({ status: 'unmatched' }).where(eqLine(actor.coopId, line.id));
    await recordAudit(tx, actor, { action: 'bank_line.restored', entityType: 'bank_statement_line', entityId: line.id, before: { status: 'ignored' }, after: { status: 'unmatched' } });
  });
}
