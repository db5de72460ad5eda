import { and, count, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db } from '../../platform/db/client.js';
import { invalidField } from '../../platform/errors.js';
import type { Actor } from '../../platform/http/context.js';
import { invoiceErrors } from './errors.js';
import { visibleInvoice } from './invoice-access.js';
import { invoiceLines, invoices } from './schema.js';

/**
 * A member hands a draft to the team for validation: it shows in the team's "to validate"
 * list. It stays a draft (no number is taken before validation) and can still be edited.
 */
export async function submitInvoice(db: Db, actor: Actor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await visibleInvoice(tx, actor, id, { lock: true });
    if (row.status !== 'draft') throw invoiceErrors.INVOICE_ISSUED();
    if (row.submittedAt) throw invoiceErrors.INVOICE_ALREADY_SUBMITTED();
    const [{ lines } = { lines: 0 }] = await tx
      .select({ lines: count() })
      .from(invoiceLines)
      .where(and(eq(invoiceLines.coopId, actor.coopId), eq(invoiceLines.invoiceId, id)));
    if (lines === 0) throw invalidField('lines', { fr: 'Ajoutez au moins une ligne avant de soumettre la facture.', en: 'Add at least one line before submitting the invoice.' });
    const submittedAt = new Date();
    await tx.update(invoices).set({ submittedAt, updatedAt: submittedAt }).where(and(eq(invoices.coopId, actor.coopId), eq(invoices.id, id)));
    await recordAudit(tx, actor, { action: 'invoice.submitted', entityType: 'invoice', entityId: id, before: { submittedAt: null }, after: { submittedAt } });
  });
}
