import { sql } from 'drizzle-orm';
import { check, date, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, unique, uuid, varchar } from 'drizzle-orm/pg-core';
import { users } from '../../platform/auth/schema.js';
import { coopId, createdAt, rowId, updatedAt } from '../../platform/db/columns.js';
import { members } from '../members/schema.js';
import type { ApplicationStatus, GoalStatus, GroupStatus, ProgressStatus, SeasonStatus } from './domain/workclub-states.js';

/**
 * A season of workclubs: the coop takes applications between two dates, then groups of four
 * work 45 days (the end defaults to the start + 45 days, staff may set another).
 */
export const workclubSeasons = pgTable(
  'workclub_seasons',
  {
    coopId: coopId(),
    id: rowId(),
    name: varchar({ length: 120 }).notNull(),
    applicationsOpenOn: date().notNull(),
    applicationsCloseOn: date().notNull(),
    startsOn: date().notNull(),
    endsOn: date().notNull(),
    status: varchar({ length: 12 }).$type<SeasonStatus>().notNull().default('open'),
    createdBy: uuid().references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.id] }),
    unique('workclub_seasons_coop_name_key').on(t.coopId, t.name),
    check('workclub_seasons_status_check', sql`${t.status} in ('open', 'running', 'closed')`),
    check('workclub_seasons_window_check', sql`${t.applicationsCloseOn} >= ${t.applicationsOpenOn}`),
    check('workclub_seasons_dates_check', sql`${t.endsOn} > ${t.startsOn}`),
  ],
);

/**
 * A person from a partner company who joins a group: no member account. They reach their
 * group's page by a signed link whose key is this row's own secret, so staff can cut one
 * person's access (a new secret) without touching anyone else's.
 */
export const workclubExternalParticipants = pgTable(
  'workclub_external_participants',
  {
    coopId: coopId(),
    id: rowId(),
    seasonId: uuid().notNull(),
    name: varchar({ length: 200 }).notNull(),
    email: varchar({ length: 254 }).notNull(),
    company: varchar({ length: 200 }).notNull(),
    /** Signs their links (HMAC); never leaves the server. A new invitation draws a new one, which kills every older link. */
    linkSecret: varchar({ length: 64 }).notNull(),
    /** Staff cut this person's access: their link, still well signed, opens a "revoked" page until they are invited again. */
    linkRevokedAt: timestamp({ withTimezone: true }),
    invitedBy: uuid().references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.id] }),
    unique('workclub_external_participants_email_key').on(t.coopId, t.seasonId, t.email),
    foreignKey({ columns: [t.coopId, t.seasonId], foreignColumns: [workclubSeasons.coopId, workclubSeasons.id] }),
  ],
);

/** A person's application to a season with the project they want to push. One per person and season. */
export const workclubApplications = pgTable(
  'workclub_applications',
  {
    coopId: coopId(),
    id: rowId(),
    seasonId: uuid().notNull(),
    memberId: uuid(),
    externalParticipantId: uuid(),
    projectTitle: varchar({ length: 160 }).notNull(),
    projectDescription: text().notNull(),
    status: varchar({ length: 12 }).$type<ApplicationStatus>().notNull().default('submitted'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.id] }),
    unique('workclub_applications_member_key').on(t.coopId, t.seasonId, t.memberId),
    unique('workclub_applications_external_key').on(t.coopId, t.seasonId, t.externalParticipantId),
    foreignKey({ columns: [t.coopId, t.seasonId], foreignColumns: [workclubSeasons.coopId, workclubSeasons.id] }),
    foreignKey({ columns: [t.coopId, t.memberId], foreignColumns: [members.coopId, members.id] }),
    foreignKey({ columns: [t.coopId, t.externalParticipantId], foreignColumns: [workclubExternalParticipants.coopId, workclubExternalParticipants.id] }),
    check('workclub_applications_person_check', sql`(${t.memberId} is null) <> (${t.externalParticipantId} is null)`),
    check('workclub_applications_status_check', sql`${t.status} in ('submitted', 'withdrawn', 'placed')`),
    check('workclub_applications_description_check', sql`length(${t.projectDescription}) <= 4000`),
  ],
);

export const workclubGroups = pgTable(
  'workclub_groups',
  {
    coopId: coopId(),
    id: rowId(),
    seasonId: uuid().notNull(),
    name: varchar({ length: 80 }).notNull(),
    status: varchar({ length: 12 }).$type<GroupStatus>().notNull().default('active'),
    closedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.id] }),
    unique('workclub_groups_name_key').on(t.coopId, t.seasonId, t.name),
    foreignKey({ columns: [t.coopId, t.seasonId], foreignColumns: [workclubSeasons.coopId, workclubSeasons.id] }),
    check('workclub_groups_status_check', sql`${t.status} in ('active', 'closed')`),
  ],
);

/**
 * A participant: one placed application in one group. A person is in one group per season
 * (the unique keys on the season); moving them changes `group_id` and keeps their goals.
 */
