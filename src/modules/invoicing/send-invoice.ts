import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db, Executor } from '../../platform/db/client.js';
import type { FileStorage } from '../../platform/files/storage.js';
import type { Actor } from '../../platform/http/context.js';
import { enqueueMail } from '../../platform/mail/outbox.js';
import { activitySummaries, holdersOf } from '../activities/index.js';
import { clientIdentityForDocument } from '../clients/index.js';
import { getCoop } from '../coops/index.js';
import { memberContacts } from '../members/index.js';
import { creditedCentsOf } from './create-credit-note.js';
import { invoiceMail } from './domain/invoice-mail.js';
import { amountLeftCents, decideInvoiceAction, statusAfterSending } from './domain/invoice-lifecycle.js';
import { invoiceErrors } from './errors.js';
import { visibleInvoice } from './invoice-access.js';
import { issueInvoiceFiles, type FilesLog } from './issue-invoice-files.js';
import { invoiceSends, invoices, type InvoiceRow } from './schema.js';

/** A number format chosen by the coop may hold characters a file name cannot. */
export const fileNameOf = (number: string) => number.replace(/[^A-Za-z0-9._-]/g, '_');

/** The mail an issued invoice leaves with, as the send shows it first and then queues it. */
export interface InvoiceMailDraft {
  to: string;
  /** The address of the member behind the activity, who may be copied; null when unknown. */
  memberAddress: string | null;
  subject: string;
  text: string;
  attachmentName: string;
  template: 'invoice.sent' | 'credit_note.sent';
}

/**
 * Writes the mail of an issued invoice without sending anything: the send queues exactly
 * this, and the preview shows it, so what a person confirms is what the client receives.
 */
export async function composeInvoiceMail(tx: Executor, actor: Actor, row: InvoiceRow, creditedCents: number): Promise<InvoiceMailDraft> {
  if (!row.number || !row.issueDate) throw invoiceErrors.INVOICE_NOT_SENDABLE();
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
  const holder = (await holdersOf(tx, actor.coopId, [row.activityId])).get(row.activityId)?.[0];
  const member = holder ? (await memberContacts(tx, actor.coopId, [holder.memberId])).get(holder.memberId) : undefined;
  return {
    to: client.email,
    memberAddress: member?.email ?? null,
    subject: mail.subject,
    text: mail.text,
    attachmentName: `${fileNameOf(row.number)}.pdf`,
    template: row.kind === 'credit_note' ? 'credit_note.sent' : 'invoice.sent',
  };
}

/** The mail a send would queue now, for the person to read before confirming; writes nothing. */
export async function previewInvoiceMail(db: Db, actor: Actor, id: string, today: string): Promise<InvoiceMailDraft> {
  const row = await visibleInvoice(db, actor, id);
  const creditedCents = row.kind === 'credit_note' ? 0 : await creditedCentsOf(db, actor.coopId, id);
  const decision = decideInvoiceAction({ status: row.status, dueDate: row.dueDate, grossCents: row.grossCents, paidCents: row.paidCents, creditedCents }, 'send', today);
  if (!decision.ok) throw invoiceErrors.INVOICE_NOT_SENDABLE();
  return composeInvoiceMail(db, actor, row, creditedCents);
}

/**
 * Sends an issued invoice or credit note to the client's e-mail, with the Factur-X PDF
 * stored at issue attached (the very bytes whose SHA-256 was recorded, never a new render),
 * and, when asked, a visible copy to the member behind the activity.
 * A validated invoice becomes sent; sending again (a lost mail, after a partial payment)
 * queues the mail again and leaves the status where the payments put it. Each send is
 * recorded with its mail, whose outbox status tells whether it left.
 *
 * The files are made before the transaction if the render job has not run yet (and mended if
 * a stored one fails its hash); the mail is queued in the transaction that moves the status,
 * so neither happens without the other.
 */
export async function sendInvoice(
  db: Db,
  storage: FileStorage,
  actor: Actor,
  id: string,
  today: string,
  log: FilesLog,
  opts: { copyToMember?: boolean } = {},
): Promise<{ mailId: string; to: string; cc: string | null }> {
  const first = await visibleInvoice(db, actor, id);
  if (first.status === 'draft') throw invoiceErrors.INVOICE_NOT_SENDABLE();
  const files = await issueInvoiceFiles(db, storage, actor, id, log);
  const pdf = files.get('factur_x_pdf')!;
  return db.transaction(async (tx) => {
    const row = await visibleInvoice(tx, actor, id, { lock: true });
    const creditedCents = row.kind === 'credit_note' ? 0 : await creditedCentsOf(tx, actor.coopId, id);
    const decision = decideInvoiceAction({ status: row.status, dueDate: row.dueDate, grossCents: row.grossCents, paidCents: row.paidCents, creditedCents }, 'send', today);
    if (!decision.ok) throw invoiceErrors.INVOICE_NOT_SENDABLE();
    const mail = await composeInvoiceMail(tx, actor, row, creditedCents);
    const cc = opts.copyToMember && mail.memberAddress && mail.memberAddress !== mail.to ? mail.memberAddress : null;
    const mailId = await enqueueMail(tx, {
      coopId: actor.coopId,
      to: mail.to,
      cc,
      subject: mail.subject,
      text: mail.text,
      template: mail.template,
      attachments: [{ filename: mail.attachmentName, contentType: 'application/pdf', storageKey: pdf.storageKey, sha256: pdf.sha256 }],
    });
    await tx.insert(invoiceSends).values({ coopId: actor.coopId, invoiceId: id, mailId, toAddress: mail.to, ccAddress: cc, sentBy: actor.userId });
    const status = statusAfterSending(row.status);
    if (status !== row.status) {
      await tx.update(invoices).set({ status, updatedAt: new Date() }).where(and(eq(invoices.coopId, actor.coopId), eq(invoices.id, id)));
    }
    await recordAudit(tx, actor, {
      action: row.kind === 'credit_note' ? 'credit_note.sent' : 'invoice.sent',
      entityType: 'invoice',
      entityId: id,
      before: { status: row.status },
      after: { status, mailId, to: mail.to, cc, attachment: { sha256: pdf.sha256 } },
    });
    return { mailId, to: mail.to, cc };
  });
}
