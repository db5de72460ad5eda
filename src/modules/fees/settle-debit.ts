import { and, eq } from 'drizzle-orm';
import { recordAudit, type AuditActor } from '../../platform/audit/record-audit.js';
import type { Db, Executor } from '../../platform/db/client.js';
import { invalidField } from '../../platform/errors.js';
import type { Actor } from '../../platform/http/context.js';
import { ensureDefaultBankAccount } from '../banking/index.js';
import { memberNames } from '../members/index.js';
import { ACCOUNTS, postEntry, reverseEntry } from '../ledger/index.js';
import type { MemberFee } from './contract.js';
import { mandateEndsWith, returnReasonText } from './domain/return-reasons.js';
import { feesErrors } from './errors.js';
import { feeViews } from './list-fees.js';
import { revokeMandate } from './mandates.js';
import { collectionItems, collections, mandates, memberFees, type MemberFeeRow } from './schema.js';

async function lockedFee(tx: Executor, coopId: string, id: string): Promise<MemberFeeRow> {
  const [row] = await tx.select().from(memberFees).where(and(eq(memberFees.coopId, coopId), eq(memberFees.id, id))).for('update');
  if (!row) throw feesErrors.FEE_NOT_FOUND();
  return row;
}

/** The bank account money reached: the collection's, else the coop's first. */
async function bankOf(tx: Executor, actor: AuditActor, bankAccountId: string | null): Promise<{ account: string; journal: string }> {
  const accounts = await ensureDefaultBankAccount(tx, actor);
  const bank = accounts.find((a) => a.id === bankAccountId) ?? accounts[0]!;
  return { account: bank.ledgerAccount, journal: bank.journalCode };
}

/**
 * Books the money of a fee received (D the bank's 512 / C 411 on the member's auxiliary
 * account, lettered with the fee's sales entry) and marks the fee paid, audited. The fee is
 * locked: a fee is paid once.
 */
async function payFee(tx: Executor, actor: AuditActor, fee: MemberFeeRow, paidOn: string, bank: { account: string; journal: string }, via: string): Promise<MemberFeeRow> {
  if (fee.status === 'paid') throw feesErrors.FEE_ALREADY_PAID();
  const label = (await memberNames(tx, actor.coopId, [fee.memberId])).get(fee.memberId) ?? fee.number;
  const entry = await postEntry(tx, actor, {
    journal: bank.journal,
    date: paidOn,
    label: `Cotisation ${fee.number} (${via})`,
    source: { type: 'member_fee_payment', id: fee.id },
    documentRef: fee.number,
    lines: [
      { account: bank.account, activityId: null, debitCents: fee.grossCents },
      { account: ACCOUNTS.clientReceivables, activityId: null, creditCents: fee.grossCents, auxiliary: { kind: 'client', partyId: fee.memberId, label: label.slice(0, 200) }, letteringKey: fee.id },
    ],
  });
  const [row] = await tx
    .update(memberFees)
    .set({ status: 'paid', paidOn, paymentEntryId: entry.id, lastReturnCode: null, updatedAt: new Date() })
    .where(and(eq(memberFees.coopId, actor.coopId), eq(memberFees.id, fee.id)))
    .returning();
  await recordAudit(tx, actor, { action: 'member_fee.paid', entityType: 'member', entityId: fee.memberId, before: { feeId: fee.id, status: fee.status }, after: { memberId: fee.memberId, feeId: fee.id, number: fee.number, status: 'paid', paidOn, via, amountCents: fee.grossCents, paymentEntryId: entry.id } });
  return row!;
}

/** Staff record a fee paid outside a direct debit (a transfer, a cheque). A fee waiting in a collection waits for its bank line. */
export async function markFeePaid(db: Db, actor: Actor, id: string, paidOn: string, today: string): Promise<MemberFee> {
  if (paidOn > today) throw invalidField('paidOn', { fr: 'Le paiement ne peut pas être daté après aujourd’hui.', en: 'The payment cannot be dated after today.' });
  return db.transaction(async (tx) => {
    const fee = await lockedFee(tx, actor.coopId, id);
    const [live] = await tx.select({ id: collectionItems.id }).from(collectionItems).where(and(eq(collectionItems.coopId, actor.coopId), eq(collectionItems.feeId, id), eq(collectionItems.status, 'pending')));
    if (live) throw feesErrors.FEE_NOT_COLLECTABLE();
    const row = await payFee(tx, actor, fee, paidOn, await bankOf(tx, actor, null), 'manual');
    return (await feeViews(tx, actor.coopId, [row]))[0]!;
  });
}

export interface DebitOutcome {
  endToEndId: string;
  bookedOn: string;
  /** The return or reject reason (RtrInf/Rsn/Cd); absent when the bank credited the debit. */
  returnCode?: string;
}