export const workclubGroupMembers = pgTable(
  'workclub_group_members',
  {
    coopId: coopId(),
    id: rowId(),
    seasonId: uuid().notNull(),
    groupId: uuid().notNull(),
    applicationId: uuid().notNull(),
    memberId: uuid(),
    externalParticipantId: uuid(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.id] }),
    unique('workclub_group_members_application_key').on(t.coopId, t.applicationId),
    unique('workclub_group_members_member_key').on(t.coopId, t.seasonId, t.memberId),
    unique('workclub_group_members_external_key').on(t.coopId, t.seasonId, t.externalParticipantId),
    index('workclub_group_members_group_idx').on(t.coopId, t.groupId),
    foreignKey({ columns: [t.coopId, t.seasonId], foreignColumns: [workclubSeasons.coopId, workclubSeasons.id] }),
    foreignKey({ columns: [t.coopId, t.groupId], foreignColumns: [workclubGroups.coopId, workclubGroups.id] }),
    foreignKey({ columns: [t.coopId, t.applicationId], foreignColumns: [workclubApplications.coopId, workclubApplications.id] }),
    foreignKey({ columns: [t.coopId, t.memberId], foreignColumns: [members.coopId, members.id] }),
    foreignKey({ columns: [t.coopId, t.externalParticipantId], foreignColumns: [workclubExternalParticipants.coopId, workclubExternalParticipants.id] }),
    check('workclub_group_members_person_check', sql`(${t.memberId} is null) <> (${t.externalParticipantId} is null)`),
  ],
);

export const workclubSessions = pgTable(
  'workclub_sessions',
  {
    coopId: coopId(),
    id: rowId(),
    groupId: uuid().notNull(),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    durationMinutes: integer().notNull().default(120),
    /** A room of the coworking or a video link. */
    place: varchar({ length: 300 }).notNull(),
    /** iCalendar SEQUENCE: grows at each change, so a calendar that imported the session replaces its copy (same UID). */
    sequence: integer().notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.id] }),
    unique('workclub_sessions_start_key').on(t.coopId, t.groupId, t.startsAt),
    foreignKey({ columns: [t.coopId, t.groupId], foreignColumns: [workclubGroups.coopId, workclubGroups.id] }),
    check('workclub_sessions_duration_check', sql`${t.durationMinutes} between 15 and 480`),
    check('workclub_sessions_sequence_check', sql`${t.sequence} >= 0`),
  ],
);

export const workclubGoals = pgTable(
  'workclub_goals',
  {
    coopId: coopId(),
    id: rowId(),
    participantId: uuid().notNull(),
    text: varchar({ length: 500 }).notNull(),
    status: varchar({ length: 12 }).$type<GoalStatus>().notNull().default('open'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.id] }),
    index('workclub_goals_participant_idx').on(t.coopId, t.participantId),
    foreignKey({ columns: [t.coopId, t.participantId], foreignColumns: [workclubGroupMembers.coopId, workclubGroupMembers.id] }),
    check('workclub_goals_status_check', sql`${t.status} in ('open', 'achieved', 'dropped')`),
  ],
);

/** What a participant reports at a session: one report per session and person, rewritten until the group closes. */
export const workclubProgress = pgTable(
  'workclub_progress',
  {
    coopId: coopId(),
    id: rowId(),
    sessionId: uuid().notNull(),
    participantId: uuid().notNull(),
    report: text().notNull(),
    status: varchar({ length: 12 }).$type<ProgressStatus>().notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.id] }),
    unique('workclub_progress_session_participant_key').on(t.coopId, t.sessionId, t.participantId),
    foreignKey({ columns: [t.coopId, t.sessionId], foreignColumns: [workclubSessions.coopId, workclubSessions.id] }),
    foreignKey({ columns: [t.coopId, t.participantId], foreignColumns: [workclubGroupMembers.coopId, workclubGroupMembers.id] }),
    check('workclub_progress_status_check', sql`${t.status} in ('on_track', 'done', 'blocked')`),
    check('workclub_progress_report_check', sql`length(${t.report}) <= 4000`),
  ],
);

/** What each project achieved, written when the group closes. One per participant. */
export const workclubReviews = pgTable(
  'workclub_reviews',
  {
    coopId: coopId(),
    id: rowId(),
    participantId: uuid().notNull(),
    achieved: text().notNull(),
    rating: integer().notNull(),
    writtenBy: uuid().references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.id] }),
    unique('workclub_reviews_participant_key').on(t.coopId, t.participantId),
    foreignKey({ columns: [t.coopId, t.participantId], foreignColumns: [workclubGroupMembers.coopId, workclubGroupMembers.id] }),
    check('workclub_reviews_rating_check', sql`${t.rating} between 1 and 5`),
    check('workclub_reviews_achieved_check', sql`length(${t.achieved}) <= 4000`),
  ],
);
