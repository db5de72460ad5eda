import { and, eq, inArray } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db, Executor } from '../../platform/db/client.js';
import { invalidField } from '../../platform/errors.js';
import type { Actor } from '../../platform/http/context.js';
import { activityScopeOf, activitySummaries, scopeHolds } from '../activities/index.js';
import { clientIdentityForDocument, isClientInScope } from '../clients/index.js';
import { getCoop } from '../coops/index.js';
import { assertJobForDocument } from '../jobs/index.js';
import { checkedLineTotals, documentLineRows, type DepositVatSplit, type DocumentTotals, type OrderReference } from '../documents/index.js';
import { amountsAfterDeposits } from './domain/deducted-deposits.js';
import type { InvoiceLineInput, NewInvoice, UpdateInvoiceBody } from './contract.js';
import { invoiceErrors } from './errors.js';
import { visibleInvoice } from './invoice-access.js';
import { invoiceLines, invoices, type InvoiceRow, type StoredDeductedDeposit } from './schema.js';

/** A document whose total is negative is a credit note, not an invoice. */
export const checkedTotals = (lines: readonly InvoiceLineInput[]): DocumentTotals =>
  checkedLineTotals(lines, { fr: 'Le total ne peut pas être négatif : établissez un avoir.', en: 'The total cannot be negative: issue a credit note.' });

/**
 * The activity and client of a draft document (invoice or quote): of the coop, the activity the
 * author's and open, the client one the author sees (the client pages' rule: for a member, a
 * client working with one of her activities) and not archived. A client out of her sight is
 * answered as unknown, as `GET /api/clients/:id` answers it 404: the document's PDF would print
 * its address and SIREN.
 */
export async function assertDocumentParties(tx: Executor, actor: Actor, activityId: string, clientId: string): Promise<void> {
  const scope = await activityScopeOf(tx, actor);
  const activity = (await activitySummaries(tx, actor.coopId, [activityId])).get(activityId);
  if (!activity || !scopeHolds(scope, activityId)) {
    throw invalidField('activityId', { fr: 'Activité inconnue dans cette coopérative.', en: 'Unknown activity in this cooperative.' });
  }
  if (activity.status === 'closed') throw invalidField('activityId', { fr: 'Cette activité est clôturée.', en: 'This activity is closed.' });
  const client = await clientIdentityForDocument(tx, actor.coopId, clientId);
  if (!client || !(await isClientInScope(tx, actor.coopId, scope, clientId))) throw invalidField('clientId', { fr: 'Client inconnu dans cette coopérative.', en: 'Unknown client in this cooperative.' });
  if (client.archived) throw invalidField('clientId', { fr: 'Ce client est archivé.', en: 'This client is archived.' });
}

export async function insertLines(tx: Executor, coopId: string, invoiceId: string, lines: readonly InvoiceLineInput[], totals: DocumentTotals): Promise<void> {
  if (lines.length === 0) return;
  await tx.insert(invoiceLines).values(documentLineRows(lines, totals).map((row) => ({ coopId, invoiceId, ...row })));
}

/**
 * The amounts a draft carries: its totals, minus the deposits it deducts as they stand now (a
 * deposit still a draft may change; validation reads them again and freezes them).
 */
async function amountsOf(tx: Executor, coopId: string, totals: DocumentTotals, deducted: readonly StoredDeductedDeposit[] | null) {
  const ids = (deducted ?? []).map((d) => d.invoiceId);
  const deposits = ids.length
    ? await tx.select({ netCents: invoices.netCents, vatCents: invoices.vatCents, grossCents: invoices.grossCents }).from(invoices).where(and(eq(invoices.coopId, coopId), inArray(invoices.id, ids)))
    : [];
  const amounts = amountsAfterDeposits(totals, deposits);
  // A draft whose deposits exceed it keeps its own totals; validation refuses it with the reason.
  return amounts.netCents >= 0 && amounts.vatCents >= 0 && amounts.grossCents >= 0 ? amounts : amountsAfterDeposits(totals, []);
}

/**
 * What another module's use case attaches to a draft it makes, beyond the editor's fields: the
 * order it belongs to, the split of a deposit across rates, the deposits a final invoice deducts.
 */
export interface DraftLinks {
  orderReference?: OrderReference;
  vatSplit?: DepositVatSplit;
  deductedDepositIds?: string[];
}

