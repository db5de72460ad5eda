import { sql } from 'drizzle-orm';
import { boolean, check, date, foreignKey, index, integer, pgTable, primaryKey, timestamp, unique, uuid, varchar } from 'drizzle-orm/pg-core';
import { users } from '../../platform/auth/schema.js';
import { cents, coopId, createdAt, rowId, updatedAt } from '../../platform/db/columns.js';
import { activities } from '../activities/schema.js';
import { coops } from '../coops/schema.js';
import { members } from '../members/schema.js';
import type { ExpenseReportStatus } from './domain/report-status.js';

/**
 * What a coop's members spend on (fournitures, déplacements, sous-traitance…), each booked to
 * a class-6 account of its chart. Expense lines and supplier invoice lines name one. A
 * category is never deleted (documents name it): it is deactivated, and offered no more.
 */
export const spendingCategories = pgTable(
  'spending_categories',
  {
    coopId: coopId().references(() => coops.id),
    id: rowId(),
    /** A stable name, for the defaults and for imports; the labels are what people read. */
    code: varchar({ length: 40 }).notNull(),
    labelFr: varchar({ length: 100 }).notNull(),
    labelEn: varchar({ length: 100 }).notNull(),
    /** A class-6 (charges) account of the coop's chart. */
    account: varchar({ length: 12 }).notNull(),
    /**
     * The cost is deducted from the base the activity's contribution is computed on (goods
     * resold, subcontracting): the contribution is on the margin, see the contribution module's
     * `postContributionBaseDeduction`.
     */
    inContributionBase: boolean().notNull().default(false),
    active: boolean().notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.id] }),
    unique('spending_categories_code_key').on(t.coopId, t.code),
    check('spending_categories_account_check', sql`${t.account} ~ '^6[0-9]{1,11}$'`),
    check('spending_categories_code_check', sql`${t.code} ~ '^[a-z0-9_]{1,40}$'`),
    check('spending_categories_labels_check', sql`length(trim(${t.labelFr})) > 0 and length(trim(${t.labelEn})) > 0`),
  ],
);

export type SpendingCategoryRow = typeof spendingCategories.$inferSelect;

/**
 * A member's expense report (note de frais): what they paid for their activity out of their
 * own pocket, to be refunded by the coop. Its totals are fixed at validation, when the lines
 * are booked; until then they are the lines' sum.
 */
export const expenseReports = pgTable(
  'expense_reports',
  {
    coopId: coopId(),
    id: rowId(),
    /** NF-00042: the coop's series, the reference the member reads on the transfer. */
    number: varchar({ length: 20 }).notNull(),
    memberId: uuid().notNull(),
    activityId: uuid().notNull(),
    title: varchar({ length: 200 }).notNull(),
    status: varchar({ length: 16 }).$type<ExpenseReportStatus>().notNull().default('draft'),
    /** Where the refund goes: the member's account, as they typed it on the report. */
    payeeIban: varchar({ length: 34 }),
    payeeBic: varchar({ length: 11 }),
    /** Fixed at validation: the total with VAT, the part an expense advance settled, what is refunded. */
    totalGrossCents: cents(),
    advanceSettledCents: cents(),
    refundCents: cents(),
    validationEntryId: uuid(),
    validatedAt: timestamp({ withTimezone: true }),
    validatedBy: uuid().references(() => users.id),
    paidOn: date(),
    paymentEntryId: uuid(),
    cancellationEntryId: uuid(),
    createdBy: uuid().references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.id] }),
    foreignKey({ columns: [t.coopId, t.memberId], foreignColumns: [members.coopId, members.id] }),
    foreignKey({ columns: [t.coopId, t.activityId], foreignColumns: [activities.coopId, activities.id] }),
    unique('expense_reports_number_key').on(t.coopId, t.number),
    index('expense_reports_member_idx').on(t.coopId, t.memberId, t.createdAt),
    index('expense_reports_status_idx').on(t.coopId, t.status, t.createdAt),
    check('expense_reports_status_check', sql`${t.status} in ('draft', 'submitted', 'returned', 'validated', 'paid', 'cancelled')`),
    check(
      'expense_reports_totals_check',
      sql`(${t.totalGrossCents} is null) = (${t.validationEntryId} is null) and (${t.totalGrossCents} is null or (${t.totalGrossCents} > 0 and ${t.advanceSettledCents} >= 0 and ${t.refundCents} >= 0 and ${t.advanceSettledCents} + ${t.refundCents} = ${t.totalGrossCents}))`,
    ),
    check('expense_reports_validated_check', sql`${t.status} not in ('validated', 'paid', 'cancelled') or ${t.validationEntryId} is not null`),
    check('expense_reports_paid_check', sql`(${t.status} = 'paid') = (${t.paidOn} is not null)`),
  ],
);

