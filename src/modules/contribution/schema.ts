import { sql } from 'drizzle-orm';
import { boolean, check, date, foreignKey, index, integer, pgTable, primaryKey, unique, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { cents, coopId, createdAt, rowId, updatedAt } from '../../platform/db/columns.js';
import { activities } from '../activities/schema.js';
import { invoices } from '../invoicing/schema.js';
import type { BoundPeriod } from './domain/contribution-of.js';

/** Bounds of a contribution, 0 to 1,000,000 € (the edge checks the same in contract.ts). */
const BOUNDS_CHECK = (floor: unknown, ceiling: unknown) =>
  sql`(${floor} is null or ${floor} between 0 and 100000000) and (${ceiling} is null or ${ceiling} between 0 and 100000000) and (${floor} is null or ${ceiling} is null or ${floor} <= ${ceiling})`;

/**
 * The coop's floor and ceiling of the contribution and the period they are measured on. The
 * rate and the basis (validation or payment) stay on `coops`, where they were first set.
 */
export const contributionSettings = pgTable(
  'contribution_settings',
  {
    coopId: coopId(),
    floorCents: cents(),
    ceilingCents: cents(),
    boundPeriod: varchar({ length: 8 }).$type<BoundPeriod>().notNull().default('invoice'),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.coopId] }),
    check('contribution_settings_bounds_check', BOUNDS_CHECK(t.floorCents, t.ceilingCents)),
    check('contribution_settings_period_check', sql`${t.boundPeriod} in ('invoice', 'month')`),
  ],
);

/**
 * One activity's own rule, overriding the coop's: its rate (null keeps the coop's), and, when
 * `bounds_overridden`, its own floor, ceiling and period (null floor / ceiling: none).
 */
export const contributionActivitySettings = pgTable(
  'contribution_activity_settings',
  {
    coopId: coopId(),
    activityId: uuid().notNull(),
    rateBp: integer(),
    boundsOverridden: boolean().notNull().default(false),
    floorCents: cents(),
    ceilingCents: cents(),
    boundPeriod: varchar({ length: 8 }).$type<BoundPeriod>().notNull().default('invoice'),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.activityId] }),
    foreignKey({ name: 'contribution_activity_settings_activity_fk', columns: [t.coopId, t.activityId], foreignColumns: [activities.coopId, activities.id] }),
    check('contribution_activity_settings_rate_check', sql`${t.rateBp} is null or ${t.rateBp} between 0 and 10000`),
    check('contribution_activity_settings_bounds_check', BOUNDS_CHECK(t.floorCents, t.ceilingCents)),
    check('contribution_activity_settings_period_check', sql`${t.boundPeriod} in ('invoice', 'month')`),
  ],
);

/** Why a posting was made. */
export type PostingCause = 'validation' | 'payment' | 'payment_cancelled' | 'credit_note' | 'monthly_floor';

/**
 * Every contribution posted, per activity: the base, the rate and the amount, so what an
 * invoice bore, what a month already took (the per-month ceiling) and what a member sees are
 * read here without going through the ledger again. Never changed nor deleted: a correction
 * is a row of its own with negative amounts and its reversing entry.
 *
 * `due_cents` is what the rule asked (signed), `amount_cents` what was posted after the
 * per-month ceiling (signed); the next posting of the invoice goes by their sums. `full_cents`
 * and `rate_bp` are fixed by the invoice's first row: the rate in force when it was first
 * posted stays the invoice's, so a later change of rate reaches the next invoices only.
 */
