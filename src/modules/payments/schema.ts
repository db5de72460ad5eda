import { sql } from 'drizzle-orm';
import { check, date, foreignKey, index, integer, pgTable, primaryKey, timestamp, unique, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { cents, coopId, createdAt, rowId } from '../../platform/db/columns.js';
import { clients } from '../clients/schema.js';
import { invoices } from '../invoicing/schema.js';

export const PAYMENT_MODES = ['transfer', 'cheque', 'card', 'cash', 'direct_debit'] as const;
export type PaymentMode = (typeof PAYMENT_MODES)[number];

/** How a payment came in: typed by staff from a cheque, a transfer notice…, or read from a bank statement line. */
export const PAYMENT_ORIGINS = ['manual', 'bank_line'] as const;
export type PaymentOrigin = (typeof PAYMENT_ORIGINS)[number];

/**
 * A remittance slip (bordereau de remise de chèques): cheques recorded by hand, handed to the
 * bank together. The bank credits their total in one line, which confirms them all at once.
 * Numbered per coop without gap, as the slips the bank stamps. Never deleted: a slip made by
 * mistake is cancelled (its cheques wait again), and only while no bank line confirmed it.
 */
export const paymentRemittances = pgTable(
  'payment_remittances',
  {
    id: rowId(),
    coopId: coopId(),
    number: integer().notNull(),
    date: date().notNull(),
    totalCents: cents().notNull(),
    chequeCount: integer().notNull(),
    /** The bank line that showed the slip's total; null while the bank has not credited it. */
    bankLineId: uuid(),
    /** The entry 512 debit / 5112 credit booked when the bank line confirmed the slip. */
    clearingEntryId: uuid(),
    cancelledAt: timestamp({ withTimezone: true }),
    cancelledBy: uuid(),
    createdBy: uuid(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.id] }),
    unique('payment_remittances_coop_number_key').on(t.coopId, t.number),
    uniqueIndex('payment_remittances_coop_bank_line_key').on(t.coopId, t.bankLineId).where(sql`${t.bankLineId} is not null`),
    check('payment_remittances_total_check', sql`${t.totalCents} > 0 and ${t.chequeCount} > 0`),
    check('payment_remittances_cancelled_check', sql`${t.cancelledAt} is null or ${t.bankLineId} is null`),
  ],
);

/**
 * Money received from a client (encaissement). What is not allocated to invoices stays on
 * the client's account as a credit, derived (payment minus allocations), never stored.
 *
 * Where the money waits (`deposit_account`): a cheque or cash typed by staff is not in the
 * bank yet, so it is booked to 5112 Chèques à encaisser or 530 Caisse and moves to 512 only
 * when a bank line shows it (`clearing_entry_id`). A transfer, card or direct debit typed by
 * staff is already on the bank account: it is booked to 512 and waits, unreconciled, for its
 * bank line. Either way the bank line then confirms the payment instead of booking it again.
 *
 * Reconciled: `bank_line_id` (its own bank line) or a remittance slip the bank credited. A bank
 * line confirms one live payment at most (the unique key ignores cancelled ones, so a line
 * whose payment was cancelled can be matched again). A payment is never deleted: cancelling
 * it reverses its entry (`cancel_entry_id`) and keeps who, when and why.
 */
export const payments = pgTable(
  'payments',
  {
    id: rowId(),
    coopId: coopId(),
    clientId: uuid().notNull(),
    date: date().notNull(),
    amountCents: cents().notNull(),
    mode: varchar({ length: 16 }).$type<PaymentMode>().notNull(),
    reference: varchar({ length: 200 }),
    origin: varchar({ length: 16 }).$type<PaymentOrigin>().notNull().default('manual'),
    depositAccount: varchar({ length: 12 }).notNull().default('512'),
    bankLineId: uuid(),
    remittanceId: uuid(),
    entryId: uuid(),
    clearingEntryId: uuid(),
    cancelledAt: timestamp({ withTimezone: true }),
    cancelledBy: uuid(),
    cancelReason: varchar({ length: 500 }),
    cancelEntryId: uuid(),
    createdBy: uuid(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.id] }),
    uniqueIndex('payments_coop_bank_line_key').on(t.coopId, t.bankLineId).where(sql`${t.bankLineId} is not null and ${t.cancelledAt} is null`),
    foreignKey({ columns: [t.coopId, t.clientId], foreignColumns: [clients.coopId, clients.id] }),
    foreignKey({ columns: [t.coopId, t.remittanceId], foreignColumns: [paymentRemittances.coopId, paymentRemittances.id] }),
    index('payments_coop_date_idx').on(t.coopId, t.date),
    index('payments_coop_client_idx').on(t.coopId, t.clientId),
    index('payments_coop_remittance_idx').on(t.coopId, t.remittanceId),
    check('payments_amount_check', sql`${t.amountCents} > 0`),
    check('payments_mode_check', sql`${t.mode} in ('transfer', 'cheque', 'card', 'cash', 'direct_debit')`),
    check('payments_origin_check', sql`${t.origin} in ('manual', 'bank_line')`),
    check('payments_cancelled_check', sql`(${t.cancelledAt} is null) = (${t.cancelReason} is null) and (${t.cancelledAt} is null) = (${t.cancelEntryId} is null)`),
  ],
);

/** The part of a payment that settles one invoice; the invoice's activity is kept for the member's view. */
export const paymentAllocations = pgTable(
  'payment_allocations',
  {
    coopId: coopId(),
    paymentId: uuid().notNull(),
    invoiceId: uuid().notNull(),
    /** Frozen with the invoice at issue (CGI art. 242 nonies A), so kept to show without reading invoicing's tables. */
    invoiceNumber: varchar({ length: 40 }).notNull(),
    activityId: uuid().notNull(),
    amountCents: cents().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.paymentId, t.invoiceId] }),
    foreignKey({ columns: [t.coopId, t.paymentId], foreignColumns: [payments.coopId, payments.id] }),
    foreignKey({ columns: [t.coopId, t.invoiceId], foreignColumns: [invoices.coopId, invoices.id] }),
    index('payment_allocations_coop_invoice_idx').on(t.coopId, t.invoiceId),
    index('payment_allocations_coop_activity_idx').on(t.coopId, t.activityId),
    check('payment_allocations_amount_check', sql`${t.amountCents} > 0`),
  ],
);

export type PaymentRow = typeof payments.$inferSelect;
export type RemittanceRow = typeof paymentRemittances.$inferSelect;