/**
 * What the bank statement says of one debit of a collection, found by its end-to-end id:
 * - credited: the fee is paid (D 512 / C 411 member);
 * - returned or rejected: the fee is open again — its payment, if booked, undone by a reversing
 *   entry (money is never deleted) — with the reason kept to show, and the mandate revoked when
 *   the reason says it cannot be used again (closed account, no mandate…).
 * One transaction, audited; the item is locked, so a line read twice does nothing twice.
 * The bank-statement matcher calls this in the transaction that books the line.
 */
export async function recordDebitOutcome(tx: Executor, actor: AuditActor, outcome: DebitOutcome): Promise<{ feeId: string; status: 'paid' | 'returned'; entryId: string | null }> {
  const [found] = await tx
    .select({ item: collectionItems, bankAccountId: collections.bankAccountId })
    .from(collectionItems)
    .innerJoin(collections, and(eq(collections.coopId, collectionItems.coopId), eq(collections.id, collectionItems.collectionId)))
    .where(and(eq(collectionItems.coopId, actor.coopId), eq(collectionItems.endToEndId, outcome.endToEndId)))
    .for('update', { of: collectionItems });
  if (!found) throw invalidField('endToEndId', { fr: 'Aucun prélèvement ne porte cette référence de bout en bout.', en: 'No direct debit carries this end-to-end id.' });
  const { item } = found;
  if (item.status === 'returned' || (item.status === 'paid' && !outcome.returnCode)) throw feesErrors.COLLECTION_ITEM_NOT_PENDING();
  const fee = await lockedFee(tx, actor.coopId, item.feeId);
  const where = and(eq(collectionItems.coopId, actor.coopId), eq(collectionItems.id, item.id));
  if (!outcome.returnCode) {
    const paid = await payFee(tx, actor, fee, outcome.bookedOn, await bankOf(tx, actor, found.bankAccountId), 'sepa_direct_debit');
    await tx.update(collectionItems).set({ status: 'paid', paymentEntryId: paid.paymentEntryId }).where(where);
    return { feeId: fee.id, status: 'paid', entryId: paid.paymentEntryId };
  }
  const code = outcome.returnCode;
  // A return after the credit takes the money back: the payment is reversed, the fee owed again.
  const reversal = item.status === 'paid' && item.paymentEntryId ? await reverseEntry(tx, actor, item.paymentEntryId, outcome.bookedOn, `Prélèvement ${item.endToEndId} rejeté (${code})`) : null;
  await tx.update(memberFees).set({ status: 'unpaid', paidOn: null, paymentEntryId: null, lastReturnCode: code, updatedAt: new Date() }).where(and(eq(memberFees.coopId, actor.coopId), eq(memberFees.id, fee.id)));
  const [mandate] = await tx.select({ status: mandates.status }).from(mandates).where(and(eq(mandates.coopId, actor.coopId), eq(mandates.id, item.mandateId)));
  // Revoked already (by staff, or by another return): nothing more to end.
  const revokes = mandateEndsWith(code) && mandate?.status === 'active';
  if (revokes) await revokeMandate(tx, actor, item.mandateId, `${code} ${returnReasonText(code).fr}`, outcome.bookedOn);
  await tx.update(collectionItems).set({ status: 'returned', returnCode: code, returnedOn: outcome.bookedOn, mandateRevoked: revokes }).where(where);
  const reason = returnReasonText(code);
  await recordAudit(tx, actor, {
    action: 'member_fee.returned',
    entityType: 'member',
    entityId: fee.memberId,
    before: { feeId: fee.id, status: fee.status },
    after: { memberId: fee.memberId, feeId: fee.id, number: fee.number, status: 'unpaid', returnCode: code, reasonFr: reason.fr, reasonEn: reason.en, mandateRevoked: revokes, amountCents: fee.grossCents },
  });
  return { feeId: fee.id, status: 'returned', entryId: reversal?.id ?? null };
}

/** Staff record, from the statement they read, what the bank did with one debit. */
export async function recordDebitOutcomeByStaff(db: Db, actor: Actor, outcome: DebitOutcome, today: string): Promise<MemberFee> {
  if (outcome.bookedOn > today) throw invalidField('bookedOn', { fr: 'La date ne peut pas être après aujourd’hui.', en: 'The date cannot be after today.' });
  return db.transaction(async (tx) => {
    const { feeId } = await recordDebitOutcome(tx, actor, outcome);
    const [row] = await tx.select().from(memberFees).where(and(eq(memberFees.coopId, actor.coopId), eq(memberFees.id, feeId)));
    return (await feeViews(tx, actor.coopId, [row!]))[0]!;
  });
}
