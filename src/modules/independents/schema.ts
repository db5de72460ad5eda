import { sql } from 'drizzle-orm';
import { check, date, foreignKey, index, integer, pgTable, primaryKey, timestamp, unique, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { users } from '../../platform/auth/schema.js';
import { cents, coopId, createdAt, rowId, updatedAt } from '../../platform/db/columns.js';
import { activities } from '../activities/schema.js';
import { coops } from '../coops/schema.js';
import { members } from '../members/schema.js';
import type { MemberInvoiceStatus, MemberVatRegime } from './domain/member-invoice-amounts.js';

/**
 * An invoice an independent member's own company addresses to the coop for their share of a
 * job (the performance-centre model: the coop invoices the client, the member invoices the
 * coop). The member's number is theirs (their own series), so it is unique per member.
 */
export const memberInvoices = pgTable(
  'member_invoices',
  {
    coopId: coopId(),
    id: rowId(),
    memberId: uuid().notNull(),
    /** The member's activity the purchase is booked to (its 604 line). */
    activityId: uuid().notNull(),
    /** The member's own invoice number and date, as typed, or as the platform generated them. */
    number: varchar({ length: 40 }).notNull(),
    issueDate: date().notNull(),
    netCents: cents().notNull(),
    vatCents: cents().notNull(),
    grossCents: cents().notNull(),
    /** Standard rate, or the franchise of art. 293 B du CGI (no VAT). */
    vatRegime: varchar({ length: 16 }).$type<MemberVatRegime>().notNull(),
    vatRateBp: integer().notNull(),
    /** The job it is about, when there is one (stored only: the jobs module owns jobs). */
    jobId: uuid(),
    description: varchar({ length: 500 }).notNull(),
    /** 'generated': rendered by the platform; 'uploaded': the member's own PDF. */
    origin: varchar({ length: 16 }).$type<'generated' | 'uploaded'>().notNull(),
    storageKey: varchar({ length: 300 }),
    sha256: varchar({ length: 64 }),
    fileName: varchar({ length: 255 }),
    sizeBytes: integer(),
    status: varchar({ length: 16 }).$type<MemberInvoiceStatus>().notNull().default('received'),
    purchaseEntryId: uuid(),
    validatedAt: timestamp({ withTimezone: true }),
    validatedBy: uuid().references(() => users.id),
    paidOn: date(),
    paymentReference: varchar({ length: 140 }),
    paymentEntryId: uuid(),
    createdBy: uuid().references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.id] }),
    foreignKey({ columns: [t.coopId, t.memberId], foreignColumns: [members.coopId, members.id] }),
    foreignKey({ columns: [t.coopId, t.activityId], foreignColumns: [activities.coopId, activities.id] }),
    // The same invoice of a member cannot be entered twice (the coop would pay it twice).
    unique('member_invoices_number_key').on(t.coopId, t.memberId, t.number),
    unique('member_invoices_storage_key').on(t.coopId, t.storageKey),
    // The volume of a member over 12 months, and their list, read this index.
    index('member_invoices_member_idx').on(t.coopId, t.memberId, t.issueDate),
    index('member_invoices_status_idx').on(t.coopId, t.status, t.issueDate),
    check('member_invoices_status_check', sql`${t.status} in ('received', 'validated', 'paid')`),
    check('member_invoices_regime_check', sql`${t.vatRegime} in ('standard', 'franchise')`),
    check('member_invoices_origin_check', sql`${t.origin} in ('generated', 'uploaded')`),
    check(
      'member_invoices_amounts_check',
      sql`${t.netCents} > 0 and ${t.netCents} <= 100000000 and ${t.vatCents} >= 0 and ${t.grossCents} = ${t.netCents} + ${t.vatCents} and ${t.vatRateBp} in (0, 210, 550, 1000, 2000) and (${t.vatRegime} = 'standard' or (${t.vatCents} = 0 and ${t.vatRateBp} = 0))`,
    ),
    check('member_invoices_file_check', sql`(${t.storageKey} is null) = (${t.sha256} is null)`),
    check('member_invoices_paid_check', sql`(${t.status} = 'paid') = (${t.paidOn} is not null)`),
  ],
);

/**
 * The coop's settings of this model: the share of a member's declared revenue done through the
 * coop past which the risk of disguised employment is flagged. One row per coop, written on
 * the first change (the default applies until then).
 */
export const independentsSettings = pgTable(
  'independents_settings',
  {
    coopId: coopId()
      .primaryKey()
      .references(() => coops.id),
    /** In basis points of the declared revenue (5000 = 50 %). */
    thresholdBp: integer().notNull().default(5000),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('independents_settings_threshold_check', sql`${t.thresholdBp} between 100 and 10000`),
  ],
);

/**
 * One row per crossing of the threshold by a member: open while the member stays above, closed
 * (`cleared_at`) once back under. At most one open row per member, so a crossing warns once.
 */
export const independenceAlerts = pgTable(
  'independence_alerts',
  {
    coopId: coopId(),
    id: rowId(),
    memberId: uuid().notNull(),
    crossedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** The ratio when it crossed, in basis points of the declared revenue. */
    ratioBp: integer().notNull(),
    volumeCents: cents().notNull(),
    declaredRevenueCents: cents().notNull(),
    clearedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.id] }),
    foreignKey({ columns: [t.coopId, t.memberId], foreignColumns: [members.coopId, members.id] }),
    // The lock of "once per crossing": a second open alert of a member cannot exist.
    uniqueIndex('independence_alerts_open_key').on(t.coopId, t.memberId).where(sql`${t.clearedAt} is null`),
    check('independence_alerts_ratio_check', sql`${t.ratioBp} >= 0 and ${t.volumeCents} >= 0 and ${t.declaredRevenueCents} > 0`),
  ],
);

/** The scheduler's record of the periodic runs queued per coop: a run of a period is queued once. */
export const independentsRuns = pgTable(
  'independents_runs',
  {
    coopId: coopId(),
    kind: varchar({ length: 32 }).notNull(),
    /** 'YYYY-MM' for the monthly fee run, 'YYYY-MM-DD' for the daily threshold check. */
    period: varchar({ length: 10 }).notNull(),
    queuedAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.coopId, t.kind, t.period] })],
);

export type MemberInvoiceRow = typeof memberInvoices.$inferSelect;
