import { and, asc, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Executor } from '../../platform/db/client.js';
import { bankAccountOf } from '../banking/index.js';
import { reverseEntry } from '../ledger/index.js';
import { memberBankDetails } from '../members/index.js';
import { independentsErrors } from './errors.js';
import { memberInvoices } from './schema.js';
import { payMemberInvoiceIn } from './validate-member-invoice.js';

/**
 * The member invoices the coop owes (validated, not paid), oldest first, as payouts offers
 * them for a SEPA transfer: paid to the member's company name, on the member's IBAN.
 */
export async function listMemberInvoicePayables(db: Executor, coopId: string) {
  const rows = await db
    .select()
    .from(memberInvoices)
    .where(and(eq(memberInvoices.coopId, coopId), eq(memberInvoices.status, 'validated')))
    .orderBy(asc(memberInvoices.issueDate), asc(memberInvoices.id));
  const payees = await memberBankDetails(db, coopId, [...new Set(rows.map((r) => r.memberId))]);
  return rows.map((r) => {
    const payee = payees.get(r.memberId);
    return {
      sourceType: 'member_invoice' as const,
      sourceId: r.id,
      activityId: r.activityId,
      payeeMemberId: r.memberId,
      payeeName: payee?.companyName ?? payee?.name ?? '',
      payeeIban: payee?.iban ?? null,
      payeeBic: payee?.bic ?? null,
      amountCents: r.grossCents,
      reference: `Facture ${r.number}`,
      dueOn: null,
    };
  });
}

async function lockedInvoice(tx: Executor, coopId: string, id: string) {
  const [row] = await tx.select().from(memberInvoices).where(and(eq(memberInvoices.coopId, coopId), eq(memberInvoices.id, id))).for('update');
  if (!row) throw independentsErrors.MEMBER_INVOICE_NOT_FOUND();
  return row;
}

/**
 * Payouts' "paid": the transfer left the bank account `bankAccountId` (its 512 sub-account and
 * journal). Refused (409) when the invoice is no longer owed, or owed another amount.
 */
export async function markMemberInvoicePaidBy(
  tx: Executor,
  coopId: string,
  sourceId: string,
  input: { paidOn: string; amountCents: number; bankAccountId: string; actorId: string | null; via: 'sepa_transfer' | 'manual' },
): Promise<{ entryId: string }> {
  const before = await lockedInvoice(tx, coopId, sourceId);
  if (before.status !== 'validated' || before.grossCents !== input.amountCents) throw independentsErrors.MEMBER_INVOICE_WRONG_STATUS();
  const bank = await bankAccountOf(tx, coopId, input.bankAccountId);
  const after = await payMemberInvoiceIn(tx, { coopId, userId: input.actorId }, before, {
    paidOn: input.paidOn,
    reference: input.via === 'sepa_transfer' ? 'Virement SEPA' : 'Virement',
    bank: { account: bank.ledgerAccount, journal: bank.journalCode },
    via: input.via,
  });
  return { entryId: after.paymentEntryId! };
}

/**
 * The transfer came back (the member's bank returned it): its payment entry is reversed, dated
 * the day of the return, and the invoice is owed again. Audited as a return, never deleted.
 */
export async function reverseMemberInvoicePayment(tx: Executor, coopId: string, sourceId: string, input: { on: string; actorId: string | null; reason: string }): Promise<{ entryId: string }> {
  const before = await lockedInvoice(tx, coopId, sourceId);
  if (before.status !== 'paid' || !before.paymentEntryId) throw independentsErrors.MEMBER_INVOICE_WRONG_STATUS();
  const actor = { coopId, userId: input.actorId };
  const reversal = await reverseEntry(tx, actor, before.paymentEntryId, input.on, `Virement retourné – facture ${before.number} (${input.reason})`.slice(0, 300));
  await tx
    .update(memberInvoices)
    .set({ status: 'validated', paidOn: null, paymentReference: null, paymentEntryId: null, updatedAt: new Date() })
    .where(and(eq(memberInvoices.coopId, coopId), eq(memberInvoices.id, sourceId)));
  await recordAudit(tx, actor, {
    action: 'member_invoice.payment_returned',
    entityType: 'member_invoice',
    entityId: sourceId,
    before: { status: 'paid', paymentEntryId: before.paymentEntryId },
    after: { status: 'validated', reversalEntryId: reversal.id, reason: input.reason, memberId: before.memberId, activityId: before.activityId },
  });
  return { entryId: reversal.id };
}
