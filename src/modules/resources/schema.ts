import { sql } from 'drizzle-orm';
import { boolean, check, customType, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { users } from '../../platform/auth/schema.js';
import { cents, coopId, createdAt, rowId, updatedAt } from '../../platform/db/columns.js';
import { activities } from '../activities/schema.js';
import { clients } from '../clients/schema.js';
import { coops } from '../coops/schema.js';
import { members } from '../members/schema.js';
import type { OpeningHours } from './domain/opening-hours.js';

export { BOOKING_STATUSES, PAID_BY, PRICE_UNITS, RESOURCE_KINDS, WHO_MAY_BOOK, type BookingStatus, type PaidBy, type PriceUnit, type ResourceKind, type WhoMayBook } from './domain/kinds.js';
import type { BookingStatus, PaidBy, PriceUnit, ResourceKind, WhoMayBook } from './domain/kinds.js';

/** A PostgreSQL range of instants; read as its text form, never written (it is generated). */
const tstzrange = customType<{ data: string }>({ dataType: () => 'tstzrange' });

/** The coop's settings of bookings. One row per coop, written on the first change (defaults until then). */
export const resourceSettings = pgTable('resource_settings', {
  coopId: coopId()
    .primaryKey()
    .references(() => coops.id),
  /** Members see "Réservé" instead of who booked: some coworkings keep members' schedules private. */
  hideBookerNames: boolean().notNull().default(false),
  updatedAt: updatedAt(),
});

/** A place where resources are: its time zone and opening hours decide when members may book. */
export const resourceSites = pgTable(
  'resource_sites',
  {
    coopId: coopId(),
    id: rowId(),
    name: varchar({ length: 120 }).notNull(),
    address: varchar({ length: 300 }),
    timeZone: varchar({ length: 64 }).notNull().default('Europe/Paris'),
    /** Per ISO weekday (1 = Monday), wall-clock times in the site's zone; a day absent is closed. */
    openingHours: jsonb().$type<OpeningHours>().notNull().default(sql`'[]'::jsonb`),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.coopId, t.id] }), unique('resource_sites_name_key').on(t.coopId, t.name)],
);

/**
 * A bookable thing. Capacity is informative (seats of a room): each bookable unit is its own
 * resource, so that the exclusion constraint on bookings alone guarantees no double booking
 * (a room of 6 hot desks is 6 resources); counting under a lock would move that guarantee
 * into code, which every path (check-in, staff booking, recurrence) would have to repeat.
 */
export const resources = pgTable(
  'resources',
  {
    coopId: coopId(),
    id: rowId(),
    siteId: uuid().notNull(),
    kind: varchar({ length: 24 }).$type<ResourceKind>().notNull(),
    /** The coop's own name of a `custom` kind ("Studio photo"). */
    customKindLabel: varchar({ length: 60 }),
    name: varchar({ length: 120 }).notNull(),
    description: text(),
    capacity: integer().notNull().default(1),
    depositCents: cents().notNull().default(0),
    active: boolean().notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.id] }),
    foreignKey({ columns: [t.coopId, t.siteId], foreignColumns: [resourceSites.coopId, resourceSites.id] }),
    unique('resources_name_key').on(t.coopId, t.siteId, t.name),
    check('resources_kind_check', sql`${t.kind} in ('hot_desk', 'dedicated_desk', 'private_office', 'meeting_room', 'van', 'equipment', 'custom')`),
    check('resources_custom_label_check', sql`(${t.kind} = 'custom') = (${t.customKindLabel} is not null)`),
    check('resources_capacity_check', sql`${t.capacity} between 1 and 1000`),
    check('resources_deposit_check', sql`${t.depositCents} between 0 and 10000000`),
  ],
);

