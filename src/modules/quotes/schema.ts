import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { cents, coopId, createdAt, rowId, updatedAt } from '../../platform/db/columns.js';
import { activities } from '../activities/schema.js';
import { clients } from '../clients/schema.js';
import { clientJobs } from '../jobs/schema.js';
import type { StoredQuoteState } from './domain/quote-lifecycle.js';
import { documentLineColumns, type VatCategory } from '../documents/schema.js';
import { invoices } from '../invoicing/schema.js';

export interface StoredVatGroup {
  vatCategory: VatCategory;
  vatRateBp: number;
  basisCents: number;
  vatCents: number;
  exemptionReason?: string;
}

/**
 * A quote (devis). The number comes from its own series at validation, because a quote is a
 * commitment of the coop only from then on; a draft has none. `expired` is never stored (see
 * quote-lifecycle.ts): the state is derived from `valid_until` when read.
 */
export const quotes = pgTable(
  'quotes',
  {
    id: rowId(),
    coopId: coopId(),
    status: varchar({ length: 16 }).$type<StoredQuoteState>().notNull().default('draft'),
    number: varchar({ length: 40 }),
    seriesKey: varchar({ length: 16 }),
    seq: integer(),
    activityId: uuid().notNull(),
    clientId: uuid().notNull(),
    /** The job (affaire) the quote belongs to; the invoices made from it carry it on. */
    jobId: uuid(),
    validUntil: date().notNull(),
    notes: text(),
    netCents: cents().notNull().default(0),
    vatCents: cents().notNull().default(0),
    grossCents: cents().notNull().default(0),
    /** The VAT groups as `computeTotals` gives them: what the conversion into invoices splits. */
    vatBreakdown: jsonb().$type<StoredVatGroup[]>().notNull().default([]),
    duplicatedFromId: uuid(),
    submittedAt: timestamp({ withTimezone: true }),
    validatedAt: timestamp({ withTimezone: true }),
    validatedBy: uuid(),
    sentAt: timestamp({ withTimezone: true }),
    /** The mail of the last send, in the outbox: the quote is shown as sent once it has left. */
    sentMailId: uuid(),
    /** When the team last returned the submitted quote to its author, and what they asked to change. */
    sentBackAt: timestamp({ withTimezone: true }),
    sentBackComment: varchar({ length: 2000 }),
    /** The SHA-256 of the PDF stored when the quote was first sent: every later read is checked against it. */
    sentPdfSha256: varchar({ length: 64 }),
    acceptedByName: varchar({ length: 200 }),
    acceptedAt: timestamp({ withTimezone: true }),
    acceptedIp: varchar({ length: 64 }),
    refusedAt: timestamp({ withTimezone: true }),
    refusalReason: varchar({ length: 2000 }),
    createdBy: uuid(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.id] }),
    uniqueIndex('quotes_coop_number_key').on(t.coopId, t.number).where(sql`${t.number} is not null`),
    uniqueIndex('quotes_coop_series_seq_key').on(t.coopId, t.seriesKey, t.seq).where(sql`${t.seq} is not null`),
    foreignKey({ columns: [t.coopId, t.activityId], foreignColumns: [activities.coopId, activities.id] }),
    foreignKey({ columns: [t.coopId, t.clientId], foreignColumns: [clients.coopId, clients.id] }),
    foreignKey({ columns: [t.coopId, t.jobId], foreignColumns: [clientJobs.coopId, clientJobs.id] }),
    index('quotes_coop_job_idx').on(t.coopId, t.jobId),
    index('quotes_coop_activity_idx').on(t.coopId, t.activityId, t.createdAt),
    index('quotes_coop_status_idx').on(t.coopId, t.status, t.createdAt),
    index('quotes_coop_client_idx').on(t.coopId, t.clientId),
    check('quotes_status_check', sql`${t.status} in ('draft', 'submitted', 'validated', 'sent', 'accepted', 'refused')`),
    // A number exists exactly once the coop committed to the offer.
    check('quotes_number_check', sql`(${t.status} in ('draft', 'submitted')) = (${t.number} is null) and (${t.number} is null) = (${t.seq} is null)`),
    check('quotes_amounts_check', sql`${t.netCents} >= 0 and ${t.vatCents} >= 0 and ${t.grossCents} = ${t.netCents} + ${t.vatCents}`),
    check('quotes_accepted_check', sql`(${t.status} = 'accepted') = (${t.acceptedAt} is not null)`),
  ],
);

export const quoteLines = pgTable(
  'quote_lines',
  {
    coopId: coopId(),
    quoteId: uuid().notNull(),
    position: integer().notNull(),
    /** The section the line opens or belongs to ("Lot 1 — Conception"), printed as a heading. */
    sectionTitle: varchar({ length: 200 }),
    ...documentLineColumns(),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.quoteId, t.position] }),
    foreignKey({ columns: [t.coopId, t.quoteId], foreignColumns: [quotes.coopId, quotes.id] }).onDelete('cascade'),
    check('quote_lines_amounts_check', sql`${t.unitPriceCents} >= 0 and ${t.position} >= 1 and ${t.vatRateBp} >= 0`),
    check('quote_lines_vat_check', sql`${t.vatCategory} in ('S', 'Z', 'E', 'AE', 'K', 'G', 'O') and (${t.vatCategory} = 'S') = (${t.vatRateBp} > 0)`),
  ],
);

/**
 * The coop's quote settings, and the secret that signs its client portal links: generated at
 * first use and kept in the database, so no secret is ever written in code or shared between
 * coops (a leak in one coop opens no link of another).
 */
export const quotesSettings = pgTable('quotes_settings', {
  coopId: uuid().primaryKey(),
  needsValidation: boolean().notNull().default(true),
  portalSecret: varchar({ length: 128 }).notNull(),
  updatedAt: updatedAt(),
});

export type QuoteInvoiceKind = 'whole' | 'deposit' | 'stage' | 'balance';

/**
 * Which invoices were made from a quote, and what each took per VAT group: what is left to
 * invoice is computed from these rows. Deleting a draft invoice removes its row (cascade), so
 * a discarded draft gives its amount back to the quote.
 */
export const quoteInvoices = pgTable(
  'quote_invoices',
  {
    coopId: coopId(),
    quoteId: uuid().notNull(),
    invoiceId: uuid().notNull(),
    kind: varchar({ length: 16 }).$type<QuoteInvoiceKind>().notNull(),
    groups: jsonb().$type<StoredVatGroup[]>().notNull(),
    netCents: cents().notNull(),
    vatCents: cents().notNull(),
    excessNetCents: cents().notNull().default(0),
    exceedReason: varchar({ length: 500 }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.invoiceId] }),
    foreignKey({ columns: [t.coopId, t.quoteId], foreignColumns: [quotes.coopId, quotes.id] }),
    foreignKey({ columns: [t.coopId, t.invoiceId], foreignColumns: [invoices.coopId, invoices.id] }).onDelete('cascade'),
    index('quote_invoices_quote_idx').on(t.coopId, t.quoteId),
    check('quote_invoices_kind_check', sql`${t.kind} in ('whole', 'deposit', 'stage', 'balance')`),
    check('quote_invoices_exceed_check', sql`${t.excessNetCents} = 0 or ${t.exceedReason} is not null`),
  ],
);

export type QuoteRow = typeof quotes.$inferSelect;
export type QuoteLineRow = typeof quoteLines.$inferSelect;
