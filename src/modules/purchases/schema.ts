import { sql } from 'drizzle-orm';
import { check, date, foreignKey, index, integer, jsonb, pgTable, primaryKey, smallint, timestamp, unique, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { users } from '../../platform/auth/schema.js';
import { cents, coopId, createdAt, rowId, updatedAt } from '../../platform/db/columns.js';
import { activities } from '../activities/schema.js';
import { coops } from '../coops/schema.js';
import { spendingCategories } from '../expenses/schema.js';
import type { ReadEInvoice } from './domain/read-e-invoice.js';
import type { SupplierInvoiceStatus } from './domain/supplier-invoice-lifecycle.js';

/**
 * A company the coop buys from. It serves the coop as a whole (every activity may buy from
 * it); its 401 auxiliary account (F00001…) is opened by the ledger on its first entry.
 */
export const suppliers = pgTable(
  'suppliers',
  {
    coopId: coopId(),
    id: rowId(),
    name: varchar({ length: 200 }).notNull(),
    siren: varchar({ length: 9 }),
    siret: varchar({ length: 14 }),
    vatNumber: varchar({ length: 16 }),
    address: varchar({ length: 300 }),
    iban: varchar({ length: 34 }),
    bic: varchar({ length: 11 }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.id] }),
    foreignKey({ columns: [t.coopId], foreignColumns: [coops.id] }),
    // A received invoice finds its supplier by SIREN, else by VAT number: each names one supplier.
    uniqueIndex('suppliers_siren_key').on(t.coopId, t.siren).where(sql`${t.siren} is not null`),
    uniqueIndex('suppliers_vat_key').on(t.coopId, t.vatNumber).where(sql`${t.vatNumber} is not null`),
    check('suppliers_siren_check', sql`${t.siren} is null or ${t.siren} ~ '^[0-9]{9}$'`),
    check('suppliers_siret_check', sql`${t.siret} is null or (${t.siret} ~ '^[0-9]{14}$' and (${t.siren} is null or left(${t.siret}, 9) = ${t.siren}))`),
  ],
);

/**
 * An invoice (or credit note) a supplier addressed to the coop, for one activity or for the
 * coop's own funds (activity null). Amounts are positive; a credit note books the other way.
 */
export const supplierInvoices = pgTable(
  'supplier_invoices',
  {
    coopId: coopId(),
    id: rowId(),
    supplierId: uuid().notNull(),
    activityId: uuid(),
    kind: varchar({ length: 12 }).$type<'invoice' | 'credit_note'>().notNull(),
    /** BT-3 (380, 381, 384, 389 …). */
    typeCode: varchar({ length: 3 }).notNull(),
    number: varchar({ length: 100 }).notNull(),
    issueDate: date().notNull(),
    /** The year of the issue date: the same number may come back in another year of the supplier's series. */
    issueYear: smallint().notNull(),
    dueDate: date(),
    netCents: cents().notNull(),
    vatCents: cents().notNull(),
    grossCents: cents().notNull(),
    /** BT-84/BT-86 as read, else the supplier's own; where the payout goes. */
    payeeIban: varchar({ length: 34 }),
    payeeBic: varchar({ length: 11 }),
    origin: varchar({ length: 8 }).$type<'manual' | 'upload' | 'api'>().notNull(),
    /** 'facturx', 'cii', 'ubl' for a received e-invoice; null when typed by hand. */
    format: varchar({ length: 8 }).$type<'facturx' | 'cii' | 'ubl'>(),
    storageKey: varchar({ length: 300 }),
    sha256: varchar({ length: 64 }),
    fileName: varchar({ length: 255 }),
    mediaType: varchar({ length: 40 }),
    /** What was read from the file, whole, for staff to check beside it. */
    readModel: jsonb().$type<ReadEInvoice>(),
    status: varchar({ length: 12 }).$type<SupplierInvoiceStatus>().notNull().default('received'),
    statusReason: varchar({ length: 500 }),
    purchaseEntryId: uuid(),
    paidOn: date(),
    paymentEntryId: uuid(),
    receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid().references(() => users.id),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.id] }),
    foreignKey({ columns: [t.coopId, t.supplierId], foreignColumns: [suppliers.coopId, suppliers.id] }),
    foreignKey({ columns: [t.coopId, t.activityId], foreignColumns: [activities.coopId, activities.id] }),
    // The same supplier invoice is booked and paid once: by identity and by the very same file.
    unique('supplier_invoices_number_key').on(t.coopId, t.supplierId, t.number, t.issueYear),
    uniqueIndex('supplier_invoices_sha256_key').on(t.coopId, t.sha256).where(sql`${t.sha256} is not null`),
    index('supplier_invoices_status_idx').on(t.coopId, t.status, t.issueDate),
    index('supplier_invoices_activity_idx').on(t.coopId, t.activityId, t.issueDate),
    check('supplier_invoices_kind_check', sql`${t.kind} in ('invoice', 'credit_note')`),
    check('supplier_invoices_status_check', sql`${t.status} in ('received', 'approved', 'refused', 'disputed', 'paid')`),
    check('supplier_invoices_origin_check', sql`${t.origin} in ('manual', 'upload', 'api')`),
    check('supplier_invoices_amounts_check', sql`${t.netCents} >= 0 and ${t.netCents} <= 100000000 and ${t.vatCents} >= 0 and ${t.vatCents} <= 100000000 and ${t.grossCents} = ${t.netCents} + ${t.vatCents} and ${t.grossCents} > 0`),
    check('supplier_invoices_year_check', sql`${t.issueYear} = extract(year from ${t.issueDate})`),
    check('supplier_invoices_file_check', sql`(${t.storageKey} is null) = (${t.sha256} is null)`),
    check('supplier_invoices_paid_check', sql`(${t.status} = 'paid') = (${t.paidOn} is not null)`),
    check('supplier_invoices_refused_check', sql`${t.status} not in ('refused', 'disputed') or ${t.statusReason} is not null`),
  ],
);

