import { sql } from 'drizzle-orm';
import { boolean, check, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, unique, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { users } from '../../platform/auth/schema.js';
import { coopId, createdAt, rowId, updatedAt } from '../../platform/db/columns.js';
import { coops } from '../coops/schema.js';

/** The longest page body, in characters: a long guide fits; a pasted book does not (it would make the search and the diff slow). */
export const MAX_PAGE_BODY = 100_000;

/**
 * A space (BookStack's shelf): the unit of permission. Its visibility says who reads it; members
 * write its pages only when `members_can_edit`; it may be read by other coops of the network.
 */
export const kbSpaces = pgTable(
  'kb_spaces',
  {
    coopId: coopId().references(() => coops.id),
    id: rowId(),
    name: varchar({ length: 120 }).notNull(),
    slug: varchar({ length: 80 }).notNull(),
    description: varchar({ length: 500 }).notNull().default(''),
    visibility: varchar({ length: 8 }).$type<'staff' | 'members' | 'public'>().notNull(),
    membersCanEdit: boolean().notNull().default(false),
    /** Every coop of the instance reads it (read-only), besides the coops of `kb_space_shares`. */
    sharedWithNetwork: boolean().notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.id] }),
    unique('kb_spaces_slug_key').on(t.coopId, t.slug),
    check('kb_spaces_visibility_check', sql`${t.visibility} in ('staff', 'members', 'public')`),
    index('kb_spaces_network_idx').on(t.id).where(sql`${t.sharedWithNetwork}`),
  ],
);

/**
 * A space of coop A that coop B may read: the one explicit rule that lets knowledge rows cross
 * tenants (granting and revoking are audited). Keyed by the owner so it lives with the space.
 */
export const kbSpaceShares = pgTable(
  'kb_space_shares',
  {
    coopId: coopId(),
    spaceId: uuid().notNull(),
    sharedWithCoopId: uuid()
      .notNull()
      .references(() => coops.id),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.spaceId, t.sharedWithCoopId] }),
    foreignKey({ columns: [t.coopId, t.spaceId], foreignColumns: [kbSpaces.coopId, kbSpaces.id] }).onDelete('cascade'),
    check('kb_space_shares_other_coop_check', sql`${t.sharedWithCoopId} <> ${t.coopId}`),
    index('kb_space_shares_reader_idx').on(t.sharedWithCoopId),
  ],
);

/** A book of a space; its visibility may narrow the space's (never widen it: `widensSpace`, re-checked in the transaction that writes the book). */
export const kbBooks = pgTable(
  'kb_books',
  {
    coopId: coopId(),
    id: rowId(),
    spaceId: uuid().notNull(),
    name: varchar({ length: 120 }).notNull(),
    slug: varchar({ length: 80 }).notNull(),
    description: varchar({ length: 500 }).notNull().default(''),
    visibility: varchar({ length: 8 }).$type<'staff' | 'members' | 'public'>(),
    position: integer().notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.id] }),
    unique('kb_books_slug_key').on(t.coopId, t.spaceId, t.slug),
    foreignKey({ columns: [t.coopId, t.spaceId], foreignColumns: [kbSpaces.coopId, kbSpaces.id] }),
    check('kb_books_visibility_check', sql`${t.visibility} is null or ${t.visibility} in ('staff', 'members', 'public')`),
  ],
);

/**
 * A chapter of a book: an ordered group of its pages (a page may also sit directly in the book).
 * Its `(coop_id, book_id, id)` key lets a page's foreign key hold the page and its chapter in the
 * same book, whatever the code does.
 */
export const kbChapters = pgTable(
  'kb_chapters',
  {
    coopId: coopId(),
    id: rowId(),
    bookId: uuid().notNull(),
    name: varchar({ length: 120 }).notNull(),
    slug: varchar({ length: 80 }).notNull(),
    position: integer().notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.id] }),
    unique('kb_chapters_slug_key').on(t.coopId, t.bookId, t.slug),
    unique('kb_chapters_book_key').on(t.coopId, t.bookId, t.id),
    foreignKey({ columns: [t.coopId, t.bookId], foreignColumns: [kbBooks.coopId, kbBooks.id] }),
    check('kb_chapters_position_check', sql`${t.position} >= 0`),
  ],
);

