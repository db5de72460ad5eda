import { and, asc, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db } from '../../platform/db/client.js';
import { invalidField } from '../../platform/errors.js';
import type { Actor } from '../../platform/http/context.js';
import { activitySummaries } from '../activities/index.js';
import { ACCOUNTS, DEDUCTIBLE_VAT_ACCOUNT, JOURNALS, postEntry } from '../ledger/index.js';
import type { z } from 'zod';
import type { updateSupplierInvoiceBody } from './contract.js';
import { mayMoveSupplierInvoice, type SupplierInvoiceStatus } from './domain/supplier-invoice-lifecycle.js';
import { purchasesErrors } from './errors.js';
import { recordLifecycleStatus } from './lifecycle-connector.js';
import { getSupplierRow } from './manage-suppliers.js';
import { supplierInvoiceLines, supplierInvoices, type SupplierInvoiceRow } from './schema.js';
import { visibleSupplierInvoice } from './supplier-invoice-access.js';

/** Staff set what the file could not say before approving: the activity (or the coop's own funds) and each line's account. */
export async function updateSupplierInvoice(db: Db, actor: Actor, id: string, body: z.infer<typeof updateSupplierInvoiceBody>): Promise<SupplierInvoiceRow> {
  return db.transaction(async (tx) => {
    const before = await visibleSupplierInvoice(tx, actor, id, { lock: true });
    if (before.status !== 'received' && before.status !== 'disputed') throw purchasesErrors.SUPPLIER_INVOICE_WRONG_STATUS();
    if (body.activityId) {
      const activity = (await activitySummaries(tx, actor.coopId, [body.activityId])).get(body.activityId);
      if (!activity) throw invalidField('activityId', { fr: 'Activité inconnue.', en: 'Unknown activity.' });
      if (activity.status === 'closed') throw invalidField('activityId', { fr: 'Cette activité est clôturée.', en: 'This activity is closed.' });
    }
    const lines = await tx.select().from(supplierInvoiceLines).where(and(eq(supplierInvoiceLines.coopId, actor.coopId), eq(supplierInvoiceLines.invoiceId, id)));
    for (const [i, change] of (body.lines ?? []).entries()) {
      if (!lines.some((l) => l.position === change.position)) throw invalidField(`lines.${i}.position`, { fr: 'Ligne inconnue.', en: 'Unknown line.' });
      await tx.update(supplierInvoiceLines).set({ account: change.account }).where(and(eq(supplierInvoiceLines.coopId, actor.coopId), eq(supplierInvoiceLines.invoiceId, id), eq(supplierInvoiceLines.position, change.position)));
    }
    const [after] = await tx
      .update(supplierInvoices)
      .set({ ...(body.activityId !== undefined ? { activityId: body.activityId } : {}), updatedAt: new Date() })
      .where(and(eq(supplierInvoices.coopId, actor.coopId), eq(supplierInvoices.id, id)))
      .returning();
    await recordAudit(tx, actor, { action: 'supplier_invoice.updated', entityType: 'supplier_invoice', entityId: id, before: { activityId: before.activityId, accounts: lines.map((l) => l.account) }, after: { activityId: after!.activityId, lines: body.lines ?? [] } });
    return after!;
  });
}

/**
 * Approving books the purchase, in one transaction with the status and the audit: D each
 * line's 6xx (on the activity, or the coop's own funds) and D 44566 (VAT the coop deducts)
 * / C 401 on the supplier's auxiliary account (F00001…, opened by the ledger on first use),
 * journal AC (Achats). A credit note books the other way. Dated the day of approval: the
 * purchase enters the books when the coop accepts it.
 */
