import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db } from '../../platform/db/client.js';
import type { FileStorage } from '../../platform/files/storage.js';
import type { Actor } from '../../platform/http/context.js';
import { enqueueMail } from '../../platform/mail/outbox.js';
import { activitySummaries } from '../activities/index.js';
import { clientIdentityForDocument } from '../clients/index.js';
import { getCoop } from '../coops/index.js';
import { creditedCentsOf } from './create-credit-note.js';
import { invoiceMail } from './domain/invoice-mail.js';
import { amountLeftCents, decideInvoiceAction, statusAfterSending } from './domain/invoice-lifecycle.js';
import { invoiceErrors } from './errors.js';
import { visibleInvoice } from './invoice-access.js';
import { issueInvoiceFiles, type FilesLog } from './issue-invoice-files.js';
import { invoices } from './schema.js';

/** A number format chosen by the coop may hold characters a file name cannot. */
export const fileNameOf = (number: string) => number.replace(/[^A-Za-z0-9._-]/g, '_');

/**
 * Sends an issued invoice or credit note to the client's e-mail, with the Factur-X PDF
 * stored at issue attached (the very bytes whose SHA-256 was recorded, never a new render).
 * A validated invoice becomes sent; sending again (a lost mail, after a partial payment)
 * queues the mail again and leaves the status where the payments put it.
 *
 * The files are made before the transaction if the render job has not run yet (and mended if
 * a stored one fails its hash); the mail is queued in the transaction that moves the status,
 * so neither happens without the other.
 */
export async function sendInvoice(db: Db, storage: FileStorage, actor: Actor, id: string, today: string, log: FilesLog): Promise<{ mailId: string; to: string }> {
  const first = await visibleInvoice(db, actor, id);
  if (first.status === 'draft') throw invoiceErrors.INVOICE_NOT_SENDABLE();
  const files = await issueInvoiceFiles(db, storage, actor, id, log);
  const pdf = files.get('factur_x_pdf')!;
  return db.transaction(async (tx) => {
    const row = await visibleInvoice(tx, actor, id, { lock: true });
    const creditedCents = row.kind === 'credit_note' ? 0 : await creditedCentsOf(tx, actor.coopId, id);
    const decision = decideInvoiceAction({ status: row.status, dueDate: row.dueDate, grossCents: row.grossCents, paidCents: row.paidCents, creditedCents }, 'send', today);
    if (!decision.ok || !row.number || !row.issueDate) throw invoiceErrors.INVOICE_NOT_SENDABLE();
    const client = await clientIdentityForDocument(tx, actor.coopId, row.clientId);
    if (!client?.email) throw invoiceErrors.INVOICE_CLIENT_WITHOUT_EMAIL();
    const coop = await getCoop(tx, actor.coopId);
    const activity = (await activitySummaries(tx, actor.coopId, [row.activityId])).get(row.activityId);
    let creditedInvoiceNumber: string | null = null;
    if (row.creditedInvoiceId) {
      const [credited] = await tx.select({ number: invoices.number }).from(invoices).where(and(eq(invoices.coopId, actor.coopId), eq(invoices.id, row.creditedInvoiceId)));
      creditedInvoiceNumber = credited?.number ?? null;
    }
    const mail = invoiceMail({
      kind: row.kind,
      number: row.number,
      issueDate: row.issueDate,
      dueDate: row.dueDate,
      grossCents: row.grossCents,
      leftCents: amountLeftCents({ grossCents: row.grossCents, paidCents: row.paidCents, creditedCents }),
      coopName: coop.name,
      activityName: activity?.name ?? coop.name,
      creditedInvoiceNumber,
    });
    const mailId = await enqueueMail(tx, {
      coopId: actor.coopId,
      to: client.email,
      ...mail,
      template: row.kind === 'credit_note' ? 'credit_note.sent' : 'invoice.sent',
      attachments: [{ filename: `${fileNameOf(row.number)}.pdf`, contentType: 'application/pdf', storageKey: pdf.storageKey, sha256: pdf.sha256 }],
    });
    const status = statusAfterSending(row.status);
    if (status !== row.status) {
      await tx.update(invoices).set({ status, updatedAt: new Date() }).where(and(eq(invoices.coopId, actor.coopId), eq(invoices.id, id)));
    }
    await recordAudit(tx, actor, {
      action: row.kind === 'credit_note' ? 'credit_note.sent' : 'invoice.sent',
      entityType: 'invoice',
      entityId: id,
      before: { status: row.status },
      after: { status, mailId, to: client.email, attachment: { sha256: pdf.sha256 } },
    });
    return { mailId, to: client.email };
  });
}
