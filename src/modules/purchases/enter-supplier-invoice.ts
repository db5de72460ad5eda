import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db } from '../../platform/db/client.js';
import { AppError, invalidField } from '../../platform/errors.js';
import type { Actor } from '../../platform/http/context.js';
import { activitySummaries } from '../activities/index.js';
import type { EnterSupplierInvoiceBody } from './contract.js';
import { enteredTotalsProblem } from './domain/entered-totals.js';
import { recordLifecycleStatus } from './lifecycle-connector.js';
import { getSupplierRow } from './manage-suppliers.js';
import { chosenCategories } from './purchase-categories.js';
import { supplierInvoiceLines, supplierInvoices, type SupplierInvoiceRow } from './schema.js';

/**
 * Staff type a supplier invoice that came on paper or as a plain PDF: the same checks as a
 * received e-invoice (totals, the same invoice twice refused by supplier, number and year),
 * then the same lifecycle from Reçue. Each line names its spending category (which gives its account).
 */
export async function enterSupplierInvoice(db: Db, actor: Actor, body: EnterSupplierInvoiceBody): Promise<SupplierInvoiceRow> {
  const problem = enteredTotalsProblem(body);
  if (problem) throw invalidField(problem.path, { fr: problem.fr, en: problem.en });
  if (body.dueDate && body.dueDate < body.issueDate) throw invalidField('dueDate', { fr: "L'échéance ne peut pas précéder la facture.", en: 'The due date cannot precede the invoice.' });
  try {
    return await db.transaction(async (tx) => {
      const supplier = await getSupplierRow(tx, actor.coopId, body.supplierId).catch(() => {
        throw invalidField('supplierId', { fr: 'Fournisseur inconnu.', en: 'Unknown supplier.' });
      });
      if (body.activityId) {
        const activity = (await activitySummaries(tx, actor.coopId, [body.activityId])).get(body.activityId);
        if (!activity) throw invalidField('activityId', { fr: 'Activité inconnue.', en: 'Unknown activity.' });
      }
      const categories = await chosenCategories(tx, actor.coopId, body.lines, (i) => `lines.${i}.spendingCategoryId`);
      const year = Number(body.issueDate.slice(0, 4));
      const [same] = await tx
        .select({ receivedAt: supplierInvoices.receivedAt })
        .from(supplierInvoices)
        .where(and(eq(supplierInvoices.coopId, actor.coopId), eq(supplierInvoices.supplierId, supplier.id), eq(supplierInvoices.number, body.number), eq(supplierInvoices.issueYear, year)));
      if (same) {
        const on = same.receivedAt.toISOString().slice(0, 10);
        throw new AppError('SUPPLIER_INVOICE_DUPLICATE', 'conflict', { fr: `Cette facture (même fournisseur, même numéro, même année) a déjà été reçue le ${on.split('-').reverse().join('/')}.`, en: `This invoice (same supplier, same number, same year) was already received on ${on}.` });
      }
      const [row] = await tx
        .insert(supplierInvoices)
        .values({
          coopId: actor.coopId,
          supplierId: supplier.id,
          activityId: body.activityId ?? null,
          kind: body.kind,
          typeCode: body.kind === 'credit_note' ? '381' : '380',
          number: body.number,
          issueDate: body.issueDate,
          issueYear: year,
          dueDate: body.dueDate ?? null,
          netCents: body.netCents,
          vatCents: body.vatCents,
          grossCents: body.grossCents,
          payeeIban: supplier.iban,
          payeeBic: supplier.bic,
          origin: 'manual',
          createdBy: actor.userId,
        })
        .returning();
      await tx.insert(supplierInvoiceLines).values(body.lines.map((l, i) => ({ coopId: actor.coopId, invoiceId: row!.id, position: i + 1, label: l.label, spendingCategoryId: l.spendingCategoryId, account: categories.get(l.spendingCategoryId)!.account, netCents: l.netCents, vatRateBp: l.vatRateBp, vatCents: l.vatCents })));
      await recordLifecycleStatus(tx, { coopId: actor.coopId, invoiceId: row!.id, status: 'received', by: actor.userId });
      await recordAudit(tx, actor, { action: 'supplier_invoice.received', entityType: 'supplier_invoice', entityId: row!.id, after: { number: row!.number, supplierId: supplier.id, supplierName: supplier.name, grossCents: row!.grossCents, activityId: row!.activityId, origin: 'manual' } });
      return row!;
    });
  } catch (err) {
    const code = (err as { code?: string }).code ?? (err as { cause?: { code?: string } }).cause?.code;
    if (code === '23505') throw new AppError('SUPPLIER_INVOICE_DUPLICATE', 'conflict', { fr: 'Cette facture a déjà été reçue.', en: 'This invoice was already received.' });
    throw err;
  }
}
