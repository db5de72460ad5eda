import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { cents, coopId, createdAt, rowId, updatedAt } from '../../platform/db/columns.js';
import { activities } from '../activities/schema.js';
import { clients } from '../clients/schema.js';
import { coops } from '../coops/schema.js';
import { clientJobs } from '../jobs/schema.js';
import { documentLineColumns, type DeductedDeposit, type DepositVatSplit, type OrderReference } from '../documents/schema.js';
import { mailOutbox } from '../../platform/mail/schema.js';

export type InvoiceKind = 'invoice' | 'credit_note' | 'deposit';

/**
 * A deposit invoice a final invoice deducts: its id on the draft; its number, date and amounts
 * (VAT per rate) frozen here at validation, from the deposit as it was issued.
 */
export interface StoredDeductedDeposit extends Partial<DeductedDeposit> {
  invoiceId: string;
  vatByRate?: { vatCategory: string; vatRateBp: number; basisCents: number; vatCents: number }[];
}
export type InvoiceStatus = 'draft' | 'validated' | 'sent' | 'partially_paid' | 'paid';

/**
 * An invoice, deposit invoice or credit note. A draft has no number; validation gives it the
 * next number of its series and freezes it (CGI art. 242 nonies A): from then on only its
 * payment status moves, and a mistake is corrected by a credit note (triggers in SQL).
 */
export const invoices = pgTable(
  'invoices',
  {
    id: rowId(),
    coopId: coopId(),
    kind: varchar({ length: 16 }).$type<InvoiceKind>().notNull().default('invoice'),
    status: varchar({ length: 16 }).$type<InvoiceStatus>().notNull().default('draft'),
    number: varchar({ length: 40 }),
    seriesKey: varchar({ length: 16 }),
    seq: integer(),
    activityId: uuid().notNull(),
    clientId: uuid().notNull(),
    issueDate: date(),
    serviceDate: date(),
    servicePeriodStart: date(),
    servicePeriodEnd: date(),
    dueDate: date(),
    paymentTermsDays: integer().notNull().default(30),
    paymentTermsEndOfMonth: boolean().notNull().default(false),
    operationCategory: varchar({ length: 16 }).$type<'goods' | 'services' | 'both'>().notNull().default('services'),
    currency: varchar({ length: 3 }).notNull().default('EUR'),
    netCents: cents().notNull().default(0),
    vatCents: cents().notNull().default(0),
    grossCents: cents().notNull().default(0),
    paidCents: cents().notNull().default(0),
    creditedInvoiceId: uuid(),
    /** The job (affaire) the invoice belongs to: its revenue is split between the job's activities. */
    jobId: uuid(),
    notes: text(),
    /** The order (accepted quote) a deposit or final invoice belongs to, as printed (BT-14). */
    orderReference: jsonb().$type<OrderReference>(),
    /** A deposit split across VAT rates: what each rate's share would have been on its own. */
    vatSplit: jsonb().$type<DepositVatSplit>(),
    /**
     * A final invoice: the deposit invoices it deducts (BT-113). Its net, VAT and gross amounts
     * are then what is left to pay: the whole service minus the deposits.
     */
    deductedDeposits: jsonb().$type<StoredDeductedDeposit[]>(),
    /** Seller and buyer identities as printed, frozen at validation. */
    mentions: jsonb().$type<Record<string, unknown>>(),
    createdBy: uuid(),
    validatedBy: uuid(),
    validatedAt: timestamp({ withTimezone: true }),
    /** When a member handed the draft to the team for validation; null while still being written. */
    submittedAt: timestamp({ withTimezone: true }),
    /** When the team last returned the submitted draft to its author, and what they asked to change. */
    sentBackAt: timestamp({ withTimezone: true }),
    sentBackComment: varchar({ length: 2000 }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.id] }),
    uniqueIndex('invoices_coop_number_key').on(t.coopId, t.number).where(sql`${t.number} is not null`),
    uniqueIndex('invoices_coop_series_seq_key').on(t.coopId, t.seriesKey, t.seq).where(sql`${t.seq} is not null`),
    foreignKey({ columns: [t.coopId, t.activityId], foreignColumns: [activities.coopId, activities.id] }),
    foreignKey({ columns: [t.coopId, t.clientId], foreignColumns: [clients.coopId, clients.id] }),
    foreignKey({ columns: [t.coopId, t.creditedInvoiceId], foreignColumns: [t.coopId, t.id] }),
    foreignKey({ columns: [t.coopId, t.jobId], foreignColumns: [clientJobs.coopId, clientJobs.id] }),
    index('invoices_coop_job_idx').on(t.coopId, t.jobId),
    index('invoices_coop_status_idx').on(t.coopId, t.status, t.issueDate),
    index('invoices_coop_activity_idx').on(t.coopId, t.activityId, t.createdAt),
    // The list's order: drafts first, then by issue date and number, latest first.
    index('invoices_coop_issue_idx').on(t.coopId, t.issueDate.desc().nullsFirst(), t.seq.desc().nullsFirst()),
    index('invoices_coop_client_idx').on(t.coopId, t.clientId),
    index('invoices_coop_submitted_idx').on(t.coopId, t.submittedAt).where(sql`${t.status} = 'draft' and ${t.submittedAt} is not null`),
    index('invoices_coop_credited_idx').on(t.coopId, t.creditedInvoiceId).where(sql`${t.creditedInvoiceId} is not null`),
    check('invoices_kind_check', sql`${t.kind} in ('invoice', 'credit_note', 'deposit')`),
    check('invoices_status_check', sql`${t.status} in ('draft', 'validated', 'sent', 'partially_paid', 'paid')`),
    check('invoices_category_check', sql`${t.operationCategory} in ('goods', 'services', 'both')`),
    check('invoices_currency_check', sql`${t.currency} = 'EUR'`),
    // A number exists exactly when the invoice has been issued (no number on a draft, no issued invoice without one).
    check('invoices_number_check', sql`(${t.status} = 'draft') = (${t.number} is null) and (${t.number} is null) = (${t.seq} is null) and (${t.number} is null or (${t.issueDate} is not null and ${t.seriesKey} is not null and ${t.validatedAt} is not null))`),
    check('invoices_amounts_check', sql`${t.netCents} >= 0 and ${t.vatCents} >= 0 and ${t.grossCents} >= 0 and ${t.paidCents} >= 0 and ${t.grossCents} = ${t.netCents} + ${t.vatCents}`),
    check('invoices_credit_note_check', sql`(${t.kind} = 'credit_note') = (${t.creditedInvoiceId} is not null)`),
    check('invoices_terms_check', sql`${t.paymentTermsDays} between 0 and 60`),
    check('invoices_period_check', sql`(${t.servicePeriodStart} is null) = (${t.servicePeriodEnd} is null) and (${t.servicePeriodStart} is null or ${t.servicePeriodStart} <= ${t.servicePeriodEnd})`),
  ],
);