export const contributionPostings = pgTable(
  'contribution_postings',
  {
    id: rowId(),
    coopId: coopId(),
    /** The invoice bearing it; null for a month's top-up. */
    invoiceId: uuid(),
    activityId: uuid().notNull(),
    /** The calendar month of `posted_on`, 'YYYY-MM': what the per-month bounds add up. */
    month: varchar({ length: 7 }).notNull(),
    postedOn: date({ mode: 'string' }).notNull(),
    cause: varchar({ length: 20 }).$type<PostingCause>().notNull(),
    /** The payment or credit note that caused it, when one did. */
    causeId: uuid(),
    basis: varchar({ length: 12 }).$type<'validation' | 'payment'>().notNull(),
    /** The activity's revenue excl. VAT on the document (706/707/708 lines of its sales entry). */
    baseCents: cents().notNull(),
    rateBp: integer().notNull(),
    fullCents: cents().notNull(),
    dueCents: cents().notNull(),
    amountCents: cents().notNull(),
    /** The OD entry (6581 / 7588); null when the ceiling left nothing to post. */
    entryId: uuid(),
    /** The row this one cancels (a cancelled payment's). */
    reversesPostingId: uuid(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.id] }),
    foreignKey({ name: 'contribution_postings_activity_fk', columns: [t.coopId, t.activityId], foreignColumns: [activities.coopId, activities.id] }),
    foreignKey({ name: 'contribution_postings_invoice_fk', columns: [t.coopId, t.invoiceId], foreignColumns: [invoices.coopId, invoices.id] }),
    foreignKey({ name: 'contribution_postings_reverses_fk', columns: [t.coopId, t.reversesPostingId], foreignColumns: [t.coopId, t.id] }),
    // A row is cancelled once at most.
    unique('contribution_postings_reverses_key').on(t.coopId, t.reversesPostingId),
    // The monthly floor job's idempotency: one top-up per activity and month, however often it runs.
    uniqueIndex('contribution_postings_month_floor_key').on(t.coopId, t.activityId, t.month).where(sql`${t.cause} = 'monthly_floor'`),
    index('contribution_postings_invoice_idx').on(t.coopId, t.invoiceId),
    index('contribution_postings_month_idx').on(t.coopId, t.activityId, t.month),
    check('contribution_postings_rate_check', sql`${t.rateBp} between 0 and 10000`),
    check('contribution_postings_amounts_check', sql`${t.baseCents} >= 0 and ${t.fullCents} >= 0`),
    check('contribution_postings_month_check', sql`${t.month} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`),
    check('contribution_postings_cause_check', sql`${t.cause} in ('validation', 'payment', 'payment_cancelled', 'credit_note', 'monthly_floor')`),
    check('contribution_postings_basis_check', sql`${t.basis} in ('validation', 'payment')`),
    check('contribution_postings_invoice_check', sql`(${t.invoiceId} is null) = (${t.cause} = 'monthly_floor')`),
  ],
);

export type ContributionPostingRow = typeof contributionPostings.$inferSelect;

/**
 * A cost of an activity in the contribution base (goods resold, subcontracting: a spending
 * category flagged so) taken off the base its contribution is computed on: rate × the cost
 * excl. VAT is given back to the activity (D 7588 / C 6581), never more than the activity's
 * contribution of the month, so the month never goes below zero. One row per document and
 * activity; reversed (`reversal_entry_id`) when the document is cancelled. The source is an
 * expense report or a supplier invoice, by id (their modules own them).
 */
export const contributionDeductions = pgTable(
  'contribution_deductions',
  {
    coopId: coopId(),
    id: rowId(),
    sourceType: varchar({ length: 32 }).$type<'expense_report' | 'supplier_invoice'>().notNull(),
    sourceId: uuid().notNull(),
    activityId: uuid().notNull(),
    /** 'YYYY-MM' of the posting: the month it is measured against. */
    month: varchar({ length: 7 }).notNull(),
    postedOn: date().notNull(),
    baseCents: cents().notNull(),
    rateBp: integer().notNull(),
    /** What was given back: rate × base, capped by the month's contribution (0 when none). */
    amountCents: cents().notNull(),
    entryId: uuid(),
    reversalEntryId: uuid(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.id] }),
    foreignKey({ name: 'contribution_deductions_activity_fk', columns: [t.coopId, t.activityId], foreignColumns: [activities.coopId, activities.id] }),
    // A document deducts once per activity: validating twice cannot give back twice.
    unique('contribution_deductions_source_key').on(t.coopId, t.sourceType, t.sourceId, t.activityId),
    index('contribution_deductions_month_idx').on(t.coopId, t.activityId, t.month),
    check('contribution_deductions_source_check', sql`${t.sourceType} in ('expense_report', 'supplier_invoice')`),
    check('contribution_deductions_amounts_check', sql`${t.baseCents} > 0 and ${t.baseCents} <= 100000000000 and ${t.rateBp} between 0 and 10000 and ${t.amountCents} >= 0 and ${t.amountCents} <= ${t.baseCents}`),
    check('contribution_deductions_entry_check', sql`(${t.amountCents} = 0) = (${t.entryId} is null) and (${t.reversalEntryId} is null or ${t.entryId} is not null)`),
  ],
);
