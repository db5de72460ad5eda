import { and, asc, eq, lt, sql } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';
import type { FastifyBaseLogger as Logger } from 'fastify';
import type { Db, Executor } from '../db/client.js';
import type { FileStorage } from '../files/storage.js';
import { mailOutbox, type MailAttachment } from './schema.js';

export type { MailAttachment };

export interface OutgoingMail {
  coopId: string | null;
  to: string;
  /** One visible copy (carbon copy). */
  cc?: string | null;
  subject: string;
  text: string;
  html?: string;
  template: string;
  /** Files already in the storage (a stored invoice PDF…): the mail carries them, never a copy. */
  attachments?: MailAttachment[];
}

/** Queues a mail in the caller's transaction: it leaves only if the action commits. */
export async function enqueueMail(tx: Executor, mail: OutgoingMail): Promise<string> {
  const [row] = await tx
    .insert(mailOutbox)
    .values({
      coopId: mail.coopId,
      toAddress: mail.to,
      ccAddress: mail.cc ?? null,
      subject: mail.subject,
      textBody: mail.text,
      htmlBody: mail.html ?? null,
      template: mail.template,
      attachments: mail.attachments ?? [],
    })
    .returning({ id: mailOutbox.id });
  return row.id;
}

const MAX_ATTEMPTS = 5;

/** The SMTP transport for `SMTP_URL` (e.g. smtp://user:pass@host:587). */
export function smtpTransport(smtpUrl: string): Transporter {
  return nodemailer.createTransport(smtpUrl);
}

/**
 * Sends queued mails through SMTP. Rows are claimed with FOR UPDATE SKIP LOCKED so that two
 * app instances never send the same mail twice. Without SMTP the outbox is the mailbox.
 */
export async function dispatchOutbox(db: Db, transport: Transporter, storage: FileStorage, from: string, log: Logger, batch = 20): Promise<number> {
  let sent = 0;
  await db.transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(mailOutbox)
      .where(and(eq(mailOutbox.status, 'queued'), lt(mailOutbox.attempts, MAX_ATTEMPTS)))
      .orderBy(asc(mailOutbox.createdAt))
      .limit(batch)
      .for('update', { skipLocked: true });
    for (const row of rows) {
      try {
        const attachments = await Promise.all(row.attachments.map((a) => attachmentOf(storage, a)));
        await transport.sendMail({ from, to: row.toAddress, cc: row.ccAddress ?? undefined, subject: row.subject, text: row.textBody, html: row.htmlBody ?? undefined, attachments });
        await tx.update(mailOutbox).set({ status: 'sent', sentAt: new Date(), attempts: sql`${mailOutbox.attempts} + 1` }).where(eq(mailOutbox.id, row.id));
        sent++;
      } catch (err) {
        const attempts = row.attempts + 1;
        log.warn({ err, mailId: row.id }, 'mail delivery failed');
        await tx
          .update(mailOutbox)
          .set({ attempts, lastError: String(err), status: attempts >= MAX_ATTEMPTS ? 'failed' : 'queued' })
          .where(eq(mailOutbox.id, row.id));
      }
    }
  });
  return sent;
}

async function attachmentOf(storage: FileStorage, a: MailAttachment) {
  const read = await storage.read(a.storageKey, a);
  // A missing or damaged file is a delivery failure like any other: the mail stays queued and
  // the error is kept, and the client never receives bytes other than those recorded.
  if (!read.ok) throw new Error(`attachment ${a.filename} is ${read.problem} in storage (${a.storageKey})`);
  return { filename: a.filename, contentType: a.contentType, content: read.bytes };
}