/** The price of a resource per unit of time, for members and for non-members (clients booked by staff). */
export const resourcePriceRules = pgTable(
  'resource_price_rules',
  {
    coopId: coopId(),
    id: rowId(),
    resourceId: uuid().notNull(),
    unit: varchar({ length: 10 }).$type<PriceUnit>().notNull(),
    memberPriceCents: cents().notNull(),
    nonMemberPriceCents: cents().notNull(),
    /** VAT in basis points (2000 = 20 %). */
    vatRateBp: integer().notNull().default(2000),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.id] }),
    foreignKey({ columns: [t.coopId, t.resourceId], foreignColumns: [resources.coopId, resources.id] }).onDelete('cascade'),
    unique('resource_price_rules_unit_key').on(t.coopId, t.resourceId, t.unit),
    check('resource_price_rules_unit_check', sql`${t.unit} in ('hour', 'half_day', 'day', 'month')`),
    check('resource_price_rules_amounts_check', sql`${t.memberPriceCents} between 0 and 10000000 and ${t.nonMemberPriceCents} between 0 and 10000000`),
    check('resource_price_rules_vat_check', sql`${t.vatRateBp} in (0, 210, 550, 1000, 2000)`),
  ],
);

/**
 * One rule of booking, for one resource or for every resource of a kind. A resource's rules
 * are its own and its kind's, evaluated in `position` order; the first refusal is the answer.
 * A null limit does not limit.
 */
export const resourceBookingRules = pgTable(
  'resource_booking_rules',
  {
    coopId: coopId(),
    id: rowId(),
    resourceId: uuid(),
    kind: varchar({ length: 24 }).$type<ResourceKind>(),
    position: integer().notNull().default(0),
    whoMayBook: varchar({ length: 20 }).$type<WhoMayBook>().notNull().default('all_members'),
    /** The membership types or plan ids allowed, for `membership_types` and `plans`. */
    whoList: text().array().notNull().default(sql`array[]::text[]`),
    horizonDays: integer(),
    minMinutes: integer(),
    maxMinutes: integer(),
    openingHoursOnly: boolean().notNull().default(false),
    /** A booking must be made at least this long before it starts. */
    lateBookingMinutes: integer(),
    /** A cancellation later than this before the start costs the fee. */
    cancellationDeadlineMinutes: integer(),
    cancellationFeeCents: cents(),
    /** The fee as a share of the booking's price, in basis points (5000 = 50 %). */
    cancellationFeeBp: integer(),
    maxConcurrentPerPerson: integer(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.id] }),
    foreignKey({ columns: [t.coopId, t.resourceId], foreignColumns: [resources.coopId, resources.id] }).onDelete('cascade'),
    index('resource_booking_rules_target_idx').on(t.coopId, t.resourceId, t.kind),
    check('resource_booking_rules_target_check', sql`(${t.resourceId} is null) <> (${t.kind} is null)`),
    check('resource_booking_rules_who_check', sql`${t.whoMayBook} in ('all_members', 'membership_types', 'plans', 'staff_only')`),
    check(
      'resource_booking_rules_limits_check',
      sql`coalesce(${t.horizonDays}, 0) between 0 and 3650 and coalesce(${t.minMinutes}, 0) between 0 and 525600 and coalesce(${t.maxMinutes}, 1) between 1 and 525600 and coalesce(${t.lateBookingMinutes}, 0) between 0 and 525600 and coalesce(${t.cancellationDeadlineMinutes}, 0) between 0 and 525600 and coalesce(${t.cancellationFeeCents}, 0) between 0 and 10000000 and coalesce(${t.cancellationFeeBp}, 0) between 0 and 10000 and coalesce(${t.maxConcurrentPerPerson}, 1) between 1 and 1000`,
    ),
  ],
);

/** A period a resource cannot be booked (maintenance, a van at the garage), shown greyed with its reason. */
export const resourceUnavailabilities = pgTable(
  'resource_unavailabilities',
  {
    coopId: coopId(),
    id: rowId(),
    resourceId: uuid().notNull(),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    endsAt: timestamp({ withTimezone: true }).notNull(),
    during: tstzrange().generatedAlwaysAs(sql`tstzrange(starts_at, ends_at, '[)')`),
    reason: varchar({ length: 200 }).notNull(),
    createdBy: uuid().references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.id] }),
    foreignKey({ columns: [t.coopId, t.resourceId], foreignColumns: [resources.coopId, resources.id] }).onDelete('cascade'),
    check('resource_unavailabilities_range_check', sql`${t.startsAt} < ${t.endsAt}`),
  ],
);