/** A line as it is booked: its 6xx account (from its spending category) and its VAT. */
export const supplierInvoiceLines = pgTable(
  'supplier_invoice_lines',
  {
    coopId: coopId(),
    invoiceId: uuid().notNull(),
    position: smallint().notNull(),
    label: varchar({ length: 300 }).notNull(),
    /**
     * What the line buys (the expenses module's spending categories): it gives the 6xx account
     * and says whether the cost enters the activity's contribution base. A line read from an
     * e-invoice gets a default one at receipt, which staff change before approving.
     */
    spendingCategoryId: uuid(),
    /** The category's 6xx account, copied when the category is set and again at approval: what the entry was booked to. */
    account: varchar({ length: 12 }),
    netCents: cents().notNull(),
    vatRateBp: integer().notNull(),
    vatCents: cents().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.invoiceId, t.position] }),
    foreignKey({ columns: [t.coopId, t.invoiceId], foreignColumns: [supplierInvoices.coopId, supplierInvoices.id] }).onDelete('cascade'),
    foreignKey({ name: 'supplier_invoice_lines_category_fk', columns: [t.coopId, t.spendingCategoryId], foreignColumns: [spendingCategories.coopId, spendingCategories.id] }),
    check('supplier_invoice_lines_account_check', sql`${t.account} is null or ${t.account} ~ '^6[0-9]{1,11}$'`),
    check('supplier_invoice_lines_amounts_check', sql`${t.netCents} between -100000000 and 100000000 and ${t.vatCents} between -100000000 and 100000000 and ${t.vatRateBp} between 0 and 10000 and ${t.position} between 1 and 999`),
  ],
);

/**
 * Each status of the reform's lifecycle an invoice went through (who, when, why), and when the
 * connector sent it back towards the supplier's platform (null: still queued).
 */
export const supplierInvoiceStatuses = pgTable(
  'supplier_invoice_statuses',
  {
    coopId: coopId(),
    id: rowId(),
    invoiceId: uuid().notNull(),
    status: varchar({ length: 12 }).$type<SupplierInvoiceStatus>().notNull(),
    /** The code of the status in the reform's list (202 Reçue, 205 Approuvée, 207 En litige, 210 Refusée, 211 Paiement transmis). */
    code: smallint().notNull(),
    reason: varchar({ length: 500 }),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    by: uuid().references(() => users.id),
    sentAt: timestamp({ withTimezone: true }),
    sentTo: varchar({ length: 300 }),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.id] }),
    foreignKey({ columns: [t.coopId, t.invoiceId], foreignColumns: [supplierInvoices.coopId, supplierInvoices.id] }),
    index('supplier_invoice_statuses_invoice_idx').on(t.coopId, t.invoiceId, t.at),
    check('supplier_invoice_statuses_code_check', sql`${t.code} between 200 and 213`),
  ],
);

/**
 * Tokens a platform presents to push received invoices (`Authorization: Bearer`). Only the
 * SHA-256 of the secret is kept: the token is shown once, when an admin creates it.
 */
export const purchasesApiTokens = pgTable(
  'purchases_api_tokens',
  {
    coopId: coopId(),
    id: rowId(),
    label: varchar({ length: 100 }).notNull(),
    scope: varchar({ length: 32 }).$type<'inbound_invoices'>().notNull().default('inbound_invoices'),
    secretSha256: varchar({ length: 64 }).notNull(),
    createdBy: uuid().references(() => users.id),
    createdAt: createdAt(),
    lastUsedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.id] }),
    foreignKey({ columns: [t.coopId], foreignColumns: [coops.id] }),
    unique('purchases_api_tokens_secret_key').on(t.coopId, t.secretSha256),
    check('purchases_api_tokens_scope_check', sql`${t.scope} in ('inbound_invoices')`),
  ],
);

export type SupplierRow = typeof suppliers.$inferSelect;
export type SupplierInvoiceRow = typeof supplierInvoices.$inferSelect;
export type SupplierInvoiceLineRow = typeof supplierInvoiceLines.$inferSelect;
