import { sql } from 'drizzle-orm';
import { check, date, foreignKey, index, pgTable, primaryKey, unique, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { cents, coopId, createdAt, rowId } from '../../platform/db/columns.js';
import { clients } from '../clients/schema.js';
import { invoices } from '../invoicing/schema.js';

export const PAYMENT_MODES = ['transfer', 'cheque', 'card', 'cash', 'direct_debit'] as const;
export type PaymentMode = (typeof PAYMENT_MODES)[number];

/**
 * Money received from a client (encaissement). What is not allocated to invoices stays on
 * the client's account as a credit, derived (payment minus allocations), never stored.
 * A bank statement line books at most one payment (`bank_line_id` unique).
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
    bankLineId: uuid(),
    entryId: uuid(),
    createdBy: uuid(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.id] }),
    uniqueIndex('payments_coop_bank_line_key').on(t.coopId, t.bankLineId).where(sql`${t.bankLineId} is not null`),
    foreignKey({ columns: [t.coopId, t.clientId], foreignColumns: [clients.coopId, clients.id] }),
    index('payments_coop_date_idx').on(t.coopId, t.date),
    index('payments_coop_client_idx').on(t.coopId, t.clientId),
    check('payments_amount_check', sql`${t.amountCents} > 0`),
    check('payments_mode_check', sql`${t.mode} in ('transfer', 'cheque', 'card', 'cash', 'direct_debit')`),
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
