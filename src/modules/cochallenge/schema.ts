import { sql } from 'drizzle-orm';
import { check, date, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, unique, uuid, varchar } from 'drizzle-orm/pg-core';
import { coopId, createdAt, rowId, updatedAt } from '../../platform/db/columns.js';
import { members } from '../members/schema.js';
import type { CochallengeStatus, ParticipantRole, PromiseStatus } from './contract.js';

/**
 * The yearly cochallenge of a coop: on one day, pairs of members meet local companies and
 * pitch the profiles of *other* members; the goal is a number of promised meetings.
 * preparing (setup) → planned (a plan is stored; re-planned at will) → live (the day: the
 * plan is frozen, promises are recorded) → closed (follow-up only).
 */
export const cochallenges = pgTable(
  'cochallenges',
  {
    id: rowId(),
    coopId: coopId(),
    name: varchar({ length: 120 }).notNull(),
    day: date().notNull(),
    /** The first meeting's time, Paris wall clock "HH:MM"; each round lasts meetingMinutes. */
    startTime: varchar({ length: 5 }).notNull().default('09:00'),
    meetingMinutes: integer().notNull().default(30),
    goalPromises: integer().notNull(),
    profilesPerMeeting: integer().notNull().default(6),
    status: varchar({ length: 12 }).$type<CochallengeStatus>().notNull().default('preparing'),
    /** The seed of the stored plan: the same setup and seed give the same plan again. */
    planSeed: integer(),
    planFitScore: integer(),
    plannedAt: timestamp({ withTimezone: true }),
    createdBy: uuid().notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.id] }),
    unique('cochallenges_name_key').on(t.coopId, t.name),
    check('cochallenges_status_check', sql`${t.status} in ('preparing', 'planned', 'live', 'closed')`),
    check('cochallenges_numbers_check', sql`${t.goalPromises} between 1 and 100000 and ${t.profilesPerMeeting} between 1 and 12 and ${t.meetingMinutes} between 5 and 240`),
    check('cochallenges_start_check', sql`${t.startTime} ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'`),
    check('cochallenges_planned_check', sql`${t.status} = 'preparing' or ${t.plannedAt} is not null`),
  ],
);

/** A member taking part, once per campaign: pitchers pitch (and are presented by the other pairs), profiles are presented, logistics help. */
export const cochallengeParticipants = pgTable(
  'cochallenge_participants',
  {
    coopId: coopId(),
    cochallengeId: uuid().notNull(),
    memberId: uuid().notNull(),
    role: varchar({ length: 12 }).$type<ParticipantRole>().notNull(),
    /** The one line a pair says about this member to a company. */
    pitch: varchar({ length: 200 }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.cochallengeId, t.memberId] }),
    foreignKey({ columns: [t.coopId, t.cochallengeId], foreignColumns: [cochallenges.coopId, cochallenges.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.coopId, t.memberId], foreignColumns: [members.coopId, members.id] }),
    check('cochallenge_participants_role_check', sql`${t.role} in ('pitcher', 'profile', 'logistics')`),
  ],
);

/** Two pitchers who visit companies together. A pitcher is in one pair at most (one unique key per side, checked across sides by the operation under the campaign's lock). */
export const cochallengePairs = pgTable(
  'cochallenge_pairs',
  {
    id: rowId(),
    coopId: coopId(),
    cochallengeId: uuid().notNull(),
    number: integer().notNull(),
    memberAId: uuid().notNull(),
    memberBId: uuid().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.id] }),
    unique('cochallenge_pairs_number_key').on(t.coopId, t.cochallengeId, t.number),
    unique('cochallenge_pairs_a_key').on(t.coopId, t.cochallengeId, t.memberAId),
    unique('cochallenge_pairs_b_key').on(t.coopId, t.cochallengeId, t.memberBId),
    foreignKey({ columns: [t.coopId, t.cochallengeId], foreignColumns: [cochallenges.coopId, cochallenges.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.coopId, t.cochallengeId, t.memberAId], foreignColumns: [cochallengeParticipants.coopId, cochallengeParticipants.cochallengeId, cochallengeParticipants.memberId] }),
    foreignKey({ columns: [t.coopId, t.cochallengeId, t.memberBId], foreignColumns: [cochallengeParticipants.coopId, cochallengeParticipants.cochallengeId, cochallengeParticipants.memberId] }),
    check('cochallenge_pairs_two_check', sql`${t.memberAId} <> ${t.memberBId}`),
  ],
);