export const invoiceLines = pgTable(
  'invoice_lines',
  {
    coopId: coopId(),
    invoiceId: uuid().notNull(),
    position: integer().notNull(),
    ...documentLineColumns(),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.invoiceId, t.position] }),
    foreignKey({ columns: [t.coopId, t.invoiceId], foreignColumns: [invoices.coopId, invoices.id] }).onDelete('cascade'),
    check('invoice_lines_amounts_check', sql`${t.unitPriceCents} >= 0 and ${t.position} >= 1 and ${t.vatRateBp} >= 0`),
    check('invoice_lines_discount_check', sql`(${t.discountBp} is null or ${t.discountCents} is null) and coalesce(${t.discountBp}, 0) between 0 and 10000 and coalesce(${t.discountCents}, 0) >= 0`),
    check('invoice_lines_vat_check', sql`${t.vatCategory} in ('S', 'Z', 'E', 'AE', 'K', 'G', 'O') and (${t.vatCategory} = 'S') = (${t.vatRateBp} > 0)`),
  ],
);

export type InvoiceFileKind = 'pdf' | 'factur_x_pdf' | 'xml';

/**
 * The files of an issued document and the SHA-256 of their bytes, taken when they were first
 * rendered: what is served afterwards is these bytes, never a new rendering. They live beside
 * the invoice because its row is frozen at validation (only the payment status moves) and the
 * rendering happens after the commit (a job queued by the validation), outside the lock of
 * the numbering series.
 */
export const invoiceFiles = pgTable(
  'invoice_files',
  {
    coopId: coopId(),
    invoiceId: uuid().notNull(),
    kind: varchar({ length: 16 }).$type<InvoiceFileKind>().notNull(),
    sha256: varchar({ length: 64 }).notNull(),
    size: integer().notNull(),
    storageKey: varchar({ length: 300 }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.invoiceId, t.kind] }),
    foreignKey({ columns: [t.coopId, t.invoiceId], foreignColumns: [invoices.coopId, invoices.id] }),
    check('invoice_files_kind_check', sql`${t.kind} in ('pdf', 'factur_x_pdf', 'xml')`),
    check('invoice_files_sha256_check', sql`${t.sha256} ~ '^[0-9a-f]{64}$' and ${t.size} > 0`),
  ],
);

/**
 * Each time an issued invoice or credit note was mailed to the client: the mail in the outbox
 * (whose status says whether it actually left), the address, and whether the member was
 * copied. Its own table because the invoice row is frozen at validation.
 */
export const invoiceSends = pgTable(
  'invoice_sends',
  {
    id: rowId(),
    coopId: coopId(),
    invoiceId: uuid().notNull(),
    mailId: uuid()
      .notNull()
      .references(() => mailOutbox.id),
    toAddress: varchar({ length: 254 }).notNull(),
    /** The member's address the mail was also sent to (copie au membre); null without a copy. */
    ccAddress: varchar({ length: 254 }),
    sentBy: uuid(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.id] }),
    foreignKey({ columns: [t.coopId, t.invoiceId], foreignColumns: [invoices.coopId, invoices.id] }),
    index('invoice_sends_coop_invoice_idx').on(t.coopId, t.invoiceId, t.createdAt),
  ],
);

/**
 * Invoicing settings of a coop. A member may issue their own activity's invoices up to
 * `memberValidationLimitCents` incl. VAT; null keeps every validation with the team, which
 * carries the legal responsibility of what the coop invoices.
 */
export const invoicingSettings = pgTable(
  'invoicing_settings',
  {
    coopId: uuid()
      .primaryKey()
      .references(() => coops.id),
    memberValidationLimitCents: cents(),
    updatedAt: updatedAt(),
  },
  (t) => [check('invoicing_settings_limit_check', sql`${t.memberValidationLimitCents} is null or ${t.memberValidationLimitCents} >= 0`)],
);

export type InvoiceRow = typeof invoices.$inferSelect;
export type InvoiceLineRow = typeof invoiceLines.$inferSelect;
