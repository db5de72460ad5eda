import { sql } from 'drizzle-orm';
import { boolean, check, date, foreignKey, index, integer, jsonb, pgTable, primaryKey, timestamp, unique, uuid, varchar } from 'drizzle-orm/pg-core';
import { cents, coopId, createdAt, rowId, updatedAt } from '../../platform/db/columns.js';
import { mailOutbox } from '../../platform/mail/schema.js';
import { coops } from '../coops/schema.js';
import { invoices } from '../invoicing/schema.js';
import type { DunningAction } from './contract.js';
import { DEFAULT_DUNNING_STEPS, type DunningKind, type DunningStep } from './domain/dunning-plan.js';

/** A coop's dunning plan. A coop without a row follows DEFAULT_DUNNING_STEPS, enabled. */
export const dunningSettings = pgTable(
  'dunning_settings',
  {
    coopId: uuid()
      .primaryKey()
      .references(() => coops.id),
    enabled: boolean().notNull().default(true),
    /** Checked by `checkDunningSteps` before it is saved: whole days, strictly increasing. */
    steps: jsonb().$type<DunningStep[]>().notNull().default(sql.raw(`'${JSON.stringify(DEFAULT_DUNNING_STEPS)}'::jsonb`)),
    updatedAt: updatedAt(),
  },
  (t) => [check('dunning_settings_steps_check', sql`jsonb_typeof(${t.steps}) = 'array' and jsonb_array_length(${t.steps}) <= 10`)],
);


/**
 * One step of the dunning of one invoice, recorded BEFORE its mail is queued, in the same
 * transaction: the unique (coop, idempotency key) is what guarantees that a step is acted on
 * once, however many runs or app instances reach it at the same moment (the second insert
 * waits for the first to commit, then does nothing, and queues nothing).
 */
export const dunningEvents = pgTable(
  'dunning_events',
  {
    id: rowId(),
    coopId: coopId(),
    invoiceId: uuid().notNull(),
    stepIndex: integer().notNull(),
    kind: varchar({ length: 16 }).$type<DunningKind>().notNull(),
    action: varchar({ length: 16 }).$type<DunningAction>().notNull(),
    /** The day the step fell due (due date + its days). */
    dueOn: date().notNull(),
    idempotencyKey: varchar({ length: 100 }).notNull(),
    /** What was left to pay when the step was taken. */
    amountLeftCents: cents().notNull(),
    mailId: uuid().references(() => mailOutbox.id),
    recipient: varchar({ length: 254 }),
    /** The formal-notice letter as sent, in the file storage, with the SHA-256 of its bytes. */
    letterStorageKey: varchar({ length: 300 }),
    letterSha256: varchar({ length: 64 }),
    /** Who asked for the run; null for the scheduler. */
    triggeredBy: uuid(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.id] }),
    unique('dunning_events_coop_key').on(t.coopId, t.idempotencyKey),
    unique('dunning_events_coop_invoice_step_key').on(t.coopId, t.invoiceId, t.stepIndex),
    foreignKey({ columns: [t.coopId, t.invoiceId], foreignColumns: [invoices.coopId, invoices.id] }),
    index('dunning_events_coop_created_idx').on(t.coopId, t.createdAt),
    check('dunning_events_kind_check', sql`${t.kind} in ('reminder', 'formal_notice', 'recovery')`),
    check('dunning_events_action_check', sql`${t.action} in ('sent', 'skipped', 'no_email', 'recorded')`),
    check('dunning_events_step_check', sql`${t.stepIndex} >= 0 and ${t.amountLeftCents} >= 0`),
    // Only a sent step has a mail; it is linked just after being queued, in the same transaction.
    check('dunning_events_mail_check', sql`${t.mailId} is null or ${t.action} = 'sent'`),
    check('dunning_events_letter_check', sql`(${t.letterStorageKey} is null) = (${t.letterSha256} is null)`),
  ],
);

/**
 * An invoice handed over to recovery (a bailiff, a collection partner): opened by the
 * recovery step, with the last time its file was exported, so the team knows it has gone.
 */
export const recoveryCases = pgTable(
  'recovery_cases',
  {
    coopId: coopId(),
    invoiceId: uuid().notNull(),
    openedOn: date().notNull(),
    lastExportedAt: timestamp({ withTimezone: true }),
    lastExportedBy: uuid(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.invoiceId] }),
    foreignKey({ columns: [t.coopId, t.invoiceId], foreignColumns: [invoices.coopId, invoices.id] }),
  ],
);

export type DunningEventRow = typeof dunningEvents.$inferSelect;