/** A local company that agreed to receive pairs: each slot is one meeting with a different pair. */
export const cochallengeCompanies = pgTable(
  'cochallenge_companies',
  {
    id: rowId(),
    coopId: coopId(),
    cochallengeId: uuid().notNull(),
    name: varchar({ length: 160 }).notNull(),
    /** Sector and needs, matched to the profiles' trades and skills. */
    tags: text().array().notNull().default(sql`array[]::text[]`),
    contactName: varchar({ length: 120 }),
    contactPhone: varchar({ length: 40 }),
    address: varchar({ length: 200 }),
    slots: integer().notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.id] }),
    unique('cochallenge_companies_name_key').on(t.coopId, t.cochallengeId, t.name),
    foreignKey({ columns: [t.coopId, t.cochallengeId], foreignColumns: [cochallenges.coopId, cochallenges.id] }).onDelete('cascade'),
    check('cochallenge_companies_slots_check', sql`${t.slots} between 1 and 6`),
  ],
);

/** One planned meeting: a pair at a company in a round. The unique keys are the "no double booking" of the plan, in the database. */
export const cochallengeMeetings = pgTable(
  'cochallenge_meetings',
  {
    id: rowId(),
    coopId: coopId(),
    cochallengeId: uuid().notNull(),
    pairId: uuid().notNull(),
    companyId: uuid().notNull(),
    round: integer().notNull(),
    fit: integer().notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.id] }),
    unique('cochallenge_meetings_pair_round_key').on(t.coopId, t.pairId, t.round),
    unique('cochallenge_meetings_company_round_key').on(t.coopId, t.companyId, t.round),
    unique('cochallenge_meetings_pair_company_key').on(t.coopId, t.pairId, t.companyId),
    foreignKey({ columns: [t.coopId, t.cochallengeId], foreignColumns: [cochallenges.coopId, cochallenges.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.coopId, t.pairId], foreignColumns: [cochallengePairs.coopId, cochallengePairs.id] }),
    foreignKey({ columns: [t.coopId, t.companyId], foreignColumns: [cochallengeCompanies.coopId, cochallengeCompanies.id] }),
    index('cochallenge_meetings_campaign_idx').on(t.coopId, t.cochallengeId, t.round),
    check('cochallenge_meetings_round_check', sql`${t.round} between 0 and 47`),
  ],
);

/** A profile presented at a meeting. (company, profile) is unique: a company never hears the same member twice. */
export const cochallengePresentations = pgTable(
  'cochallenge_presentations',
  {
    coopId: coopId(),
    meetingId: uuid().notNull(),
    companyId: uuid().notNull(),
    profileMemberId: uuid().notNull(),
    position: integer().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.meetingId, t.profileMemberId] }),
    unique('cochallenge_presentations_company_profile_key').on(t.coopId, t.companyId, t.profileMemberId),
    foreignKey({ columns: [t.coopId, t.meetingId], foreignColumns: [cochallengeMeetings.coopId, cochallengeMeetings.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.coopId, t.profileMemberId], foreignColumns: [members.coopId, members.id] }),
  ],
);

/**
 * A company's promise to meet a presented member, recorded by a pitcher on the day, then
 * followed: meeting held → quote sent (a quote of the quotes module) → contract signed, or
 * dropped. The phone's idempotency key is unique: a double tap or a retry after a lost answer
 * is the same promise; (meeting, profile) is unique too: two pitchers tapping at once count once.
 */
export const cochallengePromises = pgTable(
  'cochallenge_promises',
  {
    id: rowId(),
    coopId: coopId(),
    cochallengeId: uuid().notNull(),
    meetingId: uuid().notNull(),
    companyId: uuid().notNull(),
    pairId: uuid().notNull(),
    profileMemberId: uuid().notNull(),
    idempotencyKey: uuid().notNull(),
    recordedBy: uuid().notNull(),
    status: varchar({ length: 16 }).$type<PromiseStatus>().notNull().default('promised'),
    quoteId: uuid(),
    notes: varchar({ length: 500 }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.id] }),
    unique('cochallenge_promises_key_key').on(t.coopId, t.idempotencyKey),
    unique('cochallenge_promises_meeting_profile_key').on(t.coopId, t.meetingId, t.profileMemberId),
    foreignKey({ columns: [t.coopId, t.cochallengeId], foreignColumns: [cochallenges.coopId, cochallenges.id] }),
    foreignKey({ columns: [t.coopId, t.meetingId, t.profileMemberId], foreignColumns: [cochallengePresentations.coopId, cochallengePresentations.meetingId, cochallengePresentations.profileMemberId] }),
    index('cochallenge_promises_campaign_idx').on(t.coopId, t.cochallengeId, t.createdAt),
    check('cochallenge_promises_status_check', sql`${t.status} in ('promised', 'meeting_held', 'quote_sent', 'contract_signed', 'dropped')`),
    check('cochallenge_promises_quote_check', sql`${t.status} not in ('quote_sent', 'contract_signed') or ${t.quoteId} is not null`),
  ],
);
