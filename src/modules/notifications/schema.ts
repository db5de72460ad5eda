import { sql } from 'drizzle-orm';
import { check, date, foreignKey, index, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid, varchar } from 'drizzle-orm/pg-core';
import { auditLog } from '../../platform/audit/schema.js';
import { users } from '../../platform/auth/schema.js';
import { coopId, createdAt, rowId, updatedAt } from '../../platform/db/columns.js';
import { mailOutbox } from '../../platform/mail/schema.js';
import { coops } from '../coops/schema.js';
import type { MailMode, NotificationDetails } from './contract.js';

/**
 * What waits for a person or happened to their documents, one row per (recipient, audit
 * record): the fan-out turns each audit record into these rows, and the unique key is what
 * makes running it twice notify once.
 */
export const notifications = pgTable(
  'notifications',
  {
    coopId: coopId(),
    id: rowId(),
    userId: uuid().notNull().references(() => users.id),
    auditId: uuid().notNull(),
    action: varchar({ length: 64 }).notNull(),
    entityType: varchar({ length: 64 }).notNull(),
    entityId: text().notNull(),
    /** What the bell and the mail show without asking other modules again: number, amount, names. */
    details: jsonb().$type<NotificationDetails>().notNull(),
    /** When the action happened (the audit record's time). */
    createdAt: timestamp({ withTimezone: true }).notNull(),
    readAt: timestamp({ withTimezone: true }),
    /** How the person wanted to be mailed when it was written: a later change applies to later ones. */
    mailMode: varchar({ length: 8 }).$type<MailMode>().notNull(),
    /** When a mail telling of it was queued (alone or in a digest). */
    mailedAt: timestamp({ withTimezone: true }),
    mailId: uuid().references(() => mailOutbox.id),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.id] }),
    unique('notifications_recipient_audit_key').on(t.coopId, t.userId, t.auditId),
    foreignKey({ columns: [t.coopId, t.auditId], foreignColumns: [auditLog.coopId, auditLog.id] }),
    index('notifications_user_idx').on(t.coopId, t.userId, t.createdAt),
    // The digest's pick: only what still waits for one, so read and mailed rows never weigh on it.
    index('notifications_digest_idx').on(t.coopId, t.userId).where(sql`${t.mailMode} = 'daily' and ${t.mailedAt} is null and ${t.readAt} is null`),
    check('notifications_mail_mode_check', sql`${t.mailMode} in ('each', 'daily', 'none')`),
  ],
);

/** How a person wants to be mailed in a coop; no row means the default (daily digest). */
export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    coopId: coopId(),
    userId: uuid().notNull().references(() => users.id),
    mailMode: varchar({ length: 8 }).$type<MailMode>().notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.coopId, t.userId] }), check('notification_preferences_mail_mode_check', sql`${t.mailMode} in ('each', 'daily', 'none')`)],
);

/**
 * Where the fan-out stands in a coop's audit log. Audit records carry their transaction's
 * start time, so one that commits late may sit before records already read: the fan-out reads
 * again a window behind the watermark and skips what `notification_fanout_seen` holds.
 * `since` is when notifications began for the coop: older history is never notified.
 */
export const notificationCursors = pgTable('notification_cursors', {
  coopId: uuid()
    .primaryKey()
    .references(() => coops.id),
  since: timestamp({ withTimezone: true }).notNull(),
  watermark: timestamp({ withTimezone: true }).notNull(),
  updatedAt: updatedAt(),
});

/** Audit records already turned into notifications, within the re-read window (older ones are pruned). */
export const notificationFanoutSeen = pgTable(
  'notification_fanout_seen',
  {
    coopId: coopId(),
    auditId: uuid().notNull(),
    at: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.coopId, t.auditId] }), index('notification_fanout_seen_at_idx').on(t.coopId, t.at)],
);

/** One digest per person, coop and day (Paris): the key that makes the daily run mail once. */
export const notificationDigests = pgTable(
  'notification_digests',
  {
    coopId: coopId(),
    userId: uuid().notNull().references(() => users.id),
    day: date({ mode: 'string' }).notNull(),
    mailId: uuid()
      .notNull()
      .references(() => mailOutbox.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.coopId, t.userId, t.day] })],
);
