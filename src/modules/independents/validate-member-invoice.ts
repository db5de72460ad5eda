import { and, eq } from 'drizzle-orm';
import { recordAudit, type AuditActor } from '../../platform/audit/record-audit.js';
import type { Db, Executor } from '../../platform/db/client.js';
import { invalidField } from '../../platform/errors.js';
import type { Actor } from '../../platform/http/context.js';
import { ACCOUNTS, DEDUCTIBLE_VAT_ACCOUNT, JOURNALS, postEntry } from '../ledger/index.js';
import { memberNames } from '../members/index.js';
import type { MarkPaidBody } from './contract.js';
import { checkIndependence } from './check-independence.js';
import { mayMove } from './domain/member-invoice-amounts.js';
import { independentsErrors } from './errors.js';
import { visibleMemberInvoice } from './member-invoice-access.js';
import { memberInvoices, type MemberInvoiceRow } from './schema.js';

/**
 * Staff accept a member's invoice: it is booked as a purchase of the coop from the member's
 * company, on the member's activity — D 604 (the service bought) and D 44566 (the VAT the coop
 * deducts) / C 401 (what it owes the member's company, a supplier like any other; the line
 * names the member and their invoice number, which is what the FEC's third-party columns
 * read). Then the member's volume is compared with their declared revenue (a crossing warns).
 * One transaction: the status, the entry, the audit and the alert commit together.
 */
export async function validateMemberInvoice(db: Db, actor: Actor, id: string, today: string): Promise<MemberInvoiceRow> {
  return db.transaction(async (tx) => {
    const before = await visibleMemberInvoice(tx, actor, id, { lock: true });
    if (!mayMove(before.status, 'validated')) throw independentsErrors.MEMBER_INVOICE_WRONG_STATUS();
    const name = (await memberNames(tx, actor.coopId, [before.memberId])).get(before.memberId) ?? '';
    const label = `Facture ${before.number} — ${name}`.slice(0, 300);
    const { id: entryId } = await postEntry(tx, actor, {
      journal: JOURNALS.purchases,
      date: today,
      label,
      source: { type: 'member_invoice', id: before.id },
      lines: [
        { account: ACCOUNTS.servicesPurchased, debitCents: before.netCents, activityId: before.activityId, label },
        ...(before.vatCents > 0 ? [{ account: DEDUCTIBLE_VAT_ACCOUNT, debitCents: before.vatCents, activityId: before.activityId, label: 'TVA déductible' }] : []),
        { account: ACCOUNTS.suppliers, creditCents: before.grossCents, activityId: before.activityId, label },
      ],
    });
    const [after] = await tx
      .update(memberInvoices)
      .set({ status: 'validated', purchaseEntryId: entryId, validatedAt: new Date(), validatedBy: actor.userId, updatedAt: new Date() })
      .where(and(eq(memberInvoices.coopId, actor.coopId), eq(memberInvoices.id, id)))
      .returning();
    await recordAudit(tx, actor, {
      action: 'member_invoice.validated',
      entityType: 'member_invoice',
      entityId: id,
      before: { status: before.status },
      after: { status: after!.status, purchaseEntryId: entryId, memberId: before.memberId, activityId: before.activityId },
    });
    await checkIndependence(tx, actor, before.memberId, today);
    return after!;
  });
}

/**
 * Staff record that the coop paid the member's invoice (by its own transfer; SEPA payouts come
 * later): D 401 / C 512, dated the day paid, with the transfer's reference. The invoice is
 * paid once: a second call finds it paid and is refused.
 */
export async function markMemberInvoicePaid(db: Db, actor: Actor, id: string, body: MarkPaidBody, today: string): Promise<MemberInvoiceRow> {
  return db.transaction(async (tx) => {
    const before = await visibleMemberInvoice(tx, actor, id, { lock: true });
    if (!mayMove(before.status, 'paid')) throw independentsErrors.MEMBER_INVOICE_WRONG_STATUS();
    if (body.paidOn > today) throw invalidField('paidOn', { fr: 'Le paiement ne peut pas être daté après aujourd’hui.', en: 'The payment cannot be dated after today.' });
    if (body.paidOn < before.issueDate) throw invalidField('paidOn', { fr: 'Le paiement ne peut pas précéder la facture.', en: 'The payment cannot precede the invoice.' });
    return payMemberInvoiceIn(tx, actor, before, { paidOn: body.paidOn, reference: body.reference, bank: { account: ACCOUNTS.bank, journal: JOURNALS.bank }, via: 'manual' });
  });
}

/**
 * Books the payment of a validated member invoice in the caller's transaction (the invoice
 * locked by the caller): D 401 on the member's activity / C the bank's 512, dated the day paid,
 * the invoice marked paid and audited once. Shared by the manual "paid" of staff and by the
 * SEPA payouts when the bank statement shows the transfer.
 */
export async function payMemberInvoiceIn(
  tx: Executor,
  actor: AuditActor,
  before: MemberInvoiceRow,
  input: { paidOn: string; reference: string; bank: { account: string; journal: string }; via: 'manual' | 'sepa_transfer' },
): Promise<MemberInvoiceRow> {
  const name = (await memberNames(tx, actor.coopId, [before.memberId])).get(before.memberId) ?? '';
  const label = `Règlement facture ${before.number} — ${name}`.slice(0, 300);
  const { id: entryId } = await postEntry(tx, actor, {
    journal: input.bank.journal,
    date: input.paidOn,
    label,
    source: { type: 'member_invoice_payment', id: before.id },
    lines: [
      { account: ACCOUNTS.suppliers, debitCents: before.grossCents, activityId: before.activityId, label: `${label} (${input.reference})`.slice(0, 300) },
      { account: input.bank.account, creditCents: before.grossCents, label: input.reference },
    ],
  });
  const [after] = await tx
    .update(memberInvoices)
    .set({ status: 'paid', paidOn: input.paidOn, paymentReference: input.reference, paymentEntryId: entryId, updatedAt: new Date() })
    .where(and(eq(memberInvoices.coopId, actor.coopId), eq(memberInvoices.id, before.id)))
    .returning();
  await recordAudit(tx, actor, {
    action: 'member_invoice.paid',
    entityType: 'member_invoice',
    entityId: before.id,
    before: { status: before.status },
    after: { status: 'paid', paidOn: input.paidOn, reference: input.reference, paymentEntryId: entryId, memberId: before.memberId, activityId: before.activityId, grossCents: before.grossCents, via: input.via },
  });
  return after!;
}