/**
 * A page: its current title and body (a copy of its last revision, for reading and searching)
 * and the number of that revision, the guard of concurrent edits (an edit names the revision it
 * started from; the update only matches if it is still the current one).
 */
export const kbPages = pgTable(
  'kb_pages',
  {
    coopId: coopId(),
    id: rowId(),
    bookId: uuid().notNull(),
    /** null: the page sits directly in its book. */
    chapterId: uuid(),
    title: varchar({ length: 200 }).notNull(),
    slug: varchar({ length: 80 }).notNull(),
    body: text().notNull(),
    position: integer().notNull().default(0),
    currentRevision: integer().notNull(),
    /** Folded title and body: the column the accent-insensitive search reads, through its trigram index. */
    searchText: text().generatedAlwaysAs(sql`f_unaccent(lower(title || ' ' || body))`),
    archivedAt: timestamp({ withTimezone: true }),
    updatedByUserId: uuid().references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.id] }),
    unique('kb_pages_slug_key').on(t.coopId, t.bookId, t.slug),
    foreignKey({ columns: [t.coopId, t.bookId], foreignColumns: [kbBooks.coopId, kbBooks.id] }),
    // A page's chapter is one of its own book's (checked only when the page has a chapter).
    foreignKey({ name: 'kb_pages_chapter_fk', columns: [t.coopId, t.bookId, t.chapterId], foreignColumns: [kbChapters.coopId, kbChapters.bookId, kbChapters.id] }),
    check('kb_pages_body_check', sql`length(${t.body}) <= 100000`),
    check('kb_pages_revision_check', sql`${t.currentRevision} >= 1`),
    index('kb_pages_search_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
  ],
);

/** Every version of a page, never changed nor deleted (a trigger refuses it): restoring writes a new revision. */
export const kbPageRevisions = pgTable(
  'kb_page_revisions',
  {
    coopId: coopId(),
    id: rowId(),
    pageId: uuid().notNull(),
    number: integer().notNull(),
    title: varchar({ length: 200 }).notNull(),
    body: text().notNull(),
    authorUserId: uuid().references(() => users.id),
    /** The revision this one restored, when it is a restore. */
    restoredFrom: integer(),
    linesAdded: integer().notNull(),
    linesRemoved: integer().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.id] }),
    unique('kb_page_revisions_number_key').on(t.coopId, t.pageId, t.number),
    foreignKey({ columns: [t.coopId, t.pageId], foreignColumns: [kbPages.coopId, kbPages.id] }),
    check('kb_page_revisions_number_check', sql`${t.number} >= 1`),
  ],
);

/** A question asked in a space, open until one of its answers is accepted. */
export const kbQuestions = pgTable(
  'kb_questions',
  {
    coopId: coopId(),
    id: rowId(),
    spaceId: uuid().notNull(),
    title: varchar({ length: 200 }).notNull(),
    body: text().notNull(),
    authorUserId: uuid()
      .notNull()
      .references(() => users.id),
    status: varchar({ length: 8 }).$type<'open' | 'answered'>().notNull().default('open'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.id] }),
    foreignKey({ columns: [t.coopId, t.spaceId], foreignColumns: [kbSpaces.coopId, kbSpaces.id] }),
    check('kb_questions_status_check', sql`${t.status} in ('open', 'answered')`),
    check('kb_questions_body_check', sql`length(${t.body}) <= 20000`),
    index('kb_questions_space_idx').on(t.coopId, t.spaceId, t.createdAt),
  ],
);

/** An answer; at most one accepted per question (the partial unique index holds it under concurrent accepts). */
export const kbAnswers = pgTable(
  'kb_answers',
  {
    coopId: coopId(),
    id: rowId(),
    questionId: uuid().notNull(),
    body: text().notNull(),
    authorUserId: uuid()
      .notNull()
      .references(() => users.id),
    accepted: boolean().notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.id] }),
    foreignKey({ columns: [t.coopId, t.questionId], foreignColumns: [kbQuestions.coopId, kbQuestions.id] }),
    uniqueIndex('kb_answers_one_accepted_idx').on(t.coopId, t.questionId).where(sql`${t.accepted}`),
    check('kb_answers_body_check', sql`length(${t.body}) <= 20000`),
  ],
);