/** A draft: no number, no entry; it can change freely until it is validated. */
export async function createDraftInvoice(db: Db, actor: Actor, input: NewInvoice, links: DraftLinks = {}): Promise<{ id: string }> {
  return db.transaction(async (tx) => {
    await assertDocumentParties(tx, actor, input.activityId, input.clientId);
    if (input.jobId) await assertJobForDocument(tx, actor, input.jobId, input.clientId);
    const totals = checkedTotals(input.lines);
    const deductedDeposits = links.deductedDepositIds?.length ? links.deductedDepositIds.map((invoiceId) => ({ invoiceId })) : null;
    const coop = await getCoop(tx, actor.coopId);
    const [row] = await tx
      .insert(invoices)
      .values({
        coopId: actor.coopId,
        kind: input.kind,
        activityId: input.activityId,
        clientId: input.clientId,
        serviceDate: input.serviceDate ?? null,
        servicePeriodStart: input.servicePeriod?.start ?? null,
        servicePeriodEnd: input.servicePeriod?.end ?? null,
        paymentTermsDays: input.paymentTermsDays ?? coop.paymentTermsDays,
        paymentTermsEndOfMonth: input.paymentTermsEndOfMonth ?? coop.paymentTermsEndOfMonth,
        operationCategory: input.operationCategory,
        notes: input.notes ?? null,
        jobId: input.jobId ?? null,
        ...(await amountsOf(tx, actor.coopId, totals, deductedDeposits)),
        orderReference: links.orderReference ?? null,
        vatSplit: links.vatSplit ?? null,
        deductedDeposits,
        createdBy: actor.userId,
      })
      .returning();
    await insertLines(tx, actor.coopId, row.id, input.lines, totals);
    await recordAudit(tx, actor, { action: 'invoice.draft_created', entityType: 'invoice', entityId: row.id, after: { ...row, lines: input.lines } });
    return { id: row.id };
  });
}

/** The draft the person may edit, locked; 409 once issued (the law freezes it). */
async function editableDraft(tx: Executor, actor: Actor, id: string): Promise<InvoiceRow> {
  const row = await visibleInvoice(tx, actor, id, { lock: true });
  if (row.status !== 'draft') throw invoiceErrors.INVOICE_ISSUED();
  return row;
}

/** Changes a draft; when `lines` is given it replaces all the lines. */
export async function updateDraftInvoice(db: Db, actor: Actor, id: string, patch: UpdateInvoiceBody): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await editableDraft(tx, actor, id);
    const activityId = patch.activityId ?? before.activityId;
    const clientId = patch.clientId ?? before.clientId;
    if (patch.activityId !== undefined || patch.clientId !== undefined) await assertDocumentParties(tx, actor, activityId, clientId);
    const jobId = patch.jobId !== undefined ? patch.jobId : before.jobId;
    // Re-checked when the client changes too: a job is one client's engagement.
    if (jobId && (patch.jobId !== undefined || patch.clientId !== undefined)) await assertJobForDocument(tx, actor, jobId, clientId);
    const totals = patch.lines ? checkedTotals(patch.lines) : null;
    const period = patch.servicePeriod === undefined ? {} : { servicePeriodStart: patch.servicePeriod?.start ?? null, servicePeriodEnd: patch.servicePeriod?.end ?? null };
    const [after] = await tx
      .update(invoices)
      .set({
        activityId,
        clientId,
        jobId,
        ...(patch.serviceDate !== undefined ? { serviceDate: patch.serviceDate } : {}),
        ...period,
        ...(patch.paymentTermsDays !== undefined ? { paymentTermsDays: patch.paymentTermsDays } : {}),
        ...(patch.paymentTermsEndOfMonth !== undefined ? { paymentTermsEndOfMonth: patch.paymentTermsEndOfMonth } : {}),
        ...(patch.operationCategory !== undefined ? { operationCategory: patch.operationCategory } : {}),
        ...(patch.notes !== undefined ? { notes: patch.notes } : {}),
        ...(totals ? await amountsOf(tx, actor.coopId, totals, before.deductedDeposits) : {}),
        updatedAt: new Date(),
      })
      .where(and(eq(invoices.coopId, actor.coopId), eq(invoices.id, id)))
      .returning();
    if (patch.lines && totals) {
      await tx.delete(invoiceLines).where(and(eq(invoiceLines.coopId, actor.coopId), eq(invoiceLines.invoiceId, id)));
      await insertLines(tx, actor.coopId, id, patch.lines, totals);
    }
    await recordAudit(tx, actor, { action: 'invoice.draft_updated', entityType: 'invoice', entityId: id, before, after: { ...after, ...(patch.lines ? { lines: patch.lines } : {}) } });
  });
}

/** A draft has no number yet, so deleting it leaves no gap in the series. */
export async function deleteDraftInvoice(db: Db, actor: Actor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await editableDraft(tx, actor, id);
    await tx.delete(invoices).where(and(eq(invoices.coopId, actor.coopId), eq(invoices.id, id)));
    await recordAudit(tx, actor, { action: 'invoice.draft_deleted', entityType: 'invoice', entityId: id, before });
  });
}