export async function approveSupplierInvoice(db: Db, actor: Actor, id: string, today: string): Promise<SupplierInvoiceRow> {
  return db.transaction(async (tx) => {
    const before = await visibleSupplierInvoice(tx, actor, id, { lock: true });
    if (!mayMoveSupplierInvoice(before.status, 'approved')) throw purchasesErrors.SUPPLIER_INVOICE_WRONG_STATUS();
    const lines = await tx.select().from(supplierInvoiceLines).where(and(eq(supplierInvoiceLines.coopId, actor.coopId), eq(supplierInvoiceLines.invoiceId, id))).orderBy(asc(supplierInvoiceLines.position));
    const missing = lines.findIndex((l) => !l.account);
    if (missing >= 0) throw invalidField(`lines.${missing}.account`, { fr: `Choisissez le compte d'achat de la ligne ${lines[missing]!.position}.`, en: `Choose the purchase account of line ${lines[missing]!.position}.` });
    const supplier = await getSupplierRow(tx, actor.coopId, before.supplierId);
    const label = `Facture ${before.number} — ${supplier.name}`.slice(0, 300);
    const credit = before.kind === 'credit_note';
    const byAccount = new Map<string, number>();
    for (const l of lines) byAccount.set(l.account!, (byAccount.get(l.account!) ?? 0) + l.netCents);
    // The lines' nets add up to the total without VAT (BR-CO-13, checked at receipt): the entry balances.
    const side = (cents: number, debit: boolean) => ((debit !== credit) === cents >= 0 ? { debitCents: Math.abs(cents) } : { creditCents: Math.abs(cents) });
    const entryLines = [
      ...[...byAccount].filter(([, c]) => c !== 0).map(([account, cents]) => ({ account, activityId: before.activityId, label, ...side(cents, true) })),
      ...(before.vatCents > 0 ? [{ account: DEDUCTIBLE_VAT_ACCOUNT, activityId: before.activityId, label: 'TVA déductible', ...side(before.vatCents, true) }] : []),
      { account: ACCOUNTS.suppliers, activityId: before.activityId, label, ...side(before.grossCents, false), auxiliary: { kind: 'supplier' as const, partyId: supplier.id, label: supplier.name.slice(0, 200) } },
    ];
    const { id: entryId } = await postEntry(tx, actor, { journal: JOURNALS.purchases, date: today, label, documentRef: before.number.slice(0, 40), source: { type: 'supplier_invoice', id }, lines: entryLines });
    const [after] = await tx
      .update(supplierInvoices)
      .set({ status: 'approved', statusReason: null, purchaseEntryId: entryId, updatedAt: new Date() })
      .where(and(eq(supplierInvoices.coopId, actor.coopId), eq(supplierInvoices.id, id)))
      .returning();
    await recordLifecycleStatus(tx, { coopId: actor.coopId, invoiceId: id, status: 'approved', by: actor.userId });
    await recordAudit(tx, actor, {
      action: 'supplier_invoice.approved',
      entityType: 'supplier_invoice',
      entityId: id,
      before: { status: before.status },
      after: { status: 'approved', purchaseEntryId: entryId, activityId: before.activityId, supplierId: before.supplierId, grossCents: before.grossCents },
    });
    return after!;
  });
}

/** Refusing (210 Refusée) or disputing (207 En litige) books nothing; the reason goes back to the supplier's platform. */
export async function setSupplierInvoiceDecision(db: Db, actor: Actor, id: string, to: Extract<SupplierInvoiceStatus, 'refused' | 'disputed'>, reason: string): Promise<SupplierInvoiceRow> {
  return db.transaction(async (tx) => {
    const before = await visibleSupplierInvoice(tx, actor, id, { lock: true });
    if (!mayMoveSupplierInvoice(before.status, to)) throw purchasesErrors.SUPPLIER_INVOICE_WRONG_STATUS();
    const [after] = await tx
      .update(supplierInvoices)
      .set({ status: to, statusReason: reason, updatedAt: new Date() })
      .where(and(eq(supplierInvoices.coopId, actor.coopId), eq(supplierInvoices.id, id)))
      .returning();
    await recordLifecycleStatus(tx, { coopId: actor.coopId, invoiceId: id, status: to, reason, by: actor.userId });
    await recordAudit(tx, actor, {
      action: to === 'refused' ? 'supplier_invoice.refused' : 'supplier_invoice.disputed',
      entityType: 'supplier_invoice',
      entityId: id,
      before: { status: before.status },
      after: { status: to, reason, activityId: before.activityId, supplierId: before.supplierId },
    });
    return after!;
  });
}