/**
 * A booking of a resource by a member (billed to one of their activities) or by staff for a
 * client who is not a member. No two live bookings of one resource overlap: an exclusion
 * constraint on `during` (migration resource_bookings_exclusion), so two people clicking at
 * once cannot both win. The availability grid reads a week of live bookings from a second gist
 * index led by `during` (migration resource_bookings_live_during), with an INCLUDE drizzle
 * cannot declare.
 */
export const resourceBookings = pgTable(
  'resource_bookings',
  {
    coopId: coopId(),
    id: rowId(),
    resourceId: uuid().notNull(),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    endsAt: timestamp({ withTimezone: true }).notNull(),
    during: tstzrange().generatedAlwaysAs(sql`tstzrange(starts_at, ends_at, '[)')`),
    status: varchar({ length: 12 }).$type<BookingStatus>().notNull().default('confirmed'),
    memberId: uuid(),
    /** The activity the booking is billed to. */
    activityId: uuid(),
    clientId: uuid(),
    bookedBy: uuid()
      .notNull()
      .references(() => users.id),
    title: varchar({ length: 200 }),
    note: text(),
    /** The weekly series the booking belongs to, if any. */
    recurrenceId: uuid(),
    /** The price at booking time, excl. VAT. */
    priceCents: cents().notNull(),
    vatRateBp: integer().notNull().default(2000),
    paidBy: varchar({ length: 12 }).$type<PaidBy>().notNull().default('pay_per_use'),
    billableCents: cents().notNull(),
    cancellationFeeCents: cents().notNull().default(0),
    cancelledAt: timestamp({ withTimezone: true }),
    cancelledBy: uuid().references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.id] }),
    foreignKey({ columns: [t.coopId, t.resourceId], foreignColumns: [resources.coopId, resources.id] }),
    foreignKey({ columns: [t.coopId, t.memberId], foreignColumns: [members.coopId, members.id] }),
    foreignKey({ columns: [t.coopId, t.activityId], foreignColumns: [activities.coopId, activities.id] }),
    foreignKey({ columns: [t.coopId, t.clientId], foreignColumns: [clients.coopId, clients.id] }),
    index('resource_bookings_member_idx').on(t.coopId, t.memberId, t.startsAt),
    index('resource_bookings_starts_idx').on(t.coopId, t.startsAt),
    check('resource_bookings_range_check', sql`${t.startsAt} < ${t.endsAt}`),
    check('resource_bookings_status_check', sql`${t.status} in ('confirmed', 'cancelled', 'no_show', 'completed')`),
    check('resource_bookings_booker_check', sql`(${t.memberId} is not null and ${t.activityId} is not null and ${t.clientId} is null) or (${t.memberId} is null and ${t.activityId} is null and ${t.clientId} is not null)`),
    check('resource_bookings_paid_by_check', sql`${t.paidBy} in ('allowance', 'pay_per_use', 'free')`),
    check(
      'resource_bookings_amounts_check',
      sql`${t.priceCents} between 0 and 100000000 and ${t.billableCents} between 0 and ${t.priceCents} and ${t.cancellationFeeCents} between 0 and 100000000 and ${t.vatRateBp} in (0, 210, 550, 1000, 2000)`,
    ),
    check('resource_bookings_cancelled_check', sql`(${t.status} = 'cancelled') = (${t.cancelledAt} is not null)`),
  ],
);

// --- operations: feeds, check-ins, handovers, waiting list (res-ops) ---

