import { sql } from 'drizzle-orm';
import { boolean, check, date, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { users } from '../../platform/auth/schema.js';
import { cents, coopId, createdAt, rowId, updatedAt } from '../../platform/db/columns.js';
import { activities } from '../activities/schema.js';
import { coops } from '../coops/schema.js';
import { members } from '../members/schema.js';
import { resources } from '../resources/schema.js';

const MONTH = `'^[0-9]{4}-(0[1-9]|1[0-2])$'`;

/** A plan (formule) the coop offers: its monthly price, what it includes each cycle, its rules. */
export const plans = pgTable(
  'plans',
  {
    coopId: coopId(),
    id: rowId(),
    name: varchar({ length: 120 }).notNull(),
    type: varchar({ length: 20 }).$type<'nomad' | 'permanent' | 'semi_permanent' | 'custom'>().notNull(),
    monthlyPriceCents: cents().notNull(),
    vatRateBp: integer().notNull().default(2000),
    includedDayPasses: integer().notNull().default(0),
    includedHalfDayPasses: integer().notNull().default(0),
    includedCreditMinutes: integer().notNull().default(0),
    includedCreditCents: cents().notNull().default(0),
    /** Resource kinds the passes pay for (desks). */
    passKinds: text().array().notNull().default(sql`array['hot_desk']::text[]`),
    /** Resource kinds the credits pay for; null: every kind. */
    creditKinds: text().array(),
    rollover: boolean().notNull().default(false),
    noticeDays: integer().notNull().default(30),
    /** Semi-permanent: the desk days, e.g. [{weekday:'mon',part:'day'}, {weekday:'wed',part:'morning'}]. */
    schedule: jsonb().$type<{ weekday: string; part: 'day' | 'morning' | 'afternoon' }[]>(),
    /** Permanent: the dedicated desk or office (a resource of the resources module, by id). */
    dedicatedResourceId: uuid(),
    active: boolean().notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.id] }),
    foreignKey({ columns: [t.coopId], foreignColumns: [coops.id] }),
    foreignKey({ columns: [t.coopId, t.dedicatedResourceId], foreignColumns: [resources.coopId, resources.id] }),
    unique('plans_name_key').on(t.coopId, t.name),
    check('plans_type_check', sql`${t.type} in ('nomad', 'permanent', 'semi_permanent', 'custom')`),
    check('plans_price_check', sql`${t.monthlyPriceCents} between 0 and 10000000 and ${t.vatRateBp} in (0, 210, 550, 1000, 2000)`),
    check(
      'plans_included_check',
      sql`${t.includedDayPasses} between 0 and 62 and ${t.includedHalfDayPasses} between 0 and 124 and ${t.includedCreditMinutes} between 0 and 44640 and ${t.includedCreditCents} between 0 and 10000000`,
    ),
    check('plans_notice_check', sql`${t.noticeDays} between 0 and 365`),
  ],
);

/** A member's subscription to a plan, billed to one of their activities. Renews monthly until it ends. */
export const planSubscriptions = pgTable(
  'plan_subscriptions',
  {
    coopId: coopId(),
    id: rowId(),
    memberId: uuid().notNull(),
    activityId: uuid().notNull(),
    planId: uuid().notNull(),
    startsOn: date().notNull(),
    /** The last day billed and granted (a month's last day, after the notice); null while it renews. */
    endsOn: date(),
    endRequestedOn: date(),
    createdBy: uuid().references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.id] }),
    foreignKey({ columns: [t.coopId, t.memberId], foreignColumns: [members.coopId, members.id] }),
    foreignKey({ columns: [t.coopId, t.activityId], foreignColumns: [activities.coopId, activities.id] }),
    foreignKey({ columns: [t.coopId, t.planId], foreignColumns: [plans.coopId, plans.id] }),
    // One renewing subscription per member: a charge knows which allowance to use.
    uniqueIndex('plan_subscriptions_open_member_key').on(t.coopId, t.memberId).where(sql`${t.endsOn} is null`),
    index('plan_subscriptions_member_idx').on(t.coopId, t.memberId),
    check('plan_subscriptions_dates_check', sql`${t.endsOn} is null or ${t.endsOn} >= ${t.startsOn}`),
  ],
);

/** A pause of a subscription, in whole months: no fee, no grants. Open (until null) while paused. */
export const planPauses = pgTable(
  'plan_pauses',
  {
    coopId: coopId(),
    id: rowId(),
    subscriptionId: uuid().notNull(),
    fromMonth: varchar({ length: 7 }).notNull(),
    untilMonth: varchar({ length: 7 }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.id] }),
    foreignKey({ columns: [t.coopId, t.subscriptionId], foreignColumns: [planSubscriptions.coopId, planSubscriptions.id] }),
    // One open pause per subscription.
    uniqueIndex('plan_pauses_open_key').on(t.coopId, t.subscriptionId).where(sql`${t.untilMonth} is null`),
    check('plan_pauses_months_check', sql`${t.fromMonth} ~ ${sql.raw(MONTH)} and (${t.untilMonth} is null or (${t.untilMonth} ~ ${sql.raw(MONTH)} and ${t.untilMonth} >= ${t.fromMonth}))`),
  ],
);

/**
 * Passes or credits a subscription's month granted. `used` is the sum of its live uses, kept in
 * the same transaction as each use under a row lock; the check keeps it within what was granted,
 * whatever the code does: a balance never goes below zero.
 */
