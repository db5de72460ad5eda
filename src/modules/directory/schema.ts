import { sql } from 'drizzle-orm';
import { boolean, check, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { users } from '../../platform/auth/schema.js';
import { coopId, createdAt, rowId, updatedAt } from '../../platform/db/columns.js';
import { coops } from '../coops/schema.js';
import { members } from '../members/schema.js';
import { DEFAULT_VISIBILITY, type Availability, type FieldVisibility, type PortfolioLink, type ProfileFileKind, type Visibility } from './domain/visible-profile.js';

/**
 * A member's public face in the coop's directory: what she chooses to show, field by field,
 * to the other members and (if the coop publishes a directory) to anyone. Separate from the
 * member file the staff keep: the trade, skills, city written here are her own words for her
 * clients and colleagues, and the file is never shown through the directory.
 *
 * `search_*` hold, folded by domain/normalize-search.ts, the words each audience may find the
 * profile by (staff: all; members: fields at members or public; public: public fields). They
 * are written by save-my-profile.ts in the same statement as the fields they come from. The
 * name is a copy taken from the member file at each save (see list-directory.ts for why the
 * list shows the live name while the search matches the copy).
 */
export const directoryProfiles = pgTable(
  'directory_profiles',
  {
    coopId: coopId(),
    memberId: uuid().notNull(),
    name: varchar({ length: 201 }).notNull(),
    /** The name folded, the order of the directory (Élodie among the E). */
    nameSort: varchar({ length: 201 }).notNull(),
    listed: boolean().notNull().default(false),
    visibility: jsonb().$type<FieldVisibility>().notNull().default(sql.raw(`'${JSON.stringify(DEFAULT_VISIBILITY)}'::jsonb`)),
    trade: varchar({ length: 120 }),
    skills: text().array().notNull().default(sql`array[]::text[]`),
    /** The skills folded, for the exact filter by skill (a chip of the vocabulary). */
    skillsNorm: text().array().notNull().default(sql`array[]::text[]`),
    poles: text().array().notNull().default(sql`array[]::text[]`),
    sectors: text().array().notNull().default(sql`array[]::text[]`),
    pitch: varchar({ length: 600 }),
    links: jsonb().$type<PortfolioLink[]>().notNull().default(sql`'[]'::jsonb`),
    city: varchar({ length: 120 }),
    cityNorm: varchar({ length: 120 }),
    availability: varchar({ length: 12 }).$type<Availability>(),
    availabilityNote: varchar({ length: 200 }),
    languages: text().array().notNull().default(sql`array[]::text[]`),
    email: varchar({ length: 254 }),
    phone: varchar({ length: 40 }),
    searchStaff: text().notNull().default(''),
    searchMembers: text().notNull().default(''),
    searchPublic: text().notNull().default(''),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.memberId] }),
    foreignKey({ columns: [t.coopId, t.memberId], foreignColumns: [members.coopId, members.id] }),
    // The directory's order to the last tie-breaker, so any page is read in order from the index.
    index('directory_profiles_name_idx').on(t.coopId, t.nameSort, t.memberId),
    // Substring search ("develop" in "développeuse") over each audience's words: trigram indexes.
    index('directory_profiles_search_staff_idx').using('gin', sql`${t.searchStaff} gin_trgm_ops`),
    index('directory_profiles_search_members_idx').using('gin', sql`${t.searchMembers} gin_trgm_ops`),
    index('directory_profiles_search_public_idx').using('gin', sql`${t.searchPublic} gin_trgm_ops`),
    index('directory_profiles_skills_idx').using('gin', t.skillsNorm),
    check('directory_profiles_availability_check', sql`${t.availability} is null or ${t.availability} in ('available', 'partly', 'unavailable')`),
    check('directory_profiles_sizes_check', sql`cardinality(${t.skills}) <= 30 and cardinality(${t.poles}) <= 10 and cardinality(${t.sectors}) <= 10 and cardinality(${t.languages}) <= 10 and jsonb_array_length(${t.links}) <= 10`),
  ],
);

/**
 * The coop's vocabulary of skills: what the editor suggests and the filter chips offer, so
 * "Illustration" is written one way. Members may still add their own words; staff promote the
 * frequent ones here (skills-vocabulary.ts).
 */
export const directorySkills = pgTable(
  'directory_skills',
  {
    coopId: coopId(),
    id: rowId(),
    label: varchar({ length: 60 }).notNull(),
    normalized: varchar({ length: 60 }).notNull(),
    createdBy: uuid().references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.coopId, t.id] }), unique('directory_skills_coop_normalized_key').on(t.coopId, t.normalized)],
);

/**
 * The files of a profile: its photo (one at most: `kind = 'photo'`, shown as the profile's
 * `photo` field chooses) and its portfolio (a book, a case study: `kind = 'portfolio'`, each
 * shown as its own `visibility` chooses, hidden until the member says otherwise). The bytes
 * live in the platform storage under `storage_key`, checked against `sha256` at each read.
 */
export const directoryProfileFiles = pgTable(
  'directory_profile_files',
  {
    coopId: coopId(),
    id: rowId(),
    memberId: uuid().notNull(),
    kind: varchar({ length: 12 }).$type<ProfileFileKind>().notNull().default('portfolio'),
    /** Who may see a portfolio file (the photo follows the profile's `photo` field instead). */
    visibility: varchar({ length: 8 }).$type<Visibility>().notNull().default('hidden'),
    fileName: varchar({ length: 255 }).notNull(),
    contentType: varchar({ length: 100 }).notNull(),
    sizeBytes: integer().notNull(),
    sha256: varchar({ length: 64 }).notNull(),
    storageKey: varchar({ length: 300 }).notNull(),
    uploadedBy: uuid().references(() => users.id),
    uploadedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.id] }),
    foreignKey({ columns: [t.coopId, t.memberId], foreignColumns: [directoryProfiles.coopId, directoryProfiles.memberId] }),
    unique('directory_profile_files_key').on(t.coopId, t.storageKey),
    index('directory_profile_files_member_idx').on(t.coopId, t.memberId),
    // One photo a profile: a second upload replaces the first in one transaction, and two at once cannot both win.
    uniqueIndex('directory_profile_files_one_photo_key').on(t.coopId, t.memberId).where(sql`${t.kind} = 'photo'`),
    check('directory_profile_files_size_check', sql`${t.sizeBytes} > 0 and ${t.sizeBytes} <= 104857600`),
    check('directory_profile_files_kind_check', sql`${t.kind} in ('photo', 'portfolio')`),
    check('directory_profile_files_visibility_check', sql`${t.visibility} in ('hidden', 'members', 'public')`),
  ],
);

/**
 * Whether a coop publishes its directory, and at which address. Global (global-tables.ts):
 * an anonymous visitor's request names the address, not the coop, so the address must be
 * found before any coop is known, and be unique across the instance.
 */
export const directorySettings = pgTable(
  'directory_settings',
  {
    coopId: uuid()
      .primaryKey()
      .references(() => coops.id),
    publicDirectory: boolean().notNull().default(false),
    publicSlug: varchar({ length: 60 }).unique('directory_settings_slug_key'),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('directory_settings_slug_check', sql`${t.publicSlug} is null or ${t.publicSlug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
    check('directory_settings_published_check', sql`not ${t.publicDirectory} or ${t.publicSlug} is not null`),
  ],
);

export type DirectoryProfileRow = typeof directoryProfiles.$inferSelect;
export type DirectoryProfileFileRow = typeof directoryProfileFiles.$inferSelect;
