import { sql } from 'drizzle-orm';
import { check, date, foreignKey, index, integer, pgTable, primaryKey, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { cents, coopId, createdAt, rowId, updatedAt } from '../../platform/db/columns.js';
import { activities } from '../activities/schema.js';
import { coops } from '../coops/schema.js';
import { members } from '../members/schema.js';
import { MAX_EMPLOYEE_RATE_BP, MAX_EMPLOYER_RATE_BP, MAX_SALARY_GROSS_CENTS, SALARY_STATUSES, type SalaryStatus } from './domain/salary-rules.js';

/**
 * The coop's flat contribution rates for the salary simulator and the salary entries. Flat,
 * indicative rates: the payroll software computes the real payslip. A coop without a row uses
 * DEFAULT_SALARY_RATES.
 */
export const salarySettings = pgTable(
  'salary_settings',
  {
    coopId: uuid()
      .primaryKey()
      .references(() => coops.id),
    employerRateBp: integer().notNull(),
    employeeRateBp: integer().notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check(
      'salary_settings_rates_check',
      sql`${t.employerRateBp} between 0 and ${sql.raw(String(MAX_EMPLOYER_RATE_BP))} and ${t.employeeRateBp} between 0 and ${sql.raw(String(MAX_EMPLOYEE_RATE_BP))}`,
    ),
  ],
);

/**
 * A member's request for a month's salary on one of their activities. Amounts and rates are the
 * ones the member saw when asking, and the ones booked at validation. Never deleted: a refused
 * or cancelled request stays, with who, when and why; a validated one is cancelled by reversing
 * its entry (`cancel_entry_id`).
 *
 * One live request (asked or validated) per member, activity and month: the unique partial
 * index is what stops a double click or two tabs from asking twice.
 */
export const salaryRequests = pgTable(
  'salary_requests',
  {
    id: rowId(),
    coopId: coopId(),
    activityId: uuid().notNull(),
    memberId: uuid().notNull(),
    /** The first day of the month the salary is for. */
    month: date().notNull(),
    grossCents: cents().notNull(),
    employerContributionsCents: cents().notNull(),
    employerCostCents: cents().notNull(),
    employeeContributionsCents: cents().notNull(),
    netCents: cents().notNull(),
    employerRateBp: integer().notNull(),
    employeeRateBp: integer().notNull(),
    status: varchar({ length: 16 }).$type<SalaryStatus>().notNull().default('requested'),
    note: varchar({ length: 500 }),
    requestedBy: uuid().notNull(),
    createdAt: createdAt(),
    decidedBy: uuid(),
    decidedAt: timestamp({ withTimezone: true }),
    refusalReason: varchar({ length: 500 }),
    /** The SA entry posted at validation. */
    entryId: uuid(),
    cancelledBy: uuid(),
    cancelledAt: timestamp({ withTimezone: true }),
    cancelReason: varchar({ length: 500 }),
    /** The reversal of `entry_id`, when a validated salary was cancelled. */
    cancelEntryId: uuid(),
    /** The day the net salary left the bank (D 421 / C 512, `payment_entry_id`); null while owed. */
    paidOn: date(),
    paymentEntryId: uuid(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.id] }),
    foreignKey({ columns: [t.coopId, t.activityId], foreignColumns: [activities.coopId, activities.id] }),
    foreignKey({ columns: [t.coopId, t.memberId], foreignColumns: [members.coopId, members.id] }),
    uniqueIndex('salary_requests_live_key').on(t.coopId, t.memberId, t.activityId, t.month).where(sql`${t.status} in ('requested', 'validated')`),
    index('salary_requests_month_idx').on(t.coopId, t.month, t.status),
    index('salary_requests_activity_idx').on(t.coopId, t.activityId, t.status),
    check('salary_requests_status_check', sql`${t.status} in (${sql.raw(SALARY_STATUSES.map((s) => `'${s}'`).join(', '))})`),
    check('salary_requests_month_check', sql`extract(day from ${t.month}) = 1`),
    check(
      'salary_requests_amounts_check',
      sql`${t.grossCents} between 1 and ${sql.raw(String(MAX_SALARY_GROSS_CENTS))} and ${t.employerContributionsCents} >= 0 and ${t.employeeContributionsCents} >= 0 and ${t.employerCostCents} = ${t.grossCents} + ${t.employerContributionsCents} and ${t.netCents} = ${t.grossCents} - ${t.employeeContributionsCents} and ${t.netCents} >= 0`,
    ),
    check(
      'salary_requests_rates_check',
      sql`${t.employerRateBp} between 0 and ${sql.raw(String(MAX_EMPLOYER_RATE_BP))} and ${t.employeeRateBp} between 0 and ${sql.raw(String(MAX_EMPLOYEE_RATE_BP))}`,
    ),
    // Each status carries what made it: a refusal its reason, a validation its entry, a cancellation its reason (and reversal once booked).
    check('salary_requests_refused_check', sql`(${t.status} = 'refused') = (${t.refusalReason} is not null)`),
    // Only a validated salary is paid, and a paid one has its payment entry.
    check('salary_requests_paid_check', sql`(${t.paidOn} is null) = (${t.paymentEntryId} is null) and (${t.paidOn} is null or ${t.status} = 'validated')`),
    check('salary_requests_entry_check', sql`${t.status} <> 'validated' or ${t.entryId} is not null`),
    check('salary_requests_cancelled_check', sql`(${t.status} = 'cancelled') = (${t.cancelledAt} is not null) and (${t.status} <> 'cancelled' or ${t.cancelReason} is not null) and (${t.cancelEntryId} is null or ${t.entryId} is not null) and (${t.status} <> 'cancelled' or ${t.entryId} is null or ${t.cancelEntryId} is not null)`),
  ],
);

export type SalaryRequestRow = typeof salaryRequests.$inferSelect;
