import { sql } from 'drizzle-orm';
import { boolean, check, date, foreignKey, index, integer, jsonb, pgTable, primaryKey, timestamp, unique, uuid, varchar } from 'drizzle-orm/pg-core';
import { cents, coopId, createdAt, rowId, updatedAt } from '../../platform/db/columns.js';
import { mailOutbox } from '../../platform/mail/schema.js';
import { coops } from '../coops/schema.js';
import { invoices } from '../invoicing/schema.js';
import type { DunningAction } from './contract.js';
import { DEFAULT_DUNNING_STEPS, DEFAULT_MIN_GAP_DAYS, MAX_MIN_GAP_DAYS, type DunningKind, type DunningStep } from './domain/dunning-plan.js';
import type { DunningPauseReason } from './domain/dunning-pause.js';
import { clients } from '../clients/schema.js';

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
    /** Fewest days between two letters to the client about the same invoice (see planDunning). */
    minGapDays: integer().notNull().default(DEFAULT_MIN_GAP_DAYS),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('dunning_settings_steps_check', sql`jsonb_typeof(${t.steps}) = 'array' and jsonb_array_length(${t.steps}) <= 10`),
    check('dunning_settings_gap_check', sql`${t.minGapDays} >= 0 and ${t.minGapDays} <= ${sql.raw(String(MAX_MIN_GAP_DAYS))}`),
  ],
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
    /** The day the client was written to (or the team told to post): what the minimum gap counts from. */
    takenOn: date(),
    /** A formal notice waits ('pending') until someone of the team confirms or cancels it: who, and when. */
    decidedBy: uuid(),
    decidedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.id] }),
    unique('dunning_events_coop_key').on(t.coopId, t.idempotencyKey),
    unique('dunning_events_coop_invoice_step_key').on(t.coopId, t.invoiceId, t.stepIndex),
    foreignKey({ columns: [t.coopId, t.invoiceId], foreignColumns: [invoices.coopId, invoices.id] }),
    index('dunning_events_coop_created_idx').on(t.coopId, t.createdAt),
    check('dunning_events_kind_check', sql`${t.kind} in ('reminder', 'formal_notice', 'recovery')`),
    check('dunning_events_action_check', sql`${t.action} in ('sent', 'skipped', 'no_email', 'recorded', 'pending', 'cancelled')`),
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

/**
 * A pause of the dunning of one invoice or of all of a client's invoices (exactly one of the
 * two), with its reason; never deleted: resuming stamps it, so the history stays.
 */
export const dunningPauses = pgTable(
  'dunning_pauses',
  {
    id: rowId(),
    coopId: coopId(),
    invoiceId: uuid(),
    clientId: uuid(),
    reason: varchar({ length: 16 }).$type<DunningPauseReason>().notNull(),
    note: varchar({ length: 500 }),
    /** Last day of the pause (inclusive); null: until resumed. */
    until: date(),
    createdBy: uuid(),
    createdAt: createdAt(),
    resumedAt: timestamp({ withTimezone: true }),
    resumedBy: uuid(),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.id] }),
    foreignKey({ columns: [t.coopId, t.invoiceId], foreignColumns: [invoices.coopId, invoices.id] }),
    foreignKey({ columns: [t.coopId, t.clientId], foreignColumns: [clients.coopId, clients.id] }),
    index('dunning_pauses_coop_invoice_idx').on(t.coopId, t.invoiceId),
    index('dunning_pauses_coop_client_idx').on(t.coopId, t.clientId),
    check('dunning_pauses_target_check', sql`(${t.invoiceId} is null) <> (${t.clientId} is null)`),
    check('dunning_pauses_reason_check', sql`${t.reason} in ('dispute', 'payment_plan', 'other')`),
  ],
);

export type DunningPauseRow = typeof dunningPauses.$inferSelect;
export type DunningEventRow = typeof dunningEvents.$inferSelect;
