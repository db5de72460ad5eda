import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { createdAt, id } from '../db/columns.js';

export const MAIL_STATUSES = ['queued', 'sent', 'failed'] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];

/** A file joined to a mail, read from the file storage when the mail leaves, checked against its SHA-256. */
export interface MailAttachment {
  filename: string;
  contentType: string;
  storageKey: string;
  /** As recorded when the file was stored: a mail never carries bytes that fail it. */
  sha256: string;
}

/**
 * Every mail the platform sends is first written here, in the transaction of the action
 * that causes it: a mail is never sent for an action that rolled back, and never lost.
 */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: id(),
    /** Null for mails about a person's account rather than a cooperative (password reset). */
    coopId: uuid(),
    toAddress: varchar({ length: 254 }).notNull(),
    /** A copy to someone the recipient may see (the member behind an invoice); null for none. */
    ccAddress: varchar({ length: 254 }),
    subject: text().notNull(),
    textBody: text().notNull(),
    htmlBody: text(),
    attachments: jsonb().$type<MailAttachment[]>().notNull().default([]),
    template: varchar({ length: 64 }).notNull(),
    status: varchar({ length: 16 }).$type<MailStatus>().notNull().default('queued'),
    attempts: integer().notNull().default(0),
    lastError: text(),
    createdAt: createdAt(),
    sentAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index('mail_outbox_coop_idx').on(t.coopId, t.createdAt),
    index('mail_outbox_status_idx').on(t.status, t.createdAt),
    check('mail_outbox_status_check', sql`${t.status} in ('queued', 'sent', 'failed')`),
  ],
);