/**
 * A secret calendar feed (RFC 5545) of a member's bookings or of a resource's. The URL holds
 * a random token; only its SHA-256 is kept, so a copy of the database gives no working feed.
 * Revoking ends it (the URL then answers 404); one live feed per member and per resource.
 */
export const resourceFeeds = pgTable(
  'resource_feeds',
  {
    coopId: coopId(),
    id: rowId(),
    tokenHash: varchar({ length: 64 }).notNull(),
    memberId: uuid(),
    resourceId: uuid(),
    createdBy: uuid()
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.id] }),
    foreignKey({ columns: [t.coopId, t.memberId], foreignColumns: [members.coopId, members.id] }),
    foreignKey({ columns: [t.coopId, t.resourceId], foreignColumns: [resources.coopId, resources.id] }),
    unique('resource_feeds_token_key').on(t.coopId, t.tokenHash),
    // The feed URL carries no coop: the token's hash finds it (random 256 bits, no collision).
    index('resource_feeds_token_idx').on(t.tokenHash),
    uniqueIndex('resource_feeds_member_live_key').on(t.coopId, t.memberId).where(sql`${t.revokedAt} is null and ${t.memberId} is not null`),
    uniqueIndex('resource_feeds_resource_live_key').on(t.coopId, t.resourceId).where(sql`${t.revokedAt} is null and ${t.resourceId} is not null`),
    check('resource_feeds_owner_check', sql`(${t.memberId} is null) <> (${t.resourceId} is null)`),
    check('resource_feeds_hash_check', sql`${t.tokenHash} ~ '^[0-9a-f]{64}$'`),
  ],
);

/** A member's arrival at a desk they booked (or took walking in): the time, and who recorded it. */
export const resourceCheckIns = pgTable(
  'resource_check_ins',
  {
    coopId: coopId(),
    bookingId: uuid().notNull(),
    checkedInAt: timestamp({ withTimezone: true }).notNull(),
    checkedInBy: uuid()
      .notNull()
      .references(() => users.id),
    /** Taken on the spot on a free desk: the booking was created, and paid, by the check-in. */
    walkIn: boolean().notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.coopId, t.bookingId] }), foreignKey({ columns: [t.coopId, t.bookingId], foreignColumns: [resourceBookings.coopId, resourceBookings.id] })],
);

/**
 * The check-out and check-in of a van or a piece of equipment, one row per booking: the two
 * readings sit side by side so the database itself refuses a mileage back below the mileage
 * out (a check constraint, not a rule each caller must remember).
 */
export const resourceHandovers = pgTable(
  'resource_handovers',
  {
    coopId: coopId(),
    bookingId: uuid().notNull(),
    outAt: timestamp({ withTimezone: true }).notNull(),
    outBy: uuid()
      .notNull()
      .references(() => users.id),
    outMileageKm: integer(),
    /** Fuel or battery charge, in percent. */
    outFuelPercent: integer(),
    outNotes: text(),
    inAt: timestamp({ withTimezone: true }),
    inBy: uuid().references(() => users.id),
    inMileageKm: integer(),
    inFuelPercent: integer(),
    inNotes: text(),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.bookingId] }),
    foreignKey({ columns: [t.coopId, t.bookingId], foreignColumns: [resourceBookings.coopId, resourceBookings.id] }),
    check('resource_handovers_mileage_check', sql`coalesce(${t.outMileageKm}, 0) between 0 and 9999999 and coalesce(${t.inMileageKm}, 0) between 0 and 9999999`),
    check('resource_handovers_mileage_back_check', sql`${t.inMileageKm} is null or ${t.outMileageKm} is null or ${t.inMileageKm} >= ${t.outMileageKm}`),
    check('resource_handovers_fuel_check', sql`coalesce(${t.outFuelPercent}, 0) between 0 and 100 and coalesce(${t.inFuelPercent}, 0) between 0 and 100`),
    check('resource_handovers_in_check', sql`(${t.inAt} is null) = (${t.inBy} is null)`),
  ],
);

