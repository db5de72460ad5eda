import { and, asc, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db } from '../../platform/db/client.js';
import { invalidField } from '../../platform/errors.js';
import type { Actor } from '../../platform/http/context.js';
import { activitySummaries } from '../activities/index.js';
import { postContributionBaseDeduction } from '../contribution/index.js';
import { spendingCategoryOf, type SpendingCategory } from '../expenses/index.js';
import { ACCOUNTS, DEDUCTIBLE_VAT_ACCOUNT, JOURNALS, postEntry } from '../ledger/index.js';
import type { z } from 'zod';
import type { updateSupplierInvoiceBody } from './contract.js';
import { mayMoveSupplierInvoice, type SupplierInvoiceStatus } from './domain/supplier-invoice-lifecycle.js';
import { purchasesErrors } from './errors.js';
import { recordLifecycleStatus } from './lifecycle-connector.js';
import { getSupplierRow } from './manage-suppliers.js';
import { chosenCategories } from './purchase-categories.js';
import { supplierInvoiceLines, supplierInvoices, type SupplierInvoiceRow } from './schema.js';
import { visibleSupplierInvoice } from './supplier-invoice-access.js';

/** Staff set what the file could not say before approving: the activity (or the coop's own funds) and each line's spending category. */
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
    const categories = await chosenCategories(tx, actor.coopId, body.lines ?? [], (i) => `lines.${i}.spendingCategoryId`);
    for (const [i, change] of (body.lines ?? []).entries()) {
      if (!lines.some((l) => l.position === change.position)) throw invalidField(`lines.${i}.position`, { fr: 'Ligne inconnue.', en: 'Unknown line.' });
      await tx
        .update(supplierInvoiceLines)
        .set({ spendingCategoryId: change.spendingCategoryId, account: categories.get(change.spendingCategoryId)!.account }).where(and(eq(supplierInvoiceLines.coopId, actor.coopId), eq(supplierInvoiceLines.invoiceId, id), eq(supplierInvoiceLines.position, change.position)));
    }
    const [after] = await tx
      .update(supplierInvoices)
      .set({ ...(body.activityId !== undefined ? { activityId: body.activityId } : {}), updatedAt: new Date() })
      .where(and(eq(supplierInvoices.coopId, actor.coopId), eq(supplierInvoices.id, id)))
      .returning();
    await recordAudit(tx, actor, { action: 'supplier_invoice.updated', entityType: 'supplier_invoice', entityId: id, before: { activityId: before.activityId, lines: lines.map((l) => ({ position: l.position, spendingCategoryId: l.spendingCategoryId })) }, after: { activityId: after!.activityId, lines: body.lines ?? [] } });
    return after!;
  });
}

/**
 * Approving books the purchase, in one transaction with the status and the audit: D each
 * line's 6xx (its spending category's account, read now: the entry books what the category says today) (on the activity, or the coop's own funds) and D 44566 (VAT the coop deducts)
 * / C 401 on the supplier's auxiliary account (F00001…, opened by the ledger on first use),
 * journal AC (Achats). A credit note books the other way. Dated the day of approval: the
 * purchase enters the books when the coop accepts it. For an invoice borne by an activity, the
 * lines whose category is in the contribution base then lower that activity's contribution, as
 * an expense report does (the contribution module's `postContributionBaseDeduction`, idempotent
 * per document); the coop's own purchases carry no contribution, so nothing is deducted. A
 * credit note deducts nothing: its cost comes back to the activity and no contribution is
 * taken back on it here.
 */
export async function approveSupplierInvoice(db: Db, actor: Actor, id: string, today: string): Promise<SupplierInvoiceRow> {
  return db.transaction(async (tx) => {
    const before = await visibleSupplierInvoice(tx, actor, id, { lock: true });
    if (!mayMoveSupplierInvoice(before.status, 'approved')) throw purchasesErrors.SUPPLIER_INVOICE_WRONG_STATUS();
    const lines = await tx.select().from(supplierInvoiceLines).where(and(eq(supplierInvoiceLines.coopId, actor.coopId), eq(supplierInvoiceLines.invoiceId, id))).orderBy(asc(supplierInvoiceLines.position));
    const categories = new Map<string, SpendingCategory>();
    for (const [i, l] of lines.entries()) {
      const category = l.spendingCategoryId ? (categories.get(l.spendingCategoryId) ?? (await spendingCategoryOf(tx, actor.coopId, l.spendingCategoryId))) : null;
      if (!category) throw invalidField(`lines.${i}.spendingCategoryId`, { fr: `Choisissez la catégorie de dépense de la ligne ${l.position}.`, en: `Choose the spending category of line ${l.position}.` });
      categories.set(category.id, category);
      if (l.account !== category.account) {
        await tx
          .update(supplierInvoiceLines)
          .set({ account: category.account })
          .where(and(eq(supplierInvoiceLines.coopId, actor.coopId), eq(supplierInvoiceLines.invoiceId, id), eq(supplierInvoiceLines.position, l.position)));
      }
    }
    const accountOf = (l: (typeof lines)[number]) => categories.get(l.spendingCategoryId!)!.account;
    const supplier = await getSupplierRow(tx, actor.coopId, before.supplierId);
    const label = `Facture ${before.number} — ${supplier.name}`.slice(0, 300);
    const credit = before.kind === 'credit_note';
    const byAccount = new Map<string, number>();
    for (const l of lines) byAccount.set(accountOf(l), (byAccount.get(accountOf(l)) ?? 0) + l.netCents);
    // The lines' nets add up to the total without VAT (BR-CO-13, checked at receipt): the entry balances.
    const side = (cents: number, debit: boolean) => ((debit !== credit) === cents >= 0 ? { debitCents: Math.abs(cents) } : { creditCents: Math.abs(cents) });
    const entryLines = [
      ...[...byAccount].filter(([, c]) => c !== 0).map(([account, cents]) => ({ account, activityId: before.activityId, label, ...side(cents, true) })),
      ...(before.vatCents > 0 ? [{ account: DEDUCTIBLE_VAT_ACCOUNT, activityId: before.activityId, label: 'TVA déductible', ...side(before.vatCents, true) }] : []),
      { account: ACCOUNTS.suppliers, activityId: before.activityId, label, ...side(before.grossCents, false), auxiliary: { kind: 'supplier' as const, partyId: supplier.id, label: supplier.name.slice(0, 200) } },
    ];
    const { id: entryId } = await postEntry(tx, actor, { journal: JOURNALS.purchases, date: today, label, documentRef: before.number.slice(0, 40), source: { type: 'supplier_invoice', id }, lines: entryLines });
    const baseCents = lines.reduce((s, l) => s + (categories.get(l.spendingCategoryId!)!.inContributionBase ? l.netCents : 0), 0);
    const deduction =
      before.activityId && !credit && baseCents > 0
        ? await postContributionBaseDeduction(tx, actor, { sourceType: 'supplier_invoice', sourceId: id, reference: before.number.slice(0, 40), date: today, costs: [{ activityId: before.activityId, baseCents }] })
        : null;
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
      after: { status: 'approved', purchaseEntryId: entryId, activityId: before.activityId, supplierId: before.supplierId, grossCents: before.grossCents, contributionDeductedCents: deduction?.amountCents ?? 0 },
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
