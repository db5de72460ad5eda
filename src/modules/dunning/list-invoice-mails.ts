import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { auditLog } from '../../platform/audit/schema.js';
import type { Executor } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import { mailOutbox } from '../../platform/mail/schema.js';
import { visibleInvoice } from '../invoicing/index.js';
import type { InvoiceMail } from './contract.js';
import { dunningEvents } from './schema.js';

/** The audit actions by which an invoice or a credit note was mailed to the client (see send-invoice). */
const SENT_ACTIONS = ['invoice.sent', 'credit_note.sent'];

/**
 * What was mailed about an invoice, oldest first: each time it was sent to the client (read from
 * the audit entries the send writes, which name the mail) and each dunning step, with the
 * outbox's own status so a queued or failed mail is never shown as sent.
 */
export async function listInvoiceMails(db: Executor, actor: Actor, invoiceId: string): Promise<InvoiceMail[]> {
  await visibleInvoice(db, actor, invoiceId);
  const sends = await db
    .select({ at: auditLog.at, mailId: sql<string | null>`${auditLog.changes} -> 'mailId' ->> 'after'` })
    .from(auditLog)
    .where(and(eq(auditLog.coopId, actor.coopId), eq(auditLog.entityType, 'invoice'), eq(auditLog.entityId, invoiceId), inArray(auditLog.action, SENT_ACTIONS)));
  const steps = await db
    .select()
    .from(dunningEvents)
    .where(and(eq(dunningEvents.coopId, actor.coopId), eq(dunningEvents.invoiceId, invoiceId)))
    .orderBy(asc(dunningEvents.createdAt));
  const mailIds = [...sends.map((s) => s.mailId), ...steps.map((s) => s.mailId)].filter((id): id is string => Boolean(id));
  const mails = mailIds.length
    ? await db
        .select({ id: mailOutbox.id, to: mailOutbox.toAddress, subject: mailOutbox.subject, status: mailOutbox.status, sentAt: mailOutbox.sentAt })
        .from(mailOutbox)
        .where(and(eq(mailOutbox.coopId, actor.coopId), inArray(mailOutbox.id, mailIds)))
    : [];
  const mailOf = (id: string | null) => mails.find((m) => m.id === id);
  const items: InvoiceMail[] = [
    ...sends.map((s) => {
      const mail = mailOf(s.mailId);
      return { source: 'invoice' as const, action: null, at: s.at, to: mail?.to ?? null, subject: mail?.subject ?? null, mailStatus: mail?.status ?? null, sentAt: mail?.sentAt ?? null };
    }),
    ...steps.map((e) => {
      const mail = mailOf(e.mailId);
      return { source: e.kind, action: e.action, at: e.createdAt, to: mail?.to ?? e.recipient, subject: mail?.subject ?? null, mailStatus: mail?.status ?? null, sentAt: mail?.sentAt ?? null };
    }),
  ];
  return items.sort((a, b) => a.at.getTime() - b.at.getTime());
}
