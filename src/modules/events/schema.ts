import { sql } from 'drizzle-orm';
import { boolean, check, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, unique, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { users } from '../../platform/auth/schema.js';
import { coopId, createdAt, rowId, updatedAt } from '../../platform/db/columns.js';
import { members } from '../members/schema.js';

export const EVENT_KINDS = ['colunch', 'workshop', 'meetup', 'open_day', 'other'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];
export const EVENT_STATUSES = ['scheduled', 'cancelled', 'done'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];
export const REGISTRATION_STATUSES = ['confirmed', 'waiting', 'cancelled'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

/**
 * A community event of the coop: the weekly co-lunch where a member shares know-how, a
 * workshop, a meetup, an open day. Hosted by a member, or by someone from outside (a name).
 * The row is locked FOR UPDATE by every registration and cancellation: it serialises the
 * places of one event, so capacity is never exceeded and waiting positions never collide.
 */
export const events = pgTable(
  'events',
  {
    coopId: coopId(),
    id: rowId(),
    kind: varchar({ length: 16 }).$type<EventKind>().notNull(),
    title: varchar({ length: 200 }).notNull(),
    theme: varchar({ length: 200 }),
    description: text(),
    hostMemberId: uuid(),
    hostName: varchar({ length: 200 }),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    endsAt: timestamp({ withTimezone: true }).notNull(),
    /** Registrations close then; the start when null. */
    registrationDeadline: timestamp({ withTimezone: true }),
    place: varchar({ length: 300 }),
    onlineUrl: varchar({ length: 500 }),
    /** Null: as many as come. */
    capacity: integer(),
    status: varchar({ length: 16 }).$type<EventStatus>().notNull().default('scheduled'),
    /** The iCalendar SEQUENCE: bumped at each change, so calendars replace the old copy. */
    sequence: integer().notNull().default(0),
    /** The theme proposal this event answers, if any. */
    proposalId: uuid(),
    createdBy: uuid().references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.id] }),
    foreignKey({ columns: [t.coopId, t.hostMemberId], foreignColumns: [members.coopId, members.id] }),
    index('events_starts_idx').on(t.coopId, t.startsAt),
    check('events_kind_check', sql`${t.kind} in ('colunch', 'workshop', 'meetup', 'open_day', 'other')`),
    check('events_status_check', sql`${t.status} in ('scheduled', 'cancelled', 'done')`),
    check('events_times_check', sql`${t.endsAt} > ${t.startsAt} and (${t.registrationDeadline} is null or ${t.registrationDeadline} <= ${t.startsAt})`),
    check('events_capacity_check', sql`${t.capacity} is null or ${t.capacity} between 1 and 10000`),
    check('events_host_check', sql`not (${t.hostMemberId} is not null and ${t.hostName} is not null)`),
  ],
);

/**
 * A seat asked for an event: a member of the coop, or a guest from outside (name and e-mail,
 * no account). Confirmed within the capacity, otherwise waiting at a position 1..k; the
 * positions of an event are unique (a deferrable key, migration `events_waiting_positions`,
 * so a cancellation can close the gap in one statement).
 */
export const eventRegistrations = pgTable(
  'event_registrations',
  {
    coopId: coopId(),
    id: rowId(),
    eventId: uuid().notNull(),
    memberId: uuid(),
    guestName: varchar({ length: 200 }),
    guestEmail: varchar({ length: 254 }),
    status: varchar({ length: 16 }).$type<RegistrationStatus>().notNull(),
    waitingPosition: integer(),
    /** Taken on the day: null until staff or the host mark it. */
    attended: boolean(),
    registeredBy: uuid().references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.id] }),
    foreignKey({ columns: [t.coopId, t.eventId], foreignColumns: [events.coopId, events.id] }),
    foreignKey({ columns: [t.coopId, t.memberId], foreignColumns: [members.coopId, members.id] }),
    unique('event_registrations_member_key').on(t.coopId, t.eventId, t.memberId),
    uniqueIndex('event_registrations_guest_key').on(t.coopId, t.eventId, sql`lower(${t.guestEmail})`).where(sql`${t.guestEmail} is not null`),
    index('event_registrations_event_idx').on(t.coopId, t.eventId, t.status),
    check('event_registrations_who_check', sql`(${t.memberId} is not null and ${t.guestName} is null and ${t.guestEmail} is null) or (${t.memberId} is null and ${t.guestName} is not null and ${t.guestEmail} is not null)`),
    check('event_registrations_status_check', sql`${t.status} in ('confirmed', 'waiting', 'cancelled') and (${t.status} = 'waiting') = (${t.waitingPosition} is not null) and (${t.waitingPosition} is null or ${t.waitingPosition} >= 1)`),
  ],
);

/** A reminder mail sent for a registration: written with the mail, so a job run twice sends it once. */
export const eventRemindersSent = pgTable(
  'event_reminders_sent',
  {
    coopId: coopId(),
    registrationId: uuid().notNull(),
    kind: varchar({ length: 16 }).notNull(),
    /** The start it announced: a moved event is reminded again at its new time. */
    startsAt: timestamp({ withTimezone: true }).notNull(),
    sentAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.registrationId, t.kind, t.startsAt] }),
    foreignKey({ columns: [t.coopId, t.registrationId], foreignColumns: [eventRegistrations.coopId, eventRegistrations.id] }),
  ],
);

/** A theme a member would like a co-lunch about, or would host one on. */
export const eventThemeProposals = pgTable(
  'event_theme_proposals',
  {
    coopId: coopId(),
    id: rowId(),
    title: varchar({ length: 200 }).notNull(),
    details: text(),
    proposedByMemberId: uuid(),
    proposedByUserId: uuid().references(() => users.id),
    /** The proposer offers to host it. */
    wouldHost: boolean().notNull().default(false),
    status: varchar({ length: 16 }).$type<'open' | 'scheduled' | 'dismissed'>().notNull().default('open'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.id] }),
    foreignKey({ columns: [t.coopId, t.proposedByMemberId], foreignColumns: [members.coopId, members.id] }),
    check('event_theme_proposals_status_check', sql`${t.status} in ('open', 'scheduled', 'dismissed')`),
  ],
);

/** One vote of a member for a proposal: the key makes a second vote impossible, even a concurrent one. */
export const eventThemeVotes = pgTable(
  'event_theme_votes',
  {
    coopId: coopId(),
    proposalId: uuid().notNull(),
    memberId: uuid().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.proposalId, t.memberId] }),
    foreignKey({ columns: [t.coopId, t.proposalId], foreignColumns: [eventThemeProposals.coopId, eventThemeProposals.id] }),
    foreignKey({ columns: [t.coopId, t.memberId], foreignColumns: [members.coopId, members.id] }),
  ],
);

export type EventRow = typeof events.$inferSelect;
export type RegistrationRow = typeof eventRegistrations.$inferSelect;
export type ThemeProposalRow = typeof eventThemeProposals.$inferSelect;