/** A photo taken at a handover (damage, the dashboard), kept in the platform storage. */
export const resourceHandoverPhotos = pgTable(
  'resource_handover_photos',
  {
    coopId: coopId(),
    id: rowId(),
    bookingId: uuid().notNull(),
    direction: varchar({ length: 3 }).$type<'out' | 'in'>().notNull(),
    storageKey: varchar({ length: 300 }).notNull(),
    sha256: varchar({ length: 64 }).notNull(),
    fileName: varchar({ length: 200 }).notNull(),
    contentType: varchar({ length: 100 }).notNull(),
    size: integer().notNull(),
    uploadedBy: uuid()
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.id] }),
    foreignKey({ columns: [t.coopId, t.bookingId], foreignColumns: [resourceHandovers.coopId, resourceHandovers.bookingId] }),
    check('resource_handover_photos_direction_check', sql`${t.direction} in ('out', 'in')`),
  ],
);

/** `booked`: the member booked the slot they waited for (in the booking's transaction): nothing left to wait for. */
export const WAITLIST_STATUSES = ['waiting', 'notified', 'left', 'booked'] as const;
export type WaitlistStatus = (typeof WAITLIST_STATUSES)[number];

/**
 * A member waiting for a taken slot. When the booking holding it is cancelled, the first one
 * waiting (oldest) is told in the cancellation's transaction; the slot is then free for
 * anyone, first come first served (the exclusion constraint decides): being told is not a hold.
 */
export const resourceWaitlist = pgTable(
  'resource_waitlist',
  {
    coopId: coopId(),
    id: rowId(),
    resourceId: uuid().notNull(),
    memberId: uuid().notNull(),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    endsAt: timestamp({ withTimezone: true }).notNull(),
    status: varchar({ length: 10 }).$type<WaitlistStatus>().notNull().default('waiting'),
    createdBy: uuid()
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    notifiedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.id] }),
    foreignKey({ columns: [t.coopId, t.resourceId], foreignColumns: [resources.coopId, resources.id] }),
    foreignKey({ columns: [t.coopId, t.memberId], foreignColumns: [members.coopId, members.id] }),
    uniqueIndex('resource_waitlist_member_key').on(t.coopId, t.resourceId, t.memberId, t.startsAt, t.endsAt).where(sql`${t.status} = 'waiting'`),
    index('resource_waitlist_resource_idx').on(t.coopId, t.resourceId, t.startsAt),
    check('resource_waitlist_range_check', sql`${t.startsAt} < ${t.endsAt}`),
    check('resource_waitlist_status_check', sql`${t.status} in ('waiting', 'notified', 'left', 'booked')`),
    // Told means a date told; one still waiting was never told (a booked or left wait keeps its history).
    check('resource_waitlist_notified_check', sql`(${t.status} <> 'notified' or ${t.notifiedAt} is not null) and (${t.status} <> 'waiting' or ${t.notifiedAt} is null)`),
  ],
);

/**
 * A photo of a resource for its catalogue card and booking dialog, kept in the platform
 * storage (hash checked on read). Only real JPEG, PNG or WebP images, read from their bytes:
 * members' browsers show them inline.
 */
export const resourcePhotos = pgTable(
  'resource_photos',
  {
    coopId: coopId(),
    id: rowId(),
    resourceId: uuid().notNull(),
    storageKey: varchar({ length: 300 }).notNull(),
    sha256: varchar({ length: 64 }).notNull(),
    fileName: varchar({ length: 200 }).notNull(),
    contentType: varchar({ length: 20 }).notNull(),
    size: integer().notNull(),
    uploadedBy: uuid()
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.id] }),
    foreignKey({ columns: [t.coopId, t.resourceId], foreignColumns: [resources.coopId, resources.id] }),
    index('resource_photos_resource_idx').on(t.coopId, t.resourceId, t.createdAt),
    check('resource_photos_type_check', sql`${t.contentType} in ('image/jpeg', 'image/png', 'image/webp')`),
    check('resource_photos_size_check', sql`${t.size} > 0`),
  ],
);