/**
 * One line of a report: an expense on a receipt (category, amounts, the receipt's file) or a
 * trip with the member's car at the mileage scale (no VAT: a mileage allowance is not a
 * purchase, there is no invoice to deduct VAT from).
 */
export const expenseLines = pgTable(
  'expense_lines',
  {
    coopId: coopId(),
    id: rowId(),
    reportId: uuid().notNull(),
    kind: varchar({ length: 8 }).$type<'expense' | 'mileage'>().notNull(),
    spentOn: date().notNull(),
    description: varchar({ length: 300 }).notNull(),
    /** The spending category (an expense line); a mileage line books to travel (6251). */
    categoryId: uuid(),
    grossCents: cents().notNull(),
    netCents: cents().notNull(),
    vatCents: cents().notNull(),
    vatRateBp: integer(),
    horsepower: integer(),
    distanceKm: integer(),
    /** The year of the scale the allowance was computed with. */
    scaleYear: integer(),
    receiptKey: varchar({ length: 300 }),
    receiptSha256: varchar({ length: 64 }),
    receiptType: varchar({ length: 32 }),
    receiptName: varchar({ length: 255 }),
    receiptBytes: integer(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.id] }),
    foreignKey({ columns: [t.coopId, t.reportId], foreignColumns: [expenseReports.coopId, expenseReports.id] }),
    foreignKey({ columns: [t.coopId, t.categoryId], foreignColumns: [spendingCategories.coopId, spendingCategories.id] }),
    unique('expense_lines_receipt_key').on(t.coopId, t.receiptKey),
    index('expense_lines_report_idx').on(t.coopId, t.reportId),
    check('expense_lines_kind_check', sql`${t.kind} in ('expense', 'mileage')`),
    check('expense_lines_amounts_check', sql`${t.grossCents} between 1 and 100000000 and ${t.vatCents} >= 0 and ${t.vatCents} < ${t.grossCents} and ${t.netCents} + ${t.vatCents} = ${t.grossCents}`),
    check(
      'expense_lines_shape_check',
      sql`(${t.kind} = 'expense' and ${t.categoryId} is not null and ${t.horsepower} is null and ${t.distanceKm} is null) or (${t.kind} = 'mileage' and ${t.categoryId} is null and ${t.vatCents} = 0 and ${t.horsepower} between 1 and 50 and ${t.distanceKm} between 1 and 10000 and ${t.scaleYear} is not null and ${t.receiptKey} is null)`,
    ),
    check('expense_lines_receipt_check', sql`(${t.receiptKey} is null) = (${t.receiptSha256} is null) and (${t.receiptKey} is null or ${t.receiptBytes} between 1 and 5242880)`),
  ],
);

/** The steps of a report (submitted, returned with a comment, validated, paid, cancelled), shown as its history. */
export const expenseReportSteps = pgTable(
  'expense_report_steps',
  {
    coopId: coopId(),
    id: rowId(),
    reportId: uuid().notNull(),
    step: varchar({ length: 16 }).$type<ExpenseReportStatus>().notNull(),
    comment: varchar({ length: 1000 }),
    by: uuid().references(() => users.id),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.id] }),
    foreignKey({ columns: [t.coopId, t.reportId], foreignColumns: [expenseReports.coopId, expenseReports.id] }),
    index('expense_report_steps_report_idx').on(t.coopId, t.reportId, t.at),
    check('expense_report_steps_step_check', sql`${t.step} in ('submitted', 'returned', 'validated', 'paid', 'cancelled')`),
    check('expense_report_steps_comment_check', sql`${t.step} <> 'returned' or length(trim(${t.comment})) > 0`),
  ],
);

/**
 * Money the coop gives a member ahead of expenses (a trip to prepare, goods to buy): paid at
 * once (D 4672 / C 512), settled by the member's next validated reports, whose refund it
 * reduces. What is outstanding is the advances minus what reports settled.
 */
export const expenseAdvances = pgTable(
  'expense_advances',
  {
    coopId: coopId(),
    id: rowId(),
    memberId: uuid().notNull(),
    activityId: uuid().notNull(),
    amountCents: cents().notNull(),
    paidOn: date().notNull(),
    reference: varchar({ length: 140 }).notNull(),
    entryId: uuid().notNull(),
    createdBy: uuid().references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.id] }),
    foreignKey({ columns: [t.coopId, t.memberId], foreignColumns: [members.coopId, members.id] }),
    foreignKey({ columns: [t.coopId, t.activityId], foreignColumns: [activities.coopId, activities.id] }),
    index('expense_advances_member_idx').on(t.coopId, t.memberId, t.activityId),
    check('expense_advances_amount_check', sql`${t.amountCents} between 1 and 100000000`),
  ],
);

export type ExpenseReportRow = typeof expenseReports.$inferSelect;
export type ExpenseLineRow = typeof expenseLines.$inferSelect;
