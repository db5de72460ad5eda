import { and, asc, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db, Executor } from '../../platform/db/client.js';
import { invalidField } from '../../platform/errors.js';
import type { Actor } from '../../platform/http/context.js';
import { ensureDefaultBankAccount } from '../banking/index.js';
import { ACCOUNTS, postEntry } from '../ledger/index.js';
import { mayMoveSupplierInvoice } from './domain/supplier-invoice-lifecycle.js';
import { purchasesErrors } from './errors.js';
import { recordLifecycleStatus } from './lifecycle-connector.js';
import { supplierInvoices, suppliers, type SupplierInvoiceRow } from './schema.js';
import { visibleSupplierInvoice } from './supplier-invoice-access.js';

/** The approved supplier invoices the coop still owes, oldest first: a payable source for SEPA payouts. */
export async function listPayables(db: Executor, coopId: string) {
  const rows = await db
    .select({ inv: supplierInvoices, supplierName: suppliers.name, supplierIban: suppliers.iban, supplierBic: suppliers.bic })
    .from(supplierInvoices)
    .innerJoin(suppliers, and(eq(suppliers.coopId, supplierInvoices.coopId), eq(suppliers.id, supplierInvoices.supplierId)))
    // A credit note is owed to the coop, not by it: never paid out.
    .where(and(eq(supplierInvoices.coopId, coopId), eq(supplierInvoices.status, 'approved'), eq(supplierInvoices.kind, 'invoice')))
    .orderBy(asc(supplierInvoices.dueDate), asc(supplierInvoices.issueDate), asc(supplierInvoices.id))
    .limit(5000);
  return rows.map(({ inv, supplierName, supplierIban, supplierBic }) => ({
    sourceType: 'supplier_invoice' as const,
    sourceId: inv.id,
    activityId: inv.activityId,
    payeeName: supplierName,
    payeeIban: inv.payeeIban ?? supplierIban,
    payeeBic: inv.payeeBic ?? supplierBic,
    amountCents: inv.grossCents,
    reference: inv.number,
    dueOn: inv.dueDate,
  }));
}

/**
 * Posts the payment of an approved supplier invoice — D 401 on the supplier's auxiliary
 * account / C the 512 of the bank account — marks it paid (211 Paiement transmis) and audits
 * it, in the caller's transaction (payouts books the bank line in the same one). The row lock
 * and the status check make a second call a 409: an invoice is paid once.
 */
export async function markPaid(tx: Executor, coopId: string, sourceId: string, input: { paidOn: string; amountCents: number; bankAccountId: string; actorId: string | null; via: 'sepa_transfer' | 'manual'; reference?: string }): Promise<{ entryId: string }> {
  const [before] = await tx.select().from(supplierInvoices).where(and(eq(supplierInvoices.coopId, coopId), eq(supplierInvoices.id, sourceId))).for('update');
  if (!before || before.kind !== 'invoice' || !mayMoveSupplierInvoice(before.status, 'paid')) throw purchasesErrors.SUPPLIER_INVOICE_NOT_PAYABLE();
  if (input.amountCents !== before.grossCents) throw invalidField('amountCents', { fr: 'Le montant payé doit être le total TTC de la facture.', en: 'The amount paid must be the total of the invoice.' });
  if (input.paidOn < before.issueDate) throw invalidField('paidOn', { fr: 'Le paiement ne peut pas précéder la facture.', en: 'The payment cannot precede the invoice.' });
  const actor = { coopId, userId: input.actorId };
  const bank = (await ensureDefaultBankAccount(tx, actor)).find((b) => b.id === input.bankAccountId);
  if (!bank) throw invalidField('bankAccountId', { fr: 'Compte bancaire inconnu.', en: 'Unknown bank account.' });
  const [supplier] = await tx.select().from(suppliers).where(and(eq(suppliers.coopId, coopId), eq(suppliers.id, before.supplierId)));
  const label = `Règlement facture ${before.number} — ${supplier!.name}`.slice(0, 300);
  const { id: entryId } = await postEntry(tx, actor, {
    journal: bank.journalCode,
    date: input.paidOn,
    label,
    documentRef: before.number.slice(0, 40),
    source: { type: 'supplier_invoice_payment', id: before.id },
    lines: [
      { account: ACCOUNTS.suppliers, debitCents: before.grossCents, activityId: before.activityId, label, auxiliary: { kind: 'supplier', partyId: supplier!.id, label: supplier!.name.slice(0, 200) } },
      { account: bank.ledgerAccount, creditCents: before.grossCents, label: (input.reference ?? label).slice(0, 300) },
    ],
  });
  await tx
    .update(supplierInvoices)
    .set({ status: 'paid', paidOn: input.paidOn, paymentEntryId: entryId, updatedAt: new Date() })
    .where(and(eq(supplierInvoices.coopId, coopId), eq(supplierInvoices.id, sourceId)));
  await recordLifecycleStatus(tx, { coopId, invoiceId: sourceId, status: 'paid', by: input.actorId });
  await recordAudit(tx, actor, {
    action: 'supplier_invoice.paid',
    entityType: 'supplier_invoice',
    entityId: sourceId,
    before: { status: before.status },
    after: { status: 'paid', paidOn: input.paidOn, via: input.via, reference: input.reference ?? null, paymentEntryId: entryId, activityId: before.activityId, supplierId: before.supplierId, grossCents: before.grossCents },
  });
  return { entryId };
}

/** Staff record a payment made outside a SEPA batch, on the coop's first bank account unless they name one. */
export async function markSupplierInvoicePaid(db: Db, actor: Actor, id: string, body: { paidOn: string; reference: string; bankAccountId?: string }, today: string): Promise<SupplierInvoiceRow> {
  if (body.paidOn > today) throw invalidField('paidOn', { fr: 'Le paiement ne peut pas être daté après aujourd’hui.', en: 'The payment cannot be dated after today.' });
  return db.transaction(async (tx) => {
    const row = await visibleSupplierInvoice(tx, actor, id);
    const bankAccountId = body.bankAccountId ?? (await ensureDefaultBankAccount(tx, actor))[0]!.id;
    await markPaid(tx, actor.coopId, id, { paidOn: body.paidOn, amountCents: row.grossCents, bankAccountId, actorId: actor.userId, via: 'manual', reference: body.reference });
    return (await visibleSupplierInvoice(tx, actor, id))!;
  });
}