export const allowanceGrants = pgTable(
  'allowance_grants',
  {
    coopId: coopId(),
    id: rowId(),
    subscriptionId: uuid().notNull(),
    month: varchar({ length: 7 }).notNull(),
    kind: varchar({ length: 16 }).$type<'pass_day' | 'pass_half_day' | 'credit_minutes' | 'credit_cents'>().notNull(),
    quantity: integer().notNull(),
    used: integer().notNull().default(0),
    validFrom: timestamp({ withTimezone: true }).notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    limitedKinds: text().array(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.id] }),
    foreignKey({ columns: [t.coopId, t.subscriptionId], foreignColumns: [planSubscriptions.coopId, planSubscriptions.id] }),
    // A month grants each kind once, however many times it is asked.
    unique('allowance_grants_month_key').on(t.coopId, t.subscriptionId, t.month, t.kind),
    check('allowance_grants_kind_check', sql`${t.kind} in ('pass_day', 'pass_half_day', 'credit_minutes', 'credit_cents')`),
    check('allowance_grants_used_check', sql`${t.quantity} > 0 and ${t.used} >= 0 and ${t.used} <= ${t.quantity}`),
    check('allowance_grants_validity_check', sql`${t.expiresAt} > ${t.validFrom}`),
  ],
);

/** What a booking (or check-in) took from a grant. Released (not deleted) when the booking is cancelled. */
export const allowanceUses = pgTable(
  'allowance_uses',
  {
    coopId: coopId(),
    id: rowId(),
    grantId: uuid().notNull(),
    /** The booking of the resources module (a plain id: that module owns it). */
    bookingId: uuid().notNull(),
    source: varchar({ length: 16 }).$type<'booking' | 'check_in'>().notNull().default('booking'),
    quantity: integer().notNull(),
    coveredMinutes: integer().notNull().default(0),
    createdAt: createdAt(),
    releasedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.id] }),
    foreignKey({ columns: [t.coopId, t.grantId], foreignColumns: [allowanceGrants.coopId, allowanceGrants.id] }),
    // A booking takes from a grant once while live: a second charge of it is a no-op.
    uniqueIndex('allowance_uses_live_key').on(t.coopId, t.bookingId, t.grantId).where(sql`${t.releasedAt} is null`),
    index('allowance_uses_booking_idx').on(t.coopId, t.bookingId),
    check('allowance_uses_quantity_check', sql`${t.quantity} > 0 and ${t.coveredMinutes} >= 0`),
  ],
);

/**
 * What the monthly run billed: one row per (source, month), inserted in the transaction of its
 * charge or invoice, so running a month twice (or two runs at once) bills nothing twice.
 */
export const resourceBillingItems = pgTable(
  'resource_billing_items',
  {
    coopId: coopId(),
    id: rowId(),
    sourceKind: varchar({ length: 20 }).$type<'plan_fee' | 'booking' | 'cancellation_fee'>().notNull(),
    sourceId: uuid().notNull(),
    month: varchar({ length: 7 }).notNull(),
    memberId: uuid(),
    activityId: uuid(),
    clientId: uuid(),
    label: varchar({ length: 300 }).notNull(),
    netCents: cents().notNull(),
    vatRateBp: integer().notNull(),
    mode: varchar({ length: 20 }).$type<'internal_charge' | 'member_invoice' | 'client_invoice'>().notNull(),
    /** The ledger entry of an internal charge, or the invoice (fee or sales chain) it went on. */
    entryId: uuid(),
    documentId: uuid(),
    /** The number of that invoice (numbers never change once issued), shown with its link. */
    documentNumber: varchar({ length: 40 }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.id] }),
    unique('resource_billing_items_source_key').on(t.coopId, t.sourceKind, t.sourceId, t.month),
    index('resource_billing_items_month_idx').on(t.coopId, t.month),
    check('resource_billing_items_kind_check', sql`${t.sourceKind} in ('plan_fee', 'booking', 'cancellation_fee') and ${t.mode} in ('internal_charge', 'member_invoice', 'client_invoice')`),
    check('resource_billing_items_amount_check', sql`${t.netCents} > 0 and ${t.netCents} <= 10000000 and ${t.month} ~ ${sql.raw(MONTH)}`),
  ],
);

/**
 * How the coop bills resources, one row per coop written on the first change (until then: internal
 * charges, and no activity for non-members' bookings, which the run then leaves aside).
 * `clientActivityId` is the activity the sales chain invoices non-members' bookings on: an invoice
 * needs one, and the coop's pooled resources are its own, so it is the activity that stands for the
 * coop's own business (a resource has no owner activity).
 */
export const resourceBillingSettings = pgTable(
  'resource_billing_settings',
  {
    coopId: coopId()
      .primaryKey()
      .references(() => coops.id),
    mode: varchar({ length: 20 }).$type<'internal_charge' | 'member_invoice'>().notNull().default('internal_charge'),
    clientActivityId: uuid(),
    updatedAt: updatedAt(),
  },
  (t) => [
    foreignKey({ columns: [t.coopId, t.clientActivityId], foreignColumns: [activities.coopId, activities.id] }),
    check('resource_billing_settings_mode_check', sql`${t.mode} in ('internal_charge', 'member_invoice')`),
  ],
);

/** The scheduler's record of the monthly runs queued per coop: a month is queued once. */
export const resourceBillingRuns = pgTable(
  'resource_billing_runs',
  {
    coopId: coopId(),
    month: varchar({ length: 7 }).notNull(),
    queuedAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.coopId, t.month] })],
);

export type PlanRow = typeof plans.$inferSelect;
export type SubscriptionRow = typeof planSubscriptions.$inferSelect;
export type GrantRow = typeof allowanceGrants.$inferSelect;
