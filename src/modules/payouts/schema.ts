import { sql } from 'drizzle-orm';
import { boolean, check, date, foreignKey, index, integer, pgTable, primaryKey, timestamp, unique, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { cents, coopId, createdAt, rowId, updatedAt } from '../../platform/db/columns.js';
import { bankAccounts } from '../banking/schema.js';
import { coops } from '../coops/schema.js';
import { PAYABLE_SOURCE_TYPES } from './contract.js';
import type { Pain001Version } from './domain/build-pain001.js';

export type PayableSourceType = (typeof PAYABLE_SOURCE_TYPES)[number];
export type PayoutBatchStatus = 'built' | 'approved' | 'cancelled';
export type PayoutItemStatus = 'pending' | 'paid' | 'cancelled' | 'returned';

/** A transfer's amount bound: a hundred million euros, far above any payout and below bigint trouble. */
export const MAX_PAYOUT_CENTS = 10_000_000_000;

/** What a coop asks of its payouts. One row per coop, written on the first change (defaults apply until then). */
export const payoutSettings = pgTable('payout_settings', {
  coopId: uuid()
    .primaryKey()
    .references(() => coops.id),
  /** The batch file can only be downloaded once a second staff member (not its author) approved it. */
  secondApproval: boolean().notNull().default(false),
  /** The pain.001 version the coop's bank takes. */
  painVersion: varchar({ length: 12 }).$type<Pain001Version>().notNull().default('001.001.09'),
  updatedAt: updatedAt(),
});

/**
 * A batch of SEPA transfers: one pain.001 file debiting one bank account of the coop on one
 * execution date. Never deleted: a batch given up before the bank executed it is cancelled
 * (its items freed), with who and when.
 */
export const payoutBatches = pgTable(
  'payout_batches',
  {
    id: rowId(),
    coopId: coopId(),
    /** GrpHdr/MsgId and PmtInf/PmtInfId of the file: what the bank reports back for a batch booked as one line. */
    messageId: varchar({ length: 35 }).notNull(),
    paymentInfoId: varchar({ length: 35 }).notNull(),
    bankAccountId: uuid().notNull(),
    executionDate: date().notNull(),
    painVersion: varchar({ length: 12 }).$type<Pain001Version>().notNull(),
    status: varchar({ length: 12 }).$type<PayoutBatchStatus>().notNull().default('built'),
    /** Set at build from the coop's setting: the file waits for a second person's approval. */
    needsApproval: boolean().notNull(),
    itemCount: integer().notNull(),
    totalCents: cents().notNull(),
    storageKey: varchar({ length: 300 }).notNull(),
    sha256: varchar({ length: 64 }).notNull(),
    createdBy: uuid().notNull(),
    createdAt: createdAt(),
    approvedBy: uuid(),
    approvedAt: timestamp({ withTimezone: true }),
    cancelledBy: uuid(),
    cancelledAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.id] }),
    unique('payout_batches_message_key').on(t.coopId, t.messageId),
    unique('payout_batches_payment_info_key').on(t.coopId, t.paymentInfoId),
    foreignKey({ columns: [t.coopId, t.bankAccountId], foreignColumns: [bankAccounts.coopId, bankAccounts.id] }),
    index('payout_batches_coop_created_idx').on(t.coopId, t.createdAt),
    check('payout_batches_status_check', sql`${t.status} in ('built', 'approved', 'cancelled')`),
    check('payout_batches_version_check', sql`${t.painVersion} in ('001.001.09', '001.001.03')`),
    check('payout_batches_amounts_check', sql`${t.itemCount} between 1 and 10000 and ${t.totalCents} > 0`),
    // The second person is another one: the author never approves their own batch.
    check('payout_batches_approval_check', sql`(${t.status} = 'approved') = (${t.approvedBy} is not null) and (${t.approvedBy} is null or ${t.approvedBy} <> ${t.createdBy})`),
    check('payout_batches_cancelled_check', sql`(${t.status} = 'cancelled') = (${t.cancelledAt} is not null)`),
  ],
);
export type PayoutBatchRow = typeof payoutBatches.$inferSelect;

/**
 * One transfer of a batch: what a source module owed (its document's id), to whom, how much,
 * as it was when the file was built. An owed document is in at most one live batch (pending or
 * paid item): the partial unique key is what stops a second build, or two at once, from
 * paying it twice. A cancelled batch's or a returned transfer's item frees the document.
 */
export const payoutItems = pgTable(
  'payout_items',
  {
    id: rowId(),
    coopId: coopId(),
    batchId: uuid().notNull(),
    sourceType: varchar({ length: 20 }).$type<PayableSourceType>().notNull(),
    sourceId: uuid().notNull(),
    activityId: uuid(),
    payeeName: varchar({ length: 70 }).notNull(),
    payeeIban: varchar({ length: 34 }).notNull(),
    payeeBic: varchar({ length: 11 }),
    amountCents: cents().notNull(),
    reference: varchar({ length: 140 }).notNull(),
    endToEndId: varchar({ length: 35 }).notNull(),
    status: varchar({ length: 12 }).$type<PayoutItemStatus>().notNull().default('pending'),
    paidOn: date(),
    /** The source's payment entry (D payable / C 512), and the bank line it booked. */
    entryId: uuid(),
    bankLineId: uuid(),
    returnReason: varchar({ length: 35 }),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.id] }),
    foreignKey({ columns: [t.coopId, t.batchId], foreignColumns: [payoutBatches.coopId, payoutBatches.id] }),
    unique('payout_items_end_to_end_key').on(t.coopId, t.endToEndId),
    uniqueIndex('payout_items_live_source_key').on(t.coopId, t.sourceType, t.sourceId).where(sql`${t.status} in ('pending', 'paid')`),
    index('payout_items_batch_idx').on(t.coopId, t.batchId),
    check('payout_items_source_check', sql`${t.sourceType} in ('expense_report', 'supplier_invoice', 'member_invoice', 'salary')`),
    check('payout_items_status_check', sql`${t.status} in ('pending', 'paid', 'cancelled', 'returned')`),
    check('payout_items_amount_check', sql`${t.amountCents} between 1 and ${sql.raw(String(MAX_PAYOUT_CENTS))}`),
    // A returned transfer keeps the day it was paid and its entry (reversed by the source, never deleted).
    check('payout_items_paid_check', sql`(${t.status} in ('paid', 'returned')) = (${t.paidOn} is not null and ${t.entryId} is not null)`),
  ],
);
export type PayoutItemRow = typeof payoutItems.$inferSelect;
